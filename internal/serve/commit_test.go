package serve

import (
	"net/http"
	"testing"
	"time"
)

// TestReadsWaitForCommit: while a build holds the commit lock, putting
// its files in place, no file is read; the request is served once the
// commit is done, from the new site.
func TestReadsWaitForCommit(t *testing.T) {
	s, ts, _ := newSite(t)
	s.Commits().Lock()
	served := make(chan int, 1)
	go func() {
		resp, err := http.Get(ts.URL + "/briefings/en/")
		if err != nil {
			served <- 0
			return
		}
		resp.Body.Close()
		served <- resp.StatusCode
	}()
	select {
	case code := <-served:
		t.Fatalf("a page was served (%d) during a commit", code)
	case <-time.After(200 * time.Millisecond):
	}
	s.Commits().Unlock()
	select {
	case code := <-served:
		if code != http.StatusOK {
			t.Errorf("after the commit: %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the request was not served after the commit")
	}
}
