package load

import (
	"hash/maphash"
	"io/fs"
	"runtime"
	"sync"
	"time"

	"briefings/internal/diag"
)

// Cache keeps what earlier loads of one process parsed: a file whose size
// and modification time are unchanged is not read again, and one whose
// bytes are unchanged is not parsed again. Safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	files map[string]parsed
}

// file is an article file found on disk.
type file struct {
	path string
	size int64
	mod  time.Time
}

// parsed is the result of parsing one file's bytes.
type parsed struct {
	file
	hash uint64
	art  *Article
	errs diag.List
}

// Forget drops files from the cache, so that the next load reads them
// whatever their modification times say.
func (c *Cache) Forget(paths ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		delete(c.files, p)
	}
}

// parse reads and parses what changed, on every core. The result keeps the
// order of files, so the build does not depend on scheduling; the cache
// keeps only the files given.
func (c *Cache) parse(fsys fs.FS, files []file) []parsed {
	out := make([]parsed, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				out[i] = c.parseOne(fsys, files[i])
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	kept := make(map[string]parsed, len(out))
	for _, p := range out {
		kept[p.path] = p
	}
	c.mu.Lock()
	c.files = kept
	c.mu.Unlock()
	return out
}

func (c *Cache) parseOne(fsys fs.FS, f file) parsed {
	c.mu.Lock()
	old, ok := c.files[f.path]
	c.mu.Unlock()
	if ok && old.size == f.size && old.mod.Equal(f.mod) && !f.mod.IsZero() {
		return old
	}
	src, err := fs.ReadFile(fsys, f.path)
	if err != nil {
		var errs diag.List
		errs.Add(f.path, 0, "cannot read: %s", describe(err))
		return parsed{file: f, errs: errs}
	}
	h := HashBytes([]byte(f.path), src)
	if ok && old.hash == h {
		old.file = f
		return old
	}
	art, errs := ParseArticle(f.path, src)
	return parsed{file: f, hash: h, art: art, errs: errs}
}

var seed = maphash.MakeSeed()

// HashBytes fingerprints file contents within this process.
func HashBytes(parts ...[]byte) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	for _, p := range parts {
		h.Write(p)
		h.WriteByte(0)
	}
	return h.Sum64()
}
