package build

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// heapHeadroom is how much memory past what is live a one-shot build
// lets its heap take before the collector runs. Go's default lets the
// heap grow by what is live, and gives the memory it frees back to the
// system slowly: at 50,000 articles, 140 MB live made a 400 MB peak. A
// fixed margin trades time for memory once more than it is live: at
// 50,000 articles a peak of about 300 MB instead of 400 MB for 3-6% more
// time, at 100,000 455 MB instead of 736 MB for a fifth more.
const heapHeadroom = 128 << 20

// limitFor is the memory limit with live bytes live: live plus the
// headroom, less what is live past the headroom, but never less than
// three quarters of it. Past 128 MB live the margin decides the peak: at
// 50,000 articles, 160 MB live and the whole margin peaked at 297-309 MB
// once load got faster, and 278 MB with 96 MB, in the same time; at
// 100,000, 445 MB became 410 MB for 9% more time (half the margin took
// 40% more). A build of 10,000 articles, 60 MB live, keeps the whole
// margin and its speed.
func limitFor(live int64) int64 {
	return live + max(heapHeadroom*3/4, heapHeadroom-max(0, live-heapHeadroom))
}

// heapGrowth is the collector's pace in one-shot builds, the GOGC they
// set: below the headroom the heap may grow by four times what is live.
// At 10,000 articles, Go's 100 collected every 50 MB, 7% of the
// processor time; 400 takes 8% off the build's time for a peak of 180 MB
// instead of 120 MB, and a 1,000-article build peaks at 80 MB instead of
// 55 MB. With no pace at all the smallest builds would take the whole
// headroom too.
const heapGrowth = 400

// bound is the memory limit kept while one-shot builds run.
var bound struct {
	sync.Mutex
	builds  int   // running
	gen     int   // of the watch kept for them
	old     int64 // the limit before the first of them
	percent int   // GOGC before the first of them
	paced   bool  // whether the builds set GOGC
}

// boundHeap keeps the runtime's memory limit at limitFor what the last
// collection found live while a one-shot build runs, until stop is
// called, and sets the collector's pace, GOGC, to heapGrowth. A
// GOMEMLIMIT of the user's leaves both as they are (GOMEMLIMIT=off for
// Go's default), and a GOGC of theirs the pace. The limit follows the
// live heap after every collection, so it never holds a build below what
// it needs: the collector is only asked to run sooner. Builds at once
// share one limit.
func boundHeap() (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" { // empty is unset, as the runtime reads it
		return func() {}
	}
	bound.Lock()
	defer bound.Unlock()
	if bound.builds++; bound.builds == 1 {
		bound.old = debug.SetMemoryLimit(limitFor(liveHeap()))
		if os.Getenv("GOGC") == "" {
			bound.percent, bound.paced = debug.SetGCPercent(heapGrowth), true
		}
		bound.gen++
		watchHeap(bound.gen)
	}
	return func() {
		bound.Lock()
		defer bound.Unlock()
		if bound.builds--; bound.builds == 0 {
			if bound.paced {
				debug.SetGCPercent(bound.percent)
				bound.paced = false
			}
			debug.SetMemoryLimit(bound.old)
		}
	}
}

// liveHeap is what the last collection found live.
func liveHeap() int64 {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	return int64(live[0].Value.Uint64())
}

// watchHeap sets the limit after the next collection, and watches again,
// until the builds of generation gen are done.
func watchHeap(gen int) {
	// A cleanup runs after the collection that finds its object gone.
	runtime.AddCleanup(new(collection), func(int) {
		bound.Lock()
		defer bound.Unlock()
		if bound.builds == 0 || bound.gen != gen {
			return
		}
		debug.SetMemoryLimit(limitFor(liveHeap()))
		watchHeap(gen)
	}, gen)
}

// collection is an object made to be collected: large enough not to
// share its block with others, as the smallest objects do.
type collection struct{ _ [32]byte }
