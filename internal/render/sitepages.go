package render

import (
	"strings"

	"briefings/internal/index"
)

// root is the language chooser at the site root.
func (p *planner) root() {
	def := p.site.Config.DefaultLanguage
	h, _ := p.listHead(index.RootPath, index.HomePath, index.HomePath, true)
	p.addPage(h, true, func() (*Page, error) {
		pg := p.newPage("root", def, index.RootPath, "", navNone, h, nil)
		pg.Chrome.Nav, pg.Feeds = nil, nil
		pg.Chrome.Home, pg.Chrome.Also = p.URLs.Href(index.RootPath), p.otherLanguages(def)
		var titles []string
		for _, l := range p.site.Languages {
			// A feed reader given the site's address finds every language's feed.
			pg.Feeds = append(pg.Feeds, feedLinks(p.URLs, l.Title+" — "+p.t(l.Code).Feed, index.FeedPath(l.Code)))
			pg.Feeds[len(pg.Feeds)-1].Lang = l.Code
			titles = append(titles, l.Title)
			pg.Root = append(pg.Root, RootChoice{Lang: l.Code, Name: l.Name, Prompt: p.t(l.Code).ChooseLanguage,
				Title: l.Title, Description: l.Description, Href: p.URLs.Href(index.HomePath(l.Code))})
		}
		pg.Title = pageTitle(strings.Join(titles, " · "), "")
		return pg, nil
	})
}

// notFound is GitHub Pages' 404 page, in every language: it is served at
// any missing URL, so all its links are absolute paths.
func (p *planner) notFound() {
	def := p.site.Config.DefaultLanguage
	p.addPage(head{}, false, func() (*Page, error) {
		pg := p.newPage("notfound", def, index.NotFoundPath, "", navNone, head{}, nil)
		pg.Chrome.Nav, pg.Feeds, pg.Canonical, pg.Social.URL = nil, nil, "", ""
		pg.Chrome.Home, pg.Chrome.Also = p.URLs.Href(index.RootPath), p.otherLanguages(def)
		var titles []string
		for _, l := range p.site.Languages {
			t := p.t(l.Code)
			titles = append(titles, t.NotFoundTitle)
			pg.NotFound = append(pg.NotFound, NotFoundText{Lang: l.Code, Title: t.NotFoundTitle, Text: t.NotFoundText,
				Home: p.URLs.Href(index.HomePath(l.Code)), HomeLabel: t.GoHome,
				Search: p.URLs.Href(index.SearchPath(l.Code)), SearchLabel: t.Search})
		}
		pg.Title = pageTitle(strings.Join(titles, " · "), "")
		return pg, nil
	})
}

// otherLanguages are the site's languages but lang, which have strings.
func (p *planner) otherLanguages(lang string) []string {
	var codes []string
	for _, l := range p.site.Languages {
		if l.Code != lang && p.t(l.Code) != nil {
			codes = append(codes, l.Code)
		}
	}
	return codes
}
