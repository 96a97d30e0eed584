package build

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefings/internal/load"
)

// timedLock measures how long commits hold it: the window in which the
// output changes, and in which a kill leaves a journal for the next
// command to finish.
type timedLock struct {
	since   time.Time
	longest time.Duration
	total   time.Duration
}

func (l *timedLock) Lock() { l.since = time.Now() }

func (l *timedLock) Unlock() {
	d := time.Since(l.since)
	l.total += d
	l.longest = max(l.longest, d)
}

// BenchmarkCommitWindow times the commit step alone, the renames and
// removals of files already written, for the rebuilds that change the
// most: an article's title (it moves to a new URL), the site's title
// (every page), and `build` into the existing site after that edit.
//
//	BRIEFINGS_CORPUS=/path/to/project go test -run '^$' -bench CommitWindow ./internal/build/
func BenchmarkCommitWindow(b *testing.B) {
	root := corpus(b)
	site := filepath.Join(root, load.SitePath)
	orig, err := os.ReadFile(site)
	if err != nil {
		b.Fatal(err)
	}
	article := firstArticle(b, root)
	origArticle, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(site, orig, 0o644); os.WriteFile(article, origArticle, 0o644) })
	edits := map[string]func(i int){
		"article-title": func(i int) {
			os.WriteFile(article, []byte(strings.Replace(string(origArticle), "title: ", "title: Edit "+strconv.Itoa(i)+" ", 1)), 0o644)
		},
		"site-title": func(i int) {
			os.WriteFile(site, []byte(strings.Replace(string(orig), "title: ", "title: Edit "+strconv.Itoa(i)+" ", 1)), 0o644)
		},
	}
	for _, name := range []string{"article-title", "site-title", "build-site-title"} {
		b.Run(name, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "public")
			if _, err := Build(Options{Root: root, Out: out}); err != nil {
				b.Fatal(err)
			}
			builder := New(Options{Root: root, Out: out})
			lock := &timedLock{}
			builder.HoldWhileCommitting(lock)
			if _, err := builder.Build(); err != nil {
				b.Fatal(err)
			}
			*lock = timedLock{}
			written, i := 0, 0
			for b.Loop() {
				i++
				if strings.HasPrefix(name, "build-") {
					edits["site-title"](i)
					builder = New(Options{Root: root, Out: out}) // a new process: it compares bytes
					builder.HoldWhileCommitting(lock)
				} else {
					edits[name](i)
				}
				rep, err := builder.Build()
				if err != nil {
					b.Fatal(err)
				}
				written += rep.Written + rep.Removed
			}
			b.ReportMetric(float64(written)/float64(b.N), "files/op")
			b.ReportMetric(float64(lock.total)/float64(time.Millisecond)/float64(b.N), "window-ms/op")
			b.ReportMetric(float64(lock.longest)/float64(time.Millisecond), "longest-window-ms")
		})
	}
}
