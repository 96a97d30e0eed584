package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Dir updates an output folder in place, for rebuilds that change a few
// files: each file is written beside its old self and renamed over it, so
// a reader never sees half a file.
type Dir struct {
	out    string
	marker os.FileInfo
	mu     sync.Mutex
	dirs   map[string]bool
}

// Open returns the output folder for updating, if it is one a build wrote.
func Open(out string) (*Dir, error) {
	info, err := os.Stat(filepath.Join(out, Marker))
	if err != nil {
		return nil, fmt.Errorf("%s is not a complete briefings output: %w", out, err)
	}
	return &Dir{out: out, marker: info, dirs: map[string]bool{}}, nil
}

// Marker is the folder's marker file: each fresh build writes a new one,
// so it tells one build's folder from another's.
func (d *Dir) Marker() os.FileInfo { return d.marker }

// Put replaces one file; path is slash-separated and relative. Safe for
// concurrent use.
func (d *Dir) Put(path string, data []byte) error {
	if !filepath.IsLocal(filepath.FromSlash(path)) {
		return fmt.Errorf("refusing to write %q outside the output folder", path)
	}
	full := filepath.Join(d.out, filepath.FromSlash(path))
	dir := filepath.Dir(full)
	d.mu.Lock()
	known := d.dirs[dir]
	d.mu.Unlock()
	if !known {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("creating the folder of %s: %w", path, unwrapPath(err))
		}
		d.mu.Lock()
		d.dirs[dir] = true
		d.mu.Unlock()
	}
	tmp, err := os.CreateTemp(dir, ".briefings-*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	_, err = tmp.Write(data)
	err = errors.Join(err, tmp.Chmod(0o644), tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), full)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	return nil
}

// Remove deletes files that are no longer part of the site, and the
// folders they leave empty.
func (d *Dir) Remove(paths []string) error {
	for _, p := range paths {
		full := filepath.Join(d.out, filepath.FromSlash(p))
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			continue
		}
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("removing %s: %w", p, unwrapPath(err))
		}
		for dir := filepath.Dir(full); dir != d.out && within(dir, d.out); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil { // not empty, or gone
				break
			}
			d.mu.Lock()
			delete(d.dirs, dir)
			d.mu.Unlock()
		}
	}
	return nil
}
