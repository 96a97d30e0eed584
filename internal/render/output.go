package render

import (
	"bytes"
	"sync"
)

// This file is where every output's key is made. A key is the digest of
// exactly the value an output's template or encoder receives, with what
// else decides its bytes or its fate: the templates, and the budget pages
// are weighed against. Nothing else makes keys, so no page can list its
// own key's fields, and none can forget one.

// page plans an HTML page from its finished view: the frame's shared
// parts are filled in, then the view is digested and kept for Make.
func (p *planner) page(pg *Page) (Output, error) {
	if err := p.frags.frame(pg); err != nil {
		return Output{}, err
	}
	key := p.dig.sum("page", p.theme.Key, p.weights.budget(), pg)
	return Output{Path: OutputPath(pg.Path), Key: key, Make: func(w *bytes.Buffer) error {
		if err := p.theme.Execute(w, pg); err != nil || p.weights == nil {
			return err
		}
		return p.weights.add(pg, w.Len())
	}}, nil
}

// encoded plans a file an encoder writes from a view: a feed, a sitemap.
// name tells the encoder, so one view written two ways has two keys.
func encoded[V any](p *planner, path, name string, v V, write func(V, *bytes.Buffer) error) Output {
	return Output{Path: path, Key: p.dig.sum(name, v), Make: func(w *bytes.Buffer) error { return write(v, w) }}
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
func (w *Weights) budget() [2]int {
	if w == nil {
		return [2]int{}
	}
	return [2]int{w.limit, w.css}
}

// Memo keeps what a build made that the next build can reuse, by the
// digest of what it was made from: each story's list entry and the parts
// of the frame, rendered, and each page's sitemap entry, encoded. A Memo
// serves one build; Next is the memo for the build after it. Safe for
// concurrent use.
type Memo struct {
	frags, sitemap generation
}

// generation holds what the last build made and what this one used.
type generation struct {
	mu       sync.Mutex
	old, now map[uint64]string
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{} }

// Next is the memo of the build after this one: what this build used.
// A sitemap left unchanged used none of its entries: they are kept.
func (m *Memo) Next() *Memo {
	n := &Memo{}
	n.frags.old = m.frags.now
	n.sitemap.old = m.sitemap.now
	if len(m.sitemap.now) == 0 {
		n.sitemap.old = m.sitemap.old
	}
	return n
}

// get returns what id names, made by make if no build made it.
func (g *generation) get(id uint64, make func() (string, error)) (string, error) {
	g.mu.Lock()
	s, ok := g.now[id]
	if !ok {
		if s, ok = g.old[id]; ok {
			g.keep(id, s)
		}
	}
	g.mu.Unlock()
	if ok {
		return s, nil
	}
	s, err := make()
	if err != nil {
		return "", err
	}
	g.mu.Lock()
	g.keep(id, s)
	g.mu.Unlock()
	return s, nil
}

func (g *generation) keep(id uint64, s string) {
	if g.now == nil {
		g.now = map[uint64]string{}
	}
	g.now[id] = s
}
