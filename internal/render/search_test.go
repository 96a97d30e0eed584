package render

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefings/internal/i18n"
	"briefings/internal/load"
	"briefings/internal/search"
	"briefings/internal/testproject"
)

// TestSearchDocNamesCountriesInEveryLanguage: a story is found by the
// name of its country in any of the site's languages, so that a reader
// on the English search page finds it by "Азербайджан", and on the
// Russian one by "Azerbaijan"; a result shows the page's name alone.
func TestSearchDocNamesCountriesInEveryLanguage(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testproject.Repo(), "templates", "i18n", "en.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	en, err := i18n.Parse("en", src)
	if err != nil {
		t.Fatal(err)
	}
	countries := []*load.Country{
		{Code: "AZ", Names: map[string]string{"en": "Azerbaijan", "ru": "Азербайджан"}},
		{Code: "GE", Names: map[string]string{"en": "Georgia", "ru": "Грузия"}},
		{Code: "KZ", Names: map[string]string{"en": "Kazakhstan", "ru": "Казахстан"}},
	}
	var m searchMemo
	names := m.countryNames("en", countries, map[string]string{"AZ": "/b/en/countries/azerbaijan/"})
	a := &load.Article{Title: "Talks in Baku", Lang: "en", Date: time.Date(2025, 9, 3, 0, 0, 0, 0, time.UTC), Countries: []string{"AZ", "KZ"}}
	d := docOf(docSource{a: a, path: "en/2025/09/talks/", urls: URLs{path: "/b/"}, t: en, names: names})
	if want := []string{"Azerbaijan", "Kazakhstan"}; !slices.Equal(d.Countries, want) {
		t.Errorf("the result shows the countries %q, want %q", d.Countries, want)
	}
	files, err := search.Files("en", []search.Doc{d})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"азербайджан", "казахстан"} {
		if !slices.Contains(searchForms(files), w) {
			t.Errorf("the index has no %q", w)
		}
	}
	if slices.Contains(searchForms(files), "грузия") {
		t.Error("the index names a country the story is not about")
	}
	if same := m.countryNames("en", countries, map[string]string{"AZ": "/b/en/countries/azerbaijan/"}); same != names {
		t.Error("the same names made again: a new value, so every story's document is made again")
	}
}

// searchForms are the word forms an index's shards list.
func searchForms(files []search.File) []string {
	var forms []string
	for _, f := range files {
		if !strings.HasPrefix(path.Base(f.Path), "s") {
			continue
		}
		var entries [][]string
		if err := json.Unmarshal(f.Data, &entries); err != nil {
			panic(err)
		}
		for _, e := range entries {
			for _, form := range e[2:] {
				if whole, ok := strings.CutPrefix(form, "!"); ok {
					forms = append(forms, whole)
				} else {
					forms = append(forms, e[0]+form)
				}
			}
		}
	}
	return forms
}
