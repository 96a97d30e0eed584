package render

import (
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestPageTitleFits: over headlines of random lengths, in Latin and
// Cyrillic letters with punctuation, a page's title is at most MaxTitle
// characters, counted as a reader's browser shows them and as
// html-validate counts them in the page; the site's name is there
// exactly when it fits; and a headline too long is cut at the end of a
// word, never inside one, and marked with "…".
func TestPageTitleFits(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	letters := []string{"abcdefghijklmnopqrstuvwxyzICRC", "абвгдеёжзийклмнопрстуфхцчшщъыьэюяМККК"}
	punct := []string{"", "", "", ",", ":", "'s", " —", "«", "»", "&", "+", "-0"}
	sites := []string{"Humanitarian Briefings", "Гуманитарные брифинги", ""}
	tmpl := template.Must(template.New("t").Parse(`<title>{{.}}</title>`))
	for range 3000 {
		alphabet := []rune(letters[rng.IntN(len(letters))])
		var words []string
		for n := 1 + rng.IntN(25); len(words) < n; {
			w := make([]rune, 1+rng.IntN(14))
			for i := range w {
				w[i] = alphabet[rng.IntN(len(alphabet))]
			}
			words = append(words, string(w)+punct[rng.IntN(len(punct))])
		}
		heading, site := strings.Join(words, " "), sites[rng.IntN(len(sites))]
		got := pageTitle(heading, site)
		var page strings.Builder
		if err := tmpl.Execute(&page, got); err != nil {
			t.Fatal(err)
		}
		written := strings.TrimSuffix(strings.TrimPrefix(page.String(), "<title>"), "</title>")
		if n := utf8.RuneCountInString(got); n > MaxTitle || len([]rune(written)) > MaxTitle {
			t.Fatalf("%q: title %q has %d characters, %d as written in the page", heading, got, n, len([]rune(written)))
		}
		full := heading + " — " + site
		switch {
		case site != "" && got == full:
		case site != "" && titleWidth(full) <= MaxTitle:
			t.Fatalf("%q: title %q, but the site's name fits: %q", heading, got, full)
		case got == heading:
		default:
			cut, ok := strings.CutSuffix(got, "…")
			if !ok || cut == "" || !strings.HasPrefix(heading, cut) || titleWidth(heading) <= MaxTitle {
				t.Fatalf("%q: title %q is neither the headline nor its start", heading, got)
			}
			if next, _ := utf8.DecodeRuneInString(heading[len(cut):]); unicode.IsLetter(next) || unicode.IsDigit(next) {
				t.Fatalf("%q: title %q is cut inside a word", heading, got)
			}
			if last, _ := utf8.DecodeLastRuneInString(cut); unicode.IsSpace(last) || last == ',' || last == '—' {
				t.Fatalf("%q: title %q ends in %q before its …", heading, got, last)
			}
		}
	}
}

func TestPageTitleCases(t *testing.T) {
	long := "Azerbaijani presidential aide holds meeting with ICRC Baku office to discuss humanitarian issues"
	for _, c := range []struct{ heading, site, want string }{
		{"ICRC closes its delegation", "Briefings", "ICRC closes its delegation — Briefings"},
		{"", "Briefings", "Briefings"},
		{"Azerbaijan: Activity highlights for the first half of 2024", "Humanitarian Briefings",
			"Azerbaijan: Activity highlights for the first half of 2024"},
		{long, "Humanitarian Briefings", "Azerbaijani presidential aide holds meeting with ICRC Baku office to…"},
		{"Первый замглавы МИД Казахстана принял главу региональной делегации МККК в Центральной Азии", "Гуманитарные брифинги",
			"Первый замглавы МИД Казахстана принял главу региональной делегации…"},
		// A comma, a colon or a dash does not end a cut title.
		{strings.Repeat("x", 66) + ", more words here", "", strings.Repeat("x", 66) + "…"},
		// A first word too long for the title is cut where a letter meets a dash...
		{strings.Repeat("a", 40) + "–" + strings.Repeat("b", 40) + " c", "", strings.Repeat("a", 40) + "…"},
		// ...and only a run of letters longer than the title is cut inside.
		{strings.Repeat("я", 100), "", strings.Repeat("я", 69) + "…"},
		// Spaces past the end count for nothing, however many.
		{"word" + strings.Repeat(" ", 100000) + "end", "", "word…"},
		// Apostrophes are written &#39;: they count five in the page.
		{strings.Repeat("ICRC's ", 12), "Briefings", "ICRC's ICRC's ICRC's ICRC's ICRC's ICRC's…"},
	} {
		if got := pageTitle(c.heading, c.site); got != c.want {
			t.Errorf("pageTitle(%q, %q) = %q, want %q", c.heading, c.site, got, c.want)
		}
	}
}
