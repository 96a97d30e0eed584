package build

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The benchmarks build a corpus made by bench/run.sh (or any project):
// BRIEFINGS_CORPUS=/path/to/project go test -bench . ./internal/build/
func corpus(b *testing.B) string {
	dir := os.Getenv("BRIEFINGS_CORPUS")
	if dir == "" {
		b.Skip("BRIEFINGS_CORPUS is not set; bench/run.sh sets it")
	}
	return dir
}

// BenchmarkFullBuild is `briefings build` into a new output folder, as on
// a fresh checkout. Each run has a folder of its own: deleting the last
// run's 12,000 files first would slow the file system down for the next.
func BenchmarkFullBuild(b *testing.B) {
	root := corpus(b)
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		if _, err := Build(Options{Root: root, Out: filepath.Join(dir, strconv.Itoa(i))}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildAgain is `briefings build` run again with nothing changed:
// every page is made and compared with the output, and none is written.
func BenchmarkBuildAgain(b *testing.B) {
	root := corpus(b)
	out := filepath.Join(b.TempDir(), "public")
	if _, err := Build(Options{Root: root, Out: out}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Build(Options{Root: root, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuildOneArticle is what watch and serve do after an editor
// saves one article, told by the watcher which file changed; the rebuilt
// pages are on disk when Build returns. The watcher's wait for the save to
// settle is not in it. A body edit is the common save; a title edit also
// moves the article to a new URL, so the sitemap and lists change too.
func BenchmarkRebuildOneArticle(b *testing.B) {
	edits := map[string]func(src string, i int) string{
		"body": func(src string, i int) string { return src + "\nEdit " + strconv.Itoa(i) + ".\n" },
		"title": func(src string, i int) string {
			return strings.Replace(src, "title: ", "title: Edit "+strconv.Itoa(i)+" ", 1)
		},
	}
	for _, name := range []string{"body", "title"} {
		b.Run(name, func(b *testing.B) {
			root := corpus(b)
			out := filepath.Join(b.TempDir(), "public")
			article := firstArticle(b, root)
			orig, err := os.ReadFile(article)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { os.WriteFile(article, orig, 0o644) })
			builder := New(Options{Root: root, Out: out})
			if _, err := builder.Build(); err != nil {
				b.Fatal(err)
			}
			rel, _ := filepath.Rel(root, article)
			written, i := 0, 0
			cpu := cpuTime()
			for b.Loop() {
				i++
				if err := os.WriteFile(article, []byte(edits[name](string(orig), i)), 0o644); err != nil {
					b.Fatal(err)
				}
				builder.Changed(filepath.ToSlash(rel))
				rep, err := builder.Build()
				if err != nil {
					b.Fatal(err)
				}
				written += rep.Written
			}
			b.ReportMetric(float64(written)/float64(b.N), "files/op")
			b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}

// cpuTime is the processor time the process used, on every core: unlike
// the wall time, other work on the machine does not change it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func firstArticle(b *testing.B, root string) string {
	var found string
	filepath.WalkDir(filepath.Join(root, "content", "en"), func(p string, d os.DirEntry, err error) error {
		if err == nil && found == "" && strings.HasSuffix(p, ".md") {
			found = p
		}
		return nil
	})
	if found == "" {
		b.Fatal("no English article in the corpus")
	}
	return found
}
