package index

import (
	"maps"
	"slices"

	"briefings/internal/load"
)

// Swapped is the index Build would make of this site's articles with some
// replaced by new ones (swap: old → new) that differ from them only in
// what the index does not read: their bodies and what bodies give. The
// caller proves that of each pair (TestSwappedIsBuilt holds it to Build).
// Lists and maps that hold no replaced article are shared with s, which
// neither changes; making the index anew was the largest part of a
// rebuild after a body edit at 50,000 articles.
func (s *Site) Swapped(c *load.Content, swap map[*load.Article]*load.Article, paths map[*load.Article]string) *Site {
	n := *s
	n.Config, n.Hash, n.paths = c.Config, c.Hash, paths
	n.Languages, n.Countries = c.Config.LanguageList(), countriesOf(c)
	sw := &swapper{swap: swap, back: make(map[*load.Article]*load.Article, len(swap)), stories: map[*Story]*Story{}}
	for old, a := range swap {
		sw.back[a] = old
	}
	n.Articles = swapList(s.Articles, sw.article)
	n.Pages = swapList(s.Pages, sw.article)
	n.byFile = maps.Clone(s.byFile)
	n.pageKeys = maps.Clone(s.pageKeys)
	for old, a := range swap {
		n.byFile[a.Path] = a
		if group := n.pageKeys[old.TranslationKey]; old.Static && old.TranslationKey != "" {
			n.pageKeys[old.TranslationKey] = swapList(group, sw.article)
		}
	}
	n.storyOf = maps.Clone(s.storyOf)
	for old := range swap {
		pl := s.storyOf[old]
		delete(n.storyOf, old)
		if pl.story == nil {
			continue // a page of the site
		}
		st := sw.story(pl.story)
		for _, a := range st.Articles {
			old := a
			if b, ok := sw.back[a]; ok {
				old = b
			}
			n.storyOf[a] = placed{st, s.storyOf[old].ord}
		}
	}
	n.Stories = swapList(s.Stories, sw.swappedStory)
	n.Editions = make([]*Edition, len(s.Editions))
	for i, e := range s.Editions {
		n.Editions[i] = e.swapped(sw, c.Countries, n.Countries)
	}
	return &n
}

// countriesOf is countries.yaml's countries, by code.
func countriesOf(c *load.Content) []*load.Country {
	var list []*load.Country
	for _, code := range slices.Sorted(maps.Keys(c.Countries)) {
		list = append(list, c.Countries[code])
	}
	return list
}

// swapper replaces old articles by new, and the stories that hold them
// by copies that hold the new.
type swapper struct {
	swap    map[*load.Article]*load.Article
	back    map[*load.Article]*load.Article // new → old
	stories map[*Story]*Story               // old → new, made as first asked for
}

func (sw *swapper) article(a *load.Article) *load.Article {
	if b, ok := sw.swap[a]; ok {
		return b
	}
	return a
}

// story is the story that replaces st: a copy if it holds a replaced
// article, else st.
func (sw *swapper) story(st *Story) *Story {
	if n, ok := sw.stories[st]; ok {
		return n
	}
	n := st
	if arts := swapList(st.Articles, sw.article); !sameStart(arts, st.Articles) {
		n = &Story{Articles: arts, original: sw.article(st.original), num: st.num}
	}
	sw.stories[st] = n
	return n
}

// swappedStory is the story that replaces st, once story has made it.
func (sw *swapper) swappedStory(st *Story) *Story {
	if n, ok := sw.stories[st]; ok {
		return n
	}
	return st
}

func (sw *swapper) entry(en Entry) Entry {
	return Entry{Story: sw.swappedStory(en.Story), Article: sw.article(en.Article)}
}

// swapped is the edition with its entries swapped; byCode and sorted
// are the site's new countries.
func (e *Edition) swapped(sw *swapper, byCode map[string]*load.Country, sorted []*load.Country) *Edition {
	n := *e
	n.Entries = swapList(e.Entries, sw.entry)
	n.Own = swapList(e.Own, sw.article)
	n.ownPos = maps.Clone(e.ownPos)
	for old, a := range sw.swap {
		if i, ok := e.ownPos[old]; ok {
			delete(n.ownPos, old)
			n.ownPos[a] = i
		}
	}
	n.country = make(map[string]*CountryIndex, len(e.country))
	for code, old := range e.country {
		ci := &CountryIndex{Country: byCode[code], Entries: swapList(old.Entries, sw.entry), num: old.num}
		n.country[code] = ci
	}
	n.Countries = nil
	for _, c := range sorted {
		if ci := n.country[c.Code]; ci != nil {
			n.Countries = append(n.Countries, ci)
		}
	}
	n.Years = swapList(e.Years, func(y *Year) *Year {
		months := swapList(y.Months, func(m *Month) *Month {
			if entries := swapList(m.Entries, sw.entry); !sameStart(entries, m.Entries) {
				return &Month{Year: m.Year, Month: m.Month, Entries: entries}
			}
			return m
		})
		if !sameStart(months, y.Months) {
			return &Year{Year: y.Year, Months: months}
		}
		return y
	})
	return &n
}

// swapList returns list if to changes none of its items, else a copy with
// each item changed.
func swapList[T comparable](list []T, to func(T) T) []T {
	for i, x := range list {
		if y := to(x); y != x {
			out := slices.Clone(list)
			out[i] = y
			for j := i + 1; j < len(out); j++ {
				out[j] = to(out[j])
			}
			return out
		}
	}
	return list
}

// sameStart tells whether two lists share their array: swapList made no copy.
func sameStart[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
