package index

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"briefings/internal/load"
)

// randomSite is a site of n articles in two languages over a few days,
// so that many share a date, some translated, about one to three of four
// countries; articles come in file order, as load gives them.
func randomSite(r *rand.Rand, n int) (*load.Content, []*load.Article) {
	c := &load.Content{Config: &load.Config{DefaultLanguage: "en",
		Languages: map[string]load.Language{"en": {Name: "English"}, "ru": {Name: "Русский"}}},
		Countries: map[string]*load.Country{}}
	codes := []string{"AM", "AZ", "GE", "KZ"}
	for _, code := range codes {
		c.Countries[code] = &load.Country{Code: code, Slug: code}
	}
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var arts []*load.Article
	for i := range n {
		lang := [2]string{"en", "ru"}[r.IntN(2)]
		a := &load.Article{Lang: lang, Path: fmt.Sprintf("content/%s/2026/%04d-%d.md", lang, r.IntN(10000), i),
			Slug: fmt.Sprintf("s%d", r.IntN(50)), Date: day.AddDate(0, 0, r.IntN(5))}
		if r.IntN(4) == 0 {
			a.Date = a.Date.Add(time.Duration(r.IntN(3)) * time.Hour)
		}
		if r.IntN(3) == 0 {
			a.TranslationKey = fmt.Sprintf("k%d", r.IntN(n/3+1))
		}
		for _, code := range codes {
			if r.IntN(3) == 0 || code == codes[i%len(codes)] {
				a.Countries = append(a.Countries, code)
			}
		}
		arts = append(arts, a)
	}
	slices.SortFunc(arts, func(a, b *load.Article) int { return cmp.Compare(a.Path, b.Path) })
	return c, arts
}

// byDateThenFile is the order of every list, written plainly: newest
// first, and articles of one instant by their file.
func byDateThenFile(a, b *load.Article) int {
	return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Path, b.Path))
}

// Every list of an edition, its own articles, the stories and each
// article's related stories come newest first, those of one date by
// file, whatever order the articles' dates and files come in.
func TestListsNewestFirstThenByFile(t *testing.T) {
	for seed := range uint64(30) {
		r := rand.New(rand.NewPCG(seed, 7))
		c, arts := randomSite(r, 5+r.IntN(120))
		site := Build(c, arts, Paths(arts, nil))
		check := func(what string, list []*load.Article) {
			if !slices.IsSortedFunc(list, byDateThenFile) {
				t.Fatalf("seed %d: %s out of order: %v", seed, what, paths(list))
			}
		}
		var originals []*load.Article
		for _, st := range site.Stories {
			originals = append(originals, st.Original())
		}
		check("stories", originals)
		for _, e := range site.Editions {
			check(e.Lang.Code+" entries", articlesOf(e.Entries))
			check(e.Lang.Code+" own", e.Own)
			for _, ci := range e.Countries {
				check(e.Lang.Code+" "+ci.Country.Code, articlesOf(ci.Entries))
			}
			for _, y := range e.Years {
				for _, m := range y.Months {
					check(fmt.Sprintf("%s %d-%d", e.Lang.Code, m.Year, m.Month), articlesOf(m.Entries))
				}
			}
		}
		for _, a := range site.Articles {
			check("related of "+a.Path, articlesOf(site.Related(a)))
		}
	}
}

func articlesOf(entries []Entry) []*load.Article {
	list := make([]*load.Article, len(entries))
	for i, en := range entries {
		list[i] = en.Article
	}
	return list
}

func paths(arts []*load.Article) []string {
	var ps []string
	for _, a := range arts {
		ps = append(ps, a.Path+" "+a.Date.Format(time.DateTime))
	}
	return ps
}
