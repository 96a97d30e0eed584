package render

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"sync"

	"briefings/internal/load"
)

// A rebuild after a save that changed no article's place in the site, only
// what its title, body or summary says, replans only the pages whose
// inputs hold that article. Making and digesting every page's input was
// most of such a rebuild at 50,000 articles, though all but a few were
// what they had been.
//
// It holds because a page's input is a function of two things: the
// site's structure, and the Hash and path of each article the input
// holds. The structure (structure) is every input of the index and of the
// planner but what pages read of articles only through the articles they
// hold (place): settings and countries, every article's other fields, the
// view every page shares, the pages' context and the photos, and a page of
// the site's path and title, which the footer shows. A news article's
// title and slug are left out: they give its path, and a page reads a path
// only through the article it holds (a link from a body holds the article
// it leads to, articleInput.Linked). Two plans of one structure queue the
// same pages in the same order, and a page whose input holds the same
// articles, none of them replaced or moved to another path, has the input
// it had. Which articles an input holds is read from its digest
// (inputReading), not listed by the page.

// lastPlan is what a plan leaves for the next plan of its site.
type lastPlan struct {
	structure uint64
	articles  []*load.Article // the site's articles and pages, in the index's order
	paths     []string        // their paths
	pages     []*replannable  // by their place in the queue; nil: a page not planned from an input
}

// replannable is what a page planned from its input leaves for the next
// plan: its memo id and entry, and the articles its input holds.
type replannable struct {
	id   uint64
	ids  pageIDs
	read []*load.Article
}

// structure digests the site's structure (see above), as this plan found it.
func (p *planner) structure() uint64 {
	h := newHash()
	defer hashes.Put(h)
	writeUint(h, p.site.Hash)
	for _, list := range [][]*load.Article{p.site.Articles, p.site.Pages} {
		writeUint(h, uint64(len(list)))
		for _, a := range list {
			writeUint(h, p.memo.placeOf(a))
			if a.Static {
				writeString(h, p.site.Path(a))
			}
		}
	}
	writeUint(h, p.dig.sum(p.siteView, p.photos, p.share))
	for _, n := range p.pageContext() {
		writeUint(h, n)
	}
	return h.Sum64()
}

// facts digests all of an article but its Hash and what pages read only
// through the articles their inputs hold: its body and what the body
// gives, the summary (a first paragraph's or the front matter's), links,
// photos and their warnings; and the lines of its fields, which only
// messages read, so that adding a summary moves nothing. The index reads
// none of those, and
// TestIndexReadsNoBody in internal/index proves it; a photo's processed
// files are in the structure apart.
var facts = sync.OnceValue(func() hasher {
	return structHasher(reflect.TypeFor[load.Article](), bodyFields...)
})

// bodyFields are the fields of an article facts leaves out.
var bodyFields = []string{"HTML", "stored", "Hash", "Summary", "Empty", "Links", "Photos", "Dropped", "Lines"}

// place digests what the structure reads of a news article: its facts
// but its title and slug, which pages read through the article, by its
// path.
var place = sync.OnceValue(func() hasher {
	return structHasher(reflect.TypeFor[load.Article](), append(slices.Clone(bodyFields), "Title", "Slug")...)
})

// placeOf is what the structure reads of an article, digested once while
// it is unchanged: a news article's place, a page of the site's facts.
func (m *Memo) placeOf(a *load.Article) uint64 {
	sum, _ := m.places.get(a, func() (uint64, error) { return placeDigest(a), nil })
	return sum
}

// placeDigest is what the structure reads of an article: a news
// article's place, a page of the site's facts.
func placeDigest(a *load.Article) uint64 {
	if a.Static {
		return factsDigest(a)
	}
	return digestArticle(place(), a)
}

func factsDigest(a *load.Article) uint64 { return digestArticle(facts(), a) }

// digestArticle digests an article's fields with one of the hashers above.
func digestArticle(fields hasher, a *load.Article) uint64 {
	h := newHash()
	defer hashes.Put(h)
	fields(&digester{}, h, reflect.ValueOf(a).Elem())
	return h.Sum64()
}

// SameFacts tells whether two articles differ at most in what facts
// leaves out, which the index does not read: an index of one is an index
// of the other, swapped (index.Site.Swapped).
func SameFacts(a, b *load.Article) bool { return factsDigest(a) == factsDigest(b) }

// SamePlace tells whether two articles differ at most in what facts
// leaves out and, news both, in their titles and slugs, which the index
// reads only as paths: an index of one is an index of the other, swapped
// with their new paths (index.Site.Swapped).
func SamePlace(a, b *load.Article) bool {
	return a.Static == b.Static && placeDigest(a) == placeDigest(b)
}

// replanning returns what the last plan left, if this plan has the same
// structure and queue, with the set of the articles it held that this
// build replaced or moved to another path; nil if every page must be
// planned.
func (p *planner) replanning(structure uint64) (*lastPlan, map[*load.Article]bool) {
	last := p.memo.last
	if last == nil || last.structure != structure || len(last.pages) != len(p.pending) {
		return nil, nil
	}
	replaced := map[*load.Article]bool{}
	i := 0
	for _, list := range [][]*load.Article{p.site.Articles, p.site.Pages} {
		for _, a := range list {
			if old := last.articles[i]; old != a || last.paths[i] != p.site.Path(a) {
				replaced[old] = true
			}
			i++
		}
	}
	return last, replaced
}

// page is what the last plan left of the page queued at i; nil: none.
func (l *lastPlan) page(i int) *replannable {
	if l == nil {
		return nil
	}
	return l.pages[i]
}

// unchanged tells whether a page's input holds none of the articles
// replaced.
func (r *replannable) unchanged(replaced map[*load.Article]bool) bool {
	for _, a := range r.read {
		if replaced[a] {
			return false
		}
	}
	return true
}

// reuse plans a page as the last plan did. Were it written, it is
// planned again then, which proves its key the same.
func (p *planner) reuse(pg pending, r *replannable) planned {
	return planned{entry: r.ids.entry, again: r, out: Output{Path: r.ids.path, Key: r.ids.key, Make: func(w *bytes.Buffer) error {
		again := pg.plan()
		if again.out.Path == "" {
			return fmt.Errorf("/%s: its view could not be made again", r.ids.path)
		}
		if again.out.Key != r.ids.key {
			return fmt.Errorf("/%s: its view changed while what it is made of did not", r.ids.path)
		}
		return again.out.Make(w)
	}}}
}

// leave keeps this plan's pages for the next plan of the site.
func (p *planner) leave(structure uint64, done []planned, reused bool) {
	if p.memo.pages.once {
		return
	}
	next := &lastPlan{structure: structure, pages: make([]*replannable, len(done))}
	next.articles = append(append(next.articles, p.site.Articles...), p.site.Pages...)
	next.paths = make([]string, len(next.articles))
	for i, a := range next.articles {
		next.paths[i] = p.site.Path(a)
	}
	// A page reused keeps its memo entry here, under one lock for all (a
	// lock each was 3% of a body edit's rebuild at 50,000 articles); a
	// page planned kept its own.
	g := &p.memo.pages
	g.mu.Lock()
	defer g.mu.Unlock()
	for i, d := range done {
		if d.out.Path != "" && d.again != nil {
			next.pages[i] = d.again
			if reused {
				g.keep(d.again.id, d.again.ids)
			}
		}
	}
	p.memo.plan = next
}

// inputOf digests a page's input under its kind, with the articles it
// holds when a next plan may replan from them.
func (p *planner) inputOf(kind string, in reflect.Value) (uint64, []*load.Article) {
	if p.memo.pages.once { // nothing is replanned: see pageKey
		return 0, nil
	}
	return p.dig.inputReading(kind, p.pageContext(), in)
}
