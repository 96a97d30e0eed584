package wire

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"briefings/internal/load"
)

// countries finds the countries a text names by the word forms of
// countries.yaml, Russian declensions included, the most named first;
// the codes forced by the editor come first of all.
func countries(text string, known map[string]*load.Country, force []string) []string {
	words := tokens(text)
	type hit struct {
		code         string
		count, first int
	}
	var hits []hit
	for code, c := range known {
		h := hit{code: code, first: len(words)}
		for _, form := range append([]string{c.Names["en"], c.Names["ru"]}, c.Match...) {
			f := tokens(form)
			if len(f) == 0 {
				continue
			}
			for i := 0; i+len(f) <= len(words); i++ {
				if slices.Equal(words[i:i+len(f)], f) {
					h.count++
					h.first = min(h.first, i)
				}
			}
		}
		if h.count > 0 {
			hits = append(hits, h)
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.first, b.first), strings.Compare(a.code, b.code))
	})
	out := slices.Clone(force)
	for _, h := range hits {
		if !slices.Contains(out, h.code) {
			out = append(out, h.code)
		}
	}
	return out
}

// tokens splits text into lower-case words: letters and digits, with
// hyphens and dots as separators.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
