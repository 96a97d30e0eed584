package build

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"briefings/internal/diag"
	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/markupcheck"
	"briefings/internal/testproject"
)

// fuzzSite is a small site around the fuzzed article: a story in both
// languages it may translate, link to, or collide with.
var fuzzSite = map[string]string{
	"content/site.yaml": "base_url: https://example.org/portal/\ndefault_language: en\nlanguages:\n" +
		"  en: {name: English, title: Briefings, description: \"News.\"}\n  ru: {name: Русский, title: Брифинги}\npage_size: 2\n",
	"content/countries.yaml": "AZ: {en: Azerbaijan, ru: Азербайджан}\nKZ: {en: Kazakhstan, ru: Казахстан}\n",
	"content/en/2025/closure.md": "---\ntitle: ICRC closes its delegation\ndate: 2025-09-03\ncountries: [AZ]\n" +
		"translation_key: az-closure\n---\nThe delegation closes.\n",
	"content/ru/2025/closure.md": "---\ntitle: МККК закрывает делегацию\ndate: 2025-09-04\ncountries: [AZ]\n" +
		"translation_key: az-closure\n---\nДелегация закрывается.\n",
}

// FuzzSite builds the site with one article's bytes fuzzed. A build
// either fails with every problem on a line of its file, or gives pages
// and feeds that are well formed and carry no script the content brought.
// The corpus in testdata/fuzz holds the launch articles and hostile files.
func FuzzSite(f *testing.F) {
	f.Add([]byte("---\ntitle: T\ndate: 2025-01-02\ncountries: [KZ]\ntranslation_key: az-closure\n---\n[a](closure.md)\n"), false)
	fsys := fstest.MapFS{}
	templates := filepath.Join(testproject.Repo(), "templates")
	err := fs.WalkDir(os.DirFS(templates), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(templates, p))
		fsys["templates/"+p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	for p, data := range fuzzSite {
		fsys[p] = &fstest.MapFile{Data: []byte(data)}
	}
	out := filepath.Join(f.TempDir(), "public")
	f.Fuzz(func(t *testing.T, src []byte, ru bool) {
		lang := map[bool]string{false: "en", true: "ru"}[ru]
		name := "content/" + lang + "/2025/fuzz.md"
		fsys[name] = &fstest.MapFile{Data: src}
		defer delete(fsys, name)
		// Drafts and scheduled articles are built too: whatever the
		// article's date and state, its page is there to check.
		_, err := Build(Options{FS: fsys, Out: out, Drafts: true, Future: true})
		if err != nil {
			checkFailure(t, fsys, err)
			return
		}
		a, _ := load.ParseArticle(name, src)
		checkURL(t, lang, index.ArticlePath(a))
		checkOutput(t, out, index.ArticlePath(a))
	})
}

// checkFailure: a failed build names files of the project, at their lines.
func checkFailure(t *testing.T, fsys fstest.MapFS, err error) {
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("a build failed without a list of problems: %v", err)
	}
	for _, d := range list {
		f := fsys[d.Path]
		if f == nil {
			t.Fatalf("%s: names no file of the project", d)
		}
		src := bytes.ReplaceAll(f.Data, []byte("\r\n"), []byte("\n"))
		n := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 1
		if d.Line < 0 || d.Line > n {
			t.Fatalf("%s: outside the file's %d lines", d, n)
		}
	}
}

// checkURL: an article's path is inside its language's folder, with no
// empty, "." or ".." segment and nothing that needs escaping.
func checkURL(t *testing.T, lang, p string) {
	if !strings.HasPrefix(p, lang+"/") || !strings.HasSuffix(p, "/") {
		t.Fatalf("article path %q: not a page under /%s/", p, lang)
	}
	for _, s := range strings.Split(strings.TrimSuffix(p, "/"), "/") {
		if s == "" || s == "." || s == ".." || strings.ContainsFunc(s, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-')
		}) {
			t.Fatalf("article path %q: segment %q", p, s)
		}
	}
}

// checkOutput reads every page and feed written.
func checkOutput(t *testing.T, out, article string) {
	page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(article), "index.html"))
	if err != nil {
		t.Fatalf("the article's page: %v", err)
	}
	if !bytes.Contains(page, []byte(`<article>`)) {
		t.Fatalf("the article's page shows no article")
	}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch path.Ext(p) {
		case ".html":
			if err := markupcheck.HTML(data, nil); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		case ".xml":
			if err := markupcheck.XML(data); err != nil {
				t.Errorf("%s: %v", p, err)
			} else {
				checkFeed(t, p, data, xml.Unmarshal)
			}
		case ".json":
			if !json.Valid(data) {
				t.Errorf("%s: not JSON", p)
			} else if path.Base(p) == "feed.json" {
				checkFeed(t, p, data, json.Unmarshal)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkFeed: the HTML content of a feed's items, in RSS, Atom or JSON
// Feed, is as safe as a page's body, and an RSS description, which
// readers also take as HTML, holds no element at all.
func checkFeed(t *testing.T, name string, data []byte, unmarshal func([]byte, any) error) {
	type item struct {
		RSS  string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
		Atom string `xml:"http://www.w3.org/2005/Atom content"`
		JSON string `json:"content_html"`
		Desc string `xml:"description" json:"-"`
	}
	var feed struct {
		RSS  []item `xml:"channel>item"`
		Atom []item `xml:"http://www.w3.org/2005/Atom entry"`
		JSON []item `json:"items"`
	}
	if err := unmarshal(data, &feed); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, it := range append(append(feed.RSS, feed.Atom...), feed.JSON...) {
		for _, content := range []string{it.RSS, it.Atom, it.JSON} {
			if err := markupcheck.HTML([]byte(content), markupcheck.BodyElements); err != nil {
				t.Errorf("%s: an item's content: %v\n%s", name, err, content)
			}
		}
		if err := markupcheck.HTML([]byte(it.Desc), []string{}); err != nil {
			t.Errorf("%s: an item's description: %v\n%s", name, err, it.Desc)
		}
	}
}
