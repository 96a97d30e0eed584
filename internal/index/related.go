package index

import (
	"cmp"
	"slices"
	"time"

	"briefings/internal/load"
)

// relatedReach is how far around a story each country list is searched.
const relatedReach = 4

// Related returns up to n other stories about the article's countries, as
// its language's edition lists them, nearest in date first found, shown
// newest first. Taking neighbours in date, rather than the newest stories,
// keeps an article's page unchanged when unrelated new stories arrive.
func (s *Site) Related(a *load.Article, n int) []Entry {
	e := s.Edition(a.Lang)
	st := s.storyOf[a]
	if e == nil || st == nil {
		return nil
	}
	seen := map[*Story]bool{st: true}
	var found []Entry
	for _, code := range a.Countries {
		ci := e.country[code]
		if ci == nil {
			continue
		}
		p := ci.pos[st]
		for i := max(0, p-relatedReach); i <= min(len(ci.Entries)-1, p+relatedReach); i++ {
			if en := ci.Entries[i]; !seen[en.Story] {
				seen[en.Story] = true
				found = append(found, en)
			}
		}
	}
	gap := func(en Entry) time.Duration { return en.Article.Date.Sub(a.Date).Abs() }
	slices.SortFunc(found, func(x, y Entry) int {
		return cmp.Or(cmp.Compare(gap(x), gap(y)), newestFirst(x.Article, y.Article))
	})
	found = found[:min(n, len(found))]
	slices.SortFunc(found, func(x, y Entry) int { return newestFirst(x.Article, y.Article) })
	return found
}

// Edition returns the edition of a language, or nil.
func (s *Site) Edition(lang string) *Edition {
	for _, e := range s.Editions {
		if e.Lang.Code == lang {
			return e
		}
	}
	return nil
}
