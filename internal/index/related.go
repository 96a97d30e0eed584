package index

import (
	"slices"

	"briefings/internal/load"
)

// relatedReach is how far around a story each country list is searched.
const relatedReach = 4

// RelatedCount is how many other stories an article page links to.
const RelatedCount = 5

// Related returns up to RelatedCount other stories about the article's
// countries, as its language's edition lists them, newest first. They
// are found once an index (findRelated) and kept as places in the
// edition, which a swapped index shares.
func (s *Site) Related(a *load.Article) []Entry {
	pl, ok := s.storyOf[a]
	e := s.Edition(a.Lang)
	if !ok || e == nil || pl.story == nil || s.related[pl.ord] == nil {
		return nil
	}
	found := make([]Entry, len(s.related[pl.ord]))
	for i, r := range s.related[pl.ord] {
		found[i] = e.Entries[r]
	}
	return found
}

// findRelated finds an article's related stories: the story's neighbours
// in each country's list, nearest first, a newer and an older one in
// turn. Taking neighbours rather than the newest stories keeps an
// article's page unchanged when unrelated news arrives, and costs no
// sorting. It returns their places in the edition's Entries, in order.
func (s *Site) findRelated(a *load.Article) []int32 {
	e := s.Edition(a.Lang)
	st := s.storyOf[a].story
	if e == nil || st == nil {
		return nil
	}
	var found []int32
	have := func(x *Story) bool {
		return x == st || slices.Contains(found, e.rank[x.num])
	}
	for _, code := range a.Countries {
		ci := e.country[code]
		p := e.placeIn(st, ci)
		if p < 0 {
			continue
		}
		for d := 1; d <= relatedReach && len(found) < RelatedCount; d++ {
			for _, i := range [2]int{p - d, p + d} {
				if i >= 0 && i < len(ci.Entries) && len(found) < RelatedCount && !have(ci.Entries[i].Story) {
					found = append(found, e.rank[ci.Entries[i].Story.num])
				}
			}
		}
	}
	// In the edition's order: newest first.
	slices.Sort(found)
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
