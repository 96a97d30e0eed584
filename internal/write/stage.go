package write

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	pathpkg "path"
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

// Put stages one file; path is slash-separated and relative. A file that
// cannot be written is noted, and Commit reports them all at once: on a
// full disk that is every file after the first. Put refuses only a path
// that is not the output's to write. Safe for concurrent use.
func (s *Stage) Put(path string, data []byte) error {
	if err := s.try(path); err != nil {
		return err
	}
	if s.inOutput(path) {
		if same, err := sameBytes(filepath.Join(s.out, filepath.FromSlash(path)), data); err == nil && same {
			return nil
		}
	}
	s.staged(path, len(data), s.write(path, data))
	return nil
}

// try counts a file the build asks to stage, and refuses a path that is
// not the output's to write.
func (s *Stage) try(path string) error {
	if !filepath.IsLocal(filepath.FromSlash(path)) || reserved(path) {
		return fmt.Errorf("refusing to write %q: it is not a file of the output folder", path)
	}
	s.mu.Lock()
	s.tried++
	s.mu.Unlock()
	return nil
}

// inOutput tells whether the output may hold path already, whose bytes
// are then compared with the new ones: an unchanged file is not staged.
func (s *Stage) inOutput(path string) bool { return !s.fresh && (s.old == nil || s.old[path]) }

// staged notes a file staged, or that the disk refused it.
func (s *Stage) staged(path string, size int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.failed = append(s.failed, failure{path, size, unwrapPath(err)})
		return
	}
	s.put = append(s.put, path)
}

// PutStream stages one file as Put does, its bytes written by write as
// they are made: a file as large as a sitemap's part (23 MB at 50,000
// articles) was held whole, twice while its buffer grew, at the end of a
// build, where its peak is. An error of write's own is returned, and
// nothing is staged; one of the disk is noted, as Put notes it, with the
// size write gave. Safe for concurrent use.
func (s *Stage) PutStream(path string, write func(io.Writer) error) error {
	if err := s.try(path); err != nil {
		return err
	}
	name := filepath.Join(s.dir, filepath.FromSlash(path))
	size, err := s.stream(path, name, write)
	var disk *diskError
	switch {
	case errors.As(err, &disk):
		os.Remove(name)
		s.staged(path, size, disk.err)
		return nil
	case err != nil:
		os.Remove(name)
		return err
	}
	if s.inOutput(path) {
		if same, err := sameFiles(filepath.Join(s.out, filepath.FromSlash(path)), name); err == nil && same {
			return os.Remove(name)
		}
	}
	s.staged(path, size, nil)
	return nil
}

// stream writes a file of the staging folder by write, and returns its
// size: after a failure of the disk, what write gave is counted, not
// written.
func (s *Stage) stream(path, name string, write func(io.Writer) error) (int, error) {
	to := &counted{}
	var f *os.File
	if to.err = s.folderOf(path); to.err == nil {
		f, to.err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		to.w = f
	}
	buf := bufio.NewWriterSize(to, 64<<10)
	err := write(buf)
	if err == nil {
		err = buf.Flush()
	}
	if f != nil {
		if cerr := f.Close(); to.err == nil {
			to.err = cerr
		}
	}
	if to.err != nil {
		return to.n, &diskError{to.err}
	}
	return to.n, err
}

// counted writes to w and counts what it is given; after w fails it only
// counts.
type counted struct {
	w   io.Writer
	n   int
	err error
}

func (c *counted) Write(p []byte) (int, error) {
	c.n += len(p)
	if c.err == nil {
		_, c.err = c.w.Write(p)
	}
	return len(p), nil
}

// diskError is a failure to write a staged file, not of what makes it.
type diskError struct{ err error }

func (e *diskError) Error() string { return e.err.Error() }

// sameFiles reports whether two files hold the same bytes.
func sameFiles(a, b string) (bool, error) {
	fa, err := os.Open(a)
	if err != nil {
		return false, err
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false, err
	}
	defer fb.Close()
	ia, err := fa.Stat()
	if err != nil {
		return false, err
	}
	ib, err := fb.Stat()
	if err != nil || !ia.Mode().IsRegular() || ia.Size() != ib.Size() {
		return false, err
	}
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, erra := io.ReadFull(fa, ba)
		nb, _ := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false, nil
		}
		if erra == io.EOF || erra == io.ErrUnexpectedEOF {
			return true, nil
		}
		if erra != nil {
			return false, erra
		}
	}
}

func reserved(path string) bool {
	return path == Marker || path == stagingMarker || path == journalName
}

// write writes one file into the staging folder.
func (s *Stage) write(path string, data []byte) error {
	if err := s.folderOf(path); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(s.dir, filepath.FromSlash(path)), data, 0o644)
}

// folderOf makes the folder of a file of the staging folder. The folders
// above it are made once (mkdir); its own is made, not remembered: most
// hold one page, and remembering each was 5 MB of the live heap's peak at
// 50,000 articles (peak RSS moved within its noise). Another file in it
// finds it made.
func (s *Stage) folderOf(path string) error {
	dir := pathpkg.Dir(path)
	if err := s.mkdir(pathpkg.Dir(dir)); err != nil || dir == "." {
		return err
	}
	return makeFolder(filepath.Join(s.dir, filepath.FromSlash(dir)))
}

// makeFolder makes a folder that may be there already.
func makeFolder(name string) error {
	if err := os.Mkdir(name, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// mkdir makes a folder of the staging folder, named by its slash path in
// it, and those above it, each once. The folders are remembered by these
// paths, which are parts of the outputs' own: remembered by their full
// names, one a page, they were 9 MB of a 50,000-article build's peak.
func (s *Stage) mkdir(dir string) error {
	s.mu.Lock()
	done := s.dirs[dir]
	s.mu.Unlock()
	if done {
		return nil
	}
	if parent := pathpkg.Dir(dir); parent != dir {
		if err := s.mkdir(parent); err != nil {
			return err
		}
	}
	if err := makeFolder(filepath.Join(s.dir, filepath.FromSlash(dir))); err != nil {
		return err
	}
	s.mu.Lock()
	s.dirs[dir] = true
	s.mu.Unlock()
	return nil
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
