package render

import (
	"cmp"
	"slices"
	"strings"

	"briefings/internal/i18n"
	"briefings/internal/index"
)

// collectLists notes every list page of every language first, with its
// canonical page: a list's alternates are the same list in the languages
// that have it as a page of its own.
func (p *planner) collectLists() {
	p.lists = map[string]string{}
	list := func(first string, stories int) {
		total := p.pageCount(stories)
		for n := range total + 1 {
			own := index.ListPage(first, n)
			if p.repeats(n, total) {
				p.lists[own] = first
			} else {
				p.lists[own] = own
			}
		}
	}
	for _, e := range p.site.Editions {
		l := e.Lang.Code
		list(index.HomePath(l), len(e.Entries))
		p.lists[index.CountriesPath(l)] = index.CountriesPath(l)
		for _, ci := range e.Countries {
			list(index.CountryPath(l, ci.Country), len(ci.Entries))
		}
		for _, y := range e.Years {
			p.lists[index.YearPath(l, y.Year)] = index.YearPath(l, y.Year)
			for _, m := range y.Months {
				list(index.MonthPath(l, m.Year, m.Month), len(m.Entries))
			}
		}
	}
}

// pageCount is how many numbered pages a list of n stories has besides
// its first page: none when the first page shows them all, else never
// fewer than two, the newest of which repeats (see repeats).
func (p *planner) pageCount(n int) int {
	size := p.site.Config.PageSize
	if n <= size {
		return 0
	}
	return (n + size - 1) / size
}

// repeats tells whether page n of a list with total numbered pages is
// its newest numbered page, which holds only stories its first page
// shows: counted from the oldest, page_size a page, it is what is left
// over, one to page_size of the newest stories. The pages before it show
// none of the first page's stories. It is still written, for the links
// to it from elsewhere: the site's own pager led to it and the sitemap
// listed it before, and when a list loses a story, the page that was its
// newest with stories of its own becomes this one. But no page of the
// site leads to it now and the sitemap leaves it out: it names the first
// page as its canonical page.
func (p *planner) repeats(n, total int) bool { return n > 0 && n == total }

func (p *planner) edition(e *index.Edition) {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	p.paginated(e, e.Entries, index.HomePath, navHome, listing{heading: t.Latest})
	p.countries(e)
	for _, ci := range e.Countries {
		c := ci.Country
		feed := p.feedLinks(t.Fill(t.CountryFeed, "country", c.Names[lang]), index.CountryFeedPath(lang, c))
		p.paginated(e, ci.Entries, func(l string) string { return index.CountryPath(l, c) },
			navCountries, listing{heading: t.Fill(t.CountryHeading, "country", c.Names[lang]), feed: feed, intro: c.About[lang]})
	}
	for _, y := range e.Years {
		p.year(e, y)
		for _, m := range y.Months {
			p.month(e, y, m)
		}
	}
}

// listing is what a list shows besides its stories; its pages' inputs
// (listInput) carry all of it.
type listing struct {
	heading string
	feed    FeedLinks // of the list's own feed, if it has one
	up      *Link     // to the page above the list
	intro   string    // what its first page leads with
}

// paginated plans the pages of a list: its first page, at first(lang),
// with the newest page_size stories, and when there are more, numbered
// pages of page_size stories each from the oldest (index.ListPage),
// which leave out the stories of the first page. The first page of the
// home list is the home page.
func (p *planner) paginated(e *index.Edition, entries []index.Entry, first func(lang string) string,
	section int, l listing) {
	for n := range p.pageCount(len(entries)) + 1 {
		shown := p.onPage(entries, n)
		var sh shows
		if len(shown) > 0 {
			sh.at = shown[0].Article.Date
		}
		sh.kind, sh.entries = entriesShown(section == navHome && n == 0, shown)
		p.queueShowing(e.Lang.Code, sh, func() planned { return p.listPage(e, entries, shown, first, section, l, n) })
	}
}

// onPage is what page n of a list shows of its entries, newest first:
// page n counted from the oldest holds the n-th page_size of them, less
// those the first page shows, but for the newest numbered page, which
// holds only those (repeats).
func (p *planner) onPage(entries []index.Entry, n int) []index.Entry {
	size := p.site.Config.PageSize
	shownFirst := min(size, len(entries))
	if n == 0 {
		return entries[:shownFirst]
	}
	end := len(entries) - (n-1)*size // counted from the oldest
	start := max(0, end-size)
	if !p.repeats(n, p.pageCount(len(entries))) {
		start = max(start, shownFirst)
	}
	return entries[start:end]
}

// listPage plans page n of a list, which shows these of its entries.
func (p *planner) listPage(e *index.Edition, entries, shown []index.Entry, first func(string) string,
	section int, l listing, n int) planned {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	page := func(lang string, n int) string { return index.ListPage(first(lang), n) }
	own := page(lang, n)
	home := section == navHome && n == 0
	total := p.pageCount(len(entries))
	h, sw := p.listHead(own, func(l string) string { return page(l, n) }, p.firstOr(first), home)
	repeats := p.repeats(n, total)
	if repeats { // its stories are the first page's: that is the page to index, and to switch from
		h = head{path: first(lang)}
		_, sw = p.listHead(first(lang), first, index.HomePath, false)
	}
	in := listInput{S: p.siteView, Lang: lang, Path: own, Heading: l.heading, Section: section, Head: h, Switch: sw, Up: l.up}
	if home {
		in.Title = e.Lang.Title
	}
	if len(shown) > 0 {
		in.Items = make([]ref, len(shown))
		for i, en := range shown {
			in.Items[i] = p.ref(en.Article)
		}
	}
	if home && len(in.Items) > 0 && in.Items[0].A.Lead != nil {
		in.Lead = p.photos[in.Items[0].A.Lead.File]
	}
	if home {
		in.Front = true
		in.Regions = p.regions(e)
	}
	if n == 0 {
		in.Intro = l.intro
	}
	if total > 0 {
		in.Pager = p.pager(t, n, total, func(n int) string { return page(lang, n) })
	}
	if l.feed.RSS != "" {
		in.Feed = &l.feed
	}
	return memoPage(p, !repeats, "list", in, listPage)
}

// pager links page n of a list with total numbered pages to the pages
// before and after it as readers go through them, newer to older: the
// first page, then the numbered pages from total-1 down to 1. No page
// leads to the one past them, which repeats the first page's stories; it
// leads on as the newest of them does.
func (p *planner) pager(t *i18n.Strings, n, total int, page func(n int) string) *Pager {
	newest := total - 1
	pg := &Pager{Label: t.Pagination}
	older, newer := n-1, n+1
	switch {
	case n == 0:
		older, newer = newest, -1
	case n >= newest:
		newer = 0 // the first page shows the newest stories
	}
	if n != 0 {
		pg.Status = t.Fill(t.PageOf, "page", itoa(n))
		pg.Newer = &Link{Label: t.Newer, Href: p.URLs.Href(page(newer))}
	}
	if older >= 1 {
		pg.Older = &Link{Label: t.Older, Href: p.URLs.Href(page(older))}
	}
	return pg
}

// firstOr is where a list page's switch leads in a language that lacks
// the page: the list's first page there, or that language's home.
func (p *planner) firstOr(first func(string) string) func(string) string {
	return func(lang string) string {
		if _, ok := p.lists[first(lang)]; ok {
			return first(lang)
		}
		return index.HomePath(lang)
	}
}

// listInput is all a page of a list shows.
type listInput struct {
	S                   *siteView
	Lang, Path, Heading string
	Title               string // replaces the page's title when set
	Section             int
	Head                head
	Switch              []LangLink
	Items               []ref
	Lead                *Photo // the first story's lead photo, on the home page
	Front               bool   // the home page: the newest story leads, beside the countries
	Regions             []region
	Intro               string
	Up                  *Link // to the page above the list
	Pager               *Pager
	Feed                *FeedLinks // the list's own feed
}

// entriesShown is the kind of entry a page of a list shows, and for which
// of its stories: the front page's newest story leads, and the others are
// in brief.
func entriesShown[S ~[]E, E any](front bool, stories S) (int, S) {
	if front && len(stories) > 0 {
		return briefItem, stories[1:]
	}
	return listItem, stories
}

// listPage is a page of a list of stories.
func listPage(in listInput) (*Page, error) {
	s := in.S
	pg := s.newPage("list", in.Lang, in.Path, in.Heading, in.Section, in.Head, in.Switch)
	if in.Title != "" {
		pg.Title = pageTitle(in.Title, "")
	}
	if in.Pager != nil && in.Pager.Status != "" { // a numbered page is told from the first, in tabs, history and search results
		pg.Title = pageTitle(cmp.Or(in.Title, in.Heading)+" · "+in.Pager.Status, s.language(in.Lang).Title)
	}
	kind, refs := entriesShown(in.Front, in.Items)
	items, err := s.frags.list(kind, in.Lang, refs)
	if err != nil {
		return nil, err
	}
	for i, r := range refs {
		pg.entries = append(pg.entries, entryOf(r.A, items[i]))
	}
	lv := &ListView{Heading: in.Heading, Items: items, Up: in.Up, Pager: in.Pager}
	if in.Front {
		if err := s.front(pg, lv, in); err != nil {
			return nil, err
		}
	}
	if in.Lead != nil {
		top, lang := in.Items[0].A, ""
		if top.Lang != in.Lang {
			lang = top.Lang
		}
		if lv.Lead, err = s.leadFigure(pg, *top.Lead, in.Lead, frontPhotoSizes, lang); err != nil {
			return nil, err
		}
	}
	if in.Intro != "" {
		lv.Intro, pg.Description = in.Intro, describe(in.Intro)
	}
	if in.Feed != nil { // first, before the site's: feed readers subscribe to the first a page names
		pg.Feeds = append([]FeedLinks{*in.Feed}, pg.Feeds...)
	}
	pg.List = lv
	return pg, nil
}

// region is a country beside the home page's stories, in listInput: its
// name and page, how many stories it has and, for the first few, its
// newest.
type region struct {
	Name, Path string
	Count      int
	Latest     *ref
}

// regionStories is how many countries show their newest story beside the
// home page's: a title with its link weighs 300 to 600 bytes, and the
// page's budget is for its own stories.
const regionStories = 5

// regions are an edition's countries, those with the newest story first;
// the first regionStories show it.
func (p *planner) regions(e *index.Edition) []region {
	lang := e.Lang.Code
	var rs []region
	for _, ci := range e.Countries {
		rs = append(rs, region{Name: ci.Country.Names[lang], Path: index.CountryPath(lang, ci.Country),
			Count: len(ci.Entries), Latest: p.optRef(ci.Entries[0].Article)})
	}
	slices.SortStableFunc(rs, func(a, b region) int {
		if c := b.Latest.A.Date.Compare(a.Latest.A.Date); c != 0 {
			return c
		}
		return strings.Compare(sortKey(a.Name), sortKey(b.Name))
	})
	for i := regionStories; i < len(rs); i++ {
		rs[i].Latest = nil
	}
	return rs
}

// front makes a list page the home page: the newest story leads, with
// its summary and photo, above the others' headlines, and the countries
// stand beside them on wide screens.
func (s *siteView) front(pg *Page, lv *ListView, in listInput) error {
	t := s.t(in.Lang)
	pg.Wide = true
	if len(in.Items) > 0 {
		top, err := s.frags.render("story", s.item(in.Lang, in.Items[0]))
		if err != nil {
			return err
		}
		lv.Top = &top
		pg.entries = append(pg.entries, entryOf(in.Items[0].A, top))
	}
	for _, r := range in.Regions {
		rv := Region{Name: r.Name, Href: s.URLs.Href(r.Path), Count: t.ArticleCount(r.Count)}
		if r.Latest != nil {
			latest, err := s.frags.list(relatedItem, in.Lang, []ref{*r.Latest})
			if err != nil {
				return err
			}
			rv.Latest = &latest[0]
		}
		lv.Regions = append(lv.Regions, rv)
	}
	return nil
}

func (p *planner) countries(e *index.Edition) {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	own := index.CountriesPath(lang)
	h, sw := p.listHead(own, index.CountriesPath, index.HomePath, false)
	p.addPage(h, true, func() (*Page, error) {
		pg := p.newPage("countries", lang, own, t.Countries, navCountries, h, sw)
		for _, ci := range e.Countries {
			pg.Countries = append(pg.Countries, CountryItem{Name: ci.Country.Names[lang],
				Href: p.URLs.Href(index.CountryPath(lang, ci.Country)), Count: t.ArticleCount(len(ci.Entries))})
		}
		slices.SortFunc(pg.Countries, func(a, b CountryItem) int { return strings.Compare(sortKey(a.Name), sortKey(b.Name)) })
		return pg, nil
	})
}

func (p *planner) year(e *index.Edition, y *index.Year) {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	own := index.YearPath(lang, y.Year)
	h, sw := p.listHead(own, func(l string) string { return index.YearPath(l, y.Year) }, index.HomePath, false)
	p.addPage(h, true, func() (*Page, error) {
		pg := p.newPage("year", lang, own, itoa(y.Year), navArchive, h, sw)
		yv := &YearView{Heading: itoa(y.Year)}
		for _, other := range e.Years {
			l := Link{Label: itoa(other.Year), Href: p.URLs.Href(index.YearPath(lang, other.Year))}
			if other == y {
				l.Current = "page"
			}
			yv.Years = append(yv.Years, l)
		}
		for _, m := range y.Months {
			yv.Months = append(yv.Months, CountryItem{Name: t.MonthYear(m.Year, m.Month),
				Href: p.URLs.Href(index.MonthPath(lang, m.Year, m.Month)), Count: t.ArticleCount(len(m.Entries))})
		}
		pg.Year = yv
		return pg, nil
	})
}

func (p *planner) month(e *index.Edition, y *index.Year, m *index.Month) {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	// Named as the year's page is headed: "2025" alone, in a list of links, says not what it leads to.
	up := &Link{Label: t.Archive + ": " + itoa(y.Year), Href: p.URLs.Href(index.YearPath(lang, y.Year))}
	p.paginated(e, m.Entries, func(l string) string { return index.MonthPath(l, m.Year, m.Month) },
		navArchive, listing{heading: t.MonthYear(m.Year, m.Month), up: up})
}

// listHead links a list page to the same list in the languages that have
// it: each edition lists every story, but a story's translation may have
// another date or other countries, so an archive or a country page may be
// missing in a language. The switch then leads to missing(lang): that
// language's home, or the same list's first page. A page that repeats
// its first page's stories (repeats) is no one's alternate, and the
// switch leads to that first page instead.
func (p *planner) listHead(own string, path, missing func(lang string) string, home bool) (head, []LangLink) {
	h := head{path: own}
	var sw []LangLink
	for _, l := range p.site.Languages {
		there := path(l.Code)
		canonical, ok := p.lists[there]
		if !ok {
			sw = append(sw, LangLink{Lang: l.Code, Name: l.Name, Href: p.URLs.Href(missing(l.Code))})
			continue
		}
		if canonical == there {
			h.alternates = append(h.alternates, alternate{l.Code, there})
		}
		if there != own {
			sw = append(sw, LangLink{Lang: l.Code, Name: l.Name, Href: p.URLs.Href(canonical)})
		}
	}
	xdef := own
	if def := path(p.site.Config.DefaultLanguage); p.lists[def] == def {
		xdef = def
	}
	if home {
		xdef = index.RootPath
	}
	h.alternates = append(h.alternates, alternate{"x-default", xdef})
	return h, sw
}
