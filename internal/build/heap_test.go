package build

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// While a one-shot build runs, the memory limit follows what is live plus
// the headroom, and the collector keeps the build's pace; afterwards both
// are what they were.
func TestHeapBoundFollowsWhatIsLive(t *testing.T) {
	if os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOMEMLIMIT is set, and boundHeap leaves it")
	}
	userPace := os.Getenv("GOGC") != ""
	before, pace := debug.SetMemoryLimit(-1), gcPercent()
	stop := boundHeap()
	if p := gcPercent(); !userPace && p != heapGrowth {
		t.Errorf("during the build GOGC is %d, want %d", p, heapGrowth)
	}
	const held = 64 << 20
	live := make([]byte, held)
	limit := limitOnceCollected(func(l int64) bool { return l >= held+heapHeadroom })
	if limit < held+heapHeadroom || limit > held+heapHeadroom+64<<20 {
		t.Errorf("with %d MB live the limit is %d MB, want %d MB and a little more", held>>20, limit>>20, (held+heapHeadroom)>>20)
	}
	runtime.KeepAlive(live)
	stop()
	if after := debug.SetMemoryLimit(-1); after != before {
		t.Errorf("after the build the limit is %d, was %d", after, before)
	}
	if p := gcPercent(); p != pace {
		t.Errorf("after the build GOGC is %d, was %d", p, pace)
	}
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if after := debug.SetMemoryLimit(-1); after != before {
		t.Errorf("a collection after the build set the limit to %d, was %d", after, before)
	}
}

// Two builds at once share the limit, and the one that ends last puts
// back what was there before either.
func TestHeapBoundOfBuildsAtOnce(t *testing.T) {
	if os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOMEMLIMIT is set, and boundHeap leaves it")
	}
	before, pace := debug.SetMemoryLimit(-1), gcPercent()
	first := boundHeap()
	second := boundHeap()
	first()
	if limit := limitOnceCollected(func(l int64) bool { return l != before }); limit == before {
		t.Error("the limit was lifted while a build still ran")
	}
	if p := gcPercent(); os.Getenv("GOGC") == "" && p != heapGrowth {
		t.Errorf("while a build still runs GOGC is %d, want %d", p, heapGrowth)
	}
	second()
	if after := debug.SetMemoryLimit(-1); after != before {
		t.Errorf("after both builds the limit is %d, was %d", after, before)
	}
	if p := gcPercent(); p != pace {
		t.Errorf("after both builds GOGC is %d, was %d", p, pace)
	}
}

// limitOnceCollected collects until the memory limit is what want says,
// or five seconds have passed, and returns the limit: the limit is set
// after a collection, by a cleanup that runs when it can.
func limitOnceCollected(want func(int64) bool) int64 {
	var limit int64
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		runtime.GC()
		if limit = debug.SetMemoryLimit(-1); want(limit) {
			break
		}
	}
	return limit
}

// gcPercent is the collector's pace, GOGC, left as it is.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// The limit keeps the whole headroom while what is live is small, gives
// up what is live past it, down to three quarters, and never falls as
// more is live.
func TestLimitForLive(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct{ live, want int64 }{
		{0, heapHeadroom}, {60 * mb, 60*mb + heapHeadroom}, {heapHeadroom, 2 * heapHeadroom},
		{160 * mb, 160*mb + heapHeadroom - (160*mb - heapHeadroom)}, {1 << 30, 1<<30 + heapHeadroom*3/4},
	} {
		if got := limitFor(c.live); got != c.want {
			t.Errorf("limitFor(%d MB) = %d MB, want %d MB", c.live/mb, got/mb, c.want/mb)
		}
	}
	for live := int64(0); live < 1<<30; live += mb {
		if limitFor(live+mb) < limitFor(live) {
			t.Fatalf("the limit falls from %d MB live to %d MB", live/mb, live/mb+1)
		}
	}
}
