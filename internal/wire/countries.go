package wire

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"

	"briefings/internal/load"
)

// countries finds the countries a text names by the word forms of
// countries.yaml, Russian declensions and names included, the most named
// first. Each occurrence counts once, for the longest form that reads it:
// "Kyrgyz Republic" is one mention, not two. The codes forced by the
// editor come first of all.
func countries(text string, known map[string]*load.Country, force []string) ([]string, map[string]int) {
	type form struct {
		words []string
		code  string
	}
	var forms []form
	seen := map[string]bool{}
	for _, code := range slices.Sorted(maps.Keys(known)) {
		c := known[code]
		for _, f := range append(slices.Sorted(maps.Values(c.Names)), c.Match...) {
			w := tokens(f)
			if k := code + "\x00" + strings.Join(w, " "); len(w) > 0 && !seen[k] {
				seen[k] = true
				forms = append(forms, form{w, code})
			}
		}
	}
	slices.SortStableFunc(forms, func(a, b form) int { return len(b.words) - len(a.words) })
	words := tokens(text)
	count, first := map[string]int{}, map[string]int{}
	for i := 0; i < len(words); {
		n := 1
		for _, f := range forms {
			if i+len(f.words) <= len(words) && slices.Equal(words[i:i+len(f.words)], f.words) {
				if count[f.code] == 0 {
					first[f.code] = i
				}
				count[f.code]++
				n = len(f.words)
				break
			}
		}
		i += n
	}
	codes := slices.Collect(maps.Keys(count))
	slices.SortFunc(codes, func(a, b string) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(first[a], first[b]), strings.Compare(a, b))
	})
	out := slices.Clone(force)
	for _, c := range codes {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, count
}

// tokens splits text into lower-case words: letters and digits, with
// hyphens and dots as separators.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
