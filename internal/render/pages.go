package render

import (
	"slices"
	"strings"
	"time"

	"briefings/internal/i18n"
	"briefings/internal/index"
	"briefings/internal/load"
)

// relatedCount is how many other stories an article page links to.
const relatedCount = 5

// planner makes the Page of every HTML page of a site.
type planner struct {
	site  *index.Site
	theme *Theme
	urls  URLs
}

// Plan lists every HTML page of the site, in a fixed order.
func Plan(site *index.Site, theme *Theme, urls URLs) []*Page {
	p := planner{site: site, theme: theme, urls: urls}
	pages := []*Page{p.root(), p.notFound()}
	for _, e := range site.Editions {
		pages = append(pages, p.edition(e)...)
	}
	for _, a := range site.Articles {
		pages = append(pages, p.article(a))
	}
	return pages
}

func (p planner) edition(e *index.Edition) []*Page {
	lang := e.Lang.Code
	var pages []*Page
	pages = append(pages, p.paginated(e, e.Entries, index.HomePath, navHome, p.t(lang).Latest, nil)...)
	pages = append(pages, p.countries(e))
	for _, ci := range e.Countries {
		c := ci.Country
		feed := &Link{Label: p.t(lang).Fill(p.t(lang).CountryFeed, "country", c.Names[lang]),
			Href: p.urls.Href(index.CountryFeedPath(lang, c))}
		pages = append(pages, p.paginated(e, ci.Entries, func(l string, n int) string { return index.CountryPath(l, c, n) },
			navCountries, p.t(lang).Fill(p.t(lang).CountryHeading, "country", c.Names[lang]), feed)...)
	}
	for _, y := range e.Years {
		pages = append(pages, p.year(e, y))
		for _, m := range y.Months {
			pages = append(pages, p.month(e, y, m))
		}
	}
	return pages
}

// paginated makes the pages of a list, page_size stories each; an empty list
// still has its first page. The first page of the home list is the home page.
func (p planner) paginated(e *index.Edition, entries []index.Entry, path func(string, int) string,
	section int, heading string, feed *Link) []*Page {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	size := p.site.Config.PageSize
	total := max(1, (len(entries)+size-1)/size)
	var pages []*Page
	for n := 1; n <= total; n++ {
		home := section == navHome && n == 1
		pg := p.page("list", lang, path(lang, n), heading, section)
		p.listAlternates(pg, func(l string) string { return path(l, n) }, home)
		if home {
			pg.Title = e.Lang.Title
		}
		lv := &ListView{Heading: heading, Feed: feed,
			Items: p.items(lang, entries[(n-1)*size:min(n*size, len(entries))])}
		if total > 1 {
			lv.Pager = &Pager{Label: t.Pagination,
				Status: t.Fill(t.PageOf, "page", itoa(n), "pages", itoa(total))}
			if n > 1 {
				lv.Pager.Newer = &Link{Label: t.Newer, Href: p.urls.Href(path(lang, n-1))}
			}
			if n < total {
				lv.Pager.Older = &Link{Label: t.Older, Href: p.urls.Href(path(lang, n+1))}
			}
		}
		if feed != nil {
			pg.Feeds = append(pg.Feeds, *feed)
		}
		pg.List = lv
		pages = append(pages, pg)
	}
	return pages
}

func (p planner) countries(e *index.Edition) *Page {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	pg := p.page("countries", lang, index.CountriesPath(lang), t.Countries, navCountries)
	p.listAlternates(pg, index.CountriesPath, false)
	for _, ci := range e.Countries {
		pg.Countries = append(pg.Countries, CountryItem{Name: ci.Country.Names[lang],
			Href: p.urls.Href(index.CountryPath(lang, ci.Country, 1)), Count: t.ArticleCount(len(ci.Entries))})
	}
	slices.SortFunc(pg.Countries, func(a, b CountryItem) int { return strings.Compare(sortKey(a.Name), sortKey(b.Name)) })
	return pg
}

func (p planner) year(e *index.Edition, y *index.Year) *Page {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	pg := p.page("year", lang, index.YearPath(lang, y.Year), itoa(y.Year), navArchive)
	p.listAlternates(pg, func(l string) string { return index.YearPath(l, y.Year) }, false)
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
			Href: p.urls.Href(index.MonthPath(lang, m.Year, m.Month)), Count: t.ArticleCount(len(m.Entries))})
	}
	pg.Year = yv
	return pg
}

func (p planner) month(e *index.Edition, y *index.Year, m *index.Month) *Page {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	heading := t.MonthYear(m.Year, m.Month)
	pg := p.page("list", lang, index.MonthPath(lang, m.Year, m.Month), heading, navArchive)
	p.listAlternates(pg, func(l string) string { return index.MonthPath(l, m.Year, m.Month) }, false)
	pg.List = &ListView{Heading: heading, Items: p.items(lang, m.Entries),
		Up: &Link{Label: itoa(y.Year), Href: p.urls.Href(index.YearPath(lang, y.Year))}}
	return pg
}

func (p planner) article(a *load.Article) *Page {
	t := p.t(a.Lang)
	pg := p.page("article", a.Lang, index.ArticlePath(a), a.Title, navNone)
	pg.Description = a.Summary
	st := p.site.StoryOf(a)
	for _, b := range st.Articles {
		pg.Alternates = append(pg.Alternates, Alternate{Lang: b.Lang, Href: p.urls.Abs(index.ArticlePath(b))})
	}
	def := st.In(p.site.Config.DefaultLanguage)
	if def == nil {
		def = st.Original()
	}
	pg.Alternates = append(pg.Alternates, Alternate{Lang: "x-default", Href: p.urls.Abs(index.ArticlePath(def))})
	pg.Switch = nil
	for _, l := range p.site.Languages {
		if l.Code == a.Lang {
			continue
		}
		href := index.HomePath(l.Code, 1)
		if tr := st.In(l.Code); tr != nil {
			href = index.ArticlePath(tr)
		}
		pg.Switch = append(pg.Switch, LangLink{Lang: l.Code, Name: l.Name, Href: p.urls.Href(href)})
	}
	av := &ArticleView{Title: a.Title, Lang: a.Lang, Date: t.Date(a.Date), DateISO: isoDate(a.Date),
		Countries: p.countryLinks(a.Lang, a.Countries), Source: a.Source, SourceURL: a.SourceURL,
		Body: trustedHTML(a.HTML), Related: p.items(a.Lang, p.site.Related(a, relatedCount))}
	pg.LastMod = isoDate(a.Date)
	if !a.Updated.IsZero() {
		av.Updated, av.UpdatedISO = t.Date(a.Updated), isoDate(a.Updated)
		pg.LastMod = av.UpdatedISO
	}
	pg.Article = av
	return pg
}

// root is the language chooser at the site root.
func (p planner) root() *Page {
	def := p.site.Config.DefaultLanguage
	pg := p.page("root", def, index.RootPath, "", navNone)
	pg.Chrome.Nav, pg.Switch, pg.Feeds = nil, nil, nil
	var titles []string
	for _, l := range p.site.Languages {
		titles = append(titles, l.Title)
		pg.Root = append(pg.Root, RootChoice{Lang: l.Code, Name: l.Name, Prompt: p.t(l.Code).ChooseLanguage, Title: l.Title,
			Description: l.Description, Href: p.urls.Href(index.HomePath(l.Code, 1))})
	}
	pg.Title = strings.Join(titles, " · ")
	p.listAlternates(pg, func(l string) string { return index.HomePath(l, 1) }, true)
	pg.Switch = nil // every language is the page itself
	return pg
}

// notFound is GitHub Pages' 404 page, in every language: it is served at
// any missing URL, so all its links are absolute paths.
func (p planner) notFound() *Page {
	def := p.site.Config.DefaultLanguage
	pg := p.page("notfound", def, index.NotFoundPath, "", navNone)
	pg.Chrome.Nav, pg.Switch, pg.Feeds, pg.Canonical = nil, nil, nil, ""
	var titles []string
	for _, l := range p.site.Languages {
		t := p.t(l.Code)
		titles = append(titles, t.NotFoundTitle)
		pg.NotFound = append(pg.NotFound, NotFoundText{Lang: l.Code, Title: t.NotFoundTitle, Text: t.NotFoundText,
			Home: p.urls.Href(index.HomePath(l.Code, 1)), HomeLabel: t.GoHome})
	}
	pg.Title = strings.Join(titles, " · ")
	return pg
}

// The sections of the site's navigation, in order.
const (
	navNone = iota - 1
	navHome
	navCountries
	navArchive
)

// page starts a page with the parts every page of a language shares; the
// navigation marks its section as current.
func (p planner) page(tmpl, lang, path, heading string, section int) *Page {
	t := p.t(lang)
	l := p.language(lang)
	title := l.Title
	if heading != "" {
		title = heading + " — " + l.Title
	}
	pg := &Page{Path: path, Template: tmpl, Lang: lang, Title: title, Description: l.Description,
		Canonical: p.urls.Abs(path), T: t,
		Feeds: []Link{{Label: l.Title + " — " + t.Feed, Href: p.urls.Href(index.FeedPath(lang))}},
		Chrome: Chrome{SiteTitle: l.Title, Home: p.urls.Href(index.HomePath(lang, 1)),
			Stylesheet: p.urls.Href("style.css"), Icon: p.urls.Href("favicon.svg")}}
	pg.Chrome.Nav = []Link{{Label: t.Home, Href: p.urls.Href(index.HomePath(lang, 1))},
		{Label: t.Countries, Href: p.urls.Href(index.CountriesPath(lang))}}
	if e := p.site.Edition(lang); e != nil && len(e.Years) > 0 {
		pg.Chrome.Nav = append(pg.Chrome.Nav, Link{Label: t.Archive, Href: p.urls.Href(index.YearPath(lang, e.Years[0].Year))})
	} else {
		pg.Chrome.Nav = append(pg.Chrome.Nav, Link{Label: t.Archive, Href: p.urls.Href(index.HomePath(lang, 1))})
	}
	if section >= 0 {
		pg.Chrome.Nav[section].Current = "true"
		if pg.Chrome.Nav[section].Href == p.urls.Href(path) {
			pg.Chrome.Nav[section].Current = "page"
		}
	}
	return pg
}

// listAlternates links a list page to the same list in every language: each
// edition lists every story, so every list exists in every language.
func (p planner) listAlternates(pg *Page, path func(lang string) string, home bool) {
	pg.Alternates, pg.Switch = nil, nil
	for _, l := range p.site.Languages {
		pg.Alternates = append(pg.Alternates, Alternate{Lang: l.Code, Href: p.urls.Abs(path(l.Code))})
		if l.Code != pg.Lang {
			pg.Switch = append(pg.Switch, LangLink{Lang: l.Code, Name: l.Name, Href: p.urls.Href(path(l.Code))})
		}
	}
	xdef := p.urls.Abs(path(p.site.Config.DefaultLanguage))
	if home {
		xdef = p.urls.Abs(index.RootPath)
	}
	pg.Alternates = append(pg.Alternates, Alternate{Lang: "x-default", Href: xdef})
}

func (p planner) items(lang string, entries []index.Entry) []Item {
	t := p.t(lang)
	items := make([]Item, 0, len(entries))
	for _, en := range entries {
		a := en.Article
		it := Item{Title: a.Title, Href: p.urls.Href(index.ArticlePath(a)), Date: t.Date(a.Date),
			DateISO: isoDate(a.Date), Summary: a.Summary, Countries: p.countryLinks(lang, a.Countries)}
		if a.Lang != lang {
			it.Lang, it.Badge, it.LangName = a.Lang, strings.ToUpper(a.Lang), t.InLanguage[a.Lang]
		}
		items = append(items, it)
	}
	return items
}

func (p planner) countryLinks(lang string, codes []string) []Link {
	e := p.site.Edition(lang)
	var links []Link
	for _, code := range codes {
		if ci := e.Country(code); ci != nil {
			links = append(links, Link{Label: ci.Country.Names[lang], Href: p.urls.Href(index.CountryPath(lang, ci.Country, 1))})
		}
	}
	return links
}

func (p planner) t(lang string) *i18n.Strings { return p.theme.Strings[lang] }

func (p planner) language(code string) load.Language {
	for _, l := range p.site.Languages {
		if l.Code == code {
			return l
		}
	}
	return load.Language{Code: code}
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
