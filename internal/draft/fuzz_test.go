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
	f.Add("<!doctype html><title>T | Trend</title><meta property=\"article:published_time\" content=\"2026-10-07\">"+
		"<p>BAKU, Oct. 7 (Trend) - Text about Azerbaijan.</p><footer>All rights reserved</footer>", false)
	for _, name := range []string{"kazinform-ru.html", "trend-en.html"} {
		src, err := os.ReadFile(filepath.Join("..", "wire", "testdata", "pages", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src), false)
	}
	cfg, _ := load.ParseConfig([]byte("base_url: https://x.org/\ndefault_language: en\nlanguages:\n" +
		"  en: {name: English, title: T}\n  ru: {name: Русский, title: Т}\n"))
	src, err := os.ReadFile(filepath.Join(testproject.Repo(), "content", "countries.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	countries, _ := load.ParseCountries(src, cfg)
	src, err = os.ReadFile(filepath.Join(testproject.Repo(), "content", "sources.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	sources, _ := load.ParseSources(src, cfg)
	p := &Project{Config: cfg, Countries: countries, Sources: sources}
	f.Fuzz(func(t *testing.T, text string, dated bool) {
		opts := wire.Options{Force: []string{"AZ"}, Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
		if dated {
			opts.Date = time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)
		}
		// A text that starts as a page is read as one, as import reads standard input.
		r, err := p.Read("-", []byte(text), opts)
		a := fromResult(r)
		if err != nil || load.MakeSlug(a.Title, a.Lang) == "" {
			return // import refuses it, and says why
		}
		got, errs := load.ParseArticle(a.Path(), a.File())
		if len(errs) > 0 {
			t.Fatalf("import would write a file the build refuses:\n%v\n%s", errs, a.File())
		}
		if got.Title != r.Title || !got.Date.Equal(r.Date) || !slices.Equal(got.Countries, r.Countries) ||
			got.Source != r.Source || got.SourceURL != r.SourceURL || !got.Draft {
			t.Fatalf("the file does not hold what import found:\n%+v\n%+v", r, got)
		}
		if err := markupcheck.HTML([]byte(got.HTML), markupcheck.ImportElements); err != nil {
			t.Fatalf("body: %v\n%s", err, got.HTML)
		}
	})
}
