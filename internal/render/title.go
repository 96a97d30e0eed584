package render

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTitle is the most characters a page's <title> may have, as written
// in the page: search engines cut longer titles, and html-validate's
// long-title rule refuses them.
const MaxTitle = 70

// pageTitle is the <title> of a page headed heading on the site named
// site: "heading — site" when it fits in MaxTitle, the heading alone when
// only it fits, and otherwise the heading cut at the end of a word, with
// "…". An empty heading stands for the site's name alone.
func pageTitle(heading, site string) string {
	if heading == "" {
		heading, site = site, ""
	}
	if full := heading + " — " + site; site != "" && titleWidth(full) <= MaxTitle {
		return full
	}
	if titleWidth(heading) <= MaxTitle {
		return heading
	}
	return cutTitle(heading)
}

// cutTitle is the longest start of s that, with "…", fits in MaxTitle
// and ends a word: before a space, or else, when the first word alone
// is too long ("Azerbaijan–Kazakhstan…"), before any character that is
// neither a letter nor a digit. It loses the spaces, commas, colons and
// dashes before the "…". Only a run of letters and digits longer than
// the whole title is cut inside.
func cutTitle(s string) string {
	const ellipsis = "…"
	budget := MaxTitle - titleWidth(ellipsis)
	space, other := 0, 0 // the ends of the longest cuts that fit
	width, end := 0, 0   // end: where the last character a cut keeps ends
	prev := rune(0)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = end
		} else if i > 0 && wordRune(prev) && !wordRune(r) {
			other = end
		}
		// Every cut after a character that overflows holds it: stop there.
		if width += runeWidth(r); width > budget && !trailing(r) {
			return s[:cmp.Or(space, other, end)] + ellipsis // end: one word longer than the title
		}
		if i += size; !trailing(r) {
			end = i
		}
		prev = r
	}
	return s[:end] + ellipsis // s is long only by what a cut loses
}

// trailing are the characters a cut title loses before its "…".
func trailing(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—", r)
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// titleWidth counts s as html-validate does, in UTF-16 code units of the
// page's text as html/template writes it: an apostrophe is written
// &#39;, five characters.
func titleWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r == '&', r == '\'', r == '"', r == '+':
		return 5 // &amp; &#39; &#34; &#43;
	case r == '<', r == '>':
		return 4 // &lt; &gt;
	case r > 0xffff:
		return 2 // a surrogate pair
	}
	return 1
}
