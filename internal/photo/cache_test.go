package photo

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func testJobs(t *testing.T, n int) []Job {
	t.Helper()
	var jobs []Job
	for i := range n {
		data := withMetadata(t, encodeJPEG(t, photoLike(500+40*i, 360, uint64(i)), 85), 1+i%8, binary.LittleEndian)
		info, err := Probe("p.jpg", data)
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, Job{Name: "p.jpg", Info: info, Plan: Plan(info, i == 0), Read: func() ([]byte, error) { return data, nil }})
	}
	return jobs
}

func ensureOK(t *testing.T, c *Cache, jobs []Job) {
	t.Helper()
	for i, err := range c.Ensure(jobs) {
		if err != nil {
			t.Fatalf("job %d: %v", i, err)
		}
	}
}

func TestCacheSecondRunDecodesNothing(t *testing.T) {
	dir := t.TempDir()
	jobs := testJobs(t, 3)
	c := &Cache{Dir: dir}
	ensureOK(t, c, jobs)
	if c.Decodes() != 3 {
		t.Errorf("first run decoded %d, want 3", c.Decodes())
	}
	want := map[string][]byte{}
	for _, j := range jobs {
		for _, r := range j.Plan {
			p := c.Path(j.Info, r)
			if !strings.HasPrefix(p, dir) {
				t.Fatalf("path %s outside the cache", p)
			}
			d, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			checkNoMetadata(t, r.Name, r.Format, d)
			want[p] = d
		}
	}
	c2 := &Cache{Dir: dir}
	ensureOK(t, c2, jobs)
	if c2.Decodes() != 0 || c2.Written() != 0 {
		t.Errorf("second run decoded %d and wrote %d, want none", c2.Decodes(), c2.Written())
	}

	// A half-written file under a final name (as a non-atomic writer
	// would leave) and a lost file with a temporary leftover beside it
	// are both redone, to the same bytes.
	j := jobs[1]
	half := c.Path(j.Info, j.Plan[1])
	os.WriteFile(half, want[half][:len(want[half])/2], 0o644)
	lost := c.Path(j.Info, j.Plan[0])
	os.Remove(lost)
	leftover := filepath.Join(filepath.Dir(lost), ".tmp-123")
	os.WriteFile(leftover, want[lost][:100], 0o644)
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(leftover, old, old)
	halfWebP := c.Path(jobs[2].Info, jobs[2].Plan[0])
	os.WriteFile(halfWebP, want[halfWebP][:len(want[halfWebP])-10], 0o644)
	c3 := &Cache{Dir: dir, Workers: 1}
	ensureOK(t, c3, jobs)
	if c3.Decodes() != 2 || c3.Written() != 3 {
		t.Errorf("repair run decoded %d and wrote %d, want 2 and 3", c3.Decodes(), c3.Written())
	}
	if _, err := os.Stat(leftover); err == nil {
		t.Error("a stale temporary file was kept")
	}
	for p, d := range want {
		got, _ := os.ReadFile(p)
		if !bytes.Equal(got, d) {
			t.Errorf("%s: differs after repair", p)
		}
	}
}

func TestCacheErrorsPerJob(t *testing.T) {
	jobs := testJobs(t, 4)
	jobs[1].Name = "unreadable.jpg"
	jobs[1].Read = func() ([]byte, error) { return nil, errors.New("permission denied") }
	jobs[2].Name = "changed.jpg"
	jobs[2].Read = func() ([]byte, error) { return []byte("other bytes"), nil }
	good, _ := jobs[3].Read()
	jobs[3].Name = "cut.jpg"
	cut := good[:len(good)/2]
	jobs[3].Info.Hash = hashOf(cut)
	jobs[3].Read = func() ([]byte, error) { return cut, nil }
	c := &Cache{Dir: t.TempDir()}
	errs := c.Ensure(jobs)
	if errs[0] != nil {
		t.Errorf("good job: %v", errs[0])
	}
	for i, want := range []string{"", "unreadable.jpg: permission denied", "changed.jpg: changed after it was checked", "cut.jpg: the photo's image data ends early (invalid JPEG format: short Huffman data): it was probably cut short when copied; copy or export it again"} {
		if i == 0 {
			continue
		}
		if errs[i] == nil || !strings.HasPrefix(errs[i].Error(), want) {
			t.Errorf("job %d: %v, want %q…", i, errs[i], want)
		}
	}
	bad := jobs[0]
	bad.Plan = []Rendition{{Kind: "w", Format: "jpeg", Width: 10, Height: 10, Name: "../../escape.jpg"}}
	if errs := c.Ensure([]Job{bad}); errs[0] == nil {
		t.Error("a rendition name with a path was accepted")
	}
}

func hashOf(d []byte) string {
	i, err := Probe("x.jpg", d)
	if err != nil {
		panic(err)
	}
	return i.Hash
}

func TestProcessDeterministic(t *testing.T) {
	src := withMetadata(t, encodeJPEG(t, photoLike(800, 600, 9), 85), 8, binary.BigEndian)
	info, _ := Probe("d.jpg", src)
	plan := Plan(info, true)
	a, err := Process(src, info, plan)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Process(src, info, plan)
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Errorf("%s differs between runs", plan[i].Name)
		}
	}
}

// Photos of 40 MP are processed at most three at once, whatever the
// number of workers: each takes some 650 MB, and a machine of many cores
// ran out of memory. A photo larger than the limit still goes, alone.
func TestCacheBoundsMemory(t *testing.T) {
	for _, c := range []struct {
		memory int64
		want   int
	}{{0, 3}, {1, 1}} {
		var mu sync.Mutex
		reading, most := 0, 0
		var jobs []Job
		for i := range 8 {
			data := []byte("not a photo " + strconv.Itoa(i))
			sum := sha256.Sum256(data)
			info := Info{Hash: hex.EncodeToString(sum[:]), Base: "big", Format: "jpeg", Width: 8000, Height: 5000, Orientation: 1}
			jobs = append(jobs, Job{Name: "big.jpg", Info: info, Plan: Plan(info, false), Read: func() ([]byte, error) {
				mu.Lock()
				reading++
				most = max(most, reading)
				mu.Unlock()
				time.Sleep(30 * time.Millisecond)
				mu.Lock()
				reading--
				mu.Unlock()
				return data, nil
			}})
		}
		cache := &Cache{Dir: t.TempDir(), Workers: 8, Memory: c.memory}
		for i, err := range cache.Ensure(jobs) {
			if err == nil {
				t.Errorf("job %d: no error for bytes that are no photo", i)
			}
		}
		if most != c.want {
			t.Errorf("memory %d: %d photos of 40 MP processed at once, want %d", c.memory, most, c.want)
		}
	}
}
