package serve

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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

// TestPausedDownloadHoldsNoCommit: a download the browser pauses, as a
// paused video does, holds no rebuild back: the commit lock is taken
// while the file streams, and other pages are served meanwhile.
func TestPausedDownloadHoldsNoCommit(t *testing.T) {
	s, ts, out := newSite(t)
	if err := os.WriteFile(filepath.Join(out, "clip.bin"), make([]byte, 32<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(ts.URL + "/briefings/clip.bin")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if _, err := io.ReadFull(resp.Body, make([]byte, 1024)); err != nil {
		t.Fatal(err)
	}
	// The client reads no more: the server is blocked writing the rest.
	locked := make(chan bool)
	go func() {
		s.Commits().Lock()
		locked <- true
		s.Commits().Unlock()
	}()
	select {
	case <-locked:
	case <-time.After(5 * time.Second):
		t.Fatal("a paused download holds the commit lock")
	}
	if r, body := get(t, ts, "/briefings/en/"); r.StatusCode != http.StatusOK || !strings.Contains(body, "ICRC closes") {
		t.Errorf("beside a paused download: %d", r.StatusCode)
	}
}
