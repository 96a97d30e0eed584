// Package live keeps a site up to date while its editors work: it builds,
// then rebuilds on every settled batch of changes, and tells the preview
// server, if there is one, to reload open pages or show the problems.
package live

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"time"

	"briefings/internal/build"
	"briefings/internal/diag"
	"briefings/internal/validate"
	"briefings/internal/watch"
	"briefings/internal/write"
)

// Sources are the project folders a change in which means a rebuild.
var Sources = write.Sources

// Preview is what a rebuild reports to: the preview server.
type Preview interface {
	Built(base string, changed bool)
	Failed(base string, problems []string)
	// Commits is held while a build puts its files in place, so that
	// the preview never serves a mix of two builds.
	Commits() sync.Locker
}

// Session is one watch or serve session.
type Session struct {
	Builder *build.Builder
	Root    string
	Preview Preview   // nil for watch
	Log     io.Writer // one line a build, and the problems

	allocated uint64    // by the last build
	due       scheduled // the next article the last good build held for its time
	failed    bool      // the last build failed: a change of permissions may mend it
}

// Run builds once, then rebuilds after each batch of changes until ctx is
// done. A failed build keeps the last good site. ready, if not nil, is
// called after the first build. A build under way when ctx is done stops
// as build.Builder.BuildContext does, and Run returns.
func (s *Session) Run(ctx context.Context, ready func()) error {
	collectLessOften()
	w, err := watch.New(s.Root, Sources...)
	if err != nil {
		return fmt.Errorf("watching %s: %w", s.Root, err)
	}
	defer w.Close()
	if s.Preview != nil {
		s.Builder.HoldWhileCommitting(s.Preview.Commits())
	}
	due := s.measured(ctx, "built", nil)
	if ctx.Err() != nil {
		return nil
	}
	if ready != nil {
		ready()
	}
	batches := make(chan watch.Batch)
	done := make(chan error, 1)
	go func() {
		done <- w.Run(ctx, batches, func(err error) { fmt.Fprintln(s.Log, "watch:", err) })
	}()
	idle := time.After(idleAfter)
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-done:
			return err
		case b := <-batches:
			if len(b.Paths) == 0 && !b.Overflow && !s.failed {
				continue // permissions or times alone changed, and the site stands
			}
			// A file made readable again is read again: the last build
			// failed, perhaps on it.
			b.Paths = append(b.Paths, b.Attrs...)
			if !b.Overflow { // else events were lost: the build looks at everything
				s.Builder.Changed(b.Paths...)
			}
			due = s.measured(ctx, "rebuilt after "+s.describe(b), &b)
			idle = time.After(idleAfter)
		case <-idle:
			idle = nil
			s.collectIfDue()
		case <-due.wait():
			if time.Now().Before(due.at) {
				continue // only a recheck: the clock may have jumped
			}
			due = s.measured(ctx, "rebuilt as "+due.path+" came due", nil)
			idle = time.After(idleAfter)
		}
	}
}

// scheduled is the next article a build holds back until its time.
type scheduled struct {
	at   time.Time // zero: none
	path string
}

// wait fires when the article's time comes, or a minute before that, at
// most: a timer runs on a clock that stops while the machine sleeps.
func (n scheduled) wait() <-chan time.Time {
	if n.at.IsZero() {
		return nil
	}
	return time.After(min(time.Until(n.at), time.Minute))
}

// nextScheduled is the scheduled article the build held, shown marked or
// left out, that is published first.
func nextScheduled(rep build.Report) scheduled {
	var next scheduled
	for _, h := range append(slices.Clone(rep.Held), rep.Skipped...) {
		if h.State == validate.Scheduled && (next.at.IsZero() || h.At.Before(next.at)) {
			next = scheduled{h.At, h.Article.Path}
		}
	}
	return next
}

// measured builds, noting what the build allocated, and returns when
// the next scheduled article is published: the site changes then too.
func (s *Session) measured(ctx context.Context, what string, b *watch.Batch) scheduled {
	before := heapStats()
	rep, ok := s.build(ctx, what, b)
	s.allocated = heapStats().allocs - before.allocs
	if ok {
		s.due = nextScheduled(rep)
	} else if !s.due.at.After(time.Now()) {
		s.due = scheduled{} // it came due and failed: the next save builds again
	}
	return s.due // a failed build knows of none: the last good one's stays
}

// collectIfDue collects, without waiting for it, if the next build
// would: a build that allocates as much as the last one.
func (s *Session) collectIfDue() {
	if heapStats().due(s.allocated) {
		go runtime.GC()
	}
}

// idleAfter is how long after a build, with no change since, a session
// looks whether to collect now.
const idleAfter = 250 * time.Millisecond

// heap is what the runtime says of the heap: the bytes of its objects,
// the size at which it collects next, and what was ever allocated.
type heap struct{ objects, goal, allocs uint64 }

func heapStats() heap {
	m := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/goal:bytes"}, {Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(m)
	return heap{m[0].Value.Uint64(), m[1].Value.Uint64(), m[2].Value.Uint64()}
}

// due tells whether a build that allocates next, as much as the last
// one, would make the collector run. A session then collects while the
// editor is not waiting: at 50,000 articles a collection held about
// 420 MB and added some 350 ms to every third save.
func (h heap) due(next uint64) bool { return h.objects+next >= h.goal }

// build runs one build and reports it in one line, which what begins,
// with the problems of a failed one above it. A build stopped by ctx says
// only what it left: the preview keeps what it shows.
func (s *Session) build(ctx context.Context, what string, b *watch.Batch) (build.Report, bool) {
	rep, err := s.Builder.BuildContext(ctx)
	if err != nil && ctx.Err() != nil && !errors.Is(err, write.ErrInterrupted) {
		fmt.Fprintf(s.Log, "%s: interrupted; %s\n", what, diag.Clean(build.Left(err)))
		return rep, false
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(s.Log, w)
	}
	s.failed = err != nil
	if err != nil {
		problems, n := lines(err)
		for _, p := range problems {
			fmt.Fprintln(s.Log, p)
		}
		fmt.Fprintf(s.Log, "%s: failed with %d %s; %s\n", what, n, plural(n), s.left())
		if s.Preview != nil {
			s.Preview.Failed(rep.BasePath, problems)
		}
		return rep, false
	}
	size := ""
	if rep.Size > 0 { // known when every file was made
		size = " (" + build.Bytes(rep.Size) + ")"
	}
	line := fmt.Sprintf("%s: %d of %d files%s written, %d removed, in %s", what, rep.Written, rep.Files, size, rep.Removed,
		rep.Took.Round(100*time.Microsecond))
	if b != nil {
		line += fmt.Sprintf(" (after %s waiting for the save to settle)", b.Waited.Round(time.Millisecond))
	}
	fmt.Fprintln(s.Log, line)
	if s.Preview != nil {
		s.Preview.Built(rep.BasePath, rep.Written+rep.Removed > 0)
	}
	return rep, true
}

// left says what a failed build leaves: the last good site, or, where
// none was ever written, nothing to serve until the problems are fixed.
func (s *Session) left() string {
	if _, err := os.Stat(filepath.Join(s.Builder.Out(), "index.html")); err != nil {
		return "no site is built until they are fixed"
	}
	return "the last good site stays"
}

// describe names a batch by the files it left, so that an editor's
// temporary files do not stand for the save; a batch of deletions is
// named by what was deleted.
func (s *Session) describe(b watch.Batch) string {
	paths := slices.DeleteFunc(slices.Clone(b.Paths), func(p string) bool {
		_, err := os.Stat(filepath.Join(s.Root, filepath.FromSlash(p)))
		return err != nil
	})
	if len(paths) == 0 {
		paths = b.Paths
	}
	switch {
	case b.Overflow || len(paths) == 0:
		return "many changes"
	case len(paths) == 1:
		return diag.Name(paths[0]) // a name the build refuses is still named, as its problem names it
	}
	return fmt.Sprintf("%s and %d more", diag.Name(paths[0]), len(paths)-1)
}

// lines is a failed build's problems, one a line, and how many there
// are: each content problem is one, and any other failure is one however
// many lines it takes (a full disk, and that the site was left as it was).
func lines(err error) ([]string, int) {
	var list diag.List
	if errors.As(err, &list) {
		var out []string
		for _, d := range list {
			out = append(out, d.String())
		}
		return out, len(out)
	}
	return strings.Split(err.Error(), "\n"), 1
}

func plural(n int) string {
	if n == 1 {
		return "problem"
	}
	return "problems"
}

// collectLessOften lets the heap grow to three times what is live between
// collections instead of twice, unless GOGC says otherwise. A session's
// heap holds what the next build reuses, and a save's rebuild allocates
// much of it again: since bodies left the heap, collecting at twice the
// smaller heap added 40 ms to a save at 10,000 articles (bench/edit: 161
// against 123 ms for a body edit; 125 ms with this), for about a quarter
// more memory held.
func collectLessOften() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}
