package photo

import (
	"encoding/binary"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/gen2brain/webp"
)

var (
	benchPhotos = flag.Bool("photobench", false, "run BenchmarkEnsure1000 (slow: generates and processes camera-sized photos)")
	benchN      = flag.Int("photobench.n", 1000, "photos for BenchmarkEnsure1000")
	benchDir    = flag.String("photobench.dir", "", "folder to keep BenchmarkEnsure1000's generated sources in between runs (default: a temporary folder)")
)

// BenchmarkProcess6MP renders a lead photo's twelve renditions from a
// 3000 × 2000 JPEG.
func BenchmarkProcess6MP(b *testing.B) {
	src := withMetadata(b, encodeJPEG(b, photoLike(3000, 2000, 1), 90), 1, binary.LittleEndian)
	info, err := Probe("b.jpg", src)
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	webp.Init()
	b.Logf("WebP encoder start-up (compiling the WebAssembly module, once per process): %v", time.Since(t0))
	for _, lead := range []bool{false, true} {
		plan := Plan(info, lead)
		b.Run(fmt.Sprintf("renditions=%d", len(plan)), func(b *testing.B) {
			for b.Loop() {
				if _, err := Process(src, info, plan); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEnsure1000 generates 1,000 photo-like JPEGs of 3–6 MP (run
// with -photobench; -photobench.n to change the count) and times a first
// build of their renditions and a second, cached one.
func BenchmarkEnsure1000(b *testing.B) {
	if !*benchPhotos {
		b.Skip("set -photobench to run")
	}
	dir := *benchDir
	if dir == "" {
		dir = b.TempDir()
	}
	os.MkdirAll(dir, 0o755)
	n := *benchN
	paths := make([]string, n)
	t0 := time.Now()
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				paths[i] = filepath.Join(dir, fmt.Sprintf("photo-%04d.jpg", i))
				if _, err := os.Stat(paths[i]); err == nil {
					continue
				}
				rng := rand.New(rand.NewPCG(uint64(i), 7))
				w := 2100 + rng.IntN(900) // 2100–3000 wide, 3:2: 2.9–6 MP
				h := w * 2 / 3
				o := []int{1, 1, 1, 6, 8, 3}[rng.IntN(6)]
				data := withMetadata(b, encodeJPEG(b, photoLike(w, h, uint64(i)), 88), o, binary.LittleEndian)
				if err := os.WriteFile(paths[i], data, 0o644); err != nil {
					b.Error(err)
				}
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	b.Logf("sources ready in %v", time.Since(t0))

	cacheDir := b.TempDir()
	probe := func() ([]Job, int64) {
		var jobs []Job
		var total int64
		for i, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			total += int64(len(data))
			info, err := Probe(p, data)
			if err != nil {
				b.Fatal(err)
			}
			jobs = append(jobs, FileJob(p, info, Plan(info, i%3 == 0)))
		}
		return jobs, total
	}
	for b.Loop() {
		t0 = time.Now()
		webp.Init()
		b.Logf("WebP encoder start-up: %v", time.Since(t0))
		for run := 1; run <= 2; run++ {
			t0 := time.Now()
			jobs, total := probe()
			tp := time.Since(t0)
			c := &Cache{Dir: cacheDir}
			for i, err := range c.Ensure(jobs) {
				if err != nil {
					b.Fatalf("job %d: %v", i, err)
				}
			}
			d := time.Since(t0)
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			per := ""
			if c.Decodes() > 0 {
				per = fmt.Sprintf(", %.0f core-ms a decoded photo", float64(d.Milliseconds())*float64(runtime.GOMAXPROCS(0))/float64(c.Decodes()))
			}
			b.Logf("run %d: %d photos (%d MB) on %d cores: %v (probe %v), %d decoded, %d files written%s; heap in use %d MB, from the OS %d MB",
				run, n, total>>20, runtime.GOMAXPROCS(0), d.Round(time.Millisecond), tp.Round(time.Millisecond), c.Decodes(), c.Written(),
				per, ms.HeapInuse>>20, ms.Sys>>20)
		}
	}
}
