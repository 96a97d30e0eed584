package load

import (
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Load keeps no article's body in memory; each reads back as
// ParseArticle made it, also when a file is parsed again.
func TestBodiesReadBack(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	fsys := bodiesProject(nil)
	src := map[string][]byte{}
	article := func(i int) []byte {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Story %d\ndate: 2025-09-03\ncountries: [AZ]\n---\n", i)
		for range 1 + rng.Intn(30) {
			b.WriteString([]string{"Aid *arrives*. ", "Вода. ", "[x](/en/) ", "\n\n", "- item\n", "`code` "}[rng.Intn(6)])
		}
		return []byte(b.String())
	}
	for i := range 200 {
		p := fmt.Sprintf("content/en/a%d.md", i)
		src[p] = article(i)
		fsys[p] = &fstest.MapFile{Data: src[p]}
	}
	var cache Cache
	check := func(round string) {
		c, errs := Load(fsys, &cache)
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		if len(c.Articles) != len(src) {
			t.Fatalf("%s: %d articles", round, len(c.Articles))
		}
		for _, a := range c.Articles {
			want, _ := ParseArticle(a.Path, src[a.Path])
			got, err := a.Body()
			if err != nil || got != want.HTML {
				t.Fatalf("%s: %s reads back %q (%v), want %q", round, a.Path, got, err, want.HTML)
			}
			if a.HTML != "" && !cache.bodies.failed {
				t.Errorf("%s: %s keeps its body in memory", round, a.Path)
			}
			if a.Empty != (strings.TrimSpace(want.HTML) == "") {
				t.Errorf("%s: %s: Empty is %v", round, a.Path, a.Empty)
			}
		}
	}
	check("first load")
	for i := range 50 {
		p := fmt.Sprintf("content/en/a%d.md", rng.Intn(200))
		src[p] = article(1000 + i)
		fsys[p] = &fstest.MapFile{Data: src[p]}
		cache.Changed(p)
	}
	check("after edits")
}

// Each cache's file of bodies is closed, which frees it, once nothing
// refers to it: a process that builds many times, as tests and fuzzers
// do, does not fill the temporary folder.
func TestBodiesFreed(t *testing.T) {
	open := func() int {
		fds, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd here")
		}
		n := 0
		for _, fd := range fds {
			if target, err := os.Readlink("/proc/self/fd/" + fd.Name()); err == nil && strings.Contains(target, "briefings-bodies-") {
				n++
			}
		}
		return n
	}
	fsys := bodiesProject(map[string]string{"content/en/a.md": "---\ntitle: A\ndate: 2025-09-03\ncountries: [AZ]\n---\nBody.\n"})
	before := open()
	for range 20 {
		var cache Cache
		c, errs := Load(fsys, &cache)
		if errs.Err() != nil || len(c.Articles) != 1 || c.Articles[0].stored == nil {
			t.Fatalf("load: %v", errs)
		}
	}
	for try := 0; open() > before && try < 100; try++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := open(); n > before {
		t.Errorf("%d files of bodies still open after their caches went", n-before)
	}
}

// Where no temporary file can be made, bodies stay in memory, and read
// back the same.
func TestBodiesWithoutTemporaryFolder(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()+"/missing")
	fsys := bodiesProject(map[string]string{"content/en/a.md": "---\ntitle: A\ndate: 2025-09-03\ncountries: [AZ]\n---\nBody *here*.\n"})
	var cache Cache
	c, errs := Load(fsys, &cache)
	if errs.Err() != nil || len(c.Articles) != 1 {
		t.Fatalf("load: %v", errs)
	}
	a := c.Articles[0]
	body, err := a.Body()
	if err != nil || a.stored != nil || body != "<p>Body <em>here</em>.</p>\n" {
		t.Errorf("body %q (%v), stored %v", body, err, a.stored != nil)
	}
}

// bodiesProject is a one-language project with the articles given.
func bodiesProject(articles map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"content/site.yaml":      {Data: []byte("base_url: https://example.org/\ndefault_language: en\nlanguages:\n  en: {name: English, title: B}\n")},
		"content/countries.yaml": {Data: []byte("AZ: {en: Azerbaijan}\n")},
	}
	for path, src := range articles {
		fsys[path] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}
