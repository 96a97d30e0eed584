// Package par runs independent pieces of a build on every core.
package par

import (
	"runtime"
	"sync"
)

// Each calls f(i) for every i in [0, n), on as many goroutines as there are
// cores, and returns when all calls have. f must be safe to run concurrently;
// results go in slots indexed by i, so the order of a build's output never
// depends on scheduling.
func Each(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
