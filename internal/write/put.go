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
)

// How a Stage puts each file into the staging folder: whole or streamed,
// its folders made once, and left out when the output holds its bytes.

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
