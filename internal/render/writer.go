package render

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"sync"
	"sync/atomic"

	"briefings/internal/par"
)

// Put receives one output file: its path under the output folder and its
// bytes, which are reused once Put returns.
type Put func(path string, data []byte) error

// PutStream receives one output file whose bytes write writes as they are
// made.
type PutStream func(path string, write func(io.Writer) error) error

// A Writer makes each output whose key differs from its key in keys, what
// the output folder holds, and hands it to put. Plan gives it every page
// as soon as the page is planned, so that a page's input is gone before
// the next pages are planned: holding every page's input until all were
// planned was a fifth of a build's memory at 50,000 articles. Finish
// makes the rest. Once its context is done, a Writer makes no more
// outputs, and Plan and Finish stop at the next one.
type Writer struct {
	ctx    context.Context
	keys   map[string]uint64 // read only until Finish
	put    Put
	stream PutStream
	// A buffer a worker: pages grow their buffer only until it fits the
	// largest, where a fresh buffer a page cost a tenth of the build.
	bufs sync.Pool
	made atomic.Int64
	size atomic.Int64 // the bytes of the outputs made
	mu   sync.Mutex
	errs map[string]error // of outputs made while planning, by path: Finish gives them in order
	// The outputs made while planning that keys does not hold as they are,
	// and how many of them it does not hold at all: Finish looks up only
	// the rest. Three lookups an output in keys, by path, were a tenth of
	// a rebuild at 50,000 articles.
	changed []Output
	fresh   int
}

// NewWriter returns a Writer for an output folder that holds keys, that
// stops when ctx is done.
func NewWriter(ctx context.Context, keys map[string]uint64, put Put, stream PutStream) *Writer {
	return &Writer{ctx: ctx, keys: keys, put: put, stream: stream, bufs: sync.Pool{New: func() any { return new(bytes.Buffer) }}}
}

// Stopped is the cause of the Writer's context once it is done, else nil;
// nil for no Writer.
func (w *Writer) Stopped() error {
	if w == nil || w.ctx.Err() == nil {
		return nil
	}
	return context.Cause(w.ctx)
}

// write makes o if it changed, and returns what a plan keeps of it: its
// path and key. Safe for concurrent use.
func (w *Writer) write(o Output) Output {
	kept := Output{Path: o.Path, Key: o.Key}
	if old, ok := w.keys[o.Path]; !ok || old != o.Key {
		err := w.writeOne(o)
		w.mu.Lock()
		if err != nil {
			if w.errs == nil {
				w.errs = map[string]error{}
			}
			w.errs[o.Path] = err
		}
		w.changed = append(w.changed, kept)
		if !ok {
			w.fresh++
		}
		w.mu.Unlock()
	}
	return kept
}

func (w *Writer) writeOne(o Output) error {
	if err := w.Stopped(); err != nil {
		return err
	}
	if o.Stream != nil {
		w.made.Add(1)
		return w.stream(o.Path, func(to io.Writer) error { return o.Stream(counter{to, &w.size}) })
	}
	buf := w.bufs.Get().(*bytes.Buffer)
	defer w.bufs.Put(buf)
	buf.Reset()
	w.made.Add(1)
	if err := o.Make(buf); err != nil {
		return err
	}
	w.size.Add(int64(buf.Len()))
	return w.put(o.Path, buf.Bytes())
}

// Size is the bytes of the outputs made so far: after Finish, when the
// output folder held none of their keys, the size of the whole site.
func (w *Writer) Size() int64 { return w.size.Load() }

// counter counts the bytes written through it.
type counter struct {
	w io.Writer
	n *atomic.Int64
}

func (c counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n.Add(int64(n))
	return n, err
}

// Finish makes every output of the site not made yet whose key differs
// from its key in keys, on every core. outputs are all of them, those
// made while planning too. keys is brought up to date in place when all
// went well: it then holds exactly the outputs given. Finish returns how
// many outputs were made in all, and the paths of those in keys that are
// no longer given, sorted.
func (w *Writer) Finish(outputs []Output) (made int, gone []string, err error) {
	if err := w.Stopped(); err != nil {
		return 0, nil, err // not once an output
	}
	var todo []Output
	var early []error // in the order of outputs, whichever worker made them
	fresh := w.fresh
	for _, o := range outputs {
		if err := w.errs[o.Path]; err != nil {
			early = append(early, err)
		}
		if !o.unmade() {
			continue // write had it
		}
		if old, ok := w.keys[o.Path]; !ok || old != o.Key {
			todo = append(todo, o)
			if !ok {
				fresh++
			}
		}
	}
	errs := make([]error, len(todo))
	par.Each(len(todo), func(i int) { errs[i] = w.writeOne(todo[i]) })
	if err := w.Stopped(); err != nil {
		return 0, nil, err
	}
	if err := errors.Join(append(early, errs...)...); err != nil {
		return 0, nil, err
	}
	keys := w.keys
	// Something went only if the map holds more than the outputs; most
	// rebuilds remove nothing and need not look.
	if len(keys)+fresh > len(outputs) {
		given := make(map[string]bool, len(outputs))
		for _, o := range outputs {
			given[o.Path] = true
		}
		for p := range keys {
			if !given[p] {
				gone = append(gone, p)
				delete(keys, p)
			}
		}
		slices.Sort(gone)
	}
	for _, o := range append(w.changed, todo...) {
		keys[o.Path] = o.Key
	}
	return int(w.made.Load()), gone, nil
}
