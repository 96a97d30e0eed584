package render

import (
	"bytes"
	"errors"
	"html"
	"slices"
	"strings"
	"sync"
	"time"

	"briefings/internal/i18n"
	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/par"
)

// Stylesheet is the file in static/ every page loads.
const Stylesheet = "style.css"

// relatedCount is how many other stories an article page links to.
const relatedCount = 5

// Output is one file of the site, planned: where it goes, the key of
// everything it shows, and how to make its bytes. Make writes them to w,
// an empty buffer that Run reuses from one output to the next.
type Output struct {
	Path string
	Key  uint64
	Make func(w *bytes.Buffer) error
}

// head is what the sitemap needs of a page.
type head struct {
	canonical, lastMod string
	alternates         []Alternate
}

// planner lists every output of a site. Every view is made while planning,
// and each output's key is the digest of that view (see output.go).
type planner struct {
	site    *index.Site
	theme   *Theme
	urls    URLs
	dig     *digester
	memo    *Memo
	chrome  map[string]uint64 // per language, for the search index's keys
	outputs []Output
	listed  []sitemapURL    // the pages the sitemap lists, in order
	lists   map[string]bool // every list page of every language
	frags   *fragments
	weights *Weights // nil: pages are not weighed
	mu      sync.Mutex
	errs    []error // of views that could not be made
}

// Plan lists every output of the site, in a fixed order, with its view
// made and its key derived from it. memo, the Next of the last build's,
// spares work that build did; weights, if not nil, weighs each page as it
// is made and refuses those too heavy.
func Plan(site *index.Site, theme *Theme, urls URLs, memo *Memo, weights *Weights) ([]Output, error) {
	p := &planner{site: site, theme: theme, urls: urls, dig: &digester{}, chrome: map[string]uint64{}, memo: memo, weights: weights}
	p.frags = newFragments(p)
	for _, e := range site.Editions {
		newest := 0
		if len(e.Years) > 0 {
			newest = e.Years[0].Year
		}
		p.chrome[e.Lang.Code] = newKey("chrome", theme.Key, site.Hash, uint64(newest)).str(urls.base, e.Lang.Code).sum()
	}
	p.collectLists()
	p.root()
	p.notFound()
	for _, e := range site.Editions {
		p.edition(e)
		p.search(e)
	}
	// Articles are most of the pages, and each is planned on its own: on
	// every core, then added in order.
	arts := make([]planned, len(site.Articles))
	par.Each(len(arts), func(i int) { arts[i] = p.article(site.Articles[i]) })
	for _, pl := range arts {
		p.add(pl)
	}
	pages := p.outputs
	p.outputs = nil
	p.siteFiles()
	if err := errors.Join(p.errs...); err != nil {
		return nil, err
	}
	// The sitemap and the feeds are the largest files: listed first, they
	// are made first, and no core is left making one alone at the end.
	return append(p.outputs, pages...), nil
}

// planned is one page's plan: its output and, if the sitemap lists it,
// its entry there.
type planned struct {
	out   Output
	entry *sitemapURL
}

// plan plans an HTML page from its view, made by view; listed pages are
// in the sitemap, with the canonical URL and alternates of h.
func (p *planner) plan(h head, listed bool, view func() (*Page, error)) planned {
	pg, err := view()
	if err != nil {
		p.fail(err)
		return planned{}
	}
	out, err := p.page(pg)
	if err != nil {
		p.fail(err)
		return planned{}
	}
	pl := planned{out: out}
	if listed {
		pl.entry = newSitemapURL(h)
	}
	return pl
}

func (p *planner) fail(err error) {
	p.mu.Lock()
	p.errs = append(p.errs, err)
	p.mu.Unlock()
}

// add appends a planned page to the site's outputs and its sitemap.
func (p *planner) add(pl planned) {
	if pl.out.Make == nil {
		return // its view failed
	}
	p.outputs = append(p.outputs, pl.out)
	if pl.entry != nil {
		p.listed = append(p.listed, *pl.entry)
	}
}

func (p *planner) addPage(h head, listed bool, view func() (*Page, error)) {
	p.add(p.plan(h, listed, view))
}

// collectLists notes every list page of every language first: a list's
// alternates are the same list in the languages that have it.
func (p *planner) collectLists() {
	p.lists = map[string]bool{}
	for _, e := range p.site.Editions {
		l := e.Lang.Code
		for n := 1; n <= p.pageCount(len(e.Entries)); n++ {
			p.lists[index.HomePath(l, n)] = true
		}
		p.lists[index.CountriesPath(l)] = true
		for _, ci := range e.Countries {
			for n := 1; n <= p.pageCount(len(ci.Entries)); n++ {
				p.lists[index.CountryPath(l, ci.Country, n)] = true
			}
		}
		for _, y := range e.Years {
			p.lists[index.YearPath(l, y.Year)] = true
			for _, m := range y.Months {
				for n := 1; n <= p.pageCount(len(m.Entries)); n++ {
					p.lists[index.MonthPath(l, m.Year, m.Month, n)] = true
				}
			}
		}
	}
}

// pageCount is how many pages a list of n stories takes; an empty list
// still has its first page.
func (p *planner) pageCount(n int) int {
	size := p.site.Config.PageSize
	return max(1, (n+size-1)/size)
}

func (p *planner) edition(e *index.Edition) {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	p.paginated(e, e.Entries, index.HomePath, navHome, listing{heading: t.Latest})
	p.countries(e)
	for _, ci := range e.Countries {
		c := ci.Country
		feed := p.feedLinks(t.Fill(t.CountryFeed, "country", c.Names[lang]), index.CountryFeedPath(lang, c))
		p.paginated(e, ci.Entries, func(l string, n int) string { return index.CountryPath(l, c, n) },
			navCountries, listing{heading: t.Fill(t.CountryHeading, "country", c.Names[lang]), feed: feed, intro: c.About[lang]})
	}
	for _, y := range e.Years {
		p.year(e, y)
		for _, m := range y.Months {
			p.month(e, y, m)
		}
	}
}

// listing is what a list shows besides its stories. What it shows must
// follow from the list's path and heading, which are in its pages' keys,
// or from countries.yaml, which every page's key covers.
type listing struct {
	heading string
	feed    FeedLinks // of the list's own feed, if it has one
	up      *Link     // to the page above the list
	intro   string    // what its first page leads with
}

// paginated plans the pages of a list, page_size stories each; an empty
// list still has its first page. The first page of the home list is the
// home page.
func (p *planner) paginated(e *index.Edition, entries []index.Entry, path func(string, int) string,
	section int, l listing) {
	heading, feed := l.heading, l.feed
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	size := p.site.Config.PageSize
	total := p.pageCount(len(entries))
	for n := 1; n <= total; n++ {
		home := section == navHome && n == 1
		own := path(lang, n)
		h, sw := p.listHead(own, func(l string) string { return path(l, n) }, home)
		onPage := entries[(n-1)*size : min(n*size, len(entries))]
		p.addPage(h, true, func() (*Page, error) {
			pg := p.newPage("list", lang, own, heading, section, h, sw)
			if home {
				pg.Title = e.Lang.Title
			}
			items, err := p.frags.list(listItem, lang, onPage)
			if err != nil {
				return nil, err
			}
			lv := &ListView{Heading: heading, Items: items, Up: l.up}
			if n == 1 && l.intro != "" {
				lv.Intro, pg.Description = l.intro, l.intro
			}
			if total > 1 {
				lv.Pager = &Pager{Label: t.Pagination, Status: t.Fill(t.PageOf, "page", itoa(n), "pages", itoa(total))}
				if n > 1 {
					lv.Pager.Newer = &Link{Label: t.Newer, Href: p.urls.Href(path(lang, n-1))}
				}
				if n < total {
					lv.Pager.Older = &Link{Label: t.Older, Href: p.urls.Href(path(lang, n+1))}
				}
			}
			if feed.RSS != "" {
				lv.Feed = &feed
				pg.Feeds = append(pg.Feeds, feed)
			}
			pg.List = lv
			return pg, nil
		})
	}
}

func (p *planner) countries(e *index.Edition) {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	own := index.CountriesPath(lang)
	h, sw := p.listHead(own, index.CountriesPath, false)
	p.addPage(h, true, func() (*Page, error) {
		pg := p.newPage("countries", lang, own, t.Countries, navCountries, h, sw)
		for _, ci := range e.Countries {
			pg.Countries = append(pg.Countries, CountryItem{Name: ci.Country.Names[lang],
				Href: p.urls.Href(index.CountryPath(lang, ci.Country, 1)), Count: t.ArticleCount(len(ci.Entries))})
		}
		slices.SortFunc(pg.Countries, func(a, b CountryItem) int { return strings.Compare(sortKey(a.Name), sortKey(b.Name)) })
		return pg, nil
	})
}

func (p *planner) year(e *index.Edition, y *index.Year) {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	own := index.YearPath(lang, y.Year)
	h, sw := p.listHead(own, func(l string) string { return index.YearPath(l, y.Year) }, false)
	p.addPage(h, true, func() (*Page, error) {
		pg := p.newPage("year", lang, own, itoa(y.Year), navArchive, h, sw)
		yv := &YearView{Heading: itoa(y.Year)}
		for _, other := range e.Years {
			l := Link{Label: itoa(other.Year), Href: p.urls.Href(index.YearPath(lang, other.Year))}
			if other == y {
				l.Current = "page"
			}
			yv.Years = append(yv.Years, l)
		}
		for _, m := range y.Months {
			yv.Months = append(yv.Months, CountryItem{Name: t.MonthYear(m.Year, m.Month),
				Href: p.urls.Href(index.MonthPath(lang, m.Year, m.Month, 1)), Count: t.ArticleCount(len(m.Entries))})
		}
		pg.Year = yv
		return pg, nil
	})
}

func (p *planner) month(e *index.Edition, y *index.Year, m *index.Month) {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	up := &Link{Label: itoa(y.Year), Href: p.urls.Href(index.YearPath(lang, y.Year))}
	p.paginated(e, m.Entries, func(l string, n int) string { return index.MonthPath(l, m.Year, m.Month, n) },
		navArchive, listing{heading: t.MonthYear(m.Year, m.Month), up: up})
}

func (p *planner) article(a *load.Article) planned {
	own := p.site.Path(a)
	h, sw := p.articleHead(a)
	return p.plan(h, true, func() (*Page, error) {
		t := p.t(a.Lang)
		rel, err := p.frags.list(relatedItem, a.Lang, p.site.Related(a, relatedCount))
		if err != nil {
			return nil, err
		}
		older, newer := p.site.Neighbours(a)
		pg := p.newPage("article", a.Lang, own, a.Title, navNone, h, sw)
		pg.Description, pg.File = a.Summary, a.Path
		av := &ArticleView{Title: a.Title, Lang: a.Lang, Date: t.Date(a.Date), DateISO: isoDate(a.Date),
			Countries: p.countryLinks(a.Lang, a.Countries), Source: a.Source, SourceURL: a.SourceURL,
			Body: trustedHTML(body(p.site, a, p.urls.Href)), Related: rel,
			Older: p.articleLink(older), Newer: p.articleLink(newer)}
		if !a.Updated.IsZero() {
			av.Updated, av.UpdatedISO = t.Date(a.Updated), isoDate(a.Updated)
		}
		pg.Article = av
		p.shared(pg, a)
		return pg, nil
	})
}

// articleLink leads to an article under its title, or is nil.
func (p *planner) articleLink(a *load.Article) *Link {
	if a == nil {
		return nil
	}
	return &Link{Label: a.Title, Href: p.urls.Href(p.site.Path(a))}
}

// shared describes an article page for sharing and for search engines.
func (p *planner) shared(pg *Page, a *load.Article) {
	modified := later(a.Date, a.Updated)
	pg.Social.Type, pg.Social.Title = "article", a.Title
	pg.Social.Published, pg.Social.Modified = isoDate(a.Date), isoDate(modified)
	ld := &NewsArticle{Context: "https://schema.org", Type: "NewsArticle", Headline: a.Title,
		URL: pg.Canonical, DatePublished: isoDate(a.Date), DateModified: isoDate(modified),
		InLanguage: a.Lang, Author: Thing{Type: "Organization", Name: pg.Social.SiteName, URL: p.urls.Abs(index.HomePath(a.Lang, 1))}}
	ld.Publisher = ld.Author
	for _, c := range pg.Article.Countries {
		pg.Social.Tags = append(pg.Social.Tags, c.Label)
		ld.About = append(ld.About, Thing{Type: "Country", Name: c.Label})
	}
	if a.Source != "" || a.SourceURL != "" {
		ld.IsBasedOn = &Thing{Type: "CreativeWork", Name: a.Source, URL: a.SourceURL}
	}
	pg.JSONLD = ld
}

// articleHead links an article to its translations, and x-default to the
// one in the default language, else to the original.
func (p *planner) articleHead(a *load.Article) (head, []LangLink) {
	st := p.site.StoryOf(a)
	h := head{canonical: p.urls.Abs(p.site.Path(a)), lastMod: isoDate(a.Date)}
	if !a.Updated.IsZero() {
		h.lastMod = isoDate(a.Updated)
	}
	for _, b := range st.Articles {
		h.alternates = append(h.alternates, Alternate{Lang: b.Lang, Href: p.urls.Abs(p.site.Path(b))})
	}
	h.alternates = append(h.alternates, Alternate{Lang: "x-default", Href: p.urls.Abs(p.site.Path(p.xDefault(st)))})
	var sw []LangLink
	for _, l := range p.site.Languages {
		if l.Code == a.Lang {
			continue
		}
		href := index.HomePath(l.Code, 1)
		if tr := st.In(l.Code); tr != nil {
			href = p.site.Path(tr)
		}
		sw = append(sw, LangLink{Lang: l.Code, Name: l.Name, Href: p.urls.Href(href)})
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

// root is the language chooser at the site root.
func (p *planner) root() {
	def := p.site.Config.DefaultLanguage
	h, _ := p.listHead(index.RootPath, func(l string) string { return index.HomePath(l, 1) }, true)
	p.addPage(h, true, func() (*Page, error) {
		pg := p.newPage("root", def, index.RootPath, "", navNone, h, nil)
		pg.Chrome.Nav, pg.Feeds = nil, nil
		var titles []string
		for _, l := range p.site.Languages {
			titles = append(titles, l.Title)
			pg.Root = append(pg.Root, RootChoice{Lang: l.Code, Name: l.Name, Prompt: p.t(l.Code).ChooseLanguage,
				Title: l.Title, Description: l.Description, Href: p.urls.Href(index.HomePath(l.Code, 1))})
		}
		pg.Title = strings.Join(titles, " · ")
		return pg, nil
	})
}

// notFound is GitHub Pages' 404 page, in every language: it is served at
// any missing URL, so all its links are absolute paths.
func (p *planner) notFound() {
	def := p.site.Config.DefaultLanguage
	p.addPage(head{}, false, func() (*Page, error) {
		pg := p.newPage("notfound", def, index.NotFoundPath, "", navNone, head{}, nil)
		pg.Chrome.Nav, pg.Feeds, pg.Canonical = nil, nil, ""
		var titles []string
		for _, l := range p.site.Languages {
			t := p.t(l.Code)
			titles = append(titles, t.NotFoundTitle)
			pg.NotFound = append(pg.NotFound, NotFoundText{Lang: l.Code, Title: t.NotFoundTitle, Text: t.NotFoundText,
				Home: p.urls.Href(index.HomePath(l.Code, 1)), HomeLabel: t.GoHome})
		}
		pg.Title = strings.Join(titles, " · ")
		return pg, nil
	})
}

// The sections of the site's navigation, in order.
const (
	navNone = iota - 1
	navHome
	navCountries
	navArchive
	navSearch
)

// newPage starts a page with the parts every page of a language shares;
// the navigation marks its section as current.
func (p *planner) newPage(tmpl, lang, path, heading string, section int, h head, sw []LangLink) *Page {
	t := p.t(lang)
	l := p.language(lang)
	title := l.Title
	if heading != "" {
		title = heading + " — " + l.Title
	}
	pg := &Page{Path: path, Template: tmpl, Lang: lang, Title: title, Description: l.Description,
		Canonical: h.canonical, Alternates: h.alternates, Switch: sw, T: t,
		Social: Social{Type: "website", Title: title, URL: h.canonical, SiteName: l.Title},
		Feeds:  []FeedLinks{p.feedLinks(l.Title+" — "+t.Feed, index.FeedPath(lang))},
		Chrome: Chrome{SiteTitle: l.Title, Home: p.urls.Href(index.HomePath(lang, 1)),
			Stylesheet: p.urls.Href(Stylesheet), Icon: p.urls.Href("favicon.svg")}}
	archive := index.HomePath(lang, 1)
	if e := p.site.Edition(lang); e != nil && len(e.Years) > 0 {
		archive = index.YearPath(lang, e.Years[0].Year)
	}
	pg.Chrome.Nav = []Link{{Label: t.Home, Href: p.urls.Href(index.HomePath(lang, 1))},
		{Label: t.Countries, Href: p.urls.Href(index.CountriesPath(lang))},
		{Label: t.Archive, Href: p.urls.Href(archive)},
		{Label: t.Search, Href: p.urls.Href(index.SearchPath(lang))}}
	if section >= 0 {
		pg.Chrome.Nav[section].Current = "true"
		if pg.Chrome.Nav[section].Href == p.urls.Href(path) {
			pg.Chrome.Nav[section].Current = "page"
		}
	}
	return pg
}

// listHead links a list page to the same list in the languages that have
// it: each edition lists every story, but a story's translation may have
// another date or other countries, so an archive or a country page may be
// missing in a language. The switch then leads to that language's home.
func (p *planner) listHead(own string, path func(lang string) string, home bool) (head, []LangLink) {
	h := head{canonical: p.urls.Abs(own)}
	var sw []LangLink
	for _, l := range p.site.Languages {
		there := path(l.Code)
		if !p.lists[there] {
			sw = append(sw, LangLink{Lang: l.Code, Name: l.Name, Href: p.urls.Href(index.HomePath(l.Code, 1))})
			continue
		}
		h.alternates = append(h.alternates, Alternate{Lang: l.Code, Href: p.urls.Abs(there)})
		if there != own {
			sw = append(sw, LangLink{Lang: l.Code, Name: l.Name, Href: p.urls.Href(there)})
		}
	}
	xdef := own
	if def := path(p.site.Config.DefaultLanguage); p.lists[def] {
		xdef = def
	}
	if home {
		xdef = index.RootPath
	}
	h.alternates = append(h.alternates, Alternate{Lang: "x-default", Href: p.urls.Abs(xdef)})
	return h, sw
}

// item is how a story's entry in a list reads for readers of lang.
func (p *planner) item(lang string, a *load.Article) Item {
	t := p.t(lang)
	it := Item{Title: a.Title, Href: p.urls.Href(p.site.Path(a)), Date: t.Date(a.Date),
		DateISO: isoDate(a.Date), Summary: a.Summary, Countries: p.countryLinks(lang, a.Countries)}
	if a.Lang != lang {
		it.Lang, it.Badge, it.LangName = a.Lang, strings.ToUpper(a.Lang), t.InLanguage[a.Lang]
	}
	return it
}

func (p *planner) countryLinks(lang string, codes []string) []Link {
	e := p.site.Edition(lang)
	var links []Link
	for _, code := range codes {
		if ci := e.Country(code); ci != nil {
			links = append(links, Link{Label: ci.Country.Names[lang], Href: p.urls.Href(index.CountryPath(lang, ci.Country, 1))})
		}
	}
	return links
}

func (p *planner) t(lang string) *i18n.Strings { return p.theme.Strings[lang] }

// languageIndex is a language's place in site.yaml, or -1.
func (p *planner) languageIndex(code string) int {
	for i, l := range p.site.Languages {
		if l.Code == code {
			return i
		}
	}
	return -1
}

func (p *planner) language(code string) load.Language {
	for _, l := range p.site.Languages {
		if l.Code == code {
			return l
		}
	}
	return load.Language{Code: code}
}

// body is an article's HTML with its links to other articles resolved by
// url: Href in pages, Abs in feeds.
func body(site *index.Site, a *load.Article, url func(string) string) string {
	if len(a.Links) == 0 {
		return a.HTML
	}
	var pairs []string
	for _, l := range a.Links {
		if t := site.LinkTarget(l); t != nil {
			pairs = append(pairs, `href="`+l.Placeholder+`"`, `href="`+html.EscapeString(url(site.Path(t))+l.Fragment)+`"`)
		}
	}
	return strings.NewReplacer(pairs...).Replace(a.HTML)
}

// isoDate is a date for datetime attributes and sitemaps: the day alone
// when no time was given.
func isoDate(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Location() == time.UTC {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// sortKey orders Cyrillic names alphabetically: Ё sorts with Е.
func sortKey(s string) string {
	return strings.NewReplacer("Ё", "Е", "ё", "е").Replace(strings.ToLower(s))
}
