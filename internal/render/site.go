package render

import (
	"html"
	"slices"
	"strings"

	"briefings/internal/i18n"
	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/search"
	"briefings/internal/validate"
)

// siteView is all that a page's view may read of the site beyond the
// page's own inputs: the templates and strings, the URLs, the languages,
// and what the frame of every page shows. It is made once a build and
// digested once, as part of every page's inputs.
type siteView struct {
	Theme       *Theme // digested by its Key, the hash of every file it was made of
	URLs        URLs
	Languages   []load.Language // the default first
	Default     string          // the default language
	CountryLink map[string]Link // to each country's page in each language, by "lang code"
	Archive     map[string]string
	Share       *Share                   // the site's share image, for pages without a photo; nil: none
	Held        map[string]validate.Held // the drafts and scheduled articles shown, by file
	Pages       map[string][]Link        // the site's pages of each language, for every page's footer
	frags       *fragments               // a cache of what views make, not an input
}

// ref is an article as a page refers to it: the article and its page's path.
type ref struct {
	A    *load.Article // digested by its Hash, the hash of the file it was parsed from
	Path string
}

func (s *siteView) t(lang string) *i18n.Strings { return s.Theme.Strings[lang] }

// languageIndex is a language's place in site.yaml, or -1.
func (s *siteView) languageIndex(code string) int {
	for i, l := range s.Languages {
		if l.Code == code {
			return i
		}
	}
	return -1
}

func (s *siteView) language(code string) load.Language {
	if i := s.languageIndex(code); i >= 0 {
		return s.Languages[i]
	}
	return load.Language{Code: code}
}

// newPage starts a page with the parts every page of a language shares;
// the navigation marks its section as current. Its title is the heading
// and the site's name, as much of them as fits (see pageTitle).
func (s *siteView) newPage(tmpl, lang, path, heading string, section int, h head, sw []LangLink) *Page {
	t := s.t(lang)
	l := s.language(lang)
	social := l.Title // link previews show titles whole
	if heading != "" {
		social = heading + " — " + l.Title
	}
	u := s.URLs
	canonical := u.Abs(h.path)
	pg := &Page{Path: path, Template: tmpl, Lang: lang, Title: pageTitle(heading, l.Title), Description: describe(l.Description),
		Canonical: canonical, LastMod: h.lastMod, Alternates: u.alternates(h.hreflang()), Switch: sw, T: t, head: h,
		Social: Social{Type: "website", Title: social, URL: canonical, SiteName: l.Title, Locale: t.Locale},
		Feeds:  []FeedLinks{feedLinks(u, l.Title+" — "+t.Feed, index.FeedPath(lang))},
		Chrome: Chrome{SiteTitle: l.Title, Home: u.Href(index.HomePath(lang)), Pages: s.footerPages(lang, u.Href(path)), Publisher: t.Publisher,
			Stylesheet: u.Href(Stylesheet), Icon: u.Href("favicon.svg"), Wordmark: u.Href("wordmark.svg")}}
	// og:locale:alternate: the locales the page is also in, those of its
	// translations; a page alone in its language has none.
	for _, a := range h.hreflang() {
		if a.lang != lang && a.lang != "x-default" && s.t(a.lang) != nil {
			pg.Social.Alternates = append(pg.Social.Alternates, s.t(a.lang).Locale)
		}
	}
	if s.Share != nil {
		pg.Social.setImage(u, s.Share.Name, s.Share.Width, s.Share.Height, l.Title)
	}
	pg.Chrome.Nav = []Link{{Label: t.Home, Href: u.Href(index.HomePath(lang))},
		{Label: t.Countries, Href: u.Href(index.CountriesPath(lang))},
		{Label: t.Archive, Href: u.Href(s.Archive[lang])},
		{Label: t.Search, Href: u.Href(index.SearchPath(lang))}}
	if section >= 0 {
		pg.Chrome.Nav[section].Current = "true"
		if pg.Chrome.Nav[section].Href == u.Href(path) {
			pg.Chrome.Nav[section].Current = "page"
		}
	}
	return pg
}

// footerPages are the links to the site's pages in a page's footer; on
// one of them, its own is marked as the current page, as the sections'
// links are.
func (s *siteView) footerPages(lang, href string) []Link {
	links := s.Pages[lang]
	for i, l := range links {
		if l.Href == href {
			links = slices.Clone(links)
			links[i].Current = "page"
			break
		}
	}
	return links
}

// describe is a page's description for search engines and link
// previews, which show about as much: its summary cut as a search result
// shows it. A whole summary was a tenth of an article page, twice over.
func describe(summary string) string { return search.Snippet(summary) }

// item is how a story's entry in a list reads for readers of lang.
func (s *siteView) item(lang string, r ref) Item {
	t, a := s.t(lang), r.A
	it := Item{Title: a.Title, Href: s.URLs.Href(r.Path), Date: t.Date(a.Date),
		DateISO: isoDate(a.Date), Summary: a.Summary, Countries: s.countryLinks(lang, a.Countries)}
	if a.Lang != lang {
		it.Lang, it.Badge, it.LangName = a.Lang, strings.ToUpper(a.Lang), t.InLanguage[a.Lang]
	}
	it.Mark = s.mark(lang, a)
	return it
}

// mark says, in lang, that an article readers cannot see yet is a draft
// or scheduled; "" for a published one.
func (s *siteView) mark(lang string, a *load.Article) string {
	h, ok := s.Held[a.Path]
	if !ok {
		return ""
	}
	t := s.t(lang)
	if h.State == validate.Draft {
		return t.DraftMark
	}
	at := h.At // as the article gives it
	return t.Fill(t.ScheduledMark, "date", t.Date(at), "time", at.Format("15:04 UTC-07:00"))
}

// countryLinks lead to the pages of countries in lang, those that have one.
func (s *siteView) countryLinks(lang string, codes []string) []Link {
	var links []Link
	for _, code := range codes {
		if l, ok := s.CountryLink[lang+" "+code]; ok {
			links = append(links, l)
		}
	}
	return links
}

// articleLink leads to an article under its title, or is nil.
func (s *siteView) articleLink(r *ref) *Link {
	if r == nil {
		return nil
	}
	return &Link{Label: r.A.Title, Href: s.URLs.Href(r.Path)}
}

// logo is the site's image as the publisher of its articles.
func (s *siteView) logo() *ImageObject {
	if s.Share == nil {
		return nil
	}
	return &ImageObject{Type: "ImageObject", URL: s.URLs.Abs(index.MediaPath(s.Share.Name)), Width: s.Share.Width, Height: s.Share.Height}
}

// feedLinks are the links to a feed in its three formats.
func feedLinks(u URLs, label, rssPath string) FeedLinks {
	return FeedLinks{Label: label, RSS: u.Href(rssPath), Atom: u.Href(index.FeedIn(rssPath, index.AtomFile)),
		JSON: u.Href(index.FeedIn(rssPath, index.JSONFeedFile))}
}

// articleBody is what an article's body in a page or feed is made of:
// the article, by its file; the page path each of its links leads to;
// the markup of each of its photos; and whether its links are absolute
// URLs, as feeds have them, or paths, as pages do. A view holds this, not
// the body, which is read only when a page or feed is written.
type articleBody struct {
	A      *load.Article
	Paths  []string
	Photos []string
	URLs   URLs
	Abs    bool
	Page   string // with Abs, the page's absolute URL: a link to a part of it, a footnote, leads there
}

// html is the article's HTML with its links and photos in place.
func (b articleBody) html() (string, error) {
	a := b.A
	body, err := a.Body()
	fragments := b.Abs && strings.Contains(body, `href="#`)
	if err != nil || len(a.Links) == 0 && len(a.Photos) == 0 && !fragments {
		return body, err
	}
	url := b.URLs.Href
	if b.Abs {
		url = b.URLs.Abs
	}
	var pairs []string
	var scheduled map[string]bool // the placeholders of links to articles there, not published yet
	for i, l := range a.Links {
		path := b.Paths[i]
		if l.Site != "" {
			path = strings.TrimPrefix(l.Site, "/")
		}
		if path != "" || l.Site != "" {
			pairs = append(pairs, `href="`+l.Placeholder+`"`, `href="`+html.EscapeString(url(path)+l.Fragment)+`"`)
		} else {
			if scheduled == nil {
				scheduled = map[string]bool{}
			}
			scheduled[l.Placeholder] = true
		}
	}
	if scheduled != nil {
		body = unlink(body, scheduled)
	}
	for i, ph := range a.Photos {
		pairs = append(pairs, ph.Placeholder, b.Photos[i])
	}
	if fragments {
		// In a feed, "#fn-1" would be read against the feed's address, and
		// every item's notes share their ids. Only goldmark writes href=
		// in a body: raw HTML is dropped, and text has its quotes escaped.
		pairs = append(pairs, `href="#`, `href="`+html.EscapeString(b.Page)+`#`)
	}
	return strings.NewReplacer(pairs...).Replace(body), nil
}

// unlink leaves the text of each link whose address is one of
// placeholders without its anchor: it leads to an article not published
// yet, whose page is not there, and a placeholder must never reach a
// reader. Goldmark writes the anchor's start tag with its attributes
// escaped, and links do not nest, so the first </a> after the tag is its
// end. One pass over the body does them all: a pass a link made an
// article of thousands of such links take seconds.
func unlink(body string, placeholders map[string]bool) string {
	const start = `<a href="`
	var b strings.Builder
	b.Grow(len(body))
	for {
		i := strings.Index(body, start)
		if i < 0 {
			break
		}
		tag := body[i:]
		if addr, _, _ := strings.Cut(tag[len(start):], `"`); placeholders[addr] {
			if open, end := strings.IndexByte(tag, '>'), strings.Index(tag, "</a>"); open >= 0 && end > open {
				b.WriteString(body[:i])
				b.WriteString(tag[open+1 : end])
				body = tag[end+len("</a>"):]
				continue
			}
		}
		b.WriteString(body[:i+len(start)])
		body = tag[len(start):]
	}
	b.WriteString(body)
	return b.String()
}

// newSiteView gathers what every view may read of the site, and gives the
// digester what many views share.
func (p *planner) newSiteView(theme *Theme, urls URLs, share *Share, held []validate.Held) *siteView {
	s := &siteView{Theme: theme, URLs: urls, Languages: p.site.Languages, Default: p.site.Config.DefaultLanguage,
		CountryLink: map[string]Link{}, Archive: map[string]string{}, Share: share, Held: map[string]validate.Held{},
		Pages: map[string][]Link{}}
	for _, a := range p.site.Pages {
		s.Pages[a.Lang] = append(s.Pages[a.Lang], Link{Label: a.Title, Href: urls.Href(p.site.Path(a))})
	}
	for _, h := range held {
		s.Held[h.Article.Path] = h
	}
	for _, e := range p.site.Editions {
		lang := e.Lang.Code
		for _, ci := range e.Countries {
			s.CountryLink[lang+" "+ci.Country.Code] = Link{Label: ci.Country.Names[lang],
				Href: urls.Href(index.CountryPath(lang, ci.Country))}
		}
		s.Archive[lang] = index.HomePath(lang)
		if len(e.Years) > 0 {
			s.Archive[lang] = index.YearPath(lang, e.Years[0].Year)
		}
	}
	s.frags = newFragments(s, p.dig, &p.memo.frags, p.site.Articles)
	for _, l := range p.site.Languages {
		if t := theme.Strings[l.Code]; t != nil {
			p.dig.share(t)
		}
	}
	p.dig.share(s)
	return s
}
