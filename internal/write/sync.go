package write

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Sync brings an existing output folder to a new build's files in place,
// writing only files whose bytes changed. A fresh folder would make every
// folder and file again and delete the old ones, which took longer than
// rendering the 10,000-article site (bench/run.sh); most builds change a
// few files. It works in two steps, so that a failed build leaves the
// folder as it was: Put writes each changed file beside its old self under
// a temporary name, and Commit renames them all into place, removes the
// files no longer part of the site and replaces the marker. A build killed
// before Commit leaves only temporary files, which the next Sync removes;
// one killed during Commit leaves every file whole, old or new.
type Sync struct {
	dir  *Dir
	old  map[string]bool // the files the folder held, slash-separated
	mu   sync.Mutex
	put  []staged
	made []string // folders made for new files, deepest last
}

type staged struct{ tmp, path string }

// tempPrefix starts the names of files written but not yet committed.
const tempPrefix = ".briefings-"

// StartSync opens an output folder a build wrote for an update in place.
func StartSync(out string) (*Sync, error) {
	d, err := Open(out)
	if err != nil {
		return nil, err
	}
	removeLeftovers(filepath.Dir(filepath.Clean(out)), filepath.Base(filepath.Clean(out)))
	s := &Sync{dir: d, old: map[string]bool{}}
	err = filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		if strings.HasPrefix(e.Name(), tempPrefix) && strings.HasSuffix(e.Name(), ".tmp") {
			return os.Remove(p) // left by a killed build
		}
		rel, _ := filepath.Rel(out, p)
		s.old[filepath.ToSlash(rel)] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the output folder %s: %w", out, err)
	}
	return s, nil
}

// Put stages one file if its bytes differ from the folder's; path is
// slash-separated and relative. It reports whether the file changed. Safe
// for concurrent use.
func (s *Sync) Put(path string, data []byte) (bool, error) {
	if !filepath.IsLocal(filepath.FromSlash(path)) {
		return false, fmt.Errorf("refusing to write %q outside the output folder", path)
	}
	full := filepath.Join(s.dir.out, filepath.FromSlash(path))
	if s.old[path] {
		if same, err := sameBytes(full, data); err == nil && same {
			return false, nil
		}
	}
	dir := filepath.Dir(full)
	if err := s.mkdir(dir); err != nil {
		return false, fmt.Errorf("creating the folder of %s: %w", path, unwrapPath(err))
	}
	tmp, err := os.CreateTemp(dir, tempPrefix+"*.tmp")
	if err != nil {
		return false, fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	_, err = tmp.Write(data)
	if err = errors.Join(err, tmp.Chmod(0o644), tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		return false, fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	s.mu.Lock()
	s.put = append(s.put, staged{tmp.Name(), full})
	s.mu.Unlock()
	return true, nil
}

// sameBytes reports whether a file holds exactly data.
func sameBytes(name string, data []byte) (bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false, err
	}
	buf := make([]byte, len(data)+1) // one more, to see the end of the file
	n, _ := io.ReadFull(f, buf)
	return n == len(data) && bytes.Equal(buf[:n], data), nil
}

// mkdir makes a folder and those above it that are missing, noting each
// so that Abort can take them away again.
func (s *Sync) mkdir(dir string) error {
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir && within(parent, s.dir.out) {
		if err := s.mkdir(parent); err != nil {
			return err
		}
	}
	err := os.Mkdir(dir, 0o755)
	if err == nil {
		s.mu.Lock()
		s.made = append(s.made, dir)
		s.mu.Unlock()
	}
	if errors.Is(err, fs.ErrExist) {
		return nil // made at the same moment for another file
	}
	return err
}

// Written is how many files Put staged.
func (s *Sync) Written() int { return len(s.put) }

// Commit puts the staged files in place and removes the files of the
// folder that are not among keep, the paths of the new build; it returns
// those removed. The marker is replaced last, so a builder that remembers
// the folder sees it was changed.
func (s *Sync) Commit(keep []string) ([]string, error) {
	// New files first, then changed ones: a page never links to a page
	// that is not there yet.
	slices.SortStableFunc(s.put, func(a, b staged) int {
		return boolOrder(s.isOld(a.path), s.isOld(b.path))
	})
	for i, st := range s.put {
		if err := os.Rename(st.tmp, st.path); err != nil {
			for _, rest := range s.put[i:] {
				os.Remove(rest.tmp)
			}
			return nil, fmt.Errorf("replacing %s: %w", st.path, unwrapPath(err))
		}
	}
	kept := make(map[string]bool, len(keep))
	for _, p := range keep {
		kept[p] = true
	}
	var gone []string
	for p := range s.old {
		if !kept[p] && p != Marker {
			gone = append(gone, p)
		}
	}
	slices.Sort(gone)
	if err := s.dir.Remove(gone); err != nil {
		return nil, err
	}
	return gone, s.dir.Put(Marker, []byte(markerText))
}

func (s *Sync) isOld(full string) bool {
	rel, err := filepath.Rel(s.dir.out, full)
	return err == nil && s.old[filepath.ToSlash(rel)]
}

func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Abort removes what Put staged; the folder is as it was.
func (s *Sync) Abort() {
	for _, st := range s.put {
		os.Remove(st.tmp)
	}
	for i := len(s.made) - 1; i >= 0; i-- {
		os.Remove(s.made[i])
	}
}
