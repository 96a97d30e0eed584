package render

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"briefings/internal/i18n"
	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/search"
)

// SearchView is a language's search page: the form the script shows, and
// the country and archive pages offered to readers without it.
type SearchView struct {
	Action    string // the page itself, where the form's query goes
	IndexURL  string // the manifest of the language's index
	ScriptURL string
	Countries []CountryItem
	Years     []CountryItem
	Badges    []Item // the badge of each other language, which the script gives results in it
}

// search plans a language's search page and the files of its index.
func (p *planner) search(e *index.Edition) {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	own := index.SearchPath(lang)
	h, sw := p.searchHead(lang)
	p.addPage(h, true, func() (*Page, error) {
		pg := p.newPage("search", lang, own, t.Search, navSearch, h, sw)
		sv := &SearchView{Action: p.URLs.Href(own), IndexURL: p.URLs.Href(search.ManifestPath(lang)),
			ScriptURL: p.URLs.Href("search.js")}
		for _, ci := range e.Countries {
			sv.Countries = append(sv.Countries, CountryItem{Name: ci.Country.Names[lang],
				Href: p.URLs.Href(index.CountryPath(lang, ci.Country)), Count: t.ArticleCount(len(ci.Entries))})
		}
		slices.SortFunc(sv.Countries, func(a, b CountryItem) int { return strings.Compare(sortKey(a.Name), sortKey(b.Name)) })
		for _, y := range e.Years {
			sv.Years = append(sv.Years, CountryItem{Name: itoa(y.Year),
				Href: p.URLs.Href(index.YearPath(lang, y.Year)), Count: t.ArticleCount(y.Count())})
		}
		for _, l := range p.site.Languages {
			if l.Code != lang {
				sv.Badges = append(sv.Badges, Item{Lang: l.Code, Badge: strings.ToUpper(l.Code), LangName: t.InLanguage[l.Code]})
			}
		}
		pg.Search = sv
		return pg, nil
	})
	p.searchIndex(e)
}

// searchIndex plans the files of a language's index. The memo makes it
// from what changed since the last build, and each file's key is a hash of
// its bytes: a file is written again exactly when its bytes change.
func (p *planner) searchIndex(e *index.Edition) {
	lang := e.Lang.Code
	files, err := p.searchFiles(lang, p.searchDocs(e))
	if err != nil {
		p.fail(err)
		return
	}
	for _, f := range files {
		o := Bytes(f.Path, f.Data)
		if p.writer != nil { // at once: the files are a tenth of what a one-shot build holds
			o = p.writer.write(o)
		}
		p.outputs = append(p.outputs, o)
	}
}

// searchFiles are the files of a language's index: from the memo's
// index, or, when the memo keeps nothing, from one made for them alone.
func (p *planner) searchFiles(lang string, docs []search.Doc) ([]search.File, error) {
	if p.memo.search == nil {
		return search.Files(lang, docs)
	}
	return p.memo.search.index.Files(lang, docs)
}

// searchMemo is what the memo keeps of the search index; one for this
// call alone when it keeps nothing.
func (p *planner) searchMemo() *searchMemo {
	if p.memo.search == nil {
		return &searchMemo{}
	}
	return p.memo.search
}

// searchMemo keeps, for the next build, each language's index and the
// document of each story in it.
type searchMemo struct {
	index search.Memo
	mu    sync.Mutex
	docs  map[string]map[*load.Article]docMade // by language
	names map[string]*countryNames             // by what they name
}

// docSource is all a story's search document is made from: docOf reads
// nothing else, and the memo keeps each document with its source, so a
// document is made again exactly when its source differs.
type docSource struct {
	a     *load.Article // parsed once for each version of its file, never changed after
	path  string
	urls  URLs
	t     *i18n.Strings // the theme's; a changed file makes a new theme
	names *countryNames // the same pointer for the same names
}

type docMade struct {
	src docSource
	doc search.Doc
}

// countryNames are the names of the site's countries in one language,
// the pages of those that have one, and their names in the site's other
// languages, which find a story as its own do.
type countryNames struct {
	byCode, hrefs map[string]string
	others        map[string][]string
}

func docOf(s docSource) search.Doc {
	a := s.a
	d := search.Doc{Title: a.Title, Summary: a.Summary, Href: s.urls.Href(s.path),
		Date: s.t.Date(a.Date), DateISO: isoDate(a.Date), Lang: a.Lang}
	for _, code := range a.Countries {
		if name, ok := s.names.byCode[code]; ok {
			d.Countries = append(d.Countries, name)
			d.CountryHrefs = append(d.CountryHrefs, s.names.hrefs[code])
			d.CountryNames = append(d.CountryNames, s.names.others[code]...)
		}
	}
	return d
}

// searchDocs are the stories of an edition, newest first, as its index
// finds them.
func (p *planner) searchDocs(e *index.Edition) []search.Doc {
	lang := e.Lang.Code
	m := p.searchMemo()
	m.mu.Lock()
	defer m.mu.Unlock()
	names := m.countryNames(lang, p.site.Countries, p.countryPages(e))
	// A memo kept for the next build remembers each story's document; one
	// for this build alone would hold a second copy of them all, 15 MB at
	// 50,000 articles.
	keep := p.memo.search != nil
	made := m.docs[lang]
	if keep && (made == nil || len(made) > 2*len(e.Entries)+64) {
		made = make(map[*load.Article]docMade, len(e.Entries))
		if m.docs == nil {
			m.docs = map[string]map[*load.Article]docMade{}
		}
		m.docs[lang] = made
	}
	docs := make([]search.Doc, len(e.Entries))
	for i, en := range e.Entries {
		src := docSource{a: en.Article, path: p.site.Path(en.Article), urls: p.URLs, t: p.t(lang), names: names}
		dm, ok := made[src.a]
		if !ok || dm.src != src {
			dm = docMade{src, docOf(src)}
			if keep {
				made[src.a] = dm
			}
		}
		docs[i] = dm.doc
	}
	return docs
}

// countryNames returns the names of countries in a language: the same
// value as the last build's when they are the same.
func (m *searchMemo) countryNames(lang string, countries []*load.Country, hrefs map[string]string) *countryNames {
	var b strings.Builder
	b.WriteString(lang)
	byCode, others := make(map[string]string, len(countries)), make(map[string][]string, len(countries))
	for _, c := range countries {
		b.WriteString("\x00" + c.Code + "\x00" + c.Names[lang] + "\x00" + hrefs[c.Code])
		byCode[c.Code] = c.Names[lang]
		for _, l := range slices.Sorted(maps.Keys(c.Names)) {
			if name := c.Names[l]; l != lang && name != c.Names[lang] && !slices.Contains(others[c.Code], name) {
				others[c.Code] = append(others[c.Code], name)
				b.WriteString("\x01" + name)
			}
		}
	}
	id := b.String()
	if n, ok := m.names[id]; ok {
		return n
	}
	if m.names == nil || len(m.names) > 16 {
		m.names = map[string]*countryNames{}
	}
	n := &countryNames{byCode, hrefs, others}
	m.names[id] = n
	return n
}

// countryPages are the pages of an edition's countries, by code.
func (p *planner) countryPages(e *index.Edition) map[string]string {
	hrefs := make(map[string]string, len(e.Countries))
	for _, ci := range e.Countries {
		hrefs[ci.Country.Code] = p.URLs.Href(index.CountryPath(e.Lang.Code, ci.Country))
	}
	return hrefs
}

// searchHead links the search page to those of the other languages: every
// language has one.
func (p *planner) searchHead(lang string) (head, []LangLink) {
	h := head{path: index.SearchPath(lang)}
	var sw []LangLink
	for _, l := range p.site.Languages {
		h.alternates = append(h.alternates, alternate{l.Code, index.SearchPath(l.Code)})
		if l.Code != lang {
			sw = append(sw, LangLink{Lang: l.Code, Name: l.Name, Href: p.URLs.Href(index.SearchPath(l.Code))})
		}
	}
	def := index.SearchPath(p.site.Config.DefaultLanguage)
	h.alternates = append(h.alternates, alternate{"x-default", def})
	return h, sw
}
