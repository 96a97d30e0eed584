package render

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"sync"

	"briefings/internal/load"
)

// This file is where every output's key is made. A key is the digest of
// exactly the value an output's template or encoder receives, with what
// else decides its bytes or its fate: the templates, and the budget pages
// are weighed against; or, for a file whose bytes are known (the search
// index), the digest of its bytes. Static files, read in pieces, are
// keyed by their bytes too, in internal/build. No page lists its own
// key's fields, so none can forget one.

// page plans an HTML page from its finished view: the frame's shared
// parts are filled in, then the view is digested and kept for Make.
func (p *planner) page(pg *Page) (Output, error) {
	if err := p.frags.frame(pg); err != nil {
		return Output{}, err
	}
	return Output{Path: OutputPath(pg.Path), Key: p.pageKey(pg), Make: func(w *bytes.Buffer) error { return p.write(pg, w) }}, nil
}

// pageKey is a page's key: the digest of its view and of its context.
// A build with none after it writes every page and keeps no key: it
// digests none (page keys and inputs were 3% of a full build).
func (p *planner) pageKey(pg *Page) uint64 {
	if p.memo.pages.once {
		return 0
	}
	return p.dig.sum("page", p.pageContext(), pg)
}

// pageContext is what decides a page's bytes or its fate besides its view:
// the templates that write it and the budget it is weighed against. A
// page's key and what decides its view (memoPage) both cover it.
func (p *planner) pageContext() [4]uint64 {
	b := p.weights.budget()
	return [4]uint64{p.Theme.Key, uint64(b[0]), uint64(b[1]), uint64(b[2])}
}

// write writes a page and weighs it. The body of an article or of a page
// of the site is read only now: views are made while planning, and
// holding every body until its page was written was a third of a build's
// memory.
func (p *planner) write(pg *Page, w *bytes.Buffer) error {
	for _, v := range []*ArticleView{pg.Article, pg.Static} {
		if v == nil {
			continue
		}
		body, err := v.BodyOf.html()
		if err != nil {
			return err
		}
		v.Body = trustedHTML(body)
	}
	if err := p.Theme.Execute(w, pg); err != nil || p.weights == nil {
		return err
	}
	return p.weights.add(pg, w.Len())
}

// memoPage plans a page whose view build makes from in alone. The view is
// what the page's key is made of; in is what decides the view, so when in
// is what it was in the last build, so is the view and its key, and the
// view is made only if the page is written. That is how a rebuild after
// one save makes a few views of 13,000. build is a plain function of its
// input, which holds all it may read: the site's part of it (siteView),
// the articles it shows, and strings. A view made to plan the page is
// written with it when a Writer makes the page at once; otherwise the
// page makes its view again when written, which proves it the same.
func memoPage[I any](p *planner, listed bool, kind string, in I, build func(I) (*Page, error)) planned {
	id, read := p.inputOf(kind, reflect.ValueOf(&in).Elem())
	view := func() (*Page, uint64, error) {
		pg, err := build(in)
		if err == nil {
			err = p.frags.frame(pg)
		}
		if err != nil {
			return nil, 0, err
		}
		return pg, p.pageKey(pg), nil
	}
	var made *Page // the view made to plan the page, until it is written
	last, ok := p.memo.pages.old[id]
	if !ok {
		pg, key, err := view()
		if err != nil {
			p.fail(err)
			return planned{}
		}
		last = pageIDs{OutputPath(pg.Path), key, nil}
		if p.writer != nil { // which writes the page as soon as this returns
			made = pg
		}
		if listed {
			last.entry = p.entry(pg)
		}
	}
	p.memo.pages.store(id, last)
	return planned{entry: last.entry, again: &replannable{id, last, read}, out: Output{Path: last.path, Key: last.key, Make: func(w *bytes.Buffer) error {
		pg := made
		made = nil
		if pg == nil {
			again, key, err := view()
			if err == nil && key != last.key {
				err = fmt.Errorf("/%s: its view changed while what it is made of did not", again.Path)
			}
			if err != nil {
				return err
			}
			pg = again
		}
		return p.write(pg, w)
	}}}
}

// pageIDs is what the memo keeps of a page: its file, its key and its
// entry in the sitemap.
type pageIDs struct {
	path  string
	key   uint64
	entry *sitemapEntry
}

// encoded plans a file an encoder writes from a view: a feed, a sitemap.
// name tells the encoder, so one view written two ways has two keys.
func encoded[V any](p *planner, path, name string, v V, write func(V, *bytes.Buffer) error) Output {
	return Output{Path: path, Key: p.dig.sum(name, v), Make: func(w *bytes.Buffer) error { return write(v, w) }}
}

// streamed plans a file an encoder writes of a view as it makes it, for
// a file too large to hold: a sitemap's part.
func streamed[V any](p *planner, path, name string, v V, write func(V, io.Writer) error) Output {
	return Output{Path: path, Key: p.dig.sum(name, v), Stream: func(w io.Writer) error { return write(v, w) }}
}

// encoding is one file an encoder writes of a view.
type encoding[V any] struct {
	path, name string
	write      func(V, *bytes.Buffer) error
}

// encodings plans files that encoders write of one view, such as a feed
// in three formats; the view is digested once for all.
func encodings[V any](p *planner, v V, files ...encoding[V]) []Output {
	sum := p.dig.sum(v)
	outs := make([]Output, len(files))
	for i, f := range files {
		outs[i] = Output{Path: f.path, Key: p.dig.sum(f.name, sum), Make: func(w *bytes.Buffer) error { return f.write(v, w) }}
	}
	return outs
}

// Bytes plans a file whose bytes are known: a static file, a part of the
// search index. Its key is its bytes.
func Bytes(path string, data []byte) Output {
	var d digester
	return Output{Path: path, Key: d.sum("bytes", data), Make: func(w *bytes.Buffer) error {
		_, err := w.Write(data)
		return err
	}}
}

// budget is what a page is weighed against; nil weighs nothing.
func (w *Weights) budget() [3]int {
	if w == nil {
		return [3]int{}
	}
	return [3]int{w.limit, w.css, w.photoLimit}
}

// Memo keeps what a build made that the next build can reuse, by the
// digest of what it was made from: each story's list entry and the parts
// of the frame, rendered, and each page's sitemap entry, encoded. A Memo
// serves one build; Next is the memo for the build after it. Safe for
// concurrent use.
type Memo struct {
	frags, sitemap generation[uint64, string]
	pages          generation[uint64, pageIDs]       // by the digest of what makes a page's view
	search         *searchMemo                       // kept whole: an index's files are a function of its documents alone; nil: none
	places         generation[*load.Article, uint64] // what the structure reads of each article (placeOf)
	last, plan     *lastPlan                         // what the last plan and this one leave for the next; nil: nothing
	once           bool                              // keeps nothing: there is no next build (OneBuild)
}

// generation holds what the last build made and what this one used.
type generation[K comparable, V any] struct {
	mu       sync.Mutex
	old, now map[K]V
	once     bool // the Memo's: keeps nothing
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{search: &searchMemo{}} }

// OneBuild returns the memo of a build with none after it, such as
// briefings build: it keeps nothing, so that what the pages, the sitemap
// and the search index were made of can go as soon as each is made. That
// was a third of a build's memory at 50,000 articles. Its pages' keys
// are not made: a build after it must not trust them (Keeps).
func OneBuild() *Memo {
	m := &Memo{once: true}
	m.frags.once, m.sitemap.once, m.pages.once, m.places.once = true, true, true, true
	return m
}

// Keeps reports whether the memo keeps what its build makes for a next
// one: false for OneBuild's.
func (m *Memo) Keeps() bool { return !m.once }

// Next is the memo of the build after this one: what this build used.
// A sitemap left unchanged used none of its entries: they are kept.
func (m *Memo) Next() *Memo {
	if m.once {
		return OneBuild()
	}
	n := &Memo{search: m.search, last: m.plan}
	n.frags.old, n.pages.old, n.places.old = m.frags.now, m.pages.now, m.places.now
	n.sitemap.old = m.sitemap.now
	if len(m.sitemap.now) == 0 {
		n.sitemap.old = m.sitemap.old
	}
	return n
}

// Trial is the memo of a plan that is made and then dropped, such as a
// failed build's check of its links: it reads what this build made, and
// changes nothing the next build reads. The search index's memo, which a
// plan updates, is not shared.
func (m *Memo) Trial() *Memo {
	n := m.Next()
	n.search = nil
	return n
}

// get returns what id names, made by make if no build made it.
func (g *generation[K, V]) get(id K, make func() (V, error)) (V, error) {
	g.mu.Lock()
	v, ok := g.now[id]
	if !ok {
		if v, ok = g.old[id]; ok {
			g.keep(id, v)
		}
	}
	g.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := make()
	if err != nil {
		return v, err
	}
	g.mu.Lock()
	g.keep(id, v)
	g.mu.Unlock()
	return v, nil
}

// store notes what this build used.
func (g *generation[K, V]) store(id K, v V) {
	g.mu.Lock()
	g.keep(id, v)
	g.mu.Unlock()
}

func (g *generation[K, V]) keep(id K, v V) {
	if g.once {
		return
	}
	if g.now == nil {
		// Sized for what the last build used: grown from empty, the
		// pages' map was rehashed a dozen times on every save.
		g.now = make(map[K]V, len(g.old))
	}
	g.now[id] = v
}
