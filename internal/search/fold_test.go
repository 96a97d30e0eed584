package search

import (
	"slices"
	"testing"
)

// folded is how words cuts and folds tricky text: static/search.js must
// cut every one of these the same way (TestScriptCutsAsWords).
var folded = []struct {
	in   string
	want []string
}{
	{"İstanbul İZMİR", []string{"istanbul", "izmir"}},   // Turkish dotted capital: not i + U+0307
	{"i\u0307stanbul", []string{"istanbul"}},            // as JavaScript lowercases İ
	{"Diyarbakır IŞID", []string{"diyarbakir", "isid"}}, // dotless ı, ş
	{"Türkiye TÜRKİYE", []string{"turkiye", "turkiye"}}, // precomposed ü
	{"Tu\u0308rkiye", []string{"turkiye"}},              // decomposed ü
	{"São Tomé, Côte d’Ivoire", []string{"sao", "tome", "cote", "ivoire"}},
	{"Łódź Straße Ærø Øresund", []string{"lodz", "strasse", "aero", "oresund"}},
	{"Việt Nam", []string{"viet", "nam"}},                         // two marks on one letter
	{"Ёлка ёж", []string{"елка", "еж"}},                           // ё read as е
	{"\u0415\u0308лка \u0435\u0308ж", []string{"елка", "еж"}},     // decomposed Ё and ё
	{"Йемен йемен", []string{"йемен", "йемен"}},                   // й stays й
	{"\u0418\u0306емен \u0438\u0306од", []string{"йемен", "йод"}}, // decomposed Й and й compose
	{"Влади\u0301мир за́мок", []string{"владимир", "замок"}},      // stress marks
	{"ΟΔΟΣ οδος", []string{"οδοσ", "οδοσ"}},                       // Greek final sigma
	{"ΆΘΗΝΑ", []string{"άθηνα"}},                                  // other scripts keep their marks
	{"a\u0301 b ё", nil},                                          // one letter each, once folded
	{"ICRC/МККК 2024", []string{"icrc", "мккк", "2024"}},
	{"Gəncə ƏLİYEV", []string{"gence", "eliyev"}},                                              // Azerbaijani schwa
	{"ﬁnance ofﬁce ﬂood", []string{"finance", "office", "flood"}},                              // ligatures of text copied from a PDF
	{"Şəki Ağdam Çingiz Gözəl Üzeyir", []string{"seki", "agdam", "cingiz", "gozel", "uzeyir"}}, // Azerbaijani Latin
	{"Қазақстан Ақтөбе Шымкент", []string{"казакстан", "актобе", "шымкент"}},                   // Kazakh as a Russian keyboard types it
	{"ҒҰЛАМА Үкімет Әлихан Һәм Маңғыстау", []string{"гулама", "укимет", "алихан", "хам", "мангыстау"}},
	{"Ҳукумат Ҷумҳурии Тоҷикистон Ӯ Ӣ Ўзбекистон", []string{"хукумат", "чумхурии", "точикистон", "узбекистон"}}, // Tajik, Uzbek
	{"Ｂａｋｕ ２０２５ ＩＣＲＣ", []string{"baku", "2025", "icrc"}},                                                        // full-width
	{"𝐁𝐚𝐤𝐮 𝘼𝙡𝙢𝙖𝙩𝙮", []string{"baku", "almaty"}},                                                                 // styled letters pasted from a post
	{"Ка\u00adзах\u00adстан Ба\u200dку", []string{"казахстан", "баку"}},                                         // soft hyphen, joiner
	{"Нур\u2011Султан 10\u00a0000 km² CO₂", []string{"нур", "султан", "10", "000", "km2", "co2"}},               // as their plain forms
	{"coŀlegi col·legi Ⅻ ĳssel ǅemal", []string{"col", "legi", "col", "legi", "xii", "ijssel", "dzemal"}},       // several letters (ŀ is l·)
	{"Red Cross™ №5", []string{"red", "cross"}},                                                                 // symbols stay apart
}

func TestFoldedWords(t *testing.T) {
	for _, tc := range folded {
		var got []string
		words(tc.in, func(w []byte) { got = append(got, string(w)) })
		if !slices.Equal(got, tc.want) {
			t.Errorf("words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestTypedEitherWay: a story is found whichever way the reader types its
// words: with or without accents, capitals, ё or е, composed or not.
func TestTypedEitherWay(t *testing.T) {
	docs := []Doc{
		{Title: "Earthquake relief in Türkiye and São Paulo talks", Href: "/en/a/", Date: "1", DateISO: "2025-01-01", Lang: "en"},
		{Title: "İstanbul meeting on Diyarbakır", Href: "/en/b/", Date: "2", DateISO: "2025-01-02", Lang: "en"},
		{Title: "Нам пишут: \u0435\u0308лка и \u0438\u0306од", Href: "/ru/c/", Date: "3", DateISO: "2025-01-03", Lang: "ru"},
		{Title: "Встреча в Йемене", Href: "/ru/d/", Date: "4", DateISO: "2025-01-04", Lang: "ru"},
		{Title: "Turkiye and Sao Paulo, unaccented", Href: "/en/e/", Date: "5", DateISO: "2025-01-05", Lang: "en"},
	}
	c := newClient(t, "en", build(t, "en", docs))
	cases := []struct {
		q    string
		want int // stories found
	}{
		{"turkiye", 2}, {"Türkiye", 2}, {"TURKİYE", 2}, {"Tu\u0308rkiye", 2},
		{"sao paulo", 2}, {"São", 2},
		{"istanbul", 1}, {"ISTANBUL", 1}, {"i\u0307stanbul", 1}, {"diyarbakir", 1},
		{"елка", 1}, {"ёлка", 1}, {"ЁЛКА", 1}, {"йод", 1}, {"\u0438\u0306од", 1},
		{"Йемене", 1}, {"\u0419емен", 1}, {"иемен", 0}, // й is not и
	}
	for _, tc := range cases {
		if got := c.query(tc.q, false); len(got) != tc.want {
			t.Errorf("%q finds %d stories, want %d", tc.q, len(got), tc.want)
		}
	}
}
