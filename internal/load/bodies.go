package load

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"unsafe"
)

// A build needs an article's body twice, when its page is made and when
// a feed carries it, and holds every article meanwhile: at 50,000
// articles the bodies were a third of a build's memory. Load therefore
// puts each body it parses in a temporary file, one a Cache, and the
// article keeps where it is; Body reads it back. The file loses its name
// as soon as it is made, so the system frees it when the process ends,
// however it ends, and it is closed, which frees it too, once no article
// and no cache refers to it. It only grows: a file parsed again adds its
// new body, so a session of serve adds a body's bytes to it a save (a
// thousand saves of a 5 KB body, 5 MB of the temporary folder, not of
// memory), and a changed max_article_kb every body's. Where no temporary
// file can be made, bodies stay in memory.
type bodyStore struct {
	mu     sync.Mutex
	f      *os.File
	size   int64
	failed bool
}

// storedBody is where a body was put.
type storedBody struct {
	in  *bodyStore
	off int64
	n   int
}

// named are the stores' files that kept their names, where the system
// does not remove an open file (Windows): DropBodies removes them.
var named struct {
	mu    sync.Mutex
	files map[*os.File]bool
}

// put stores html and returns where; nil if it could not.
func (s *bodyStore) put(html string) *storedBody {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failed {
		return nil
	}
	if s.f == nil && !s.open() {
		return nil
	}
	if _, err := s.f.WriteAt(unsafe.Slice(unsafe.StringData(html), len(html)), s.size); err != nil { // read, not kept: no copy
		s.failed = true
		return nil
	}
	at := &storedBody{s, s.size, len(html)}
	s.size += int64(len(html))
	return at
}

// open makes the store's file, to be closed once the store is unreachable.
func (s *bodyStore) open() bool {
	f, err := os.CreateTemp("", "briefings-bodies-*")
	if err != nil {
		s.failed = true
		return false
	}
	if os.Remove(f.Name()) != nil { // an open file outlives its name on Unix, not on Windows
		named.mu.Lock()
		if named.files == nil {
			named.files = map[*os.File]bool{}
		}
		named.files[f] = true
		named.mu.Unlock()
	}
	s.f = f
	runtime.AddCleanup(s, closeStore, f)
	return true
}

func closeStore(f *os.File) {
	named.mu.Lock()
	defer named.mu.Unlock()
	f.Close()
	if named.files[f] {
		os.Remove(f.Name())
		delete(named.files, f)
	}
}

// read reads back a body. Reads need no lock: WriteAt and ReadAt are
// safe together, and a body is read only after put returned.
func (at *storedBody) read() (string, error) {
	buf := make([]byte, at.n)
	if _, err := at.in.f.ReadAt(buf, at.off); err != nil {
		return "", err
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), nil // buf is not used again: no copy
}

// store moves the article's body to s, if it can.
func (a *Article) store(s *bodyStore) {
	if a == nil || a.HTML == "" {
		return
	}
	if at := s.put(a.HTML); at != nil {
		a.stored, a.HTML = at, ""
	}
}

// Body is the article's body, rendered by goldmark's safe renderer, with
// Placeholder where each link's URL and each photo's markup goes.
func (a *Article) Body() (string, error) {
	if a.stored == nil {
		return a.HTML, nil
	}
	html, err := a.stored.read()
	if err != nil {
		return "", fmt.Errorf("%s: reading its body back from the build's temporary file: %w", a.Path, err)
	}
	return html, nil
}

// DropBodies removes the temporary files of bodies that kept their names.
// A program calls it as it exits: no article can read its body after.
func DropBodies() {
	named.mu.Lock()
	defer named.mu.Unlock()
	for f := range named.files {
		f.Close()
		os.Remove(f.Name())
	}
	named.files = nil
}
