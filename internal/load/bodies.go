package load

import (
	"fmt"
	"os"
	"sync"
	"unsafe"
)

// A build needs an article's body twice, when its page is made and when
// a feed carries it, and holds every article meanwhile: at 50,000
// articles the bodies were a third of a build's memory. Load therefore
// puts each body it parses in a temporary file and the article keeps
// where it is; Body reads it back. The file is removed as soon as it is
// made, so the system frees it when the process ends, however it ends.
// It only grows: a file parsed again adds its new body, and the old one
// stays unread, which costs a session of serve a few bytes a save.
// Where no temporary file can be made, bodies stay in memory.
var bodies bodyStore

type bodyStore struct {
	mu     sync.Mutex
	f      *os.File
	name   string // the file's name while it has one: where removing an open file fails
	size   int64
	failed bool
}

// storedBody is where a body was put in the store.
type storedBody struct {
	off int64
	n   int
}

// put stores html and returns where; nil if it could not.
func (s *bodyStore) put(html string) *storedBody {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failed {
		return nil
	}
	if s.f == nil {
		f, err := os.CreateTemp("", "briefings-bodies-*")
		if err != nil {
			s.failed = true
			return nil
		}
		if os.Remove(f.Name()) != nil { // an open file outlives its name on Unix, not on Windows
			s.name = f.Name()
		}
		s.f = f
	}
	if _, err := s.f.WriteAt(unsafe.Slice(unsafe.StringData(html), len(html)), s.size); err != nil { // read, not kept: no copy
		s.failed = true
		return nil
	}
	at := &storedBody{s.size, len(html)}
	s.size += int64(len(html))
	return at
}

// read reads back a body put at at. Reads need no lock: WriteAt and
// ReadAt are safe together, and a body is read only after put returned.
func (s *bodyStore) read(at *storedBody) (string, error) {
	buf := make([]byte, at.n)
	if _, err := s.f.ReadAt(buf, at.off); err != nil {
		return "", err
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), nil // buf is not used again: no copy
}

// store moves the article's body to the store, if it can.
func (a *Article) store() {
	if a == nil || a.HTML == "" {
		return
	}
	if at := bodies.put(a.HTML); at != nil {
		a.stored, a.HTML = at, ""
	}
}

// Body is the article's body, rendered by goldmark's safe renderer, with
// Placeholder where each link's URL and each photo's markup goes.
func (a *Article) Body() (string, error) {
	if a.stored == nil {
		return a.HTML, nil
	}
	html, err := bodies.read(a.stored)
	if err != nil {
		return "", fmt.Errorf("%s: reading its body back from the build's temporary file: %w", a.Path, err)
	}
	return html, nil
}

// DropBodies removes the temporary file of bodies where the system could
// not remove it while it was open. A program calls it as it exits: no
// article Load returned can read its body after.
func DropBodies() {
	bodies.mu.Lock()
	defer bodies.mu.Unlock()
	if bodies.f != nil && bodies.name != "" {
		bodies.f.Close()
		os.Remove(bodies.name)
		bodies.f, bodies.name, bodies.size = nil, "", 0
	}
}
