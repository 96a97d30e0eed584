package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Stage is one build's changes to an output folder, written aside until
// Commit puts them in place.
type Stage struct {
	out   string          // the output folder, absolute
	dir   string          // the staging folder beside it
	lock  *os.File        // its marker, locked while this build owns it
	fresh bool            // out holds no site: the staging folder becomes it
	made  bool            // out was made by this build, empty but for its marker
	old   map[string]bool // the files out holds, when Begin read them

	mu     sync.Mutex
	dirs   map[string]bool // folders made in the staging folder, by their slash path in it
	put    []string        // the paths staged, the marker among them
	tried  int             // files Put was asked to write
	failed []failure
}

type failure struct {
	path string
	size int
	err  error
}

// Internal names inside the staging folder, which no output may take.
const (
	stagingMarker = ".briefings-staging"
	journalName   = ".briefings-journal"
)

// stagingText is what a staging folder's marker holds: the name of the
// output folder beside it that it belongs to.
func stagingText(base string) string {
	return "This folder holds a briefings build being written for the output folder beside it named:\n" +
		base + "\nThe next briefings command finishes or removes it.\n"
}

// Begin starts a build's changes to the output folder out, after
// finishing or undoing one a kill interrupted. Put stages only files whose
// bytes differ from the output's. When known is false, Begin reads what out
// holds, for Gone; when true, the builder knows it.
// Check out against the project first; Begin refuses only what no project
// allows.
func Begin(out string, known bool) (*Stage, error) {
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
	if err := Recover(out); err != nil {
		return nil, err
	}
	s := &Stage{out: out, dirs: map[string]bool{}}
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.Mkdir(out, 0o755); err != nil {
			return nil, fmt.Errorf("cannot create %s: %w", out, unwrapPath(err))
		}
		s.made, s.fresh = true, true
	case err != nil:
		return nil, fmt.Errorf("output folder %s: %w", out, unwrapPath(err))
	case len(entries) == 0 || len(entries) == 1 && entries[0].Name() == Marker:
		s.fresh = true
	}
	if s.fresh {
		err = os.WriteFile(filepath.Join(out, Marker), []byte(markerText), 0o644)
	} else if !known {
		s.old, err = files(out)
	}
	if err == nil {
		err = s.makeStaging(parent, base)
	}
	if err == nil {
		err = s.write(Marker, []byte(markerText))
	}
	if err != nil {
		s.Abort()
		return nil, fmt.Errorf("cannot write beside %s: %w", out, unwrapPath(err))
	}
	s.put = append(s.put, Marker)
	return s, nil
}

// makeStaging makes the staging folder with its marker inside the output
// folder, which is the build's own, and only then moves it beside: a kill
// at any moment leaves nothing Recover cannot tell as the build's.
func (s *Stage) makeStaging(parent, base string) error {
	tmp, err := os.MkdirTemp(s.out, ".briefings-staging-")
	if err != nil {
		return err
	}
	if err = os.Chmod(tmp, 0o755); err == nil {
		s.lock, err = createMarker(tmp, base)
	}
	s.dir = filepath.Join(parent, "."+base+"."+strings.TrimPrefix(filepath.Base(tmp), ".briefings-"))
	if err == nil {
		err = os.Rename(tmp, s.dir)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	s.dirs["."] = true
	return nil
}

// createMarker writes the staging folder's marker and keeps it open and
// locked: a lock the kernel drops when the build dies, so that Recover
// never takes the folder of a build still running.
func createMarker(dir, base string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, stagingMarker), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	if _, err := f.WriteString(stagingText(base)); err != nil {
		f.Close()
		return nil, err
	}
	lockFile(f)
	return f, nil
}

// files lists the files of a folder, slash-separated and relative.
func files(dir string) (map[string]bool, error) {
	found := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		found[filepath.ToSlash(rel)] = true
		return nil
	})
	return found, err
}

// Written is how many of the build's files were staged: all of them into
// a new folder, else those whose bytes changed.
func (s *Stage) Written() int { return len(s.put) - 1 } // not the marker

// Gone is the files the output holds that are not among paths, the new
// build's files; only for a Stage that read the output (known false).
func (s *Stage) Gone(paths []string) []string {
	if len(s.old) == 0 {
		return nil
	}
	keep := make(map[string]bool, len(paths))
	for _, p := range paths {
		keep[p] = true
	}
	var gone []string
	for p := range s.old {
		if !keep[p] && p != Marker {
			gone = append(gone, p)
		}
	}
	return gone
}

// Abort removes what was staged; the output stays as it was.
func (s *Stage) Abort() {
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
	if s.fresh { // the marker Begin wrote, and the folder if Begin made it
		os.Remove(filepath.Join(s.out, Marker))
		if s.made {
			os.Remove(s.out)
		}
	}
	if s.lock != nil {
		s.lock.Close()
	}
}

// Dir is the output folder.
func (s *Stage) Dir() string { return s.out }

// failures is the files Put could not write, as one error: one line
// however many there were, naming the first few and what they weigh.
func (s *Stage) failures() error {
	if len(s.failed) == 0 {
		return nil
	}
	slices.SortFunc(s.failed, func(a, b failure) int { return strings.Compare(a.path, b.path) })
	if len(s.failed) == 1 {
		return fmt.Errorf("writing %s: %w", s.failed[0].path, s.failed[0].err)
	}
	var causes, names []string
	total := 0
	for _, f := range s.failed {
		if c := f.err.Error(); !slices.Contains(causes, c) {
			causes = append(causes, c)
		}
		if len(names) < 3 {
			names = append(names, f.path)
		}
		total += f.size
	}
	list := strings.Join(names, ", ")
	if more := len(s.failed) - len(names); more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	return fmt.Errorf("%d of %d files could not be written: %s (%s; %s in all)", len(s.failed), s.tried,
		strings.Join(causes, "; "), list, size(total))
}

// size says a number of bytes as people read it.
func size(n int) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
