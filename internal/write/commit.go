package write

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// op is one step of a commit: a staged file renamed into the output, or a
// file of the output removed. Each can be done again and ends the same.
type op struct {
	Put    string `json:"put,omitempty"`
	Remove string `json:"remove,omitempty"`
}

type journal struct {
	Output string `json:"output"` // the output folder's name, beside the staging folder
	Ops    []op   `json:"ops"`
}

// Commit puts the staged files in place and removes gone, the output's
// files the build no longer has. hold, if not nil, is held for writing
// while the output changes, so that a reader holding it for reading sees
// one build or the other. When Commit fails before the output changed, it
// says so; once the journal is written, the output is the new build's as
// soon as Commit, or the next command, has applied it. A commit whose ctx
// is done before the output begins to change is given up, what was staged
// removed, and Commit returns ctx's cause; once the journal is written,
// Commit goes to its end whatever ctx says, as the next command would.
func (s *Stage) Commit(ctx context.Context, gone []string, hold sync.Locker) error {
	defer s.lock.Close()
	if err := s.failures(); err != nil {
		s.Abort()
		return err
	}
	if err := stopped(ctx); err != nil {
		s.Abort()
		return err
	}
	if hold == nil {
		hold = noLock{}
	}
	if s.fresh {
		return s.commitFolder(hold)
	}
	ops := plan(s.put, gone, s.out)
	if err := writable(s.out, ops); err != nil {
		s.Abort()
		return err
	}
	if err := stopped(ctx); err != nil { // the last moment the output is as it was
		s.Abort()
		return err
	}
	if err := writeJournal(s.dir, journal{filepath.Base(s.out), ops}); err != nil {
		s.Abort()
		return fmt.Errorf("cannot write beside %s: %w", s.out, unwrapPath(err))
	}
	hold.Lock()
	err := apply(s.dir, s.out, ops)
	hold.Unlock()
	if err != nil {
		return fmt.Errorf("putting the new site in place in %s: %w; %w", s.out, err, ErrInterrupted)
	}
	return finish(s.dir)
}

// commitFolder renames the staging folder into place where there was no
// site: the output folder, empty but for its marker, goes first (os.Rename
// never replaces a folder), so that a kill between leaves no site, as
// before. The staging folder's marker goes after; Recover removes one a
// kill left.
func (s *Stage) commitFolder(hold sync.Locker) error {
	hold.Lock()
	err := os.Remove(filepath.Join(s.out, Marker))
	if err == nil {
		err = os.Remove(s.out)
	}
	if err == nil {
		err = os.Rename(s.dir, s.out)
	}
	hold.Unlock()
	if err != nil {
		s.Abort()
		return fmt.Errorf("cannot put the site in place at %s: %w", s.out, unwrapPath(err))
	}
	return os.Remove(filepath.Join(s.out, stagingMarker))
}

// ErrInterrupted is in the error of a commit that failed after the output
// began to change: the journal stays, and the next command finishes it.
var ErrInterrupted = errors.New("the next briefings command finishes it")

// stopped is ctx's cause once ctx is done, else nil.
func stopped(ctx context.Context) error {
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	return nil
}

type noLock struct{}

func (noLock) Lock()   {}
func (noLock) Unlock() {}

// plan orders a commit's steps. Removals that make way for a new file
// come first: a file where the build needs a folder, the files of a
// folder that becomes a file. Then new files, then changed ones, so that
// a page never links to a page not yet there; then the other removals,
// and the marker last, so that a builder that remembers the folder sees
// it changed.
func plan(put, gone []string, out string) []op {
	puts := make(map[string]bool, len(put))
	folders := map[string]bool{}
	for _, p := range put {
		puts[p] = true
		for d := parentOf(p); d != ""; d = parentOf(d) {
			folders[d] = true
		}
	}
	inFile := func(p string) bool {
		for d := parentOf(p); d != ""; d = parentOf(d) {
			if puts[d] {
				return true
			}
		}
		return false
	}
	var first, last, added, changed []op
	slices.Sort(gone)
	for _, g := range gone {
		if folders[g] || inFile(g) {
			first = append(first, op{Remove: g})
		} else {
			last = append(last, op{Remove: g})
		}
	}
	slices.Sort(put)
	for _, p := range put {
		if p == Marker {
			continue
		}
		if _, err := os.Lstat(filepath.Join(out, filepath.FromSlash(p))); err != nil {
			added = append(added, op{Put: p})
		} else {
			changed = append(changed, op{Put: p})
		}
	}
	ops := slices.Concat(first, added, changed, last)
	return append(ops, op{Put: Marker})
}

func parentOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i > 0 {
		return p[:i]
	}
	return ""
}

// writeJournal writes the steps to take, under a temporary name first so
// that a journal is always whole, and makes it durable before the output
// changes.
func writeJournal(dir string, j journal) error {
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, journalName+".part")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err = errors.Join(err, f.Sync(), f.Close()); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, journalName)); err != nil {
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	d.Sync() // not every file system can; the journal's own sync is what matters
	return nil
}

// apply takes the steps of a journal; taken again after a kill, each
// step already taken changes nothing.
func apply(staging, out string, ops []op) error {
	for _, o := range ops {
		var err error
		if o.Put != "" {
			err = rename(staging, out, o.Put)
		} else {
			err = remove(out, o.Remove)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// rename moves one staged file into the output; a file no longer staged
// was moved already. The folder is made only when missing: one system call
// a file, in the window where the output is changing.
func rename(staging, out, path string) error {
	from := filepath.Join(staging, filepath.FromSlash(path))
	to := filepath.Join(out, filepath.FromSlash(path))
	err := os.Rename(from, to)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return renameError(path, err)
	}
	if _, serr := os.Lstat(from); errors.Is(serr, fs.ErrNotExist) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return fmt.Errorf("creating the folder of %s: %w", path, unwrapPath(err))
	}
	return renameError(path, os.Rename(from, to))
}

func renameError(path string, err error) error {
	if err != nil {
		return fmt.Errorf("replacing %s: %w", path, unwrapPath(err))
	}
	return nil
}

// remove deletes a file of the old build, and the folders it leaves
// empty. A folder there is the new build's, made by an earlier step.
func remove(out, path string) error {
	full := filepath.Join(out, filepath.FromSlash(path))
	info, err := os.Lstat(full)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) || err == nil && info.IsDir() {
		return nil // gone, or a folder above it is a file now
	}
	if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removing %s: %w", path, unwrapPath(err))
	}
	for dir := filepath.Dir(full); dir != out && within(dir, out); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil { // not empty, or gone
			break
		}
	}
	return nil
}

// finish removes a staging folder whose journal was applied: the journal
// first, and the folders left empty after.
func finish(staging string) error {
	if err := os.Remove(filepath.Join(staging, journalName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.RemoveAll(staging)
}
