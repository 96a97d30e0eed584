package load

import (
	"errors"
	"hash/maphash"
	"io"
	"io/fs"
	"sync"
	"time"

	"briefings/internal/diag"
	"briefings/internal/par"
)

// Cache keeps what earlier loads of one process parsed: a file whose size
// and modification time are unchanged is not read again, and one whose
// bytes are unchanged is not parsed again. Safe for concurrent use.
type Cache struct {
	mu         sync.Mutex
	files      map[string]parsed
	photoFiles map[string]readPhoto

	bodies *bodyStore // where the articles' bodies wait for their pages

	// The last listing of content/, and what changed since: a load that
	// was told every change looks only at those paths.
	listing *listing
	changed []string
	told    bool
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
	limit int64 // the size limit it was read under
	hash  uint64
	art   *Article
	errs  diag.List
}

// Changed tells the cache every project path (slash-separated, from the
// root) that changed since the last load: the next load reads them
// whatever their modification times say, and looks at no other entry of
// content/. A load not told what changed looks through the whole tree.
func (c *Cache) Changed(paths ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		delete(c.files, p)
		delete(c.photoFiles, p)
	}
	c.changed = append(c.changed, paths...)
	c.told = true
}

// list returns the article and photo files of content/, and reports the
// problems of its other entries.
func (c *Cache) list(fsys fs.FS, cfg *Config, errs *diag.List) listing {
	c.mu.Lock()
	defer c.mu.Unlock()
	var l listing
	if c.listing != nil && c.told && refreshable(c.changed) {
		l = c.listing.refresh(fsys, cfg, c.changed)
	} else {
		l = walk(fsys, "content", cfg)
	}
	c.listing, c.changed, c.told = &l, nil, false
	errs.Append(l.problems)
	return l
}

// parse reads and parses what changed, on every core. The result keeps the
// order of files, so the build does not depend on scheduling; the cache
// keeps only the files given.
func (c *Cache) parse(fsys fs.FS, files []file, limit int64) []parsed {
	out := make([]parsed, len(files))
	var todo []int
	c.mu.Lock()
	for i, f := range files {
		if old, ok := c.files[f.path]; ok && old.fresh(f, limit) {
			out[i] = old
		} else {
			todo = append(todo, i)
		}
	}
	if c.bodies == nil {
		c.bodies = &bodyStore{}
	}
	c.mu.Unlock()
	par.Each(len(todo), func(j int) { out[todo[j]] = c.parseOne(fsys, files[todo[j]], limit) })
	c.mu.Lock()
	defer c.mu.Unlock()
	// Every file given is in the cache after this; if it holds more, some
	// went away: keep only those given.
	if c.files == nil || len(c.files) != len(files)-countNew(c.files, files, todo) {
		c.files = make(map[string]parsed, len(out))
		for _, p := range out {
			c.files[p.path] = p
		}
		return out
	}
	for _, i := range todo {
		c.files[out[i].path] = out[i]
	}
	return out
}

// countNew counts the files to parse that the cache does not hold at all.
func countNew(cached map[string]parsed, files []file, todo []int) int {
	n := 0
	for _, i := range todo {
		if _, ok := cached[files[i].path]; !ok {
			n++
		}
	}
	return n
}

// fresh tells whether what was parsed still holds for the file as listed.
func (p parsed) fresh(f file, limit int64) bool {
	return p.size == f.size && p.mod.Equal(f.mod) && !f.mod.IsZero() && p.limit == limit
}

// parseOne reads and parses one file, unless it is larger than limit:
// that is known from its size, before reading it.
func (c *Cache) parseOne(fsys fs.FS, f file, limit int64) parsed {
	c.mu.Lock()
	old, ok := c.files[f.path]
	c.mu.Unlock()
	if ok && old.fresh(f, limit) {
		return old
	}
	var errs diag.List
	if f.size > limit {
		tooLarge(f.path, f.size, limit, &errs)
		return parsed{file: f, limit: limit, errs: errs}
	}
	src, err := fs.ReadFile(fsys, f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return parsed{file: f, limit: limit} // deleted since it was listed: as if it had not been
	}
	if err != nil {
		errs.Add(f.path, 0, "cannot read: %s", describe(err))
		return parsed{file: f, limit: limit, errs: errs}
	}
	if int64(len(src)) > limit { // it grew since it was listed
		tooLarge(f.path, int64(len(src)), limit, &errs)
		return parsed{file: f, limit: limit, errs: errs}
	}
	h := HashBytes([]byte(f.path), src)
	if ok && old.hash == h && old.limit == limit {
		old.file = f
		return old
	}
	art, errs := parseArticle(f.path, src, h)
	art.store(c.bodies)
	return parsed{file: f, limit: limit, hash: h, art: art, errs: errs}
}

func tooLarge(path string, size, limit int64, errs *diag.List) {
	errs.Add(path, 0, "the file is %d KB, more than max_article_kb (%d KB): no page should be that long; split the article, or raise max_article_kb in %s",
		(size+1023)>>10, limit>>10, SitePath)
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

// HashReader fingerprints what r gives as HashBytes does the same bytes
// in one part, without holding them.
func HashReader(r io.Reader) (uint64, error) {
	var h maphash.Hash
	h.SetSeed(seed)
	if _, err := io.Copy(&h, r); err != nil {
		return 0, err
	}
	h.WriteByte(0)
	return h.Sum64(), nil
}
