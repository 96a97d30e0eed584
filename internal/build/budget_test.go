package build

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"briefings/internal/diag"
)

const budgetArchive = `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages:
  en: {name: English, title: Briefings}
page_size: 1
max_page_kb: 12
-- content/countries.yaml --
AZ: {en: Azerbaijan}
-- content/en/a.md --
---
title: First
date: 2025-09-03
countries: [AZ]
summary: Short.
---
Short.
-- content/en/b.md --
---
title: Second
date: 2025-09-05
countries: [AZ]
summary: Short too.
---
Short too.
`

// A month of more stories than page_size takes several pages, each
// leading up to its year and to the month's other pages: the first page
// shows the newest stories, the numbered pages count from the oldest and
// leave out the first page's. The newest numbered page, whose stories
// the first page shows, is out of the sitemap and names the first page
// as its canonical page.
func TestMonthPages(t *testing.T) {
	root := newProject(t, budgetArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	first, oldest := readFile(t, filepath.Join(out, "en/2025/09/index.html")), readFile(t, filepath.Join(out, "en/2025/09/page/1/index.html"))
	for _, want := range []string{`<a href="/en/2025/">Archive: 2025</a>`, `<a rel="prev" href="/en/2025/09/">`, `>First</a>`} {
		if !strings.Contains(oldest, want) {
			t.Errorf("the month's oldest page lacks %s", want)
		}
	}
	if !strings.Contains(first, `<a rel="next" href="/en/2025/09/page/1/">`) || !strings.Contains(first, `>Second</a>`) {
		t.Errorf("the month's first page does not lead to the older page or lacks the newest story")
	}
	if strings.Contains(oldest, `>Second</a>`) {
		t.Errorf("the month's oldest page repeats the first page's story")
	}
	repeat := readFile(t, filepath.Join(out, "en/2025/09/page/2/index.html"))
	if !strings.Contains(repeat, `<link rel="canonical" href="https://example.org/en/2025/09/">`) || !strings.Contains(repeat, `>Second</a>`) {
		t.Errorf("the month's page/2/, which repeats its first page, does not name that page its canonical page")
	}
	sitemap := readFile(t, filepath.Join(out, "sitemap.xml"))
	if !strings.Contains(sitemap, "<loc>https://example.org/en/2025/09/page/1/</loc>") {
		t.Errorf("the sitemap lacks the month's page/1/")
	}
	if strings.Contains(sitemap, "<loc>https://example.org/en/2025/09/page/2/</loc>") {
		t.Errorf("the sitemap lists the month's page/2/, which repeats its first page")
	}
}

// A page over max_page_kb fails the build, named by the article it shows;
// a list page by the summary of the story whose long entry puts it over,
// or else by site.yaml's max_page_kb, with page_size to lower; nothing is
// written. The build reports what each kind of page weighs.
func TestPageBudget(t *testing.T) {
	root := newProject(t, budgetArchive)
	out := filepath.Join(t.TempDir(), "public")
	rep := mustBuild(t, Options{Root: root, Out: out})
	kinds := map[string]int{}
	for _, w := range rep.Weights {
		kinds[w.Kind] = w.Pages
		if w.Most > 12*1024 || w.Median > w.Most || w.Median < 1000 {
			t.Errorf("%s pages weigh %d (median) to %d bytes", w.Kind, w.Median, w.Most)
		}
	}
	if kinds["article"] != 2 || kinds["list"] < 4 || kinds["search"] != 1 {
		t.Errorf("weighed pages by kind: %v", kinds)
	}
	before := tree(t, out)

	writeFile(t, filepath.Join(root, "content/en/a.md"), "---\ntitle: First\ndate: 2025-09-03\ncountries: [AZ]\nsummary: "+
		strings.Repeat("A long summary. ", 300)+"\n---\n"+strings.Repeat("A long paragraph. ", 400)+"\n")
	_, err := Build(Options{Root: root, Out: out})
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("a build over budget: %v", err)
	}
	var article, entries int
	for _, d := range list {
		switch {
		case d.Path == "content/en/a.md" && d.Line == 1 && strings.HasPrefix(d.Message, "its page weighs ") &&
			strings.HasSuffix(d.Message, "over the budget of 12 KB: shorten it, or raise max_page_kb in content/site.yaml"):
			article++
		case d.Path == "content/en/a.md" && d.Line == 5 && strings.HasPrefix(d.Message, "its entry weighs 4.9 KB on the page /en/") &&
			strings.HasSuffix(d.Message, "over max_page_kb (12 KB): shorten its summary"):
			entries++
		default:
			t.Errorf("unexpected problem: %s", d)
		}
	}
	if article != 1 || entries == 0 {
		t.Errorf("%d problems for the article, %d for its entry in lists:\n%s", article, entries, list)
	}
	if !mapsEqual(tree(t, out), before) {
		t.Errorf("a build over budget changed the site")
	}

	// Many entries of a usual length: the list is too long.
	writeFile(t, filepath.Join(root, "content/en/a.md"), "---\ntitle: First\ndate: 2025-09-03\ncountries: [AZ]\nsummary: Short.\n---\nShort.\n")
	site := readFile(t, filepath.Join(root, "content/site.yaml"))
	writeFile(t, filepath.Join(root, "content/site.yaml"), strings.Replace(site, "page_size: 1", "page_size: 40", 1))
	for i := range 30 {
		writeFile(t, filepath.Join(root, fmt.Sprintf("content/en/s%02d.md", i)), fmt.Sprintf("---\ntitle: Story %d\ndate: 2025-08-%02d\ncountries: [AZ]\nsummary: %s\n---\nText.\n",
			i, i%28+1, strings.Repeat("A sentence of a summary. ", 12)))
	}
	_, err = Build(Options{Root: root, Out: out})
	if !errors.As(err, &list) {
		t.Fatalf("a build of long lists over budget: %v", err)
	}
	for _, d := range list {
		if d.Path != "content/site.yaml" || d.Line != 6 || !strings.HasSuffix(d.Message, "over max_page_kb (12 KB): lower page_size or raise max_page_kb") {
			t.Errorf("unexpected problem: %s", d)
		}
	}
}

// A stylesheet grown past the budget fails a rebuild as it fails a fresh
// build, though no page's own bytes changed: pages are weighed with the
// stylesheet, so its size is in every page's key. Shrunk again, the
// rebuild succeeds and the site is the fresh build's.
func TestStylesheetOverBudgetFailsRebuild(t *testing.T) {
	root := newProject(t, budgetArchive)
	out := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: root, Out: out})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	css := filepath.Join(root, "static/style.css")
	orig := readFile(t, css)
	writeFile(t, css, orig+"/*"+strings.Repeat(" padding", 1000)+" */\n")
	_, fresh := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "fresh")})
	b.Changed("static/style.css")
	_, err := b.Build()
	if fresh == nil || err == nil || err.Error() != fresh.Error() {
		t.Fatalf("rebuild: %v\nfresh build: %v", err, fresh)
	}
	sameTree(t, tree(t, out), before)

	writeFile(t, css, orig)
	b.Changed("static/style.css")
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(t.TempDir(), "want")
	mustBuild(t, Options{Root: root, Out: want})
	sameTree(t, tree(t, out), tree(t, want))
}
