package render

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/par"
	"briefings/internal/photo"
	"briefings/internal/validate"
)

// Stylesheet is the file in static/ every page loads.
const Stylesheet = "style.css"

// relatedCount is how many other stories an article page links to.
const relatedCount = 5

// Input is what a site's outputs are made of.
type Input struct {
	Site    *index.Site
	Theme   *Theme
	URLs    URLs
	Memo    *Memo           // the Next of the last build's: spares work that build did
	Weights *Weights        // if not nil, weighs each page and refuses those too heavy
	Media   Media           // the photos, processed
	Held    []validate.Held // the drafts and scheduled articles shown, to be marked so
	Writer  *Writer         // if not nil, makes each page as soon as it is planned
}

// Output is one file of the site, planned: where it goes, the key of
// everything it shows, and how to make its bytes. Make writes them to w,
// an empty buffer that a Writer reuses from one output to the next; a
// file too large to hold, a sitemap's part, has Stream instead, which
// writes them to the file as they are made. Both are nil once a Writer
// has had the output.
type Output struct {
	Path   string
	Key    uint64
	Make   func(w *bytes.Buffer) error
	Stream func(w io.Writer) error
}

// unmade tells whether no Writer has had the output yet.
func (o Output) unmade() bool { return o.Make != nil || o.Stream != nil }

// head is what a page's <head> and its sitemap entry say of where it is:
// site paths, which the page and the sitemap make absolute. The sitemap
// keeps every listed page's head until it is written, and an article's
// paths are those the index holds already: absolute URLs kept instead
// were 18 MB of a 50,000-article build's peak.
type head struct {
	path, lastMod string
	alternates    []alternate
}

// alternate is the same page in another language, or x-default.
type alternate struct{ lang, path string }

// hreflang is the page's alternates when it has one in another language:
// a page's link to itself and x-default say nothing to a search engine
// without one, and were a tenth of an untranslated article's bytes with
// its sitemap entry. The head and the sitemap both show these.
func (h head) hreflang() []alternate {
	langs := 0
	for _, a := range h.alternates {
		if a.lang != "x-default" {
			langs++
		}
	}
	if langs < 2 {
		return nil
	}
	return h.alternates
}

// planner lists every output of a site. Every view is made while planning,
// and each output's key is the digest of that view (see output.go).
type planner struct {
	*siteView
	site    *index.Site
	dig     *digester
	memo    *Memo
	outputs []Output
	listed  []sitemapEntry  // the pages the sitemap lists, in order
	lists   map[string]bool // every list page of every language
	pending []pending       // pages to plan, in order
	lang    string          // the language of the pages being queued; "": of none
	weights *Weights        // nil: pages are not weighed
	writer  *Writer         // nil: pages are made after planning
	photos  Photos
	share   *Share
	mu      sync.Mutex
	errs    []error         // of views that could not be made
	failed  map[string]bool // what errs say
}

// Plan lists every output of the site, in a fixed order, with its view
// made and its key derived from it. memo, the Next of the last build's,
// spares work that build did; weights, if not nil, weighs each page as it
// is made and refuses those too heavy.
func Plan(in Input) ([]Output, error) {
	site, memo := in.Site, in.Memo
	p := &planner{site: site, dig: &digester{strings: &memo.strings}, memo: memo, weights: in.Weights,
		photos: in.Media.Photos, share: in.Media.Share, writer: in.Writer}
	p.siteView = p.newSiteView(in.Theme, in.URLs, in.Media.Share, in.Held)
	p.collectLists()
	// Every list page, article and page of the site, and a few more: grown
	// one page at a time, the pages' slices were a fifth of what a rebuild
	// allocated at 50,000 articles.
	p.pending = make([]pending, 0, len(p.lists)+len(site.Articles)+len(site.Pages)+2*len(site.Editions)+2)
	p.root()
	p.notFound()
	for _, e := range site.Editions {
		p.lang = e.Lang.Code
		p.edition(e)
		p.search(e)
	}
	p.lang = ""
	// Each article's related stories are known before it is queued, for
	// the count of the pages that show their entries. Found one article
	// after another, they were a tenth of a rebuild at 50,000 articles.
	related := make([][]index.Entry, len(site.Articles))
	par.Each(len(related), func(i int) { related[i] = site.Related(site.Articles[i], relatedCount) })
	for i, a := range site.Articles {
		p.queueShowing(a.Lang, shows{relatedItem, related[i], a.Date}, func() planned { return p.article(a, related[i]) })
	}
	for _, a := range site.Pages {
		p.queue(a.Lang, func() planned { return p.static(a) })
	}
	done := p.planPending()
	p.outputs = slices.Grow(p.outputs, len(done))
	p.listed = make([]sitemapEntry, 0, len(done))
	for _, pl := range done {
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
	entry *sitemapEntry
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
		pl.entry = p.entry(pg)
	}
	return pl
}

// fail notes a view that could not be made. An error many views meet,
// such as a broken part of the frame that all of them share, is said
// once.
func (p *planner) fail(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.failed == nil {
		p.failed = map[string]bool{}
	}
	if msg := err.Error(); !p.failed[msg] {
		p.failed[msg] = true
		p.errs = append(p.errs, err)
	}
}

// add appends a planned page to the site's outputs and its sitemap.
func (p *planner) add(pl planned) {
	if pl.out.Path == "" {
		return // its view failed
	}
	p.outputs = append(p.outputs, pl.out)
	if pl.entry != nil {
		p.listed = append(p.listed, *pl.entry)
	}
}

// addPage plans a page once every page is known, on every core.
func (p *planner) addPage(h head, listed bool, view func() (*Page, error)) {
	p.queue(p.lang, func() planned { return p.plan(h, listed, view) })
}

// pending is a page to plan: the language of the stories it shows,
// whether an edition queued it (a list, archive, country or search page),
// and the stories whose entries it shows.
type pending struct {
	lang    string
	edition bool
	shows   shows
	plan    func() planned
}

// shows is the stories whose entries of one kind a page shows, and the
// date it is about: the newest of theirs, or an article's own.
type shows struct {
	kind    int
	entries []index.Entry
	at      time.Time
}

func (p *planner) queue(lang string, plan func() planned) {
	p.queueShowing(lang, shows{}, plan)
}

// queueShowing queues a page that shows these stories' entries.
func (p *planner) queueShowing(lang string, sh shows, plan func() planned) {
	p.pending = append(p.pending, pending{lang, p.lang != "", sh, plan})
	if len(sh.entries) > 0 {
		p.frags.expect(sh.kind, lang, sh.entries)
	}
}

// planPending plans the pages queued; their plans keep the order they
// were queued in. Each page's view is made on its own, on every core, and
// a Writer makes the page at once. The pages of one language are planned
// together: first its edition's lists, then the rest, each newest first.
// A story's entry goes once the last page queued to show it is planned
// (fragments.expect); what is left of a language's list entries once its
// lists are planned, and of all its entries once its pages are, goes
// then: no other page shows them. Holding both languages' entries until
// the end was a third of a build's memory at its peak.
func (p *planner) planPending() []planned {
	done := make([]planned, len(p.pending))
	plan := func(todo []int) {
		// Newest first: a story's entries are shown on pages about dates
		// near its own.
		slices.SortStableFunc(todo, func(i, j int) int { return p.pending[j].shows.at.Compare(p.pending[i].shows.at) })
		par.Each(len(todo), func(j int) {
			pg := p.pending[todo[j]]
			d := &done[todo[j]]
			*d = pg.plan()
			if p.writer != nil && d.out.unmade() {
				d.out = p.writer.write(d.out)
			}
			if len(pg.shows.entries) > 0 {
				p.frags.shown(pg.shows.kind, pg.lang, pg.shows.entries)
			}
		})
	}
	var langs []string
	for _, l := range p.site.Languages {
		langs = append(langs, l.Code)
	}
	for _, lang := range append(langs, "") {
		var lists, rest []int
		for i, pg := range p.pending {
			switch {
			case pg.lang != lang && (lang != "" || slices.Contains(langs, pg.lang)):
			case pg.edition:
				lists = append(lists, i)
			default:
				rest = append(rest, i)
			}
		}
		plan(lists)
		if lang != "" {
			p.frags.drop(lang, listItem, briefItem)
		}
		plan(rest)
		if lang != "" {
			p.frags.drop(lang, storyKindsAll...)
		}
	}
	p.pending = nil
	return done
}

// collectLists notes every list page of every language first: a list's
// alternates are the same list in the languages that have it.
func (p *planner) collectLists() {
	p.lists = map[string]bool{}
	list := func(first string, stories int) {
		for n := range p.pageCount(stories) + 1 {
			p.lists[index.ListPage(first, n)] = true
		}
	}
	for _, e := range p.site.Editions {
		l := e.Lang.Code
		list(index.HomePath(l), len(e.Entries))
		p.lists[index.CountriesPath(l)] = true
		for _, ci := range e.Countries {
			list(index.CountryPath(l, ci.Country), len(ci.Entries))
		}
		for _, y := range e.Years {
			p.lists[index.YearPath(l, y.Year)] = true
			for _, m := range y.Months {
				list(index.MonthPath(l, m.Year, m.Month), len(m.Entries))
			}
		}
	}
}

// pageCount is how many numbered pages a list of n stories has besides
// its first page: none when the first page shows them all.
func (p *planner) pageCount(n int) int {
	size := p.site.Config.PageSize
	if n <= size {
		return 0
	}
	return (n + size - 1) / size
}

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
// pages of page_size stories each from the oldest (index.ListPage). The
// first page of the home list is the home page.
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

// onPage is what page n of a list shows of its entries, newest first.
func (p *planner) onPage(entries []index.Entry, n int) []index.Entry {
	size := p.site.Config.PageSize
	if n == 0 {
		return entries[:min(size, len(entries))]
	}
	end := len(entries) - (n-1)*size // counted from the oldest
	return entries[max(0, end-size):end]
}

// listPage plans page n of a list, which shows these of its entries.
func (p *planner) listPage(e *index.Edition, entries, shown []index.Entry, first func(string) string,
	section int, l listing, n int) planned {
	lang, t := e.Lang.Code, p.t(e.Lang.Code)
	page := func(lang string, n int) string { return index.ListPage(first(lang), n) }
	own := page(lang, n)
	home := section == navHome && n == 0
	h, sw := p.listHead(own, func(l string) string { return page(l, n) }, home)
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
	if total := p.pageCount(len(entries)); total > 0 {
		in.Pager = &Pager{Label: t.Pagination}
		older, newer := n-1, n+1
		if n == 0 {
			older, newer = total-1, -1
		} else {
			in.Pager.Status = t.Fill(t.PageOf, "page", itoa(n))
		}
		if n == total {
			newer = 0 // the first page shows the newest stories
		}
		if newer >= 0 && n != 0 {
			in.Pager.Newer = &Link{Label: t.Newer, Href: p.URLs.Href(page(lang, newer))}
		}
		if older >= 1 {
			in.Pager.Older = &Link{Label: t.Older, Href: p.URLs.Href(page(lang, older))}
		}
	}
	if l.feed.RSS != "" {
		in.Feed = &l.feed
	}
	return memoPage(p, true, "list", in, listPage)
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
	kind, refs := entriesShown(in.Front, in.Items)
	items, err := s.frags.list(kind, in.Lang, refs)
	if err != nil {
		return nil, err
	}
	lv := &ListView{Heading: in.Heading, Items: items, Up: in.Up, Pager: in.Pager}
	if in.Front {
		if err := s.front(pg, lv, in); err != nil {
			return nil, err
		}
	}
	if in.Lead != nil {
		if lv.Lead, err = s.leadFigure(pg, *in.Items[0].A.Lead, in.Lead, frontPhotoSizes); err != nil {
			return nil, err
		}
	}
	if in.Intro != "" {
		lv.Intro, pg.Description = in.Intro, describe(in.Intro)
	}
	if in.Feed != nil { // shown with the site's feed at the foot of the page
		pg.Feeds = append(pg.Feeds, *in.Feed)
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
	h, sw := p.listHead(own, index.CountriesPath, false)
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
	h, sw := p.listHead(own, func(l string) string { return index.YearPath(l, y.Year) }, false)
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
	up := &Link{Label: itoa(y.Year), Href: p.URLs.Href(index.YearPath(lang, y.Year))}
	p.paginated(e, m.Entries, func(l string) string { return index.MonthPath(l, m.Year, m.Month) },
		navArchive, listing{heading: t.MonthYear(m.Year, m.Month), up: up})
}

func (p *planner) article(a *load.Article, related []index.Entry) planned {
	st := p.site.StoryOf(a)
	in := articleInput{S: p.siteView, Page: p.ref(a), XDefault: p.ref(p.xDefault(st)), LinkPaths: p.linkPaths(a),
		Photos: p.articlePhotos(a)}
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
	Photos       []*Photo // of a.PhotoRefs()
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
		Countries: s.countryLinks(a.Lang, a.Countries), Source: a.Source, SourceURL: a.SourceURL,
		Related: rel, Older: s.articleLink(in.Older), Newer: s.articleLink(in.Newer),
		BodyOf: articleBody{A: a, Paths: in.LinkPaths, Photos: html, URLs: s.URLs}}
	if lead != nil {
		if av.Lead, err = s.leadFigure(pg, *a.Lead, lead, photoSizes); err != nil {
			return nil, err
		}
	}
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
	in := articleInput{S: p.siteView, Page: p.ref(a), LinkPaths: p.linkPaths(a), Photos: p.articlePhotos(a)}
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
		if v.Lead, err = s.leadFigure(pg, *a.Lead, lead, photoSizes); err != nil {
			return nil, err
		}
	}
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

// linkPaths are the page paths of an article's links' targets, "" for
// those that lead to no article of the site.
func linkPaths(site *index.Site, a *load.Article) []string {
	var paths []string
	for _, l := range a.Links {
		path := ""
		if t := site.LinkTarget(l); t != nil {
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
		ld.IsBasedOn = &Thing{Type: "CreativeWork", Name: a.Source, URL: a.SourceURL}
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

// root is the language chooser at the site root.
func (p *planner) root() {
	def := p.site.Config.DefaultLanguage
	h, _ := p.listHead(index.RootPath, func(l string) string { return index.HomePath(l) }, true)
	p.addPage(h, true, func() (*Page, error) {
		pg := p.newPage("root", def, index.RootPath, "", navNone, h, nil)
		pg.Chrome.Nav, pg.Feeds = nil, nil
		var titles []string
		for _, l := range p.site.Languages {
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
		var titles []string
		for _, l := range p.site.Languages {
			t := p.t(l.Code)
			titles = append(titles, t.NotFoundTitle)
			pg.NotFound = append(pg.NotFound, NotFoundText{Lang: l.Code, Title: t.NotFoundTitle, Text: t.NotFoundText,
				Home: p.URLs.Href(index.HomePath(l.Code)), HomeLabel: t.GoHome})
		}
		pg.Title = pageTitle(strings.Join(titles, " · "), "")
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

// listHead links a list page to the same list in the languages that have
// it: each edition lists every story, but a story's translation may have
// another date or other countries, so an archive or a country page may be
// missing in a language. The switch then leads to that language's home.
func (p *planner) listHead(own string, path func(lang string) string, home bool) (head, []LangLink) {
	h := head{path: own}
	var sw []LangLink
	for _, l := range p.site.Languages {
		there := path(l.Code)
		if !p.lists[there] {
			sw = append(sw, LangLink{Lang: l.Code, Name: l.Name, Href: p.URLs.Href(index.HomePath(l.Code))})
			continue
		}
		h.alternates = append(h.alternates, alternate{l.Code, there})
		if there != own {
			sw = append(sw, LangLink{Lang: l.Code, Name: l.Name, Href: p.URLs.Href(there)})
		}
	}
	xdef := own
	if def := path(p.site.Config.DefaultLanguage); p.lists[def] {
		xdef = def
	}
	if home {
		xdef = index.RootPath
	}
	h.alternates = append(h.alternates, alternate{"x-default", xdef})
	return h, sw
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
