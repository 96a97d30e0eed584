package render

import (
	"net/url"
	"strings"

	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/photo"
)

// article plans an article's page: it links to its story's other
// languages, the language's next and previous articles, and related stories.
func (p *planner) article(a *load.Article, related []index.Entry) planned {
	st := p.site.StoryOf(a)
	in := articleInput{S: p.siteView, Page: p.ref(a), XDefault: p.ref(p.xDefault(st)), LinkPaths: p.linkPaths(a),
		Linked: p.linked(a), Photos: p.articlePhotos(a)}
	in.Story = make([]ref, len(st.Articles))
	for i, b := range st.Articles {
		in.Story[i] = p.ref(b)
	}
	older, newer := p.site.Neighbours(a)
	in.Older, in.Newer = p.optRef(older), p.optRef(newer)
	if len(related) > 0 {
		in.Related = make([]ref, len(related))
		for i, en := range related {
			in.Related[i] = p.ref(en.Article)
		}
	}
	return memoPage(p, true, "article", in, articlePage)
}

// articleInput is all an article page shows.
type articleInput struct {
	S            *siteView
	Page         ref
	Story        []ref // its story's articles, itself among them, in site language order
	XDefault     ref   // the one x-default leads to
	Older, Newer *ref  // the next articles of the language, by date
	Related      []ref
	LinkPaths    []string // the page path of each link's target, or ""
	// Linked holds the articles the links lead to, so that a replan finds
	// this page among those holding an article whose title, and so path,
	// changed (see replan.go).
	Linked []*load.Article
	Photos []*Photo // of a.PhotoRefs()
}

// articlePage is an article's page.
func articlePage(in articleInput) (*Page, error) {
	s, a := in.S, in.Page.A
	t := s.t(a.Lang)
	rel, err := s.frags.list(relatedItem, a.Lang, in.Related)
	if err != nil {
		return nil, err
	}
	h, sw := articleHead(in)
	pg := s.newPage("article", a.Lang, in.Page.Path, a.Title, navNone, h, sw)
	pg.Description, pg.File = describe(a.Summary), a.Path
	lead, photos := in.lead()
	html, err := s.photoHTML(a, photos, s.URLs.Href, "")
	if err != nil {
		return nil, err
	}
	av := &ArticleView{Title: a.Title, Lang: a.Lang, Date: t.Date(a.Date), DateISO: isoDate(a.Date),
		Countries: s.countryLinks(a.Lang, a.Countries), Source: sourceName(a), SourceURL: a.SourceURL,
		Related: rel, Older: s.articleLink(in.Older), Newer: s.articleLink(in.Newer),
		BodyOf: articleBody{A: a, Paths: in.LinkPaths, Photos: html, URLs: s.URLs}}
	if lead != nil {
		if av.Lead, err = s.leadFigure(pg, *a.Lead, lead, photoSizes, ""); err != nil {
			return nil, err
		}
	}
	loadBodyPhotos(pg, a, lead, photos)
	if !a.Updated.IsZero() {
		av.Updated, av.UpdatedISO = t.Date(a.Updated), isoDate(a.Updated)
	}
	if av.Mark = s.mark(a.Lang, a); av.Mark != "" {
		pg.Robots = "noindex"
	}
	pg.Article = av
	s.shared(pg, a, lead)
	return pg, nil
}

// static plans a page of the site, such as About: linked to its
// translations as an article is, in the sitemap, in no list or feed.
func (p *planner) static(a *load.Article) planned {
	in := articleInput{S: p.siteView, Page: p.ref(a), LinkPaths: p.linkPaths(a), Linked: p.linked(a), Photos: p.articlePhotos(a)}
	for _, b := range p.site.Translations(a) {
		in.Story = append(in.Story, p.ref(b))
	}
	in.XDefault = in.Story[0]
	return memoPage(p, true, "page", in, staticPage)
}

// staticPage is a page of the site.
func staticPage(in articleInput) (*Page, error) {
	s, a := in.S, in.Page.A
	h, sw := articleHead(in)
	h.lastMod = ""
	pg := s.newPage("page", a.Lang, in.Page.Path, a.Title, navNone, h, sw)
	pg.File = a.Path
	if a.Summary != "" {
		pg.Description = describe(a.Summary)
	}
	lead, photos := in.lead()
	html, err := s.photoHTML(a, photos, s.URLs.Href, "")
	if err != nil {
		return nil, err
	}
	v := &ArticleView{Title: a.Title, Lang: a.Lang, BodyOf: articleBody{A: a, Paths: in.LinkPaths, Photos: html, URLs: s.URLs}}
	if lead != nil {
		if v.Lead, err = s.leadFigure(pg, *a.Lead, lead, photoSizes, ""); err != nil {
			return nil, err
		}
	}
	loadBodyPhotos(pg, a, lead, photos)
	if v.Mark = s.mark(a.Lang, a); v.Mark != "" {
		pg.Robots = "noindex"
	}
	pg.Static = v
	return pg, nil
}

// lead is the article's lead photo, or nil, and the photos of its body.
func (in articleInput) lead() (*Photo, []*Photo) {
	if in.Page.A.Lead == nil {
		return nil, in.Photos
	}
	return in.Photos[0], in.Photos[1:]
}

// ref is how a page refers to an article.
func (p *planner) ref(a *load.Article) ref { return ref{a, p.site.Path(a)} }

func (p *planner) optRef(a *load.Article) *ref {
	if a == nil {
		return nil
	}
	r := p.ref(a)
	return &r
}

func (p *planner) linkPaths(a *load.Article) []string { return linkPaths(p.site, a) }

// linked are the articles an article's links lead to, by link: nil for
// one that leads to no article of the site.
func (p *planner) linked(a *load.Article) []*load.Article { return linkTargets(p.site, a) }

func linkTargets(site *index.Site, a *load.Article) []*load.Article {
	var to []*load.Article
	for _, l := range a.Links {
		to = append(to, site.LinkTarget(l))
	}
	return to
}

// linkPaths are the page paths of an article's links' targets, "" for
// those that lead to no article of the site.
func linkPaths(site *index.Site, a *load.Article) []string {
	var paths []string
	for _, t := range linkTargets(site, a) {
		path := ""
		if t != nil {
			path = site.Path(t)
		}
		paths = append(paths, path)
	}
	return paths
}

// shared describes an article page for sharing and for search engines.
func (s *siteView) shared(pg *Page, a *load.Article, lead *Photo) {
	modified := later(a.Date, a.Updated)
	pg.Social.Type, pg.Social.Title = "article", a.Title
	pg.Social.Published = isoDate(a.Date)
	if modified.After(a.Date) { // else the published time says it
		pg.Social.Modified = isoDate(modified)
	}
	ld := &NewsArticle{Context: "https://schema.org", Type: "NewsArticle", Headline: a.Title,
		URL: pg.Canonical, DatePublished: isoDate(a.Date), DateModified: isoDate(modified),
		InLanguage: a.Lang, Author: Thing{Type: "Organization", Name: pg.Social.SiteName, URL: s.URLs.Abs(index.HomePath(a.Lang))}}
	ld.Publisher = ld.Author
	for _, c := range pg.Article.Countries {
		pg.Social.Tags = append(pg.Social.Tags, c.Label)
		ld.About = append(ld.About, Thing{Type: "Country", Name: c.Label})
	}
	if a.Source != "" || a.SourceURL != "" {
		ld.IsBasedOn = &Thing{Type: "CreativeWork", Name: sourceName(a), URL: a.SourceURL}
	}
	if pg.Social.Image != "" {
		ld.Image = []string{pg.Social.Image}
	}
	if lead != nil {
		if og := lead.crop(photo.KindOG); og != nil {
			pg.Social.setImage(s.URLs, og.Name, og.Width, og.Height, a.Lead.Alt)
		}
		ld.Image = s.structuredImages(lead)
	}
	ld.Publisher.Logo = s.logo()
	pg.JSONLD = ld
}

// articleHead links an article to its translations, and x-default to the
// one in the default language, else to the original.
func articleHead(in articleInput) (head, []LangLink) {
	s, a, u := in.S, in.Page.A, in.S.URLs
	h := head{path: in.Page.Path, lastMod: isoDate(a.Date)}
	if !a.Updated.IsZero() {
		h.lastMod = isoDate(a.Updated)
	}
	for _, b := range in.Story {
		h.alternates = append(h.alternates, alternate{b.A.Lang, b.Path})
	}
	h.alternates = append(h.alternates, alternate{"x-default", in.XDefault.Path})
	var sw []LangLink
	for _, l := range s.Languages {
		if l.Code == a.Lang {
			continue
		}
		href := index.HomePath(l.Code)
		for _, b := range in.Story {
			if b.A.Lang == l.Code {
				href = b.Path
			}
		}
		sw = append(sw, LangLink{Lang: l.Code, Name: l.Name, Href: u.Href(href)})
	}
	return h, sw
}

// xDefault is the article x-default leads to: the story in the default
// language, else its original.
func (p *planner) xDefault(st *index.Story) *load.Article {
	if def := st.In(p.site.Config.DefaultLanguage); def != nil {
		return def
	}
	return st.Original()
}

// sourceName is what an article's source is called: its name, or, when it
// gives only its address, the address's host, so that the page shows the
// link and search engines read a name.
func sourceName(a *load.Article) string {
	if a.Source != "" || a.SourceURL == "" {
		return a.Source
	}
	u, err := url.Parse(a.SourceURL)
	if err != nil || u.Hostname() == "" {
		return a.SourceURL
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
