package render

import (
	"errors"
	"fmt"
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
	photoLimit int // of a page that loads photos at once, the photos counted
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
// the page, its stylesheet and the photos it loads with the page.
func (w *Weights) add(pg *Page, size int) error {
	total, kind, limit := size+w.css, pg.Template, w.limit
	photos := loadedOnce(pg.Loaded)
	if len(photos) > 0 {
		kind, limit = kind+" with a photo", w.photoLimit
		for _, p := range photos {
			total += int(p.Size)
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.byKind[kind] = append(w.byKind[kind], total)
	if total <= limit {
		return nil
	}
	kb := kilobytes(total)
	if len(photos) > 0 {
		at, line := load.SitePath, w.photoLine
		if pg.File != "" {
			at, line = pg.File, photos[0].Line
		}
		w.over.Add(at, line, "the page /%s weighs %.1f KB with the stylesheet and %s, over max_photo_page_kb (%d KB): shorten the page, %s, or raise max_photo_page_kb in %s",
			pg.Path, kb, photoList(photos, pg.File != ""), limit/1024, lighter(photos), load.SitePath)
		return errOverweight
	}
	e := heaviest(pg.entries, total, limit)
	limit /= 1024
	switch {
	case pg.File != "":
		w.over.Add(pg.File, 1, "its page weighs %.1f KB with the stylesheet, over the budget of %d KB: shorten it, or raise max_page_kb in %s",
			kb, limit, load.SitePath)
	case e != nil:
		fix := "shorten its summary"
		if e.line == 0 {
			fix = "give it a shorter summary: without one, lists show its first paragraph"
		}
		w.over.Add(e.file, e.line, "its entry weighs %.1f KB on the page /%s, which weighs %.1f KB with the stylesheet, over max_page_kb (%d KB): %s",
			kilobytes(e.size), pg.Path, kb, limit, fix)
	default:
		w.over.Add(load.SitePath, w.limitLine, "the page /%s weighs %.1f KB with the stylesheet, over max_page_kb (%d KB): lower page_size or raise max_page_kb",
			pg.Path, kb, limit)
	}
	return errOverweight
}

// entry is a story's entry on a list page: its article, the line of its
// summary (0: it has none, and shows its first paragraph) and its bytes.
type entry struct {
	file       string
	line, size int
}

func entryOf(a *load.Article, f Fragment) entry {
	return entry{a.Path, a.Lines.Summary, len(f.HTML)}
}

// longEntry is what a story's entry may weigh before a page over the
// budget is its fault: an entry of a headline, date, countries and a
// summary of a few sentences weighs under 1 KB.
const longEntry = 2 << 10

// heaviest is the entry of a page of total bytes over limit that puts it
// over, if one does: without the part of it past longEntry, the page
// would be within the limit. The fix is then that story's summary, not
// the length of the list.
func heaviest(entries []entry, total, limit int) *entry {
	var most *entry
	for i := range entries {
		if most == nil || entries[i].size > most.size {
			most = &entries[i]
		}
	}
	if most == nil || total-(most.size-longEntry) > limit { // never an entry under longEntry
		return nil
	}
	return most
}

// loadedOnce are the photos a page loads, each file once: a browser
// fetches a file the page shows twice only once.
func loadedOnce(photos []LoadedPhoto) []LoadedPhoto {
	var out []LoadedPhoto
	for _, p := range photos {
		if !slices.ContainsFunc(out, func(q LoadedPhoto) bool { return q.Name == p.Name }) {
			out = append(out, p)
		}
	}
	return out
}

// photoList names the photos a page loads, each with the file a phone
// loads of it, and for a body photo the line of the article naming it.
func photoList(photos []LoadedPhoto, lines bool) string {
	var parts []string
	for i, p := range photos {
		at := ""
		if lines && i > 0 {
			at = fmt.Sprintf(" at line %d", p.Line)
		}
		parts = append(parts, fmt.Sprintf("%s%s (%.1f KB as a phone loads it, %s)", p.File, at, kilobytes(int(p.Size)), p.Name))
	}
	if len(parts) == 1 {
		return "its photo " + parts[0]
	}
	return "the photos a phone loads with it, " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// lighter says what would make a page's photos weigh less.
func lighter(photos []LoadedPhoto) string {
	if len(photos) == 1 {
		return "choose a simpler photo"
	}
	return "choose simpler photos, move the body's photos further down (a phone loads them only when the reader comes near)"
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
