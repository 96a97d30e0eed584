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

// Each edition's archives hold every entry once, in the month of its date
// as written, which its page's path shows, each year and month once, newest
// first, whatever offsets the dates are written with: an article dated
// 2019-01-01T01:00:00+06:00 is older than one of 2018-12-31T23:30:00Z, so
// entries by instant do not come grouped by month.
func TestArchivesByDateAsWritten(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("", 6*3600), time.FixedZone("", -5*3600), time.FixedZone("", 14*3600)}
	for seed := range uint64(30) {
		r := rand.New(rand.NewPCG(seed, 11))
		c, arts := randomSite(r, 5+r.IntN(80))
		for _, a := range arts {
			// Near the end of a year, each in a zone of its own.
			at := time.Date(2018+r.IntN(2), 12, 31, 12, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(48*60)-24*60) * time.Minute)
			a.Date = at.In(zones[r.IntN(len(zones))])
		}
		site := Build(c, arts, Paths(arts, nil))
		for _, e := range site.Editions {
			filed := map[*Story]string{}
			for i, y := range e.Years {
				if i > 0 && e.Years[i-1].Year <= y.Year {
					t.Fatalf("seed %d, %s: year %d after %d", seed, e.Lang.Code, y.Year, e.Years[i-1].Year)
				}
				for j, m := range y.Months {
					if j > 0 && y.Months[j-1].Month <= m.Month {
						t.Fatalf("seed %d, %s: month %d-%d after %d", seed, e.Lang.Code, y.Year, m.Month, y.Months[j-1].Month)
					}
					for _, en := range m.Entries {
						if yy, mm, _ := en.Article.Date.Date(); yy != m.Year || int(mm) != m.Month || m.Year != y.Year {
							t.Fatalf("seed %d, %s: %s dated %s filed in %d-%d", seed, e.Lang.Code, en.Article.Path, en.Article.Date, m.Year, m.Month)
						}
						if at, twice := filed[en.Story]; twice {
							t.Fatalf("seed %d, %s: %s filed twice, in %s and %d-%d", seed, e.Lang.Code, en.Article.Path, at, m.Year, m.Month)
						}
						filed[en.Story] = fmt.Sprintf("%d-%d", m.Year, m.Month)
					}
				}
			}
			if len(filed) != len(e.Entries) {
				t.Fatalf("seed %d, %s: %d of %d entries filed", seed, e.Lang.Code, len(filed), len(e.Entries))
			}
		}
	}
}
