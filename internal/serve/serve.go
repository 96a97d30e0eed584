// Package serve is the preview server: the output folder, served under the
// same path as in production, with open pages reloaded after each good
// build and a build's problems shown over the page. The reload script is
// added to pages as they are served; it is never in the built files.
package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MaxClients bounds the open live-reload connections.
const MaxClients = 64

//go:embed live.js
var liveJS []byte

// Server serves a built site.
type Server struct {
	out     string       // the output folder
	commits sync.RWMutex // see Commits

	mu       sync.Mutex
	base     string   // the site's path, "/briefings/", URL-escaped, from the last build that knew it
	problems []string // of the last build; nil when it succeeded
	clients  map[chan event]bool
	peak     int // the most reload streams ever open at once, which tests hold to MaxClients
	stopping chan struct{}
}

type event struct{ name, data string }

// New serves the folder out, at "/" until a build says under which path.
func New(out string) *Server {
	return &Server{out: out, base: "/", clients: map[chan event]bool{}, stopping: make(chan struct{})}
}

// Built tells open pages that a build succeeded: they reload if anything
// was written or the page showed problems. base is the path the site is
// served under, as in production.
func (s *Server) Built(base string, changed bool) {
	s.mu.Lock()
	hadProblems := s.problems != nil
	s.problems = nil
	s.setBase(base)
	s.mu.Unlock()
	if changed || hadProblems {
		s.broadcast(event{"reload", "{}"})
	}
	// A build holds a large static file it writes or compares whole;
	// the server, which streams, gives that memory back at once rather
	// than keep it resident while it serves.
	// Twice, for the first collection only sets pooled buffers aside.
	go func() { debug.FreeOSMemory(); debug.FreeOSMemory() }()
}

// Failed shows a build's problems over open pages, and over pages opened
// until a build succeeds. base, if the build got as far as knowing it, is
// the path the site is served under.
func (s *Server) Failed(base string, problems []string) {
	if problems == nil {
		problems = []string{}
	}
	s.mu.Lock()
	s.problems = problems
	s.setBase(base)
	s.mu.Unlock()
	s.broadcast(event{"problems", mustJSON(problems)})
}

// setBase takes the path the site is served under. It must be a path of
// this server: one that starts //, or holds a backslash, would make the
// redirect from / lead to another host.
func (s *Server) setBase(base string) {
	if !strings.HasPrefix(base, "/") || strings.HasPrefix(base, "//") || strings.ContainsAny(base, "\\\x00") {
		return
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	s.base = base
}

// Stop ends the live-reload connections, so that the HTTP server can shut down.
func (s *Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.stopping:
	default:
		close(s.stopping)
	}
}

func (s *Server) broadcast(ev event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- ev:
		default: // a stuck client misses an event rather than stalling the build
		}
	}
}

// ServeHTTP serves the site under its base path; "/" leads there.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.Lock()
	base := s.base
	s.mu.Unlock()
	// The request's path is decoded; so must the base be to match it.
	decoded, err := url.PathUnescape(base)
	if err != nil {
		decoded = base
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, decoded) {
		if p == "/" || p+"/" == decoded {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		s.notFound(w, r, base)
		return
	}
	rel := strings.TrimPrefix(p, decoded)
	switch live := s.liveFolder(); rel {
	case live + "live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveJS)
		return
	case live + "events":
		s.events(w, r)
		return
	}
	// A file of one build, never one of the next half in place: the lock
	// is held until the file is open, or a page read whole, and not while
	// it streams, or one paused download would hold every rebuild back.
	s.commits.RLock()
	opened := sync.OnceFunc(s.commits.RUnlock)
	defer opened()
	s.file(w, r, base, decoded, rel, opened)
}

// file serves one file of the site. Paths that try to climb out of it get
// 404; os.Root refuses them again, and links out of the folder, below. A
// name cannot hold a slash, so an escaped one (%2F, %5C) names no file.
func (s *Server) file(w http.ResponseWriter, r *http.Request, base, decoded, rel string, opened func()) {
	name := strings.TrimSuffix(rel, "/")
	if name == "" {
		name = "."
	}
	raw := strings.ToLower(r.URL.RawPath)
	if strings.ContainsAny(rel, "\\\x00") || strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") ||
		!fs.ValidPath(name) {
		s.notFound(w, r, base)
		return
	}
	root, err := os.OpenRoot(s.out) // per request: a fresh build replaces the folder
	if err != nil {
		s.notFound(w, r, base)
		return
	}
	defer root.Close()
	info, err := root.Stat(name)
	switch {
	case err != nil:
	case info.IsDir() && rel != "" && !strings.HasSuffix(rel, "/"):
		to := url.URL{Path: decoded + rel + "/", RawQuery: r.URL.RawQuery} // the search page reads ?q=
		http.Redirect(w, r, to.String(), http.StatusMovedPermanently)
		return
	case info.IsDir():
		name = path.Join(name, "index.html") // a folder without one is 404, never a listing
	case strings.HasSuffix(rel, "/"):
		err = fs.ErrNotExist // a file is not a folder
	}
	var f *os.File
	if err == nil {
		f, err = root.Open(name)
	}
	if err == nil {
		defer f.Close()
		info, err = f.Stat()
	}
	if err != nil || !info.Mode().IsRegular() {
		s.notFoundIn(w, r, root, base)
		return
	}
	s.stream(w, r, base, name, f, info, opened)
}

// maxInjected is the largest HTML file the reload script is added to,
// which means reading it whole; the site's pages weigh a few dozen KB.
// A larger one is served as it is.
const maxInjected = 4 << 20

// stream serves a file from disk without holding it in memory, with
// ranges and validators (Last-Modified, ETag), so that a browser asks
// again only for what changed. Pages are revalidated on every load
// (no-cache), as a rebuild may change any of them.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, base, name string, f *os.File, info fs.FileInfo, opened func()) {
	w.Header().Set("Cache-Control", "no-cache")
	ctype := contentType(name)
	var body io.ReadSeeker = f
	tag := fmt.Sprintf("%x-%x", info.Size(), info.ModTime().UnixNano())
	if strings.HasPrefix(ctype, "text/html") && info.Size() <= maxInjected {
		data, err := io.ReadAll(io.LimitReader(f, maxInjected+1))
		if err != nil {
			s.notFound(w, r, base)
			return
		}
		live := s.liveFolder()
		body = bytes.NewReader(inject(data, base, live))
		tag += fmt.Sprintf("-%x", hashString(base+live)) // the page as served holds both
	}
	if ctype == "" {
		ctype = sniff(f)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("ETag", `"`+tag+`"`)
	opened() // the open file stays the one it was when a commit renames another into its place
	http.ServeContent(w, r, name, info.ModTime(), body)
}

// contentType is a file's type by its extension, or "" if unknown.
func contentType(name string) string {
	if t := types[path.Ext(name)]; t != "" {
		return t
	}
	return mime.TypeByExtension(path.Ext(name))
}

// sniff guesses a type from a file's first bytes, and rewinds it.
func sniff(f io.ReadSeeker) string {
	var head [512]byte
	n, _ := io.ReadFull(f, head[:])
	f.Seek(0, io.SeekStart)
	return http.DetectContentType(head[:n])
}

func hashString(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// types are the content types of the files a site has, fixed here rather
// than read from the machine's MIME tables, as GitHub Pages serves them.
var types = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".xml": "application/xml",
	".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8", ".json": "application/json",
	".webmanifest": "application/manifest+json",
}

// notFound serves the site's own 404 page, or, before any build succeeded,
// a page that shows the problems and reloads once they are fixed.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, base string) {
	root, err := os.OpenRoot(s.out)
	if err == nil {
		defer root.Close()
	}
	s.notFoundIn(w, r, root, base)
}

// notFoundIn reads the 404 page through root, so that it too stays inside.
func (s *Server) notFoundIn(w http.ResponseWriter, r *http.Request, root *os.Root, base string) {
	data := []byte(notBuilt)
	if root != nil {
		if b, err := root.ReadFile("404.html"); err == nil {
			data = b
		}
	}
	s.send(w, r, base, "404.html", data, http.StatusNotFound)
}

const notBuilt = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Not built yet</title>
<body><p>The site has not been built yet. This page reloads when the build succeeds.</p></body></html>
`

func (s *Server) send(w http.ResponseWriter, r *http.Request, base, name string, data []byte, status int) {
	ctype := contentType(name)
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, base, s.liveFolder())
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// liveFolder is the folder, under the base path, that the preview's own
// files are served from: "__briefings/", or, if the site has a file or
// folder of that name (static/__briefings), the first of "__briefings-2/",
// "__briefings-3/", … it has not, so that the site's own files are served
// as the build wrote them. The reload script finds the events beside it.
func (s *Server) liveFolder() string {
	name := "__briefings"
	for i := 2; i <= maxLiveFolders; i++ {
		if _, err := os.Lstat(filepath.Join(s.out, name)); errors.Is(err, fs.ErrNotExist) {
			break
		}
		name = "__briefings-" + strconv.Itoa(i)
	}
	return name + "/"
}

// maxLiveFolders bounds the names liveFolder tries: a site that has them
// all loses its files of the last name to the preview's, never a request
// its answer.
const maxLiveFolders = 100

// inject adds the live-reload script before </body>.
func inject(page []byte, base, live string) []byte {
	tag := []byte(`<script src="` + base + live + `live.js" defer></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, tag...)
	}
	return bytes.Join([][]byte{page[:i], tag, page[i:]}, nil)
}

// events is the Server-Sent Events stream a page listens to. The server's
// write timeout, for pages, would cut it: it bounds each of its own writes
// instead. (The read timeout covers only reading the request.)
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	c, problems, ok := s.join()
	if !ok {
		http.Error(w, "too many open pages", http.StatusServiceUnavailable)
		return
	}
	defer s.leave(c)
	rc := http.NewResponseController(w)
	send := func(write func()) bool {
		rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout))
		write()
		return rc.Flush() == nil
	}
	w.Header().Set("Content-Type", "text/event-stream")
	if !send(func() {
		fmt.Fprint(w, "retry: 1000\n\n")
		if problems != nil {
			writeEvent(w, event{"problems", mustJSON(problems)})
		}
	}) {
		return
	}
	ping := time.NewTicker(30 * time.Second)
	defer ping.Stop()
	for {
		var write func()
		select {
		case ev := <-c:
			write = func() { writeEvent(w, ev) }
		case <-ping.C:
			write = func() { fmt.Fprint(w, ": ping\n\n") }
		case <-r.Context().Done():
			return
		case <-s.stopping:
			return
		}
		if !send(write) {
			return
		}
	}
}

// join opens a reload stream, unless MaxClients are open, and returns the
// problems the page must show at once.
func (s *Server) join() (chan event, []string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.clients) >= MaxClients {
		return nil, nil, false
	}
	c := make(chan event, 4)
	s.clients[c] = true
	s.peak = max(s.peak, len(s.clients))
	return c, s.problems, true
}

func (s *Server) leave(c chan event) {
	s.mu.Lock()
	delete(s.clients, c)
	s.mu.Unlock()
}

func writeEvent(w http.ResponseWriter, ev event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "[]"
	}
	return string(b)
}

// Commits is the lock a build holds while it puts its files in place;
// the server holds it for reading while it opens a file, so that the
// pages it serves are of one build or the next, never of both.
func (s *Server) Commits() sync.Locker { return &s.commits }

// Base is the path the site is served under.
func (s *Server) Base() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.base
}
