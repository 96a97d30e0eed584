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
	"briefings/internal/par"
	"briefings/internal/validate"
)

// Stylesheet is the file in static/ every page loads.
const Stylesheet = "style.css"

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
	listed  []sitemapEntry    // the pages the sitemap lists, in order
	lists   map[string]string // every list page of every language, to its canonical page
	pending []pending         // pages to plan, in order
	lang    string            // the language of the pages being queued; "": of none
	weights *Weights          // nil: pages are not weighed
	writer  *Writer           // nil: pages are made after planning
	photos  Photos
	share   *Share
	mu      sync.Mutex
	errs    []error         // of views that could not be made
	failed  map[string]bool // what errs say
}

// Plan lists every output of the site, in a fixed order, with its view
// made and its key derived from it. memo, the Next of the last build's,
// spares work that build did; weights, if not nil, weighs each page as it
// is made and refuses those too heavy. Once in.Writer stops, Plan stops
// at the next page, and returns what stopped it.
func Plan(in Input) ([]Output, error) {
	site, memo := in.Site, in.Memo
	p := &planner{site: site, dig: &digester{}, memo: memo, weights: in.Weights,
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
		if err := p.writer.Stopped(); err != nil {
			return nil, err
		}
		p.lang = e.Lang.Code
		p.edition(e)
		p.search(e)
	}
	p.lang = ""
	// Each article's related stories are known before it is queued, for
	// the count of the pages that show their entries.
	related := make([][]index.Entry, len(site.Articles))
	par.Each(len(related), func(i int) { related[i] = site.Related(site.Articles[i]) })
	for i, a := range site.Articles {
		p.queueShowing(a.Lang, shows{relatedItem, related[i], a.Date}, func() planned { return p.article(a, related[i]) })
	}
	for _, a := range site.Pages {
		p.queue(a.Lang, func() planned { return p.static(a) })
	}
	done := p.planPending()
	if err := p.writer.Stopped(); err != nil {
		return nil, err
	}
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
	again *replannable // nil: a page not planned from an input
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
	var structure uint64
	if !p.memo.pages.once {
		structure = p.structure()
	}
	last, replaced := p.replanning(structure)
	plan := func(todo []int) {
		// Newest first: a story's entries are shown on pages about dates
		// near its own.
		slices.SortStableFunc(todo, func(i, j int) int { return p.pending[j].shows.at.Compare(p.pending[i].shows.at) })
		par.Each(len(todo), func(j int) {
			if p.writer.Stopped() != nil {
				return // the build stops: nothing planned is kept
			}
			pg := p.pending[todo[j]]
			d := &done[todo[j]]
			if r := last.page(todo[j]); r != nil && r.unchanged(replaced) {
				*d = p.reuse(pg, r)
			} else {
				*d = pg.plan()
			}
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
	p.leave(structure, done, last != nil)
	return done
}

// The sections of the site's navigation, in order.
const (
	navNone = iota - 1
	navHome
	navCountries
	navArchive
	navSearch
)

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
