package wire

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefings/internal/load"
)

// countryForm is one way a text names a country: a name, a declension,
// an adjective (match) or a city (places) of countries.yaml, as
// lower-case words.
type countryForm struct {
	words     []string
	code      string
	adjective bool // one word that is none of the country's names: "Russian", "азербайджанской"
}

// countries finds the countries a text names by the forms of
// countries.yaml, Russian declensions, adjectives and cities included,
// those its headline names first, then the most named. Each occurrence
// counts once, for the longest form that reads it: "Kyrgyz Republic" is
// one mention, not two. An adjective that names a language ("in
// Russian", "на кыргызском и русском языках", "Russian-language") names
// no country. The codes forced by the editor come first of all.
func countries(title, text string, known map[string]*load.Country, force []string) ([]string, map[string]int) {
	forms := countryForms(known)
	words := wordsOf(title)
	inTitle := len(words)
	words = append(words, wordsOf(text)...)
	count, first, titled := map[string]int{}, map[string]int{}, map[string]bool{}
	for i := 0; i < len(words); {
		n := 1
		for _, f := range forms {
			if !f.at(words, i) {
				continue
			}
			n = len(f.words)
			if f.adjective && languageUse(words, i, forms) {
				break
			}
			if count[f.code] == 0 {
				first[f.code] = i
			}
			count[f.code]++
			titled[f.code] = titled[f.code] || i < inTitle
			break
		}
		i += n
	}
	codes := slices.Collect(maps.Keys(count))
	slices.SortFunc(codes, func(a, b string) int {
		return cmp.Or(cmp.Compare(b2i(titled[b]), b2i(titled[a])), cmp.Compare(count[b], count[a]),
			cmp.Compare(first[a], first[b]), strings.Compare(a, b))
	})
	out := slices.Clone(force)
	for _, c := range codes {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, count
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// countryForms are the forms of every country, the longest first, a
// Russian adjective given in its dictionary form ("азербайджанский")
// declined in every case and gender, and as a compound's first part.
func countryForms(known map[string]*load.Country) []countryForm {
	var forms []countryForm
	seen := map[string]bool{}
	add := func(w []string, code string, adjective bool) {
		if k := code + "\x00" + strings.Join(w, " "); len(w) > 0 && !seen[k] {
			seen[k] = true
			forms = append(forms, countryForm{w, code, adjective})
		}
	}
	for _, code := range slices.Sorted(maps.Keys(known)) {
		c := known[code]
		names := map[string]bool{}
		for _, n := range c.Names {
			names[strings.Join(tokens(n), " ")] = true
			add(tokens(n), code, false)
		}
		for _, m := range c.Match {
			w := tokens(m)
			add(w, code, len(w) == 1 && !names[w[0]] && !capitalizedCyrillic(m))
			if len(w) == 1 && (strings.HasSuffix(w[0], "ский") || strings.HasSuffix(w[0], "цкий")) {
				stem := strings.TrimSuffix(w[0], "ий")
				for _, end := range adjectiveEndings {
					add([]string{stem + end}, code, true)
				}
				add([]string{stem + "о"}, code, true) // the first part of a compound: "кыргызско-таджикской"
			}
		}
		for _, p := range c.Places {
			add(tokens(p), code, false)
		}
	}
	slices.SortStableFunc(forms, func(a, b countryForm) int { return len(b.words) - len(a.words) })
	return forms
}

// adjectiveEndings end a Russian adjective in -ский in every case,
// gender and number.
var adjectiveEndings = []string{"ий", "ая", "ое", "ие", "ого", "ой", "ому", "им", "их", "ую", "ими", "ом"}

// capitalizedCyrillic says whether a Russian form is a noun, written
// with a capital, "Казахстана", "РФ", rather than an adjective,
// "азербайджанский". English writes both with capitals: a one-word
// form that is no name, "Russian", "Kazakh", is an adjective.
func capitalizedCyrillic(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && unicode.Is(unicode.Cyrillic, r)
}

func (f countryForm) at(words []word, i int) bool {
	if i+len(f.words) > len(words) {
		return false
	}
	for j, w := range f.words {
		if words[i+j].text != w {
			return false
		}
	}
	return true
}

// languageWords say that the adjectives before them name languages.
var languageWords = map[string]bool{"language": true, "languages": true, "speaking": true, "speakers": true,
	"translation": true, "язык": true, "языка": true, "языке": true, "языках": true, "языки": true, "языком": true,
	"языков": true, "языкам": true, "языками": true, "тілі": true, "тілінде": true}

// languageUse says whether the adjective at words[i] names a language:
// it and the adjectives joined to it ("Kyrgyz, Uzbek and Russian") come
// before a word for language, or after "in" ("на") and either are
// several, or end the clause ("in Russian."), or a word follows that
// no noun is ("in Russian will help").
func languageUse(words []word, i int, forms []countryForm) bool {
	member := func(j int) bool {
		w := words[j].text
		if joiner[w] || russianAdjective(w) {
			return true
		}
		return slices.ContainsFunc(forms, func(f countryForm) bool { return f.adjective && f.at(words, j) })
	}
	end := i
	for end+1 < len(words) && words[end].stop < clauseEnd && member(end+1) {
		end++
	}
	if end+1 < len(words) && words[end].stop == 0 && languageWords[words[end+1].text] {
		return true
	}
	start := i
	for start > 0 && words[start-1].stop < clauseEnd && member(start-1) {
		start--
	}
	members := 0
	for j := start; j <= end; j++ {
		if !joiner[words[j].text] {
			members++
		}
	}
	return start > 0 && words[start-1].stop == 0 && (words[start-1].text == "in" || words[start-1].text == "into" || words[start-1].text == "на") &&
		(members > 1 || words[end].stop > 0 || end == len(words)-1 || functionWord[words[end+1].text])
}

// functionWord are the words that follow "in Russian" as a language, and
// never "in Kazakh society" as a people's adjective before its noun.
var functionWord = map[string]bool{"will": true, "would": true, "is": true, "was": true, "are": true, "were": true,
	"has": true, "have": true, "had": true, "can": true, "for": true, "to": true, "at": true, "on": true, "by": true,
	"with": true, "from": true, "of": true, "as": true, "the": true, "a": true, "an": true, "too": true, "only": true,
	"для": true, "в": true, "на": true, "с": true, "по": true, "и": true, "а": true, "также": true, "будет": true}

var joiner = map[string]bool{"and": true, "or": true, "и": true, "или": true, "және": true}

// russianAdjective says whether a word ends as a Russian adjective in
// the prepositional or the instrumental, "русском", "английским".
func russianAdjective(w string) bool {
	for _, end := range []string{"ском", "цком", "ским", "цким", "ских"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// word is a lower-case word of a text, and what punctuation follows it:
// a comma, which may part a list's items, or what ends a clause.
type word struct {
	text string
	stop int // 0, comma or clauseEnd
}

const (
	comma = 1 + iota
	clauseEnd
)

// wordsOf splits text into lower-case words, letters and digits, each
// with the punctuation after it.
func wordsOf(s string) []word {
	var out []word
	start := -1
	for i, r := range s + " " {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			out = append(out, word{text: strings.ToLower(s[start:i])})
			start = -1
		}
		if !letter && len(out) > 0 {
			if r == ',' {
				out[len(out)-1].stop = max(out[len(out)-1].stop, comma)
			} else if strings.ContainsRune(".;:!?()[]«»\"“”—–\n", r) {
				out[len(out)-1].stop = clauseEnd
			}
		}
	}
	return out
}

// tokens splits text into lower-case words: letters and digits, with
// hyphens and dots as separators.
func tokens(s string) []string {
	ws := wordsOf(s)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.text
	}
	return out
}
