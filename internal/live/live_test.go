package live

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"briefings/internal/build"
	tp "briefings/internal/testproject"
	"briefings/internal/watch"
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
KZ: {en: Kazakhstan, ru: Казахстан}
-- content/en/2025/closure.md --
---
title: ICRC closes its delegation
date: 2025-09-03
countries: [AZ]
---
The delegation closes.
`

// syncBuffer is a log that tests read while the session writes it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// recorder is a Preview that remembers what it was told.
type recorder struct {
	mu       sync.Mutex
	built    int
	problems []string
	commits  countingLock
}

// countingLock counts the commits that held it.
type countingLock struct {
	mu sync.Mutex
	n  atomic.Int32
}

func (l *countingLock) Lock()   { l.mu.Lock(); l.n.Add(1) }
func (l *countingLock) Unlock() { l.mu.Unlock() }

func (r *recorder) Built(string, bool)          { r.mu.Lock(); r.built++; r.problems = nil; r.mu.Unlock() }
func (r *recorder) Failed(_ string, p []string) { r.mu.Lock(); r.problems = p; r.mu.Unlock() }
func (r *recorder) Commits() sync.Locker        { return &r.commits }
func (r *recorder) state() (int, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.built, r.problems
}

// TestWatchSession edits a project on disk the ways editors do and waits
// for the site to follow each edit.
func TestWatchSession(t *testing.T) {
	root := tp.New(t, project)
	out := filepath.Join(root, "public")
	log := &syncBuffer{}
	rec := &recorder{}
	s := &Session{Builder: build.New(build.Options{Root: root}), Root: root, Preview: rec, Log: log}
	ctx, cancel := context.WithCancel(context.Background())
	ended := make(chan error)
	ready := make(chan struct{})
	go func() { ended <- s.Run(ctx, func() { close(ready) }) }()
	defer func() {
		cancel()
		if err := <-ended; err != nil {
			t.Error(err)
		}
	}()
	<-ready

	page := func(p string) string {
		b, _ := os.ReadFile(filepath.Join(out, p))
		return string(b)
	}
	exists := func(p string) bool { _, err := os.Stat(filepath.Join(out, p)); return err == nil }
	src := func(p string) string { return filepath.Join(root, p) }

	// A new article: its page appears, and the home page and feed list it.
	tp.Write(t, src("content/en/2025/kz.md"), "---\ntitle: Kazakhstan meeting\ndate: 2025-10-01\ncountries: [KZ]\n---\nMet.\n")
	tp.Eventually(t, "the new article's page", func() bool { return exists("en/2025/10/kazakhstan-meeting/index.html") })
	if rec.commits.n.Load() == 0 {
		t.Errorf("the rebuild put its files in place without holding the preview's lock")
	}
	tp.Eventually(t, "the home page lists it", func() bool { return strings.Contains(page("en/index.html"), "Kazakhstan meeting") })

	// A title edited: lists and the feed change.
	tp.Write(t, src("content/en/2025/kz.md"), "---\ntitle: Kazakhstan meeting\ndate: 2025-10-01\ncountries: [KZ]\nslug: kazakhstan-meeting\nsummary: Talks in Astana.\n---\nMet.\n")
	tp.Write(t, src("content/en/2025/closure.md"), "---\ntitle: ICRC closes its Baku delegation\ndate: 2025-09-03\ncountries: [AZ]\n---\nThe delegation closes.\n")
	tp.Eventually(t, "the feed shows the new title", func() bool {
		return strings.Contains(page("en/feed.xml"), "ICRC closes its Baku delegation")
	})
	tp.Eventually(t, "the country page shows it", func() bool {
		return strings.Contains(page("en/countries/azerbaijan/index.html"), "ICRC closes its Baku delegation")
	})
	tp.Eventually(t, "the old URL is gone", func() bool { return !exists("en/2025/09/icrc-closes-its-delegation/index.html") })

	// Saved the way editors save: a temporary file renamed over the article.
	tmp := src("content/en/2025/.closure.md.swp")
	tp.Write(t, tmp, "---\ntitle: Saved by rename\ndate: 2025-09-03\ncountries: [AZ]\n---\nBody.\n")
	if err := os.Rename(tmp, src("content/en/2025/closure.md")); err != nil {
		t.Fatal(err)
	}
	tp.Eventually(t, "the renamed-over article", func() bool { return exists("en/2025/09/saved-by-rename/index.html") })

	// Renamed: the old URL disappears, the new one appears.
	if err := os.Rename(src("content/en/2025/kz.md"), src("content/en/2025/kz-talks.md")); err != nil {
		t.Fatal(err)
	}
	tp.Write(t, src("content/en/2025/kz-talks.md"), "---\ntitle: Kazakhstan talks\ndate: 2025-10-01\ncountries: [KZ]\n---\nMet.\n")
	tp.Eventually(t, "the renamed article's new page", func() bool { return exists("en/2025/10/kazakhstan-talks/index.html") })
	tp.Eventually(t, "its old page removed", func() bool { return !exists("en/2025/10/kazakhstan-meeting/index.html") })

	// A new folder, made with an article already in it (as a move would).
	staged := filepath.Join(t.TempDir(), "2026")
	tp.Write(t, filepath.Join(staged, "deep", "new.md"), "---\ntitle: Новая папка\ndate: 2026-01-05\ncountries: [AZ]\n---\nТекст.\n")
	if err := os.MkdirAll(src("content/ru"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(staged, src("content/ru/2026")); err != nil {
		t.Fatal(err)
	}
	tp.Eventually(t, "the article in the moved-in folder", func() bool { return exists("ru/2026/01/novaia-papka/index.html") })
	n, _ := rec.state()
	tp.Write(t, src("content/ru/2026/deep/deeper/more.md"), "---\ntitle: Ещё глубже\ndate: 2026-01-06\ncountries: [AZ]\n---\nТекст.\n")
	// Until the build says it is done, it may still be writing other pages.
	tp.Eventually(t, "an article in a folder made inside it", func() bool {
		m, _ := rec.state()
		return m > n && exists("ru/2026/01/eshchio-glubzhe/index.html")
	})

	// Broken front matter: the last good page stays, the problem is reported.
	before := page("en/2025/09/saved-by-rename/index.html")
	tp.Write(t, src("content/en/2025/closure.md"), "---\ntitle: Broken\ndate: 2025-09-03\ncountries: [AZ\n---\n")
	tp.Eventually(t, "the problem reported", func() bool {
		_, problems := rec.state()
		return len(problems) == 1 && strings.HasPrefix(problems[0], "content/en/2025/closure.md:4: ")
	})
	if page("en/2025/09/saved-by-rename/index.html") != before {
		t.Errorf("a broken save changed the last good page")
	}
	if !strings.Contains(log.String(), "content/en/2025/closure.md:4: YAML: did not find expected ',' or ']'") {
		t.Errorf("the terminal did not get the problem:\n%s", log)
	}
	tp.Write(t, src("content/en/2025/closure.md"), "---\ntitle: Fixed\ndate: 2025-09-03\ncountries: [AZ]\n---\n")
	tp.Eventually(t, "the fix", func() bool { _, p := rec.state(); return p == nil && exists("en/2025/09/fixed/index.html") })

	// Editors' scratch files are not content: the save is reported alone.
	n, _ = rec.state()
	for _, junk := range []string{"content/en/4913", "content/en/closure.md~", "content/en/.#closure.md", "content/en/#closure.md#"} {
		tp.Write(t, src(junk), "scratch")
	}
	tp.Write(t, src("content/en/2025/closure.md"), "---\ntitle: Fixed again\ndate: 2025-09-03\ncountries: [AZ]\n---\n")
	tp.Eventually(t, "the real save after the scratch files", func() bool { m, _ := rec.state(); return m > n })
	last := strings.Split(strings.TrimSpace(log.String()), "\n")
	if line := last[len(last)-1]; !strings.HasPrefix(line, "rebuilt after content/en/2025/closure.md: ") || !exists("en/2025/09/fixed-again/index.html") {
		t.Errorf("the save was not built alone: %q", line)
	}
}

// An idle session collects when the next build, allocating as much as
// the last, would make the collector run; not when it would not.
func TestIdleSessionCollectsWhenTheNextBuildWould(t *testing.T) {
	var ms runtime.MemStats
	gcs := func() uint32 { runtime.ReadMemStats(&ms); return ms.NumGC }
	s := &Session{}
	runtime.GC()
	before := gcs()
	s.allocated = 0 // just after a collection the heap is far from its goal
	s.collectIfDue()
	time.Sleep(50 * time.Millisecond)
	if n := gcs(); n != before {
		t.Errorf("%d collections with nothing due", n-before)
	}
	s.allocated = heapStats().goal // a build as large as the heap may grow
	s.collectIfDue()
	tp.Eventually(t, "a collection", func() bool { return gcs() > before })
}

// A session rebuilds when a scheduled article's time comes, with no file
// changed: the preview drops its mark, and a session that leaves
// scheduled articles out (watch --future=false) publishes it.
func TestSessionPublishesScheduledArticle(t *testing.T) {
	for _, future := range []bool{true, false} {
		root := tp.New(t, project)
		at := time.Now().Add(3 * time.Second).UTC().Format(time.RFC3339) // whole seconds: 2 s at least
		tp.Write(t, filepath.Join(root, "content/en/2025/later.md"), "---\ntitle: Later news\ndate: "+at+"\ncountries: [KZ]\n---\nSoon.\n")
		out := filepath.Join(root, "public")
		log := &syncBuffer{}
		s := &Session{Builder: build.New(build.Options{Root: root, Future: future}), Root: root, Log: log}
		ctx, cancel := context.WithCancel(context.Background())
		ended := make(chan error)
		go func() { ended <- s.Run(ctx, nil) }()
		home := func() string { b, _ := os.ReadFile(filepath.Join(out, "en/index.html")); return string(b) }
		tp.Eventually(t, "the first build", func() bool { return home() != "" })
		if listed := strings.Contains(home(), "Later news"); listed != future {
			t.Errorf("future %v: before its time, the article is listed: %v", future, listed)
		}
		before := home()
		tp.Eventually(t, "the rebuild when the article came due", func() bool {
			return strings.Contains(log.String(), "rebuilt as content/en/2025/later.md came due")
		})
		if after := home(); after == before || !strings.Contains(after, "Later news") {
			t.Errorf("future %v: the home page did not change when the article came due:\n%s", future, after)
		}
		cancel()
		if err := <-ended; err != nil {
			t.Error(err)
		}
	}
}

// A build that fails when a scheduled article comes due is not tried
// again and again: the session waits for the next save, which builds.
func TestSessionRebuildsOnceWhenDueBuildFails(t *testing.T) {
	root := tp.New(t, project)
	at := time.Now().Add(3 * time.Second).UTC().Format(time.RFC3339)
	tp.Write(t, filepath.Join(root, "content/en/2025/later.md"), "---\ntitle: Later news\ndate: "+at+"\ncountries: [KZ]\n---\nSoon.\n")
	log := &syncBuffer{}
	s := &Session{Builder: build.New(build.Options{Root: root, Future: true}), Root: root, Log: log}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ended := make(chan error)
	go func() { ended <- s.Run(ctx, nil) }()
	tp.Eventually(t, "the first build", func() bool { return strings.Contains(log.String(), "built: ") })
	// Every file made, the first build says what the site weighs.
	if first := regexp.MustCompile(`built: \d+ of \d+ files \(\d+\.\d KB\) written, 0 removed, in `); !first.MatchString(log.String()) {
		t.Errorf("first build's line:\n%s", log.String())
	}
	broken := filepath.Join(root, "content/en/2025/broken.md")
	tp.Write(t, broken, "---\ntitle: Broken\ncountries: [KZ]\n---\nNo date.\n")
	tp.Eventually(t, "the failed rebuild", func() bool {
		return strings.Contains(log.String(), "rebuilt after content/en/2025/broken.md: failed")
	})
	dueFailed := "rebuilt as content/en/2025/later.md came due: failed"
	tp.Eventually(t, "the failed rebuild when the article came due", func() bool { return strings.Contains(log.String(), dueFailed) })
	time.Sleep(1500 * time.Millisecond)
	if n := strings.Count(log.String(), "came due"); n != 1 {
		t.Fatalf("%d rebuilds for the article coming due, want 1:\n%s", n, log.String())
	}
	tp.Write(t, broken, "---\ntitle: Broken\ndate: 2025-09-04\ncountries: [KZ]\n---\nA date now.\n")
	written := regexp.MustCompile(`rebuilt after content/en/2025/broken.md: \d+ of \d+ files written`)
	tp.Eventually(t, "the good rebuild after the fix", func() bool { return written.MatchString(log.String()) })
	cancel()
	if err := <-ended; err != nil {
		t.Error(err)
	}
}

// A save is named in the session's log with its control characters
// escaped: the build refuses such a name, and the log line says which.
func TestDescribeEscapesNames(t *testing.T) {
	s := &Session{Root: t.TempDir()}
	for _, b := range []watch.Batch{{Paths: []string{"content/en/a\x1b[2J.md"}}, {Paths: []string{"content/en/a\x1b[2J.md", "b.md"}}} {
		if got := s.describe(b); strings.ContainsRune(got, 0x1b) || !strings.HasPrefix(got, `"content/en/a\x1b[2J.md"`) {
			t.Errorf("describe(%q) = %q", b.Paths, got)
		}
	}
}

// A session stopped during its first build says what the build left, and
// neither serves nor watches.
func TestStoppedDuringFirstBuild(t *testing.T) {
	root := tp.New(t, project)
	log := &syncBuffer{}
	out := filepath.Join(root, "public")
	s := &Session{Builder: build.New(build.Options{Root: root}), Root: root, Log: log}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Run(ctx, func() { t.Error("ready was called after an interrupted first build") }); err != nil {
		t.Fatal(err)
	}
	if want := "built: interrupted; nothing was written to " + out + "\n"; log.String() != want {
		t.Errorf("the session says:\n%s\nwant:\n%s", log.String(), want)
	}
	if entries, _ := os.ReadDir(root); slices.ContainsFunc(entries, func(e os.DirEntry) bool { return strings.HasPrefix(e.Name(), ".public") || e.Name() == "public" }) {
		t.Errorf("an interrupted first build left %v", entries)
	}
}

// A first build that fails says there is no site yet, not that the last
// good one stays.
func TestFirstFailedBuildSaysNoSite(t *testing.T) {
	root := tp.New(t, project)
	tp.Write(t, filepath.Join(root, "content/en/2025/broken.md"), "---\ntitle: Broken\ncountries: [KZ]\n---\nNo date.\n")
	log := &syncBuffer{}
	s := &Session{Builder: build.New(build.Options{Root: root}), Root: root, Log: log}
	s.measured(context.Background(), "built", nil)
	if !strings.Contains(log.String(), "built: failed with 1 problem; no site is built until they are fixed") {
		t.Errorf("the first failed build says:\n%s", log.String())
	}
	os.Remove(filepath.Join(root, "content/en/2025/broken.md"))
	s.measured(context.Background(), "rebuilt", nil)
	tp.Write(t, filepath.Join(root, "content/en/2025/broken.md"), "---\ntitle: Broken\ncountries: [KZ]\n---\nNo date.\n")
	s.measured(context.Background(), "rebuilt again", nil)
	if !strings.Contains(log.String(), "rebuilt again: failed with 1 problem; the last good site stays") {
		t.Errorf("a failed build after a good one says:\n%s", log.String())
	}
}

// TestPermissionsMendFailedBuild: once a build failed, a change of a
// file's permissions alone, as "chmod a+r" to mend a file the build could
// not read, rebuilds; while the site stands, it does not.
func TestPermissionsMendFailedBuild(t *testing.T) {
	root := tp.New(t, project)
	log := &syncBuffer{}
	s := &Session{Builder: build.New(build.Options{Root: root}), Root: root, Preview: &recorder{}, Log: log}
	ctx, cancel := context.WithCancel(context.Background())
	ended := make(chan error)
	ready := make(chan struct{})
	go func() { ended <- s.Run(ctx, func() { close(ready) }) }()
	defer func() { cancel(); <-ended }()
	<-ready
	file := filepath.Join(root, "content/en/2025/closure.md")
	builds := func() int { return strings.Count(log.String(), "\n") }
	os.Chmod(file, 0o600)
	time.Sleep(time.Second)
	if n := strings.Count(log.String(), "rebuilt"); n != 0 {
		t.Fatalf("a change of permissions rebuilt a standing site:\n%s", log)
	}
	tp.Write(t, file, "---\ntitle: Broken\n")
	tp.Eventually(t, "the build fails", func() bool { return strings.Contains(log.String(), "failed with") })
	before := builds()
	os.Chmod(file, 0o644)
	tp.Eventually(t, "a rebuild after the permissions changed", func() bool {
		return strings.Count(log.String(), "failed with") == 2 && builds() > before
	})
}
