package load

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"briefings/internal/diag"
)

// What text an article file may hold, and how its problems are told.

// checkText accepts UTF-8 text, dropping a byte-order mark and turning
// CRLF and lone CR line ends into LF, so that lines count as editors show them.
// Control characters are reported and read as spaces, so that the file's
// other problems are listed too.
func checkText(path string, src []byte, errs *diag.List) ([]byte, bool) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if len(bytes.TrimSpace(src)) == 0 {
		errs.Add(path, 1, "empty file: an article needs front matter (title, date, countries) and a body")
		return nil, false
	}
	if bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) {
		errs.Add(path, 1, "the file is saved as UTF-16: save it as UTF-8")
		return nil, false
	}
	if bytes.IndexByte(src, '\r') >= 0 { // most files have none: no copies then
		src = bytes.ReplaceAll(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		errs.Add(path, lineAt(src, i), "not a text file (it holds a NUL byte): save it as UTF-8 text, or keep it out of content/")
		return nil, false
	}
	if !utf8.Valid(src) {
		errs.Add(path, lineAt(src, invalidUTF8At(src)), "invalid UTF-8: save the file as UTF-8")
		return nil, false
	}
	if hasControl(src) {
		return blankControls(path, src, errs), true
	}
	return src, true
}

// hasControl reports whether valid UTF-8 text holds a rune textRune
// refuses. It reads bytes, not runes: run on every article of every build,
// decoding runes took a sixth of the parsing (cpu profile). Looking each
// byte up in controlLead first made it three times as fast again.
func hasControl[T string | []byte](b T) bool {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case !controlLead[c]:
		case c == 0xc2:
			if i+1 < len(b) && b[i+1] <= 0x9f { // U+0080–U+009F
				return true
			}
		case c == 0xef:
			if i+2 < len(b) && b[i+1] == 0xbf && b[i+2] >= 0xbe { // U+FFFE, U+FFFF
				return true
			}
		default: // a control character below space but tab and line feed, or DEL
			return true
		}
	}
	return false
}

// controlLead marks the bytes that start what hasControl looks for: the
// ASCII controls but tab and line feed, and the first bytes of U+0080–U+009F
// and of U+FFFE and U+FFFF.
var controlLead = func() (t [256]bool) {
	for c := range t {
		t[c] = c < 0x20 && c != '\t' && c != '\n' || c == 0x7f || c == 0xc2 || c == 0xef
	}
	return t
}()

// blankControls reports the lines holding control characters and returns
// the text with spaces in their place.
func blankControls(path string, src []byte, errs *diag.List) []byte {
	out := make([]byte, 0, len(src))
	reported := 0
	for i, r := range string(src) {
		if textRune(r) {
			out = utf8.AppendRune(out, r)
			continue
		}
		if line := lineAt(src, i); line != reported {
			reported = line
			errs.Add(path, line, "invisible control character %U: delete it (pages and feeds cannot carry it)", r)
		}
		out = append(out, ' ')
	}
	return out
}

// textRune reports whether r may stand in an article: control characters
// other than tab and line feed, and the non-characters U+FFFE and U+FFFF,
// are not allowed in XML, so not in feeds.
func textRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return true
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return false
	}
	return r != 0xfffe && r != 0xffff
}

// bidiControl reports the characters that set the direction of the text
// after them (embeddings, overrides, isolates): in a title or a name they
// reach past it, into what a page writes beside it.
func bidiControl(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }

// reportBidi reports each line of an article's body, whose first line is
// file line first, that holds a direction control: in a body's first
// paragraph it would reach into every list, feed and search result that
// shows it, past the summary, and in code it hides what the code does.
func reportBidi(path string, body []byte, first int, errs *diag.List) {
	reported := 0
	for i := 0; i < len(body); {
		j := bytes.IndexByte(body[i:], 0xe2) // every direction control starts so
		if j < 0 {
			return
		}
		i += j
		r, n := utf8.DecodeRune(body[i:])
		if line := first + lineAt(body, i) - 1; bidiControl(r) && line != reported {
			reported = line
			errs.Add(path, line, "direction control %U, which turns the text after it around, on the page and past it "+
				"(the lists, feeds and search results that show a summary): delete it", r)
		}
		i += n
	}
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// Invisible says what is wrong with a text value holding a control
// character or a direction control, or "" if it holds neither. A YAML
// escape in quotes ("\x1b", "\u202e") is how either gets in.
func Invisible(key, value string) string {
	if i := strings.IndexFunc(value, func(r rune) bool { return !textRune(r) && r != '\r' }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(value[i:])
		return fmt.Sprintf("%s holds the control character %U (an escape in quotes?): delete it", key, r)
	}
	if i := strings.IndexFunc(value, bidiControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(value[i:])
		return fmt.Sprintf("%s holds the direction control %U, which turns the text after it around, on the page and past it (the site's name in the tab's title, a list's dates): delete it", key, r)
	}
	return ""
}
