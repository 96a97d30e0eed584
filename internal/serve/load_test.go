package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A load test's size: clients at once, and requests in all.
const (
	loadClients  = 200
	loadRequests = 20_000
)

// loadCase is one kind of request and what its answer must be.
type loadCase struct {
	path, status, ctype, has string
}

var loadCases = []loadCase{
	{"/briefings/en/", "200", "text/html; charset=utf-8", `<script src="/briefings/__briefings/live.js" defer></script></body>`},
	{"/briefings/ru/", "200", "text/html; charset=utf-8", `lang="ru"`},
	{"/briefings/en/2025/09/icrc-closes-its-delegation/", "200", "text/html; charset=utf-8", "The delegation closes."},
	{"/briefings/en/feed.xml", "200", "application/xml", "<title>ICRC closes its delegation</title>"},
	{"/briefings/sitemap.xml", "200", "application/xml", "<urlset"},
	{"/briefings/style.css", "200", "text/css; charset=utf-8", "prefers-color-scheme"},
	{"/briefings/favicon.svg", "200", "image/svg+xml", "<svg"},
	{"/briefings/no-such-page/", "404", "text/html; charset=utf-8", "Page not found"},
	{"/briefings/en", "301", "", ""},
	{"/briefings/__briefings/events", "", "", ""}, // a page's reload stream
}

// loadStats are a load test's counts, updated by its clients.
type loadStats struct {
	done, refused, streamed atomic.Int64
	mu                      sync.Mutex
	errors                  []string
}

func (st *loadStats) fail(format string, args ...any) {
	st.mu.Lock()
	st.errors = append(st.errors, fmt.Sprintf(format, args...))
	st.mu.Unlock()
}

// TestUnderLoad serves a built site with the real server to 200 clients
// at once, making 20,000 requests for pages, feeds, stylesheets, missing
// pages and reload streams. The streams are full for the first half, so
// that pages beyond the bound are refused, and free for the second.
func TestUnderLoad(t *testing.T) {
	s, addr, _ := start(t)
	site := "http://" + addr
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	client := &http.Client{
		Transport:     &http.Transport{MaxIdleConnsPerHost: loadClients, DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	defer client.CloseIdleConnections()

	holders := fill(t, ctx, client, site)
	var release sync.Once
	free := func() {
		for _, h := range holders {
			h.Body.Close()
		}
	}
	defer release.Do(free)
	go reloadEvery(ctx, s, 10*time.Millisecond)

	st := &loadStats{}
	var next atomic.Int64
	var wg sync.WaitGroup
	began := time.Now()
	for range loadClients {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < loadRequests && ctx.Err() == nil; i = next.Add(1) - 1 {
				loadOne(ctx, client, site, loadCases[i%int64(len(loadCases))], st)
				if st.done.Add(1) == loadRequests/2 {
					release.Do(free)
				}
			}
		})
	}
	wg.Wait()
	took := time.Since(began)
	s.mu.Lock()
	peak := s.peak
	s.mu.Unlock()
	t.Logf("%d requests by %d clients in %s: %d errors; reload streams: %d served, %d refused, at most %d open (bound %d)",
		st.done.Load(), loadClients, took.Round(time.Millisecond), len(st.errors), st.streamed.Load(), st.refused.Load(), peak, MaxClients)
	if ctx.Err() != nil {
		t.Fatalf("the load test ran out of time after %d requests", st.done.Load())
	}
	for i, e := range st.errors {
		if i == 10 {
			t.Errorf("and %d more errors", len(st.errors)-i)
			break
		}
		t.Error(e)
	}
	if st.done.Load() != loadRequests || peak != MaxClients || st.refused.Load() == 0 || st.streamed.Load() == 0 {
		t.Errorf("%d requests made, %d streams at most (bound %d), %d refused, %d served",
			st.done.Load(), peak, MaxClients, st.refused.Load(), st.streamed.Load())
	}
	waitClients(t, s, 0)
	for _, h := range fill(t, ctx, client, site) {
		h.Body.Close()
	}
}

// fill opens MaxClients reload streams and checks that one more is refused.
func fill(t *testing.T, ctx context.Context, client *http.Client, site string) []*http.Response {
	t.Helper()
	var open []*http.Response
	for range MaxClients {
		resp, err := getCtx(ctx, client, site+"/briefings/__briefings/events")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("reload stream %d: %v %v", len(open)+1, resp, err)
		}
		open = append(open, resp)
	}
	resp, err := getCtx(ctx, client, site+"/briefings/__briefings/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("reload stream %d: %d, want 503", MaxClients+1, resp.StatusCode)
	}
	if body, _ := io.ReadAll(resp.Body); !strings.Contains(string(body), "too many open pages") {
		t.Fatalf("reload stream %d refused with %q", MaxClients+1, body)
	}
	return open
}

func getCtx(ctx context.Context, client *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// reloadEvery tells the open pages to reload, as a build does, until ctx is done.
func reloadEvery(ctx context.Context, s *Server, d time.Duration) {
	tick := time.NewTicker(d)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			s.Built("/briefings/", true)
		}
	}
}

// loadOne makes one request and checks its answer.
func loadOne(ctx context.Context, client *http.Client, site string, c loadCase, st *loadStats) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	resp, err := getCtx(ctx, client, site+c.path)
	if err != nil {
		st.fail("GET %s: %v", c.path, err)
		return
	}
	defer resp.Body.Close()
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		st.fail("GET %s: no nosniff", c.path)
	}
	if strings.HasSuffix(c.path, "/events") {
		loadStream(resp, st)
		return
	}
	body, err := io.ReadAll(resp.Body)
	switch {
	case err != nil:
		st.fail("GET %s: reading: %v", c.path, err)
	case fmt.Sprint(resp.StatusCode) != c.status || resp.Header.Get("Content-Type") != c.ctype && c.ctype != "":
		st.fail("GET %s: %d %q", c.path, resp.StatusCode, resp.Header.Get("Content-Type"))
	case !strings.Contains(string(body), c.has):
		st.fail("GET %s: the body lacks %q", c.path, c.has)
	case c.status == "301" && resp.Header.Get("Location") != c.path+"/":
		st.fail("GET %s: redirected to %q", c.path, resp.Header.Get("Location"))
	}
}

// loadStream reads a reload stream until its first reload, or checks that
// it was refused as too many.
func loadStream(resp *http.Response, st *loadStats) {
	if resp.StatusCode == http.StatusServiceUnavailable {
		body, _ := io.ReadAll(resp.Body)
		if !strings.Contains(string(body), "too many open pages") {
			st.fail("a refused stream says %q", body)
		}
		st.refused.Add(1)
		return
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		st.fail("a reload stream: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
		return
	}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if sc.Text() == "event: reload" {
			st.streamed.Add(1)
			return
		}
	}
	st.fail("a reload stream ended without a reload: %v", sc.Err())
}
