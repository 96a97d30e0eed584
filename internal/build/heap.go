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
// heap grow to twice what is live, and the memory the collector frees is
// given back to the system slowly: at 50,000 articles, 140 MB live made a
// 400 MB peak. A fixed margin costs nothing while less than it is live
// (a 10,000-article build never reaches it), and past it trades time for
// memory: at 50,000 articles a peak of 290 MB instead of 400 MB for 3-6%
// more time, at 100,000 455 MB instead of 736 MB for a fifth more.
const heapHeadroom = 128 << 20

// bound is the memory limit kept while one-shot builds run.
var bound struct {
	sync.Mutex
	builds int   // running
	gen    int   // of the watch kept for them
	old    int64 // the limit before the first of them
}

// boundHeap keeps the runtime's memory limit at what the last collection
// found live plus heapHeadroom while a one-shot build runs, until stop is
// called; a GOMEMLIMIT of the user's is left as it is (GOMEMLIMIT=off for
// Go's default). The limit follows the live heap after every collection,
// so it never holds a build below what it needs: the collector is only
// asked to run sooner. Builds at once share one limit.
func boundHeap() (stop func()) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return func() {}
	}
	bound.Lock()
	defer bound.Unlock()
	if bound.builds++; bound.builds == 1 {
		bound.old = debug.SetMemoryLimit(-1)
		bound.gen++
		watchHeap(bound.gen)
	}
	return func() {
		bound.Lock()
		defer bound.Unlock()
		if bound.builds--; bound.builds == 0 {
			debug.SetMemoryLimit(bound.old)
		}
	}
}

// watchHeap sets the limit after the next collection, and watches again,
// until the builds of generation gen are done.
func watchHeap(gen int) {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	// A cleanup runs after the collection that finds its object gone.
	runtime.AddCleanup(new(collection), func(int) {
		bound.Lock()
		defer bound.Unlock()
		if bound.builds == 0 || bound.gen != gen {
			return
		}
		metrics.Read(live)
		debug.SetMemoryLimit(int64(live[0].Value.Uint64()) + heapHeadroom)
		watchHeap(gen)
	}, gen)
}

// collection is an object made to be collected: large enough not to
// share its block with others, as the smallest objects do.
type collection struct{ _ [32]byte }
