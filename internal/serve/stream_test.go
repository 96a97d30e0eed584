package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tp "briefings/internal/testproject"
)

// bigFile makes a sparse file of size bytes in the output folder: it
// reads as zeros and takes no room on disk.
func bigFile(t *testing.T, out, name string, size int64) {
	t.Helper()
	f, err := os.Create(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func fetch(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// TestRangesAndValidators: a part of a file is served as asked, and a
// browser that has a file gets 304 by its ETag or its date.
func TestRangesAndValidators(t *testing.T) {
	_, addr, out := start(t)
	tp.Write(t, filepath.Join(out, "data.txt"), "0123456789")
	base := "http://" + addr + "/briefings/"
	resp, body := fetch(t, base+"data.txt", "Range", "bytes=2-4")
	if resp.StatusCode != http.StatusPartialContent || body != "234" || resp.Header.Get("Content-Range") != "bytes 2-4/10" {
		t.Errorf("range: %d %q %q", resp.StatusCode, body, resp.Header.Get("Content-Range"))
	}
	for _, path := range []string{"data.txt", "en/"} {
		resp, _ = fetch(t, base+path)
		tag, mod := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
		if tag == "" || mod == "" {
			t.Fatalf("%s: ETag %q, Last-Modified %q", path, tag, mod)
		}
		if resp, _ := fetch(t, base+path, "If-None-Match", tag); resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s by ETag: %d", path, resp.StatusCode)
		}
		if resp, _ := fetch(t, base+path, "If-Modified-Since", mod); resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s by date: %d", path, resp.StatusCode)
		}
	}
	_, page := fetch(t, base+"en/")
	resp, body = fetch(t, base+"en/", "Range", "bytes=0-14")
	if resp.StatusCode != http.StatusPartialContent || body != page[:15] {
		t.Errorf("a range of a page: %d %q", resp.StatusCode, body)
	}
}

// TestReloadScriptOnlyInPages: the script goes into HTML pages, and into
// nothing else that holds </body>.
func TestReloadScriptOnlyInPages(t *testing.T) {
	_, addr, out := start(t)
	for _, name := range []string{"note.txt", "data.json", "feed.xml", "site.webmanifest"} {
		tp.Write(t, filepath.Join(out, name), "<body>x</body>")
	}
	base := "http://" + addr + "/briefings/"
	for _, name := range []string{"note.txt", "data.json", "feed.xml", "site.webmanifest"} {
		if _, body := fetch(t, base+name); body != "<body>x</body>" {
			t.Errorf("%s changed: %q", name, body)
		}
	}
	if resp, _ := fetch(t, base+"site.webmanifest"); resp.Header.Get("Content-Type") != "application/manifest+json" {
		t.Errorf("webmanifest: %q", resp.Header.Get("Content-Type"))
	}
	if _, body := fetch(t, base+"en/"); !strings.Contains(body, "__briefings/live.js") {
		t.Errorf("a page without the reload script")
	}
}

// TestLargeFilesBoundedMemory: many clients reading a file far larger
// than the memory the server may use get it whole, and the server's heap
// does not grow with it.
func TestLargeFilesBoundedMemory(t *testing.T) {
	_, addr, out := start(t)
	const size = 128 << 20
	bigFile(t, out, "big.bin", size)
	runtime.GC()
	var before, peak runtime.MemStats
	runtime.ReadMemStats(&before)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			resp, err := http.Get("http://" + addr + "/briefings/big.bin")
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			if n, _ := io.Copy(io.Discard, resp.Body); n != size {
				t.Errorf("got %d bytes of %d", n, size)
			}
		})
	}
	wg.Wait()
	runtime.ReadMemStats(&peak)
	grew := int64(peak.HeapSys) - int64(before.HeapSys)
	if grew > 32<<20 {
		t.Errorf("the heap grew by %d MB serving a %d MB file 4 times at once", grew>>20, size>>20)
	}
	t.Logf("the heap grew by %d KB serving a %d MB file 4 times at once", grew>>10, size>>20)
}

// TestShutdownCutsSlowDownloads: Ctrl-C stops accepting at once, gives a
// slow download shutdownGrace, then cuts it, and that is no error.
func TestShutdownCutsSlowDownloads(t *testing.T) {
	shorten(t, &shutdownGrace, 200*time.Millisecond)
	s, out := built(t)
	bigFile(t, out, "big.bin", 1<<30)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /briefings/big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	if _, err := conn.Read(make([]byte, 1024)); err != nil { // the download has begun; read no more
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown with a download in flight: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("shutdown waits for the download")
	}
	if c, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		c.Close()
		t.Errorf("still accepting connections")
	}
}

// TestNoRedirectOffSite: a base path that would lead to another host is
// not taken, so / never redirects off the site.
func TestNoRedirectOffSite(t *testing.T) {
	s, addr, _ := start(t)
	for _, base := range []string{"//elsewhere.example/", "/\\elsewhere.example/", "https://elsewhere.example/", "///x/"} {
		s.Built(base, false)
		resp, _ := send(t, addr, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
		if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.Contains(loc, "\\") {
			t.Errorf("base %q: / redirects to %q", base, loc)
		}
	}
}
