package index

import (
	"cmp"
	"slices"

	"briefings/internal/load"
)

// relatedReach is how far around a story each country list is searched.
const relatedReach = 4

// Related returns up to n other stories about the article's countries, as
// its language's edition lists them, shown newest first. They are the
// story's neighbours in each country's list, nearest first, a newer and an
// older one in turn; taking neighbours rather than the newest stories keeps
// an article's page unchanged when unrelated news arrives, and costs no
// sorting: this runs for every article on every rebuild.
func (s *Site) Related(a *load.Article, n int) []Entry {
	e := s.Edition(a.Lang)
	st := s.storyOf[a].story
	if e == nil || st == nil {
		return nil
	}
	found := make([]Entry, 0, n)
	have := func(x *Story) bool {
		return x == st || slices.ContainsFunc(found, func(en Entry) bool { return en.Story == x })
	}
	for _, code := range a.Countries {
		ci := e.country[code]
		p := e.placeIn(st, ci)
		if p < 0 {
			continue
		}
		for d := 1; d <= relatedReach && len(found) < n; d++ {
			for _, i := range [2]int{p - d, p + d} {
				if i >= 0 && i < len(ci.Entries) && len(found) < n && !have(ci.Entries[i].Story) {
					found = append(found, ci.Entries[i])
				}
			}
		}
	}
	// In the edition's order: newest first.
	slices.SortFunc(found, func(x, y Entry) int { return cmp.Compare(e.rank[x.Story.num], e.rank[y.Story.num]) })
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

// placeIn is where a story is in a country's entries, or -1.
func (e *Edition) placeIn(st *Story, ci *CountryIndex) int {
	if ci == nil {
		return -1
	}
	for _, pl := range e.places[st.num] {
		if pl.in == ci.num {
			return int(pl.at)
		}
	}
	return -1
}
