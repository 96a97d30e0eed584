package draft

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"briefings/internal/load"
	"briefings/internal/markupcheck"
	"briefings/internal/testproject"
	"briefings/internal/wire"
)

// FuzzImport checks that every wire text import accepts becomes a file the
// build accepts, holding what import found. The corpus in testdata/fuzz
// holds the launch wire texts and hostile ones.
func FuzzImport(f *testing.F) {
	f.Add("Headline: with a colon # and a hash\n\ndate 2026-03-06\n\nText about Azerbaijan.", true)
	cfg, _ := load.ParseConfig([]byte("base_url: https://x.org/\ndefault_language: en\nlanguages:\n" +
		"  en: {name: English, title: T}\n  ru: {name: Русский, title: Т}\n"))
	src, err := os.ReadFile(filepath.Join(testproject.Repo(), "content", "countries.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	countries, _ := load.ParseCountries(src, cfg)
	p := &Project{Config: cfg, Countries: countries}
	f.Fuzz(func(t *testing.T, text string, dated bool) {
		opts := wire.Options{Countries: countries, Force: []string{"AZ"}}
		if dated {
			opts.Date = time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)
		}
		r, err := wire.Parse(text, opts)
		if err != nil {
			return
		}
		a := Article{Lang: r.Lang, Title: r.Title, Date: r.Date, Countries: r.Countries, Source: r.Source,
			Body: r.Body, Draft: true}
		if p.check(a) != nil || load.MakeSlug(a.Title, a.Lang) == "" {
			return // import refuses it, and says why
		}
		got, errs := load.ParseArticle(a.Path(), a.File())
		if len(errs) > 0 {
			t.Fatalf("import would write a file the build refuses:\n%v\n%s", errs, a.File())
		}
		if got.Title != r.Title || !got.Date.Equal(r.Date) || !slices.Equal(got.Countries, r.Countries) ||
			got.Source != r.Source || !got.Draft {
			t.Fatalf("the file does not hold what import found:\n%+v\n%+v", r, got)
		}
		if err := markupcheck.HTML([]byte(got.HTML), []string{"p", "blockquote", "a"}); err != nil {
			t.Fatalf("body: %v\n%s", err, got.HTML)
		}
	})
}
