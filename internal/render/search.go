package render

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"briefings/internal/index"
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
}

// search plans a language's search page and the files of its index. The
// index is made once, by the first of its files to be made; a chunk's key
// covers only its own stories, so a new story leaves the older chunks.
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
		pg.Search = sv
		return pg, nil
	})
	p.searchIndex(e)
}

// searchIndex plans the files of a language's index.
func (p *planner) searchIndex(e *index.Edition) {
	lang := e.Lang.Code
	var (
		once  sync.Once
		files []search.File
		err   error
	)
	whole := newKey("search-index", p.chrome[lang])
	for _, en := range e.Entries {
		p.searchDocKey(whole, en)
	}
	for i, part := range search.Parts(lang, len(e.Entries)) {
		key := whole.sum()
		if part.From != 0 || part.To != len(e.Entries) {
			k := newKey("search-chunk", p.chrome[lang]).str(part.Path)
			for _, en := range e.Entries[part.From:part.To] {
				p.searchDocKey(k, en)
			}
			key = k.sum()
		}
		p.outputs = append(p.outputs, Output{Path: part.Path, Key: key, Make: func(w *bytes.Buffer) error {
			once.Do(func() { files, err = search.Files(lang, p.searchDocs(e)) })
			if err != nil {
				return err
			}
			_, werr := w.Write(files[i].Data)
			return werr
		}})
	}
}

// searchDocKey adds to a key all the index shows of a story.
func (p *planner) searchDocKey(k *key, en index.Entry) { k.num(en.Article.Shown) }

// searchDocs are the stories of an edition, newest first, as its index
// finds them.
func (p *planner) searchDocs(e *index.Edition) []search.Doc {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	docs := make([]search.Doc, len(e.Entries))
	for i, en := range e.Entries {
		a := en.Article
		d := search.Doc{Title: a.Title, Summary: a.Summary, Href: p.URLs.Href(p.site.Path(a)),
			Date: t.Date(a.Date), DateISO: isoDate(a.Date), Lang: a.Lang}
		for _, code := range a.Countries {
			if c := p.site.CountryByCode(code); c != nil {
				d.Countries = append(d.Countries, c.Names[lang])
			}
		}
		docs[i] = d
	}
	return docs
}

// searchHead links the search page to those of the other languages: every
// language has one.
func (p *planner) searchHead(lang string) (head, []LangLink) {
	h := head{canonical: p.URLs.Abs(index.SearchPath(lang))}
	var sw []LangLink
	for _, l := range p.site.Languages {
		h.alternates = append(h.alternates, Alternate{Lang: l.Code, Href: p.URLs.Abs(index.SearchPath(l.Code))})
		if l.Code != lang {
			sw = append(sw, LangLink{Lang: l.Code, Name: l.Name, Href: p.URLs.Href(index.SearchPath(l.Code))})
		}
	}
	def := index.SearchPath(p.site.Config.DefaultLanguage)
	h.alternates = append(h.alternates, Alternate{Lang: "x-default", Href: p.URLs.Abs(def)})
	return h, sw
}
