package wire

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// fileKinds are the files editors may take for texts, by how they
// start: their text is inside, in a form of their own.
var fileKinds = []struct{ magic, what string }{
	{"%PDF-", "a PDF document"}, {"PK\x03\x04", "a zipped file, like a Word document (.docx) or an OpenDocument text (.odt)"},
	{"\xd0\xcf\x11\xe0", "an old Word document (.doc)"}, {`{\rtf`, "a Rich Text document (.rtf)"},
	{"\xff\xd8\xff", "a JPEG photo"}, {"\x89PNG", "a PNG image"}, {"GIF8", "a GIF image"},
}

// notText says what a file is when it is no text but a document or an
// image, "" when it is text: import would read its bytes as words.
func notText(src string) string {
	for _, k := range fileKinds {
		if strings.HasPrefix(src, k.magic) {
			return k.what
		}
	}
	if bom([]byte(src)) != "" {
		return "" // UTF-16 or UTF-32, whose letters hold zero bytes
	}
	if strings.Contains(src, "\x1b") {
		src = terminalCodes.ReplaceAllString(src, "") // colours, which lines drops
	}
	controls := 0
	for i := 0; i < len(src); i++ {
		if c := src[i]; c == 0 || c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			controls++
		}
	}
	if controls > 0 && (strings.IndexByte(src, 0) >= 0 || controls*100 > len(src)) {
		return "a binary file"
	}
	return ""
}

// boms are the byte-order marks of the encodings other than UTF-8 that
// editors' tools save texts in, the longer first: UTF-32's little-endian
// mark begins with UTF-16's.
var boms = []struct {
	mark []byte
	enc  encoding.Encoding
	name string
}{
	{[]byte{0xff, 0xfe, 0, 0}, utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM), "UTF-32"},
	{[]byte{0, 0, 0xfe, 0xff}, utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM), "UTF-32"},
	{[]byte{0xff, 0xfe}, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "UTF-16"},
	{[]byte{0xfe, 0xff}, xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "UTF-16"},
}

// bom is the name of the encoding whose byte-order mark b starts with,
// "" when none.
func bom(b []byte) string {
	for _, e := range boms {
		if bytes.HasPrefix(b, e.mark) {
			return e.name
		}
	}
	return ""
}

// decodeText reads a text saved in another encoding than UTF-8, as
// editors' tools still save them: UTF-16 or UTF-32 with its byte-order
// mark (Notepad's "Unicode"), or Windows-1251, when read so it is
// Cyrillic text. It returns the text, and the encoding it was read from,
// "" when it is UTF-8 or none of these. What a damaged UTF-16 file
// cannot give reads as U+FFFD.
func decodeText(src string) (string, string) {
	if utf8.ValidString(src) {
		return src, ""
	}
	b := []byte(src)
	for _, e := range boms {
		if bytes.HasPrefix(b, e.mark) {
			if out, err := e.enc.NewDecoder().Bytes(b); err == nil && utf8.Valid(out) {
				return string(out), e.name
			}
			break
		}
	}
	if mostlyUTF8(b) {
		return src, "" // UTF-8 with a broken byte: read as Windows-1251 it would be garbled throughout
	}
	out, err := charmap.Windows1251.NewDecoder().Bytes(b)
	if err != nil || !cyrillicText(string(out)) {
		return src, ""
	}
	return string(out), "Windows-1251"
}

// cyrillicText says whether a text read as Windows-1251 reads right: its
// letters beyond ASCII are Cyrillic, most in lower case, its other
// characters punctuation (dashes, quotation marks, "№"). Another
// encoding read so gives letters of other alphabets and symbols, or, as
// KOI8-R does, words in capitals.
func cyrillicText(s string) bool {
	beyond, odd, lower, upper := 0, 0, 0, 0
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		beyond++
		switch {
		case !unicode.Is(unicode.Cyrillic, r):
			if !unicode.IsPunct(r) && !unicode.IsSpace(r) && !strings.ContainsRune("№©®°±§", r) {
				odd++
			}
		case unicode.IsUpper(r):
			upper++
		default:
			lower++
		}
	}
	return beyond > 0 && odd*20 <= beyond && (lower >= upper || lower+upper < 40)
}

// decodePage turns a page saved in another encoding than UTF-8 into
// UTF-8, as a browser reads it: a byte-order mark wins, then the charset
// the page names, then what decodeText tells from the bytes (a page in
// Windows-1251 that does not say so). It returns the encoding read, ""
// for UTF-8.
func decodePage(src []byte) ([]byte, string) {
	if utf8.Valid(src) {
		return src, ""
	}
	if bom(src) == "" {
		head := src[:min(len(src), 2048)]
		if m := metaCharset.FindSubmatch(head); m != nil && !mostlyUTF8(src) {
			if e, name := charset.Lookup(string(m[1])); e != nil {
				if out, err := e.NewDecoder().Bytes(src); err == nil {
					return out, name
				}
			}
		}
		if mostlyUTF8(src) {
			return bytes.ToValidUTF8(src, nil), "" // the stray bytes go
		}
	}
	out, enc := decodeText(string(src))
	return []byte(out), enc
}

// mostlyUTF8 says whether a page is UTF-8, stray bytes apart: a page
// re-saved as UTF-8 may keep its old charset line and a broken byte or
// two, and read as windows-1251 it would be mojibake throughout. Text in
// an old encoding is almost never valid UTF-8 past a few letters.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n <= 1:
			invalid++
		case n > 1:
			valid++
		}
		b = b[n:]
	}
	return invalid == 0 || valid >= 20*invalid
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset=["']?([\w-]+)`)
