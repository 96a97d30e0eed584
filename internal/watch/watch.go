// Package watch reports changes to a project's source folders in batches:
// fsnotify is not recursive, so every folder is watched, including ones
// created later, and the bursts of events an editor's save makes (a
// temporary file written and renamed, backup and lock files) come out as
// one batch.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"briefings/internal/load"
)

// Batch is a set of changes that settled.
type Batch struct {
	Paths    []string      // slash-separated, from the project root, sorted; may be empty
	Attrs    []string      // those whose permissions or times alone changed, not in Paths
	Overflow bool          // events were lost: anything may have changed
	Waited   time.Duration // from the first event to the batch
}

// Watcher watches folders of a project.
type Watcher struct {
	root  string
	dirs  []string // the watched source folders, slash-separated from the root
	fsw   *fsnotify.Watcher
	Quiet time.Duration // a batch is sent once no event came for this long…
	Max   time.Duration // …or this long after its first event
}

// New watches the named folders under root (those that exist now, and
// those created later).
func New(root string, dirs ...string) (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: root, dirs: dirs, fsw: fsw, Quiet: 20 * time.Millisecond, Max: 300 * time.Millisecond}
	// The root itself, to see a source folder appear.
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, d := range dirs {
		if _, err := w.addTree(filepath.Join(root, filepath.FromSlash(d))); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	return w, nil
}

// Close stops watching.
func (w *Watcher) Close() error { return w.fsw.Close() }

// Run sends batches until ctx is done. Errors from the watcher that do not
// stop it go to errs, which may be nil.
func (w *Watcher) Run(ctx context.Context, batches chan<- Batch, errs func(error)) error {
	var (
		pending  = map[string]bool{} // true: changed; false: its attributes alone
		overflow bool
		first    time.Time
		timer    = time.NewTimer(time.Hour)
	)
	timer.Stop()
	flush := func() {
		if len(pending) == 0 && !overflow {
			return
		}
		b := Batch{Overflow: overflow, Waited: time.Since(first)}
		for p, changed := range pending {
			if changed {
				b.Paths = append(b.Paths, p)
			} else {
				b.Attrs = append(b.Attrs, p)
			}
		}
		slices.Sort(b.Paths)
		slices.Sort(b.Attrs)
		pending, overflow = map[string]bool{}, false
		select {
		case batches <- b:
		case <-ctx.Done():
		}
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return nil
			}
			changed := w.event(ev)
			if len(changed) == 0 {
				continue
			}
			if len(pending) == 0 && !overflow {
				first = time.Now()
			}
			for _, p := range changed {
				pending[p] = pending[p] || ev.Op != fsnotify.Chmod
			}
			timer.Reset(min(w.Quiet, w.Max-time.Since(first)))
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				if len(pending) == 0 && !overflow {
					first = time.Now()
				}
				overflow = true
				timer.Reset(w.Quiet)
			} else if errs != nil {
				errs(err)
			}
		case <-timer.C:
			flush()
		}
	}
}

// event turns one fsnotify event into the project paths it changed.
func (w *Watcher) event(ev fsnotify.Event) []string {
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || !filepath.IsLocal(rel) {
		return nil
	}
	rel = filepath.ToSlash(rel)
	if !w.inSources(rel) || ignored(rel) {
		return nil
	}
	if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
		// A folder moved away keeps its watch under the old name, which
		// would report its files by paths that no longer exist: drop it
		// (and those below), to watch the folder again where it appears.
		for _, watched := range w.fsw.WatchList() {
			if watched == ev.Name || strings.HasPrefix(watched, ev.Name+string(filepath.Separator)) {
				w.fsw.Remove(watched)
			}
		}
	}
	if ev.Has(fsnotify.Create) {
		// Lstat: a link made inside a source folder is not followed, and
		// the build refuses it; only the source folders themselves may be links.
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			// A new folder, perhaps moved in whole: watch it, and count what
			// it already holds, which made no events of its own.
			files, _ := w.addTree(ev.Name)
			return append(files, rel)
		}
	}
	return []string{rel}
}

func (w *Watcher) inSources(rel string) bool {
	for _, d := range w.dirs {
		if rel == d || strings.HasPrefix(rel, d+"/") {
			return true
		}
	}
	return false
}

// addTree watches a folder and every folder below it, and returns the
// files found there. A folder that does not exist is skipped. A source
// folder that is a link is followed, as the build follows it: its folders
// are watched under the link's name, so that events name project paths.
func (w *Watcher) addTree(dir string) ([]string, error) {
	real, err := filepath.EvalSymlinks(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var files []string
	err = filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		under, _ := filepath.Rel(real, p)
		p = filepath.Join(dir, under)
		rel, _ := filepath.Rel(w.root, p)
		rel = filepath.ToSlash(rel)
		if p != dir && ignored(rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return w.fsw.Add(p)
		}
		files = append(files, rel)
		return nil
	})
	return files, err
}

// ignored tells the files no build reads: in static/, as the build
// publishes it, .well-known included.
func ignored(rel string) bool {
	if strings.HasPrefix(rel, "static/") {
		return load.IgnoredStatic(path.Base(rel))
	}
	return load.Ignored(path.Base(rel))
}
