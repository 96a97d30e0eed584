package render

import (
	"errors"
	"math"
	"slices"
	"strings"
	"sync"

	"briefings/internal/diag"
	"briefings/internal/load"
)

// Weights weighs every page a build makes, with the stylesheet it loads,
// and holds a problem for each page over the site's budget: readers on
// slow phones and expensive data pay for every byte. Safe for concurrent use.
type Weights struct {
	limit, css int // bytes
	limitLine  int // of max_page_kb in site.yaml, 0 when it is not given
	photoLimit int // of a page that opens with a photo, the photo counted
	photoLine  int
	mu         sync.Mutex
	byKind     map[string][]int
	over       diag.List
}

// NewWeights weighs pages against cfg's max_page_kb; css is the size of
// the stylesheet every page loads.
func NewWeights(cfg *load.Config, css int) *Weights {
	return &Weights{limit: cfg.MaxPageKB * 1024, css: css, limitLine: cfg.MaxPageLine,
		photoLimit: cfg.MaxPhotoPageKB * 1024, photoLine: cfg.MaxPhotoLine, byKind: map[string][]int{}}
}

// errOverweight stops a page from being written; Over says why.
var errOverweight = errors.New("over the page budget")

// add weighs a page of size bytes: what a phone downloads on first view,
// the page, its stylesheet and the photo it opens with.
func (w *Weights) add(pg *Page, size int) error {
	total, kind, limit := size+w.css, pg.Template, w.limit
	if pg.First != nil {
		total, kind, limit = total+int(pg.First.Size), kind+" with a photo", w.photoLimit
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.byKind[kind] = append(w.byKind[kind], total)
	if total <= limit {
		return nil
	}
	kb := kilobytes(total)
	if pg.First != nil {
		at, line := load.SitePath, w.photoLine
		if pg.File != "" {
			at, line = pg.File, pg.First.Line
		}
		w.over.Add(at, line, "the page /%s weighs %.1f KB with the stylesheet and its photo %s (%.1f KB as a phone loads it, %s), over max_photo_page_kb (%d KB): shorten the page, choose a simpler photo, or raise max_photo_page_kb in %s",
			pg.Path, kb, pg.First.File, kilobytes(int(pg.First.Size)), pg.First.Name, limit/1024, load.SitePath)
		return errOverweight
	}
	limit /= 1024
	if pg.File != "" {
		w.over.Add(pg.File, 1, "its page weighs %.1f KB with the stylesheet, over the budget of %d KB: shorten it, or raise max_page_kb in %s",
			kb, limit, load.SitePath)
	} else {
		w.over.Add(load.SitePath, w.limitLine, "the page /%s weighs %.1f KB with the stylesheet, over max_page_kb (%d KB): lower page_size or raise max_page_kb",
			pg.Path, kb, limit)
	}
	return errOverweight
}

// kilobytes rounds up, so that a page is never "30.0 KB, over 30 KB".
func kilobytes(n int) float64 { return math.Ceil(float64(n)*10/1024) / 10 }

// Over is the pages over the budget, as problems.
func (w *Weights) Over() diag.List {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.over).Sort()
}

// Weight is what one kind of page weighs, with the stylesheet, in bytes.
type Weight struct {
	Kind                string
	Pages, Median, Most int
}

// Summary is the weight of each kind of page made, by kind.
func (w *Weights) Summary() []Weight {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []Weight
	for kind, sizes := range w.byKind {
		s := slices.Sorted(slices.Values(sizes))
		out = append(out, Weight{Kind: kind, Pages: len(s), Median: s[len(s)/2], Most: s[len(s)-1]})
	}
	slices.SortFunc(out, func(a, b Weight) int { return strings.Compare(a.Kind, b.Kind) })
	return out
}
