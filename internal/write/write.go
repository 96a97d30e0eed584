// Package write puts a build's files in the output folder so that a failed
// or killed build never leaves a half-written site. A first build fills a
// new folder beside the output and swaps it in whole (Tx); later builds
// change the existing folder in place, only the files that changed, in two
// steps (Sync); a builder that knows what the folder holds replaces the
// files whose data changed one by one, each atomically (Dir).
package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Marker is the file that marks a folder as a briefings output folder: a
// build replaces only a folder that has it, or an empty one.
const Marker = ".briefings-output"

const markerText = "This folder is written by briefings build: each build may change or remove any file in it.\n"

// Tx is one build's output, being written.
type Tx struct {
	out, tmp string
	mu       sync.Mutex
	dirs     map[string]bool
}

// Sources are the project folders an output may never replace or lie in.
var Sources = []string{"content", "templates", "static"}

// Check refuses an output folder that would replace the project or its
// sources, or one that holds files not written by a build. When project
// is set, out may not be the project folder, hold it, or lie in its sources.
func Check(out, project string) error {
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	return checkOutput(out, project)
}

// Begin starts writing a new output for the folder out. Check it first
// against the project; Begin itself refuses only what no project allows.
func Begin(out string) (*Tx, error) {
	out, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	if err := checkOutput(out, ""); err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a folder beside %s: %w", out, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	t := &Tx{out: out, tmp: tmp, dirs: map[string]bool{tmp: true}}
	if err := t.Put(Marker, []byte(markerText)); err != nil {
		t.Abort()
		return nil, err
	}
	return t, nil
}

// checkOutput refuses an output folder that would replace the project or
// its sources, and one that holds files not written by us.
func checkOutput(out, project string) error {
	refuse := func(what string) error {
		return fmt.Errorf("refusing to write the site to %s: it would replace %s; choose a folder of its own, like public", out, what)
	}
	if filepath.Dir(out) == out {
		return refuse("the whole file system")
	}
	if project != "" {
		project, err := filepath.Abs(project)
		if err != nil {
			return err
		}
		// Through links, too: a link to content/ is content/.
		project, out := resolve(project), resolve(out)
		if within(project, out) {
			return refuse("the project folder " + project)
		}
		for _, src := range Sources {
			if src := filepath.Join(project, src); within(out, src) || within(src, out) {
				return refuse(src)
			}
		}
	}
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output folder %s: %w", out, err)
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return fmt.Errorf("refusing to replace %s: it holds files briefings did not write (it has no %s file); empty it or choose another --out", out, Marker)
	}
	return nil
}

// resolve follows the links of the part of an absolute path that exists;
// the rest, not made yet, is kept as it is.
func resolve(path string) string {
	rest := ""
	for p := path; ; p = filepath.Dir(p) {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(p) == p {
			return path
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// removeLeftovers deletes the folders of builds that were killed.
func removeLeftovers(parent, base string) {
	for _, pattern := range []string{".new-*", ".old-*"} {
		matches, _ := filepath.Glob(filepath.Join(parent, "."+base+pattern))
		for _, m := range matches {
			os.RemoveAll(m)
		}
	}
}

// Put writes one file; path is slash-separated and relative. Safe for
// concurrent use.
func (t *Tx) Put(path string, data []byte) error {
	if !filepath.IsLocal(filepath.FromSlash(path)) {
		return fmt.Errorf("refusing to write %q outside the output folder", path)
	}
	full := filepath.Join(t.tmp, filepath.FromSlash(path))
	if err := t.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	return nil
}

// mkdir makes a folder of the new output and the folders above it, each
// once: one mkdir call a folder, where os.MkdirAll would first stat it.
func (t *Tx) mkdir(dir string) error {
	t.mu.Lock()
	done := t.dirs[dir]
	t.mu.Unlock()
	if done {
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir && within(parent, t.tmp) {
		if err := t.mkdir(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("creating %s: %w", strings.TrimPrefix(dir, t.tmp), unwrapPath(err))
	}
	t.mu.Lock()
	t.dirs[dir] = true
	t.mu.Unlock()
	return nil
}

// Commit swaps the new folder in place of the old one and removes the old.
func (t *Tx) Commit() error {
	old, err := swap(t.tmp, t.out)
	if err != nil {
		t.Abort()
		return fmt.Errorf("replacing %s: %w", t.out, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort removes what was written; the old output stays as it was.
func (t *Tx) Abort() { os.RemoveAll(t.tmp) }

// Dir is the folder the site is going to.
func (t *Tx) Dir() string { return t.out }

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
