package photo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Cache keeps rendered photos in a folder outside the site output, for
// example {project}/.cache/photos. A rendition's file is at
// Dir/v{Version}/{source hash}/{rendition name}: a new Version, another
// source or another rendition is another file, so nothing is ever stale.
// Files are written to a temporary name and renamed, so a killed run
// leaves no half file under a final name; a final file is also checked
// for its format's start and end markers before it is trusted.
//
// Several Ensure calls, in this process or others, may share a folder:
// each file appears whole or not at all. Temporary files a killed run
// left behind are removed when their photo is next processed, once they
// are an hour old.
type Cache struct {
	Dir     string
	Workers int // photos processed at once; 0 means runtime.GOMAXPROCS(0)
	// Memory is the most the photos processed at once may take, in bytes,
	// as their sizes say (decodeCost); 0 means DefaultMemory. A photo
	// that takes more on its own is processed alone. Without it a machine
	// of many cores decoded as many photos of 40 MP at once, each taking
	// some 650 MB.
	Memory int64

	sizes   sync.Map // of int64, by file path: what Ensure found or wrote
	decodes atomic.Int64
	written atomic.Int64
	mem     gate
}

// DefaultMemory is what the photos processed at once may take: three of
// the largest allowed, a dozen of a phone's.
const DefaultMemory = 2 << 30

// decodeCost is what processing a photo takes at its peak, in bytes: 16 a
// pixel holds the decoded picture (and a progressive JPEG's coefficients),
// its RGBA copy, its turned copy and its halvings. Measured: 654 MB for a
// progressive JPEG of 40 MP turned on its side, 440 MB for a PNG of 40 MP.
func decodeCost(info Info) int64 { return int64(info.Width) * int64(info.Height) * 16 }

// gate admits work while what it takes fits a limit, and always one.
type gate struct {
	mu         sync.Mutex
	cond       *sync.Cond
	used, peak int64
}

func (g *gate) acquire(n, limit int64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.cond == nil {
		g.cond = sync.NewCond(&g.mu)
	}
	for g.used > 0 && g.used+n > limit {
		g.cond.Wait()
	}
	g.used += n
	g.peak = max(g.peak, g.used)
}

func (g *gate) release(n int64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.used -= n
	g.cond.Broadcast()
}

// Job is one source photo whose renditions Ensure makes sure of.
type Job struct {
	Name string      // the source's name, for error messages
	Info Info        // what Probe reported for it
	Plan []Rendition // what to publish, usually Plan(Info, lead)
	// Read returns the source's bytes. Ensure calls it only if a
	// rendition is missing, and keeps at most Workers sources in memory.
	Read func() ([]byte, error)
}

// FileJob returns a Job whose source is read from the file at path.
func FileJob(path string, info Info, plan []Rendition) Job {
	return Job{Name: path, Info: info, Plan: plan, Read: func() ([]byte, error) { return os.ReadFile(path) }}
}

// Decodes reports how many sources this Cache has decoded.
func (c *Cache) Decodes() int64 { return c.decodes.Load() }

// Written reports how many rendition files this Cache has written.
func (c *Cache) Written() int64 { return c.written.Load() }

// Size is the size of rendition r of the photo info describes, as the
// last Ensure found or wrote it; false if no Ensure did.
func (c *Cache) Size(info Info, r Rendition) (int64, bool) {
	v, ok := c.sizes.Load(c.Path(info, r))
	if !ok {
		return 0, false
	}
	return v.(int64), true
}

// Path is where rendition r of the photo described by info is kept.
func (c *Cache) Path(info Info, r Rendition) string {
	return filepath.Join(c.Dir, "v"+Version, info.Hash, r.Name)
}

// Ensure makes sure every rendition of every job is in the cache,
// processing the photos that miss one in parallel. It returns one error
// per job, nil for those that succeeded.
func (c *Cache) Ensure(jobs []Job) []error {
	errs := make([]error, len(jobs))
	n := c.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, len(jobs)) {
		wg.Go(func() {
			for i := range next {
				if err := c.ensure(jobs[i]); err != nil {
					errs[i] = fmt.Errorf("%s: %w", jobs[i].Name, err)
				}
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return errs
}

func (c *Cache) ensure(j Job) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("processing failed: %v", r)
		}
	}()
	if !isHash(j.Info.Hash) {
		return fmt.Errorf("has no valid hash; probe it first")
	}
	var missing []Rendition
	for _, r := range j.Plan {
		if !safeName(r.Name) {
			return fmt.Errorf("rendition name %q is not a plain file name", r.Name)
		}
		if size, ok := trusted(c.Path(j.Info, r), r.Format); ok {
			c.sizes.Store(c.Path(j.Info, r), size)
		} else {
			missing = append(missing, r)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if j.Read == nil {
		return errors.New("has missing renditions and no way to read it")
	}
	limit := c.Memory
	if limit <= 0 {
		limit = DefaultMemory
	}
	cost := decodeCost(j.Info)
	c.mem.acquire(cost, limit)
	defer c.mem.release(cost)
	data, err := j.Read()
	if err != nil {
		return err
	}
	if len(data) > MaxSourceBytes {
		return fmt.Errorf("is larger than %d MB", MaxSourceBytes>>20)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != j.Info.Hash {
		return errors.New("changed after it was checked: build again")
	}
	c.decodes.Add(1)
	outs, err := Process(data, j.Info, missing)
	if err != nil {
		return err
	}
	dir := filepath.Join(c.Dir, "v"+Version, j.Info.Hash)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	removeStaleTemps(dir)
	for i, r := range missing {
		if err := writeAtomic(dir, r.Name, outs[i]); err != nil {
			return err
		}
		c.sizes.Store(c.Path(j.Info, r), int64(len(outs[i])))
		c.written.Add(1)
	}
	return nil
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

func safeName(s string) bool {
	return s != "" && s != "." && s != ".." && !strings.HasPrefix(s, ".") && !strings.ContainsAny(s, `/\:`)
}

// removeStaleTemps removes the temporary files in dir older than an hour:
// left by a run that was killed, as a live run renames its own within
// seconds.
func removeStaleTemps(dir string) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), ".tmp-") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// writeAtomic writes data to dir/name through a temporary file in dir,
// renamed into place once complete.
func writeAtomic(dir, name string, data []byte) error {
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// trusted reports whether the file at path exists and looks complete for
// its format: a JPEG starts with SOI and ends with EOI; a WebP's RIFF
// header states the file's exact length.
func trusted(path, format string) (int64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() < 16 {
		return 0, false
	}
	head := make([]byte, 12)
	if _, err := io.ReadFull(f, head); err != nil {
		return 0, false
	}
	switch format {
	case "jpeg":
		tail := make([]byte, 2)
		if _, err := f.ReadAt(tail, st.Size()-2); err != nil {
			return 0, false
		}
		return st.Size(), bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}) && tail[0] == 0xFF && tail[1] == 0xD9
	case "webp":
		n := int64(head[4]) | int64(head[5])<<8 | int64(head[6])<<16 | int64(head[7])<<24
		return st.Size(), string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP" && n+8 == st.Size()
	}
	return 0, false
}
