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
		p.forEveryLanguage(pg)
		var titles []string
		for _, l := range p.site.Languages {
			// A feed reader given the site's address finds every language's feed.
			fl := feedLinks(p.URLs, l.Title+" — "+p.t(l.Code).Feed, index.FeedPath(l.Code))
			fl.Lang = l.Code
			pg.Feeds = append(pg.Feeds, fl)
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
		p.forEveryLanguage(pg)
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

// forEveryLanguage makes a page of the default language one for readers
// of every language: its frame speaks the others too, and the site's name
// leads to the language chooser.
func (p *planner) forEveryLanguage(pg *Page) {
	pg.Chrome.Home = p.URLs.Href(index.RootPath)
	for _, l := range p.site.Languages {
		if l.Code != pg.Lang && p.t(l.Code) != nil {
			pg.Chrome.Also = append(pg.Chrome.Also, l.Code)
		}
	}
}
