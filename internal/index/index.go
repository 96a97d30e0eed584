// Package index groups published articles into stories and builds each
// language's edition: the lists, archives and country indexes pages show.
package index

import (
	"cmp"
	"slices"
	"strings"

	"briefings/internal/load"
	"briefings/internal/par"
)

// Site is the indexed content, ready to render.
type Site struct {
	Config    *load.Config
	Languages []load.Language // the default first
	Countries []*load.Country // by code
	Articles  []*load.Article // published, by path
	Pages     []*load.Article // the pages of the site (About, Privacy), by path
	Stories   []*Story        // newest first
	Editions  []*Edition      // one per language, in Languages order
	Hash      uint64          // of site.yaml and countries.yaml
	storyOf   map[*load.Article]placed
	paths     map[*load.Article]string
	byFile    map[string]*load.Article
	pageKeys  map[string][]*load.Article // pages by translation key, in site language order
	related   [][]int32                  // by place in Articles: its related stories' places in its edition's Entries
}

// Story is one piece of news: its articles in one or more languages,
// grouped by translation_key.
type Story struct {
	Articles []*load.Article // in site language order
	original *load.Article
	num      int // its place in Site.Stories
}

// placed is where an article is: its story, and its place in Articles,
// which orders the articles of one date.
type placed struct {
	story *Story
	ord   int32
}

// Entry is a story as an edition lists it: in the edition's language when
// there is a translation, else in its original language.
type Entry struct {
	Story   *Story
	Article *load.Article
}

// Edition is one language's view of the whole site.
type Edition struct {
	Lang      load.Language
	Entries   []Entry         // every story once, newest first
	Own       []*load.Article // articles in this language, newest first: an article's neighbours
	Countries []*CountryIndex // countries with at least one story, by code
	Years     []*Year         // newest first
	country   map[string]*CountryIndex
	ownPos    map[*load.Article]int // where an article is in Own
	// By Story.num, where the story is in its countries' Entries: a map
	// cost a rebuild 4 ms, and an array a country the size of the site
	// 9 MB at 50,000 articles.
	places [][]place
	rank   []int32 // by Story.num, where the story is in Entries
}

// place is where a story is in a country's entries: the country by its
// number, so that a swapped index (Swapped) shares the places.
type place struct {
	in, at int32
}

// CountryIndex lists the stories about one country.
type CountryIndex struct {
	Country *load.Country
	Entries []Entry
	num     int32 // which of the edition's countries it is, in the order first named
}

// Year and Month are the date archives, by the date as written.
type Year struct {
	Year   int
	Months []*Month // newest first
}

type Month struct {
	Year, Month int
	Entries     []Entry
}

// Paths makes the page path of every article, on every core. An article
// parsed by an earlier build, which prev is the paths of, keeps its path:
// a rebuild after one save then makes one path instead of 10,000.
func Paths(arts []*load.Article, prev map[*load.Article]string) map[*load.Article]string {
	list := make([]string, len(arts))
	par.Each(len(arts), func(i int) {
		if p, ok := prev[arts[i]]; ok {
			list[i] = p
		} else {
			list[i] = ArticlePath(arts[i])
		}
	})
	m := make(map[*load.Article]string, len(arts))
	for i, a := range arts {
		m[a] = list[i]
	}
	return m
}

// Build indexes the published articles, whose paths Paths made. They must
// have passed validation.
func Build(c *load.Content, published []*load.Article, paths map[*load.Article]string) *Site {
	s := &Site{Config: c.Config, Languages: c.Config.LanguageList(), Hash: c.Hash,
		storyOf: make(map[*load.Article]placed, len(published)), paths: paths,
		byFile: make(map[string]*load.Article, len(published)), pageKeys: map[string][]*load.Article{}}
	for _, a := range published {
		s.byFile[a.Path] = a
		if !a.Static {
			s.Articles = append(s.Articles, a)
			continue
		}
		s.Pages = append(s.Pages, a)
		if a.TranslationKey != "" {
			s.pageKeys[a.TranslationKey] = append(s.pageKeys[a.TranslationKey], a)
		}
	}
	rank := map[string]int{}
	for i, l := range s.Languages {
		rank[l.Code] = i
	}
	for _, group := range s.pageKeys {
		slices.SortFunc(group, func(a, b *load.Article) int { return cmp.Compare(rank[a.Lang], rank[b.Lang]) })
	}
	s.Countries = countriesOf(c)
	s.groupStories()
	s.Editions = make([]*Edition, len(s.Languages))
	par.Each(len(s.Languages), func(i int) { s.Editions[i] = s.edition(s.Languages[i]) })
	s.related = make([][]int32, len(s.Articles))
	par.Each(len(s.Articles), func(i int) { s.related[i] = s.findRelated(s.Articles[i]) })
	return s
}

func (s *Site) groupStories() {
	byKey := map[string]*Story{}
	for i, a := range s.Articles {
		st := byKey[a.TranslationKey]
		if st == nil || a.TranslationKey == "" {
			st = &Story{}
			s.Stories = append(s.Stories, st)
			if a.TranslationKey != "" {
				byKey[a.TranslationKey] = st
			}
		}
		st.Articles = append(st.Articles, a)
		s.storyOf[a] = placed{st, int32(i)}
	}
	rank := map[string]int{}
	for i, l := range s.Languages {
		rank[l.Code] = i
	}
	for _, st := range s.Stories {
		slices.SortFunc(st.Articles, func(a, b *load.Article) int { return cmp.Compare(rank[a.Lang], rank[b.Lang]) })
		st.original = st.Articles[0]
		for _, a := range st.Articles[1:] {
			if a.Date.Before(st.original.Date) {
				st.original = a
			}
		}
	}
	sortNewestFirst(s, s.Stories, func(st *Story) *load.Article { return st.original })
	for i, st := range s.Stories {
		st.num = i
	}
}

// Translations are a page of the site in every language it is in,
// itself among them, in site language order.
func (s *Site) Translations(page *load.Article) []*load.Article {
	if group := s.pageKeys[page.TranslationKey]; page.TranslationKey != "" && len(group) > 0 {
		return group
	}
	return []*load.Article{page}
}

// Path is ArticlePath, made once a build: pages ask for it many times.
func (s *Site) Path(a *load.Article) string {
	if p, ok := s.paths[a]; ok {
		return p
	}
	return ArticlePath(a)
}

// LinkTarget returns the published article a link leads to, or nil.
func (s *Site) LinkTarget(l load.Link) *load.Article { return s.byFile[l.Target] }

// StoryOf returns the story an article belongs to.
func (s *Site) StoryOf(a *load.Article) *Story { return s.storyOf[a].story }

// In returns the story's article in lang, or nil.
func (st *Story) In(lang string) *load.Article {
	for _, a := range st.Articles {
		if a.Lang == lang {
			return a
		}
	}
	return nil
}

// Original is the story's earliest article; on a tie, the first in site order.
func (st *Story) Original() *load.Article { return st.original }

// Translations returns the story's articles other than a.
func (st *Story) Translations(a *load.Article) []*load.Article {
	return slices.DeleteFunc(slices.Clone(st.Articles), func(b *load.Article) bool { return b == a })
}

func (s *Site) edition(l load.Language) *Edition {
	e := &Edition{Lang: l, country: map[string]*CountryIndex{}, ownPos: map[*load.Article]int{},
		places: make([][]place, len(s.Stories)), Entries: make([]Entry, 0, len(s.Stories))}
	for _, st := range s.Stories {
		a := st.In(l.Code)
		if a == nil {
			a = st.Original()
		}
		e.Entries = append(e.Entries, Entry{Story: st, Article: a})
	}
	// Stories come newest first by their originals; only translations of
	// another date can be out of place, and often none is.
	sortNewestFirst(s, e.Entries, func(en Entry) *load.Article { return en.Article })
	e.rank = make([]int32, len(s.Stories))
	for i, en := range e.Entries {
		e.rank[en.Story.num] = int32(i)
		for _, code := range en.Article.Countries {
			ci := e.country[code]
			if ci == nil {
				ci = &CountryIndex{num: int32(len(e.country))}
				e.country[code] = ci
			}
			e.places[en.Story.num] = append(e.places[en.Story.num], place{ci.num, int32(len(ci.Entries))})
			ci.Entries = append(ci.Entries, en)
		}
		if en.Article.Lang == l.Code {
			e.ownPos[en.Article] = len(e.Own)
			e.Own = append(e.Own, en.Article)
		}
	}
	e.fileArchives()
	for _, c := range s.Countries {
		if ci := e.country[c.Code]; ci != nil {
			ci.Country = c
			e.Countries = append(e.Countries, ci)
		}
	}
	return e
}

// fileArchives files the entries by the year and month of each one's
// date as written, as its page's path is. Entries come newest first by
// instant, and dates written with other offsets need not come grouped
// by month: 2019-01-01T01:00:00+06:00 is older than
// 2018-12-31T23:30:00Z. So an entry whose month is not the last one
// filed looks for its month among those made, and years and months are
// put newest first at the end; within a month, entries keep their order.
func (e *Edition) fileArchives() {
	type yearMonth struct{ year, month int }
	months := map[yearMonth]*Month{}
	years := map[int]*Year{}
	var last *Month
	for _, en := range e.Entries {
		y, m, _ := en.Article.Date.Date()
		if last == nil || last.Year != y || last.Month != int(m) {
			last = months[yearMonth{y, int(m)}]
		}
		if last == nil {
			yr := years[y]
			if yr == nil {
				yr = &Year{Year: y}
				years[y] = yr
				e.Years = append(e.Years, yr)
			}
			last = &Month{Year: y, Month: int(m)}
			months[yearMonth{y, int(m)}] = last
			yr.Months = append(yr.Months, last)
		}
		last.Entries = append(last.Entries, en)
	}
	slices.SortFunc(e.Years, func(a, b *Year) int { return cmp.Compare(b.Year, a.Year) })
	for _, y := range e.Years {
		slices.SortFunc(y.Months, func(a, b *Month) int { return cmp.Compare(b.Month, a.Month) })
	}
}

// Neighbours returns the articles of a's language just older and just
// newer than a, or nil at either end.
func (s *Site) Neighbours(a *load.Article) (older, newer *load.Article) {
	e := s.Edition(a.Lang)
	if e == nil {
		return nil, nil
	}
	i, ok := e.ownPos[a]
	if !ok {
		return nil, nil
	}
	if i+1 < len(e.Own) {
		older = e.Own[i+1]
	}
	if i > 0 {
		newer = e.Own[i-1]
	}
	return older, newer
}

// Country returns the edition's index of a country, or nil when no story names it.
func (e *Edition) Country(code string) *CountryIndex { return e.country[code] }

// Count is the number of stories in a year.
func (y *Year) Count() int {
	n := 0
	for _, m := range y.Months {
		n += len(m.Entries)
	}
	return n
}

// sortNewestFirst sorts items by their articles, newest first; articles
// of one date by their place in Articles, which is by file. Each article's
// date and place are read once, into the slice being sorted: comparisons
// that read two articles, scattered in memory, and their slugs and files
// on a tie, were most of a rebuild's indexing at 50,000 articles, where a
// day has a dozen stories.
func sortNewestFirst[T any](s *Site, items []T, article func(T) *load.Article) {
	type keyed struct {
		when dateKey
		item T
	}
	keys := make([]keyed, len(items))
	for i, it := range items {
		keys[i] = keyed{s.dateKey(article(it)), it}
	}
	byDate := func(x, y keyed) int { return x.when.compare(y.when) }
	if slices.IsSortedFunc(keys, byDate) {
		return
	}
	slices.SortFunc(keys, byDate)
	for i, k := range keys {
		items[i] = k.item
	}
}

// dateKey orders articles newest first, and those of one instant by
// their place in Articles.
type dateKey struct {
	sec  int64
	nsec int32
	ord  int32
}

func (s *Site) dateKey(a *load.Article) dateKey {
	return dateKey{a.Date.Unix(), int32(a.Date.Nanosecond()), s.storyOf[a].ord}
}

func (x dateKey) compare(y dateKey) int {
	return cmp.Or(cmp.Compare(y.sec, x.sec), cmp.Compare(y.nsec, x.nsec), cmp.Compare(x.ord, y.ord))
}

// CountryByCode returns a country of countries.yaml, or nil.
func (s *Site) CountryByCode(code string) *load.Country {
	i, ok := slices.BinarySearchFunc(s.Countries, code, func(c *load.Country, code string) int {
		return strings.Compare(c.Code, code)
	})
	if !ok {
		return nil
	}
	return s.Countries[i]
}
