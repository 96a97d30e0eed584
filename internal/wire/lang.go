package wire

import (
	"strings"
	"unicode"
)

// languageNames name the languages import can tell apart, for messages.
var languageNames = map[string]string{
	"en": "English", "ru": "Russian", "kk": "Kazakh", "ky": "Kyrgyz", "tg": "Tajik", "uk": "Ukrainian",
	"az": "Azerbaijani", "uz": "Uzbek", "tk": "Turkmen", "tr": "Turkish", "hy": "Armenian", "ka": "Georgian",
}

// LanguageName is a language's English name, or its code.
func LanguageName(code string) string {
	if n := languageNames[code]; n != "" {
		return n
	}
	return code
}

// The letters that set a language apart from its neighbours in the same
// script: Kazakh's ә ғ қ ң ө ұ ү һ і are not Russian's.
var marks = []struct {
	lang, letters string
	script        *unicode.RangeTable
}{
	{"kk", "әғқңөұүһі", unicode.Cyrillic},
	{"tg", "ӣӯҳҷ", unicode.Cyrillic},
	{"ky", "ңөү", unicode.Cyrillic},
	{"uk", "їєґ", unicode.Cyrillic},
	{"az", "əı", unicode.Latin},
	{"tk", "ňýžä", unicode.Latin},
	{"uz", "ʻʼ‘", unicode.Latin},
	{"tr", "ğışç", unicode.Latin},
}

// language tells the text's language by its script, and within a script
// by the letters only one language uses; how says by what.
func language(text string) (lang, how string) {
	counts := map[*unicode.RangeTable]int{}
	scripts := []*unicode.RangeTable{unicode.Cyrillic, unicode.Latin, unicode.Armenian, unicode.Georgian}
	for _, c := range text {
		for _, s := range scripts {
			if unicode.Is(s, c) {
				counts[s]++
			}
		}
	}
	best := unicode.Latin
	for _, s := range scripts {
		if counts[s] > counts[best] {
			best = s
		}
	}
	switch best {
	case unicode.Armenian:
		return "hy", "the Armenian script"
	case unicode.Georgian:
		return "ka", "the Georgian script"
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for _, m := range marks {
		if m.script != best {
			continue
		}
		all, marked := 0, 0
		for _, w := range words {
			if unicode.Is(best, []rune(w)[0]) {
				all++
				if strings.ContainsAny(w, m.letters) {
					marked++
				}
			}
		}
		// Words with such letters in a Russian text are names («Қазақстан
		// Қызыл Жарты Ай қоғамы»); in Kazakh, half the words or more have one.
		if marked >= 3 && marked*100 >= 30*all {
			return m.lang, "its letters " + strings.Join(strings.Split(m.letters, ""), " ")
		}
	}
	if best == unicode.Cyrillic {
		return "ru", "the Cyrillic script"
	}
	return "en", "the Latin script"
}
