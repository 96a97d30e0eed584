package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefings/internal/build"
	tp "briefings/internal/testproject"
)

const project = `
-- content/site.yaml --
base_url: https://example.github.io/briefings/
default_language: en
languages:
  en: {name: English, title: Briefings}
  ru: {name: Русский, title: Брифинги}
-- content/countries.yaml --
AZ: {en: Azerbaijan, ru: Азербайджан}
-- content/en/2025/closure.md --
---
title: ICRC closes its delegation
date: 2025-09-03
countries: [AZ]
---
The delegation closes.
`

// built builds the test project and returns a server of its output
// folder, told the site's path.
func built(t *testing.T) (*Server, string) {
	t.Helper()
	root := tp.New(t, project)
	out := filepath.Join(root, "public")
	rep, err := build.Build(build.Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	s := New(out)
	s.Built(rep.BasePath, false)
	return s, out
}

func newSite(t *testing.T) (*Server, *httptest.Server, string) {
	t.Helper()
	s, out := built(t)
	ts := httptest.NewServer(s)
	t.Cleanup(func() { s.Stop(); ts.Close() })
	return s, ts, out
}

func get(t *testing.T, ts *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestServePages(t *testing.T) {
	_, ts, out := newSite(t)
	cases := []struct {
		path, status, location, ctype, body string
	}{
		{"/", "302", "/briefings/", "", ""},
		{"/briefings", "302", "/briefings/", "", ""},
		{"/briefings/", "200", "", "text/html; charset=utf-8", `<script src="/briefings/__briefings/live.js" defer></script></body>`},
		{"/briefings/en/", "200", "", "text/html; charset=utf-8", "ICRC closes its delegation"},
		{"/briefings/en", "301", "/briefings/en/", "", ""},
		{"/briefings/en/search?q=%D0%BC%D0%BA%D0%BA%D0%BA+baku", "301", "/briefings/en/search/?q=%D0%BC%D0%BA%D0%BA%D0%BA+baku", "", ""},
		{"/briefings/en/feed.xml", "200", "", "application/xml", "<rss"},
		{"/briefings/style.css", "200", "", "text/css; charset=utf-8", "prefers-color-scheme"},
		{"/briefings/en/2025/09/no-such-article/", "404", "", "text/html; charset=utf-8", "Page not found"},
		{"/other/", "404", "", "text/html; charset=utf-8", "Page not found"},
		{"/briefings/__briefings/live.js", "200", "", "text/javascript; charset=utf-8", "EventSource"},
	}
	for _, c := range cases {
		resp, body := get(t, ts, c.path)
		if got := fmt.Sprint(resp.StatusCode); got != c.status || resp.Header.Get("Location") != c.location ||
			(c.ctype != "" && resp.Header.Get("Content-Type") != c.ctype) || !strings.Contains(body, c.body) {
			t.Errorf("GET %s: %s %q %q, body has %q: %v", c.path, got, resp.Header.Get("Location"),
				resp.Header.Get("Content-Type"), c.body, strings.Contains(body, c.body))
		}
	}
	if _, body := get(t, ts, "/briefings/style.css"); strings.Contains(body, "live.js") {
		t.Errorf("the script was added to a stylesheet")
	}
	// The built files never hold the script: it is added as pages are served.
	for p := range tp.Tree(t, out) {
		if strings.Contains(tp.Read(t, filepath.Join(out, p)), "__briefings") {
			t.Errorf("built file %s holds the live-reload script", p)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/briefings/", nil)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %v %v", resp.StatusCode, err)
	}
}

// TestServeStaysInside sends requests that try to climb out of the site,
// raw, so that no client cleans them first.
func TestServeStaysInside(t *testing.T) {
	_, ts, out := newSite(t)
	secret := filepath.Join(filepath.Dir(out), "secret.txt")
	tp.Write(t, secret, "TOP SECRET")
	if err := os.Symlink(secret, filepath.Join(out, "link.txt")); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		"/briefings/../secret.txt",
		"/briefings/%2e%2e/secret.txt",
		"/briefings/%2E%2E%2Fsecret.txt",
		"/briefings/..%2fsecret.txt",
		"/briefings/..%5csecret.txt",
		"/briefings/en/../../secret.txt",
		"/briefings//secret.txt",
		"/briefings/" + filepath.ToSlash(secret),
		"/briefings/%00",
		"/briefings/en/%00/../../secret.txt",
		"/briefings/link.txt",
	} {
		status, body := raw(t, ts, p)
		if status != "404" || strings.Contains(body, "TOP SECRET") {
			t.Errorf("GET %s: %s, leaked: %v", p, status, strings.Contains(body, "TOP SECRET"))
		}
	}
}

func raw(t *testing.T, ts *httptest.Server, path string) (string, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", path)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	body, _ := io.ReadAll(resp.Body)
	return fmt.Sprint(resp.StatusCode), string(body)
}

// stream opens the live-reload stream and returns its events as they come.
func stream(t *testing.T, site string) (<-chan string, *http.Response) {
	t.Helper()
	resp, err := http.Get(site + "/briefings/__briefings/events")
	if err != nil {
		t.Fatal(err)
	}
	events := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev string
		for sc.Scan() {
			switch line := sc.Text(); {
			case strings.HasPrefix(line, "event: "):
				ev = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				events <- ev + " " + strings.TrimPrefix(line, "data: ")
			}
		}
		close(events)
	}()
	return events, resp
}

func next(t *testing.T, events <-chan string) string {
	t.Helper()
	select {
	case ev := <-events:
		return ev
	case <-time.After(5 * time.Second):
		t.Fatal("no event")
		return ""
	}
}

func TestReloadStream(t *testing.T) {
	s, ts, _ := newSite(t)
	events, resp := stream(t, ts.URL)
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("content type %q", resp.Header.Get("Content-Type"))
	}
	waitClients(t, s, 1)
	s.Built("/briefings/", true)
	if ev := next(t, events); ev != "reload {}" {
		t.Errorf("after a build: %q", ev)
	}
	s.Failed("/briefings/", []string{`content/en/a.md:3: date "x" is not a date`})
	if ev := next(t, events); ev != `problems ["content/en/a.md:3: date \"x\" is not a date"]` {
		t.Errorf("after a failed build: %q", ev)
	}
	// A page opened while the build is broken is told at once.
	late, _ := stream(t, ts.URL)
	if ev := next(t, late); !strings.HasPrefix(ev, "problems ") {
		t.Errorf("a late page: %q", ev)
	}
	// The fix reloads the pages, even if it wrote nothing new.
	s.Built("/briefings/", false)
	if next(t, events) != "reload {}" || next(t, late) != "reload {}" {
		t.Errorf("the fix did not reload the pages")
	}
	// A good build that changed nothing does not reload.
	s.Built("/briefings/", false)
	s.Failed("", []string{"x"})
	if ev := next(t, events); !strings.HasPrefix(ev, "problems") {
		t.Errorf("an unchanged build sent %q", ev)
	}
}

func TestReloadStreamBounded(t *testing.T) {
	s, ts, _ := newSite(t)
	for range MaxClients {
		stream(t, ts.URL)
	}
	waitClients(t, s, MaxClients)
	resp, err := http.Get(ts.URL + "/briefings/__briefings/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("connection %d: %d, want 503", MaxClients+1, resp.StatusCode)
	}
	if _, body := get(t, ts, "/briefings/en/"); !strings.Contains(body, "ICRC") {
		t.Errorf("pages are not served while the streams are full")
	}
}

func waitClients(t *testing.T, s *Server, n int) {
	t.Helper()
	tp.Eventually(t, fmt.Sprintf("%d reload streams", n), func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		return len(s.clients) == n
	})
}

// TestServeEscapedPaths serves a site whose path is not ASCII, and folders
// whose names need escaping in a redirect.
func TestServeEscapedPaths(t *testing.T) {
	_, ts, out := newSite(t)
	s := New(out)
	s.Built("/%D0%B1%D1%80%D0%B8%D1%84%D0%B8%D0%BD%D0%B3%D0%B8/", false) // /брифинги/
	ts.Config.Handler = s
	if resp, body := get(t, ts, "/брифинги/en/"); resp.StatusCode != 200 || !strings.Contains(body, "ICRC") {
		t.Errorf("a page under a non-ASCII path: %d", resp.StatusCode)
	}
	if resp, _ := get(t, ts, "/"); resp.Header.Get("Location") != "/%D0%B1%D1%80%D0%B8%D1%84%D0%B8%D0%BD%D0%B3%D0%B8/" {
		t.Errorf("/ redirects to %q", resp.Header.Get("Location"))
	}
	tp.Write(t, filepath.Join(out, "docs#1", "index.html"), "<p>x</p>")
	if resp, _ := get(t, ts, "/брифинги/docs%231"); resp.Header.Get("Location") != "/%D0%B1%D1%80%D0%B8%D1%84%D0%B8%D0%BD%D0%B3%D0%B8/docs%231/" {
		t.Errorf("folder redirect to %q", resp.Header.Get("Location"))
	}
}

// TestServeBeforeAGoodBuild: a failed first build still tells the path.
func TestServeBeforeAGoodBuild(t *testing.T) {
	s := New(t.TempDir())
	s.Failed("/briefings/", []string{"content/site.yaml:1: broken"})
	if s.Base() != "/briefings/" {
		t.Errorf("base %q", s.Base())
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	if resp, body := get(t, ts, "/briefings/en/"); resp.StatusCode != 404 || !strings.Contains(body, "not been built yet") ||
		!strings.Contains(body, "live.js") {
		t.Errorf("before any good build: %d %q", resp.StatusCode, body)
	}
}

// TestSiteFolderNamedLikeThePreviews serves a site that has files where
// the preview keeps its own: the site's are served as built, and the
// reload script and its events move to a folder the site has not.
func TestSiteFolderNamedLikeThePreviews(t *testing.T) {
	s, ts, out := newSite(t)
	for _, dir := range []string{"__briefings", "__briefings-2"} {
		if err := os.MkdirAll(filepath.Join(out, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		tp.Write(t, filepath.Join(out, dir, "live.js"), "// the site's own "+dir)
		tp.Write(t, filepath.Join(out, dir, "events"), "the site's events "+dir)
	}
	for _, dir := range []string{"__briefings", "__briefings-2"} {
		if _, body := get(t, ts, "/briefings/"+dir+"/live.js"); body != "// the site's own "+dir {
			t.Errorf("%s/live.js is not the site's: %q", dir, body)
		}
		// A client that gives up: the preview's events never end.
		c := &http.Client{Timeout: 5 * time.Second}
		resp, err := c.Get(ts.URL + "/briefings/" + dir + "/events")
		if err != nil {
			t.Errorf("%s/events: %v", dir, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(body) != "the site's events "+dir {
			t.Errorf("%s/events is not the site's: %q", dir, body)
		}
	}
	_, page := get(t, ts, "/briefings/en/")
	if !strings.Contains(page, `<script src="/briefings/__briefings-3/live.js" defer></script></body>`) {
		t.Errorf("the page does not load the script from a folder the site has not:\n%s", page)
	}
	if resp, body := get(t, ts, "/briefings/__briefings-3/live.js"); resp.StatusCode != 200 || !strings.Contains(body, "EventSource") {
		t.Errorf("__briefings-3/live.js: %d %q", resp.StatusCode, body)
	}
	resp, err := http.Get(ts.URL + "/briefings/__briefings-3/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || !strings.HasPrefix(ct, "text/event-stream") {
		t.Errorf("__briefings-3/events: %d %s", resp.StatusCode, ct)
	}
	s.Stop()
}
