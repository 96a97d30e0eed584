package serve

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefings/internal/build"
	tp "briefings/internal/testproject"
)

// start builds the test project and serves it with the real HTTP server on
// a loopback port; it returns the address.
func start(t *testing.T) (*Server, string, string) {
	t.Helper()
	s, out := built(t)
	return s, listen(t, s), out
}

// listen serves s on a loopback port until the test ends, and checks that
// it then shuts down cleanly.
func listen(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return ln.Addr().String()
}

// shorten sets one of the server's bounds for one test.
func shorten(t *testing.T, v *time.Duration, d time.Duration) {
	old := *v
	*v = d
	t.Cleanup(func() { *v = old })
}

// send writes a request as given, byte for byte, and reads the response.
func send(t *testing.T, addr, request string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%.80q: %v", request, err)
	}
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestDefaultAddrIsLoopback(t *testing.T) {
	if DefaultAddr != "127.0.0.1:1313" {
		t.Errorf("DefaultAddr = %q", DefaultAddr)
	}
	host, _, _ := net.SplitHostPort(DefaultAddr)
	ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if w := Warning(ln.Addr()); w != "" {
		t.Errorf("the default address is warned about: %s", w)
	}
}

func TestWarning(t *testing.T) {
	for _, c := range []struct {
		ip   string
		warn bool
	}{
		{"127.0.0.1", false}, {"127.0.1.1", false}, {"::1", false},
		{"0.0.0.0", true}, {"::", true}, {"192.168.1.20", true}, {"fe80::1", true},
	} {
		w := Warning(&net.TCPAddr{IP: net.ParseIP(c.ip), Port: 1313})
		if (w != "") != c.warn || strings.Contains(w, "\n") || (c.warn && !strings.Contains(w, "network")) {
			t.Errorf("%s: %q", c.ip, w)
		}
	}
}

// TestServeRefusesTraversal sends requests that try to climb out of the
// site or list a folder, raw, as no client that cleans paths would.
func TestServeRefusesTraversal(t *testing.T) {
	_, addr, out := start(t)
	outside := filepath.Join(filepath.Dir(out), "outside")
	secret := filepath.Join(outside, "secret.txt")
	tp.Write(t, secret, "TOP SECRET")
	tp.Write(t, filepath.Join(out, "empty", "listed.txt"), "in a folder without index.html")
	for link, to := range map[string]string{"link.txt": secret, "linkdir": outside, "inside.css": "style.css"} {
		if err := os.Symlink(to, filepath.Join(out, link)); err != nil {
			t.Fatal(err)
		}
	}
	abs := filepath.ToSlash(secret)
	cases := []struct{ name, target, status string }{
		{"control: a page", "/briefings/en/index.html", "200"},
		{"control: a link inside the site", "/briefings/inside.css", "200"},
		{"dot-dot", "/briefings/../outside/secret.txt", "404"},
		{"dot-dot deeper", "/briefings/en/../../outside/secret.txt", "404"},
		{"escaped dots", "/briefings/%2e%2e/outside/secret.txt", "404"},
		{"escaped dots and slash", "/briefings/%2E%2E%2Foutside%2Fsecret.txt", "404"},
		{"escaped slash", "/briefings/..%2foutside%2fsecret.txt", "404"},
		{"escaped slash to a file inside", "/briefings/en%2findex.html", "404"},
		{"escaped backslash", "/briefings/..%5coutside%5csecret.txt", "404"},
		{"escaped backslash, capitals", "/briefings/..%5Coutside%5Csecret.txt", "404"},
		{"backslash", `/briefings/..\outside\secret.txt`, "404"},
		{"double-escaped dots", "/briefings/%252e%252e/outside/secret.txt", "404"},
		{"double-escaped slash", "/briefings/..%252foutside%252fsecret.txt", "404"},
		{"absolute path", abs, "404"},
		{"absolute path under the base", "/briefings/" + abs, "404"},
		{"absolute URI", "http://127.0.0.1/briefings/../outside/secret.txt", "404"},
		{"escaped NUL", "/briefings/%00", "404"},
		{"escaped NUL then dot-dot", "/briefings/en/%00/../../outside/secret.txt", "404"},
		{"raw NUL", "/briefings/\x00", "400"},
		{"bad escape", "/briefings/%zz", "400"},
		{"no leading slash", "..%2foutside%2fsecret.txt", "400"},
		{"long name", "/briefings/" + strings.Repeat("a", 5000), "404"},
		{"deep path", "/briefings/" + strings.Repeat("a/", 3000), "404"},
		{"overlong request line", "/briefings/" + strings.Repeat("a", 64<<10), "431"},
		{"link to a file outside", "/briefings/link.txt", "404"},
		{"link to a folder outside", "/briefings/linkdir/secret.txt", "404"},
		{"listing a linked folder", "/briefings/linkdir/", "404"},
		{"listing a folder without index.html", "/briefings/empty/", "404"},
		{"a file as a folder", "/briefings/style.css/", "404"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := send(t, addr, "GET "+c.target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
			if got := fmt.Sprint(resp.StatusCode); got != c.status {
				t.Errorf("%s, want %s", got, c.status)
			}
			if strings.Contains(body, "TOP SECRET") || strings.Contains(body, "listed.txt") {
				t.Errorf("the body shows what is outside or a listing:\n%s", body)
			}
		})
	}
	resp, _ := send(t, addr, "GET /briefings/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "+strings.Repeat("b", 64<<10)+"\r\n\r\n")
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("an overlong header: %d", resp.StatusCode)
	}
}

// TestNotFoundPageStaysInside: the 404 page itself is read inside the site.
func TestNotFoundPageStaysInside(t *testing.T) {
	_, addr, out := start(t)
	secret := filepath.Join(filepath.Dir(out), "secret.html")
	tp.Write(t, secret, "TOP SECRET")
	if err := os.Remove(filepath.Join(out, "404.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(out, "404.html")); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/briefings/nothing/", "/elsewhere"} {
		resp, body := send(t, addr, "GET "+target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
		if resp.StatusCode != 404 || strings.Contains(body, "TOP SECRET") {
			t.Errorf("GET %s: %d %q", target, resp.StatusCode, body)
		}
	}
}

// dropped checks that the server closes conn without answering, well
// before the test's own deadline.
func dropped(t *testing.T, conn net.Conn) {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	got, err := io.ReadAll(conn)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("the server kept the connection open")
	}
	if len(got) > 0 && !strings.HasPrefix(string(got), "HTTP/1.1 408") {
		t.Errorf("the server answered: %q", got)
	}
}

func TestSlowClientsDropped(t *testing.T) {
	shorten(t, &readHeaderTimeout, 200*time.Millisecond)
	shorten(t, &idleTimeout, 200*time.Millisecond)
	_, addr, _ := start(t)
	dial := func() net.Conn {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		return conn
	}
	t.Run("a partial header, then nothing", func(t *testing.T) {
		conn := dial()
		io.WriteString(conn, "GET /briefings/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
		dropped(t, conn)
	})
	t.Run("a header a byte at a time", func(t *testing.T) {
		conn := dial()
		io.WriteString(conn, "GET /briefings/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
		go func() {
			for {
				time.Sleep(20 * time.Millisecond)
				if _, err := conn.Write([]byte("a")); err != nil {
					return
				}
			}
		}()
		dropped(t, conn)
	})
	t.Run("an idle connection", func(t *testing.T) {
		conn := dial()
		io.WriteString(conn, "GET /briefings/style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
		r := bufio.NewReader(conn)
		resp, err := http.ReadResponse(r, nil)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("the first request: %v %v", resp, err)
		}
		io.Copy(io.Discard, resp.Body)
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		if _, err := r.ReadByte(); errors.Is(err, os.ErrDeadlineExceeded) {
			t.Errorf("the idle connection stayed open")
		}
	})
}

// TestStreamOutlivesTimeouts: the server's read and write timeouts, meant
// for pages, do not end the reload stream.
func TestStreamOutlivesTimeouts(t *testing.T) {
	shorten(t, &readTimeout, 100*time.Millisecond)
	shorten(t, &writeTimeout, 100*time.Millisecond)
	s, addr, _ := start(t)
	events, _ := stream(t, "http://"+addr)
	waitClients(t, s, 1)
	time.Sleep(500 * time.Millisecond) // well past both timeouts
	s.Built("/briefings/", true)
	if ev := next(t, events); ev != "reload {}" {
		t.Errorf("after the timeouts: %q", ev)
	}
	if resp, body := send(t, addr, "GET /briefings/en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"); resp.StatusCode != 200 ||
		!strings.Contains(body, "ICRC") {
		t.Errorf("a page: %d", resp.StatusCode)
	}
}

// TestShutdownEndsStreams: Ctrl-C does not wait on open pages' streams.
func TestShutdownEndsStreams(t *testing.T) {
	root := tp.New(t, project)
	out := filepath.Join(root, "public")
	if _, err := build.Build(build.Options{Root: root}); err != nil {
		t.Fatal(err)
	}
	s := New(out)
	s.Built("/briefings/", false)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	var streams []<-chan string
	for range 3 {
		events, _ := stream(t, "http://"+ln.Addr().String())
		streams = append(streams, events)
	}
	waitClients(t, s, 3)
	cancel()
	if err := <-done; err != nil {
		t.Errorf("shutdown with open streams: %v", err)
	}
	for _, events := range streams {
		if ev, open := <-events; open {
			t.Errorf("a stream still open after shutdown: %q", ev)
		}
	}
	if _, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		t.Errorf("still accepting connections")
	}
}

func TestStreamOnlyGET(t *testing.T) {
	s, addr, _ := start(t)
	for _, method := range []string{"HEAD", "POST", "PUT", "OPTIONS"} {
		resp, _ := send(t, addr, method+" /briefings/__briefings/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
		if resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(resp.Header.Get("Allow"), "GET") {
			t.Errorf("%s: %d, Allow %q", method, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
	waitClients(t, s, 0)
	if s.peak != 0 {
		t.Errorf("a refused request opened a stream")
	}
}

func TestHeaders(t *testing.T) {
	s, addr, out := start(t)
	tp.Write(t, filepath.Join(out, "logo.svg"), `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	tp.Write(t, filepath.Join(out, "data.json"), `{}`)
	for range MaxClients {
		stream(t, "http://"+addr)
	}
	waitClients(t, s, MaxClients)
	for _, c := range []struct{ method, target, status, ctype string }{
		{"GET", "/briefings/en/", "200", "text/html; charset=utf-8"},
		{"HEAD", "/briefings/en/", "200", "text/html; charset=utf-8"},
		{"GET", "/briefings/en/feed.xml", "200", "application/xml"},
		{"GET", "/briefings/sitemap.xml", "200", "application/xml"},
		{"GET", "/briefings/style.css", "200", "text/css; charset=utf-8"},
		{"GET", "/briefings/logo.svg", "200", "image/svg+xml"},
		{"GET", "/briefings/data.json", "200", "application/json"},
		{"GET", "/briefings/__briefings/live.js", "200", "text/javascript; charset=utf-8"},
		{"GET", "/briefings/nothing", "404", "text/html; charset=utf-8"},
		{"GET", "/briefings/en", "301", ""},
		{"GET", "/", "302", ""},
		{"DELETE", "/briefings/en/", "405", ""},
		{"GET", "/briefings/__briefings/events", "503", ""},
	} {
		resp, _ := send(t, addr, c.method+" "+c.target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
		if fmt.Sprint(resp.StatusCode) != c.status || (c.ctype != "" && resp.Header.Get("Content-Type") != c.ctype) ||
			resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s: %d %q, nosniff %q", c.method, c.target, resp.StatusCode, resp.Header.Get("Content-Type"),
				resp.Header.Get("X-Content-Type-Options"))
		}
	}
}
