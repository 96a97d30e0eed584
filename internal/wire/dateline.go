package wire

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dateline is the head of a wire text's lead: the place, the date and the
// agency's tag, in any order agencies write them: "БАКУ, 12 ноября.
// /ТАСС/.", "АСТАНА. 14 ноября. КАЗИНФОРМ -", "BAKU, Azerbaijan, Nov. 14
// (Trend) -", "GENEVA (ICRC) –", "Ташкент, 3 марта — Podrobno.uz.".
type dateline struct {
	text  string // as written
	rest  string // the lead after it
	when  when
	dated bool
	tag   found
}

var (
	place     = regexp.MustCompile(`^[\p{Lu}][\p{L}’'\-]*(?:[ -][\p{Lu}][\p{L}’'\-]*){0,2}`)
	separator = regexp.MustCompile(`^[\s,.:;|/–—-]+`)
	slashed   = regexp.MustCompile(`^/\s*([^/]{1,40}?)\s*/`)
	bracketed = regexp.MustCompile(`^\(\s*([^()]{1,40}?)\s*\)`)
	capsTag   = regexp.MustCompile(`^[\p{Lu}\p{N}][\p{Lu}\p{N}.\-]{2,}(?:[^\p{L}\p{N}]|$)`)
	dash      = regexp.MustCompile(`^\s*[–—-]+\s+`)
	bareDash  = regexp.MustCompile(`^[.,]?\s*[–—-]+\s+`) // "ASTANA –", "YEREVAN. –"
	// «Азия-Плюс» —: an agency's name in quotation marks, then a dash.
	quotedTag = regexp.MustCompile(`^[«"“]([^«»"“”]{2,40})([»"”])\s*[–—-]`)
	country   = regexp.MustCompile(`^,\s*\p{Lu}\p{Ll}[\p{L}’'\-]*(?: \p{Lu}[\p{L}’'\-]*){0,2}`) // ", Kyrgyzstan" after a place
	yearWord  = regexp.MustCompile(`^(?:г\.|года|год|ж\.|жыл\p{L}*)`)
)

// findDateline reads the dateline at the start of a line, if it has one.
func findDateline(line string, ag *agencies) (dateline, bool) {
	var d dateline
	if m := pasteDate.FindStringSubmatch(line); m != nil {
		if w, ok := findWhen(m[1]); ok {
			d.when, d.dated = w, true
			d.text, d.rest = strings.TrimSpace(m[0]), capitalise(line[len(m[0]):])
			return d, true
		}
	}
	// "Tengrinews.kz – …": the agency alone, then a dash.
	if src, n := ag.at(line); src != nil {
		if m := dash.FindString(line[n:]); m != "" {
			d.tag = found{src: src, how: "from the tag opening the text"}
			d.text, d.rest = line[:n], capitalise(line[n+len(m):])
			return d, true
		}
	}
	p := place.FindString(line)
	if p == "" {
		return d, false
	}
	pos, end, places := len(p), len(p), 1
	closed := false // by a stop or a dash, as "GENEVA (ICRC) –" is
	tagAt := -1     // where the agency's tag begins, once read
	for pos < len(line) {
		sep := separator.FindString(line[pos:])
		at := pos + len(sep)
		hadTag := d.tag.ok()
		n := d.item(line[at:], ag, &places)
		if !hadTag && d.tag.ok() {
			tagAt = at
			closed = closed || strings.ContainsRune("(/", rune(line[at])) // "BAKU (Trend) The ICRC …"
		}
		if n == 0 {
			if strings.ContainsAny(sep, ".,:/–—-") || at == len(line) {
				end = at
			}
			closed = closed || strings.ContainsAny(sep, ".:/–—-") && at < len(line)
			break
		}
		pos = at + n
		end = pos
	}
	if !d.dated && d.tag.ok() && !closed {
		return d, false // "Azerbaijan, ICRC Sign Memorandum": a headline naming an agency
	}
	if !d.dated && !d.tag.ok() {
		// "ASTANA – …": a place in capitals and a dash is a dateline too;
		// so is "OSH, Kyrgyzstan – …" before a sentence, which a headline
		// naming two is not.
		after := line[len(p):]
		if c := country.FindString(after); c != "" && strings.ContainsAny(lastRune(line), ".!?…\"»”") {
			after = after[len(c):]
		}
		m := bareDash.FindString(after)
		if strings.ToUpper(p) != p || utf8.RuneCountInString(p) < 3 || m == "" {
			return d, false
		}
		end = len(line) - len(after) + len(m)
	}
	rest := strings.TrimLeft(line[end:], " /|")
	if d.dated && tagAt >= 0 && (startsLower(rest) || strings.HasPrefix(rest, "(")) {
		// "АСТАНА, 3 сентября. МККК передал …", "БАКУ, 2 декабря –
		// Международный комитет Красного Креста (МККК) передал …": the
		// agency is the sentence's subject, not the dateline's tag.
		d.tag, end, rest = found{}, tagAt, line[tagAt:]
	}
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(`"«“„'`, r) {
		return d, false
	}
	d.text = strings.TrimRight(strings.TrimSpace(line[:end]), " -–—:")
	d.rest = rest
	return d, true
}

// item reads one part of a dateline at the start of s, the date, the
// agency or a second place name ("BAKU, Azerbaijan"), and returns its
// length, or 0 when s holds none.
func (d *dateline) item(s string, ag *agencies, places *int) int {
	// A date is a few words long: look no further, or a long line is read
	// again for each part of its dateline.
	if w, ok := findWhen(runePrefix(s, 40)); ok && w.Start == 0 && !d.dated {
		d.when, d.dated = w, true
		n := w.End
		if n > 0 && n <= len(s) && !isWordRune(lastRuneOf(s[:n])) {
			n -= utf8.RuneLen(lastRuneOf(s[:n])) // the character after the date is not the date's
		}
		return n
	}
	if m := yearWord.FindString(s); m != "" && d.dated {
		return len(m)
	}
	if m := clock.FindString(s); m != "" && d.dated {
		return len(m)
	}
	if src, n := ag.at(s); src != nil && !d.tag.ok() {
		d.tag = found{src: src, how: "from the dateline's tag"}
		return n
	}
	for _, re := range []*regexp.Regexp{slashed, bracketed} {
		if m := re.FindStringSubmatch(s); m != nil {
			if w, ok := findWhen(m[1]); ok && !d.dated && w.End >= len(m[1])-1 {
				d.when, d.dated = w, true
				return len(m[0])
			}
			if !d.tag.ok() && strings.ContainsFunc(m[1], unicode.IsLetter) {
				d.tag = ag.named(m[1])
				d.tag.how = "from the dateline's tag (" + m[0] + ")"
				return len(m[0])
			}
		}
	}
	if !d.dated && !d.tag.ok() && *places < 4 {
		if p := place.FindString(s); p != "" && separator.MatchString(s[len(p):]) {
			*places++
			return len(p)
		}
	}
	if m := quotedTag.FindStringSubmatchIndex(s); m != nil && !d.tag.ok() && d.dated {
		d.tag = ag.named(s[m[2]:m[3]])
		d.tag.how = "from the dateline's tag"
		return m[5] // the dash after it is the dateline's end
	}
	if m := capsTag.FindString(s); m != "" && !d.tag.ok() && d.dated {
		name := strings.TrimRight(m, " .,-–—:")
		if after := strings.TrimLeft(s[len(name):], " ."); strings.HasPrefix(after, "-") || strings.HasPrefix(after, "–") || strings.HasPrefix(after, "—") {
			d.tag = ag.named(name)
			d.tag.how = "from the dateline's tag"
			return len(name)
		}
	}
	return 0
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRuneOf(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
