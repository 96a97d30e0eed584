package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefings/internal/photo/phototest"
	"briefings/internal/render"
)

// TestRebuildMatchesFreshBuild edits a project step by step, rebuilding
// with one Builder, and checks after every step that the output folder is
// byte for byte what a fresh build of the same project writes, and that
// small edits write few files. The builder is told what changed, as the
// watcher tells it, or not told and left to look; or each step is a
// one-shot build into the existing folder, as `briefings build` run again.
func TestRebuildMatchesFreshBuild(t *testing.T) {
	t.Run("told", func(t *testing.T) { testRebuilds(t, true, false) })
	t.Run("not told", func(t *testing.T) { testRebuilds(t, false, false) })
	t.Run("one-shot builds", func(t *testing.T) { testRebuilds(t, false, true) })
}

func testRebuilds(t *testing.T, told, oneShot bool) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: root, Out: out})
	build := b.Build
	if oneShot {
		build = func() (Report, error) { return Build(Options{Root: root, Out: out}) }
	}
	first, err := build()
	if err != nil {
		t.Fatal(err)
	}
	if first.Written != first.Files {
		t.Errorf("first build wrote %d of %d files", first.Written, first.Files)
	}
	file := func(p string) string { return filepath.Join(root, p) }
	steps := []struct {
		name     string
		changed  []string // what the watcher would report
		edit     func()
		maxWrite int // most files the rebuild may write
		removed  int
	}{
		{"nothing changed", nil, func() {}, 0, 0},
		{"body edited", []string{"content/ru/2024/tokayev.md"}, func() {
			writeFile(t, file("content/ru/2024/tokayev.md"), "---\ntitle: Токаев принял президента МККК\ndate: 2024-03-06\ncountries: [KZ]\n---\nВстреча в Астане прошла в среду.\n")
		}, 28, 0}, // its page, lists, four feeds in three formats (untranslated, it is in the English ones too), and the search index of its summary in each language
		{"title edited", []string{"content/en/2025/closure.md"}, func() {
			s := readFile(t, file("content/en/2025/closure.md"))
			writeFile(t, file("content/en/2025/closure.md"), strings.Replace(s, "ICRC closes its delegation", "ICRC closes its Baku delegation", 1))
		}, 18, 0},
		{"link to an article added", []string{"content/ru/2024/tokayev.md"}, func() {
			writeFile(t, file("content/ru/2024/tokayev.md"), "---\ntitle: Токаев принял президента МККК\ndate: 2024-03-06\ncountries: [KZ]\n---\nВстреча в Астане прошла в среду ([МККК](../../en/2025/closure.md)).\n")
		}, 28, 0},
		{"linked article's title edited", []string{"content/en/2025/closure.md"}, func() {
			// The linking page does not show the title, but the link
			// follows the article to its new address.
			s := readFile(t, file("content/en/2025/closure.md"))
			writeFile(t, file("content/en/2025/closure.md"), strings.Replace(s, "ICRC closes its Baku delegation", "ICRC closes its office in Baku", 1))
		}, 28, 0}, // the title edit's, the linking page and the feeds that carry it
		{"article added in a new folder", []string{"content/en/2026", "content/en/2026/new", "content/en/2026/new/geo.md"}, func() {
			writeFile(t, file("content/en/2026/new/geo.md"), "---\ntitle: Georgia update\ndate: 2026-01-15\ncountries: [GE]\n---\nNews.\n")
		}, 60, 0},
		{"article renamed by its slug", []string{"content/en/2026/new/geo.md"}, func() {
			s := readFile(t, file("content/en/2026/new/geo.md"))
			writeFile(t, file("content/en/2026/new/geo.md"), strings.Replace(s, "countries:", "slug: georgia-news\ncountries:", 1))
		}, 30, 1}, // the Russian feeds too carry it, untranslated
		{"translation linked", []string{"content/ru/2024/missing.md", "content/en/2024/missing.md"}, func() {
			writeFile(t, file("content/ru/2024/missing.md"), "---\ntitle: Семьи пропавших встретились\ndate: 2024-11-21\ncountries: [AM]\n---\nВстреча.\n")
			s := readFile(t, file("content/en/2024/missing.md"))
			writeFile(t, file("content/en/2024/missing.md"), strings.Replace(s, "countries:", "translation_key: missing\ncountries:", 1))
			s = readFile(t, file("content/ru/2024/missing.md"))
			writeFile(t, file("content/ru/2024/missing.md"), strings.Replace(s, "countries:", "translation_key: missing\ncountries:", 1))
		}, 60, 0},
		{"linked article renamed", []string{"content/ru/2024/tokayev.md"}, func() {
			s := readFile(t, file("content/ru/2024/tokayev.md"))
			writeFile(t, file("content/ru/2024/tokayev.md"), strings.Replace(s, "countries:", "slug: tokaev-v-astane\ncountries:", 1))
		}, 36, 1}, // the English feeds too carry it, untranslated
		{"updated with a time zone", []string{"content/en/2024/missing.md"}, func() {
			s := readFile(t, file("content/en/2024/missing.md"))
			writeFile(t, file("content/en/2024/missing.md"), strings.Replace(s, "countries:", "updated: 2024-11-22T10:00:00+04:00\ncountries:", 1))
		}, 30, 0},
		{"the same instant in UTC", []string{"content/en/2024/missing.md"}, func() {
			s := readFile(t, file("content/en/2024/missing.md"))
			writeFile(t, file("content/en/2024/missing.md"), strings.Replace(s, "2024-11-22T10:00:00+04:00", "2024-11-22T06:00:00Z", 1))
		}, 30, 0},
		{"article deleted", []string{"content/en/2026/new/geo.md"}, func() { os.Remove(file("content/en/2026/new/geo.md")) }, 60, 0},
		{"folder deleted", []string{"content/ru/2024", "content/ru/2025/closure.md"}, func() {
			os.RemoveAll(file("content/ru/2024"))
			s := readFile(t, file("content/ru/2025/closure.md"))
			writeFile(t, file("content/ru/2025/closure.md"), strings.Replace(s, "(../2024/tokayev.md#vstrecha)", "(https://example.org)", 1))
		}, 60, 0},
		{"folder moved in", []string{"content/ru/2024"}, func() {
			staged := filepath.Join(t.TempDir(), "2024")
			writeFile(t, filepath.Join(staged, "back/tokayev.md"), "---\ntitle: Токаев принял президента МККК\ndate: 2024-03-06\ncountries: [KZ]\n---\nВстреча.\n")
			writeFile(t, filepath.Join(staged, "notes.txt"), "not an article")
			if err := os.Rename(staged, file("content/ru/2024")); err != nil {
				t.Fatal(err)
			}
		}, 60, 0},
		{"folder renamed beside a longer name", []string{"content/ru/2024", "content/ru/2024-old", "content/ru/2024/a.md"}, func() {
			writeFile(t, file("content/ru/2024-old/a.md"), "---\ntitle: Старая папка\ndate: 2024-05-01\ncountries: [KZ]\n---\nТекст.\n")
			b.Changed("content/ru/2024-old", "content/ru/2024-old/a.md")
			if _, err := build(); err != nil {
				t.Fatal(err)
			}
			os.RemoveAll(file("content/ru/2024"))
			if err := os.Rename(file("content/ru/2024-old"), file("content/ru/2024")); err != nil {
				t.Fatal(err)
			}
		}, 60, 0},
		{"photo added", []string{"content/media", "content/media/a.jpg", "content/en/2025/closure.md"}, func() {
			writeFile(t, file("content/media/a.jpg"), string(phototest.JPEG(700, 500, 1)))
			s := readFile(t, file("content/en/2025/closure.md"))
			writeFile(t, file("content/en/2025/closure.md"), strings.Replace(s, "countries:", "image: ../../media/a.jpg\nimage_alt: A photo\ncountries:", 1))
		}, 1000, 0},
		{"photo replaced", []string{"content/media/a.jpg"}, func() {
			writeFile(t, file("content/media/a.jpg"), string(phototest.JPEG(900, 500, 2)))
		}, 1000, 0},
		{"photo moved into the body", []string{"content/en/2025/closure.md"}, func() {
			s := readFile(t, file("content/en/2025/closure.md"))
			s = strings.Replace(s, "image: ../../media/a.jpg\nimage_alt: A photo\n", "", 1)
			writeFile(t, file("content/en/2025/closure.md"), s+"\n![A photo](../../media/a.jpg \"Its caption\")\n")
		}, 1000, 4},
		{"photo no longer shown", []string{"content/en/2025/closure.md"}, func() {
			s := readFile(t, file("content/en/2025/closure.md"))
			writeFile(t, file("content/en/2025/closure.md"), strings.Replace(s, "![A photo](../../media/a.jpg \"Its caption\")", "", 1))
		}, 1000, 4}, // 320 and 640 pixels wide, in two formats
		{"template changed", []string{"templates/layout.html"}, func() {
			s := readFile(t, file("templates/layout.html"))
			writeFile(t, file("templates/layout.html"), strings.Replace(s, `<main id="main">`, `<main id="main" class="m">`, 1))
		}, 1000, 0},
		{"static file added", []string{"static/CNAME"}, func() { writeFile(t, file("static/CNAME"), "briefings.example.org\n") }, 1, 0},
		{"static file removed", []string{"static/CNAME"}, func() { os.Remove(file("static/CNAME")) }, 0, 1},
		{"country renamed", []string{"content/countries.yaml"}, func() {
			s := readFile(t, file("content/countries.yaml"))
			writeFile(t, file("content/countries.yaml"), strings.Replace(s, "ru: Армения", "ru: Республика Армения", 1))
		}, 1000, 0},
	}
	for _, st := range steps {
		st.edit()
		if told {
			b.Changed(st.changed...)
		}
		rep, err := build()
		if st.name == "folder moved in" {
			// notes.txt is not an article: the build must say so, told or not.
			if err == nil || !strings.Contains(err.Error(), "content/ru/2024/notes.txt: not an article") {
				t.Fatalf("%s: %v", st.name, err)
			}
			os.Remove(file("content/ru/2024/notes.txt"))
			if told {
				b.Changed("content/ru/2024/notes.txt")
			}
			rep, err = build()
		}
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		fresh := filepath.Join(t.TempDir(), "public")
		mustBuild(t, Options{Root: root, Out: fresh})
		got, want := tree(t, out), tree(t, fresh)
		if !slices.Equal(sortedPaths(got), sortedPaths(want)) {
			t.Errorf("%s: rebuilt files differ from a fresh build's:\n%v\n%v", st.name, sortedPaths(got), sortedPaths(want))
		}
		for p, sum := range want {
			if got[p] != sum {
				t.Errorf("%s: %s differs from a fresh build's", st.name, p)
			}
		}
		if rep.Written > st.maxWrite || (st.removed > 0 && rep.Removed < st.removed) {
			t.Errorf("%s: wrote %d files (at most %d), removed %d (at least %d)", st.name, rep.Written, st.maxWrite, rep.Removed, st.removed)
		}
		t.Logf("%s: wrote %d of %d files, removed %d", st.name, rep.Written, rep.Files, rep.Removed)
	}
}

// TestRebuildAfterError keeps the last good site while content is broken,
// then catches up once it is fixed.
func TestRebuildAfterError(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: root, Out: out})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	good := tree(t, out)
	art := filepath.Join(root, "content/en/2025/closure.md")
	orig := readFile(t, art)
	writeFile(t, art, strings.Replace(orig, "date: 2025-09-03", "date: tomorrow", 1))
	if _, err := b.Build(); err == nil {
		t.Fatal("a broken article built")
	}
	for p, sum := range tree(t, out) {
		if good[p] != sum {
			t.Errorf("%s changed while the content was broken", p)
		}
	}
	writeFile(t, art, strings.Replace(orig, "ICRC closes its delegation", "Fixed title", 1))
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readFile(t, filepath.Join(out, "en/index.html")), "Fixed title") {
		t.Errorf("the fix did not reach the home page")
	}
}

// TestRebuildWhenOutputDeleted starts afresh when the output folder went away.
func TestRebuildWhenOutputDeleted(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: root, Out: out})
	first, _ := b.Build()
	os.RemoveAll(out)
	rep, err := b.Build()
	if err != nil || rep.Written != first.Files {
		t.Fatalf("after the output was deleted: wrote %d of %d, %v", rep.Written, first.Files, err)
	}
}

// TestRebuildAfterAnotherBuild: a one-off build into the same folder (with
// another base URL, say) replaces what the builder wrote; its next
// rebuild must not trust what it knew of the folder.
func TestRebuildAfterAnotherBuild(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: root, Out: out})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, Options{Root: root, Out: out, BaseURL: "https://elsewhere.example/"})
	rep, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if rep.Written == 0 || strings.Contains(readFile(t, filepath.Join(out, "en/index.html")), "elsewhere") {
		t.Errorf("the rebuild trusted a folder another build had changed: wrote %d of %d", rep.Written, rep.Files)
	}
	fresh := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: fresh})
	sameTree(t, tree(t, out), tree(t, fresh))
}

// A builder whose memo keeps nothing, as Build's, makes no page keys: a
// second build with it must not take the pages for unchanged.
func TestOneShotBuilderBuildsAgain(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: root, Out: out})
	b.last.memo = render.OneBuild()
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(root, "content/en/2025/closure.md")
	writeFile(t, name, strings.Replace(readFile(t, name), "\n---\n", "\n---\nA sentence added to the body.\n\n", 1))
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: fresh})
	sameTree(t, tree(t, out), tree(t, fresh))
}

// A session's failed build still lists a broken link to a site path in
// another file, planned from its last build without touching what the
// next build reads: after the fix, the rebuild equals a fresh build.
func TestFailedRebuildChecksSiteLinks(t *testing.T) {
	root := newProject(t, siteArchive)
	writeFile(t, filepath.Join(root, "content/en/2025/links.md"),
		"---\ntitle: Links\ndate: 2025-09-05\ncountries: [AZ]\n---\nSee [the country](/en/countries/azerbaijan/) and [nothing](/en/nowhere/).\n")
	out := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: root, Out: out})
	if _, err := b.Build(); err == nil || !strings.Contains(err.Error(), "link to /en/nowhere/") {
		t.Fatalf("the broken site link: %v", err)
	}
	writeFile(t, filepath.Join(root, "content/en/2025/links.md"),
		"---\ntitle: Links\ndate: 2025-09-05\ncountries: [AZ]\n---\nSee [the country](/en/countries/azerbaijan/).\n")
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	art := filepath.Join(root, "content/en/2025/closure.md")
	orig := readFile(t, art)
	writeFile(t, filepath.Join(root, "content/en/2025/links.md"),
		"---\ntitle: Links\ndate: 2025-09-05\ncountries: [AZ]\n---\nSee [the country](/en/countries/azerbaijan/) and [nothing](/en/nowhere/).\n")
	writeFile(t, art, strings.Replace(orig, "date: 2025-09-03", "date: 2025-09-03\nsumary: a typo", 1))
	_, err := b.Build()
	if err == nil || !strings.Contains(err.Error(), "link to /en/nowhere/") || !strings.Contains(err.Error(), `unknown field "sumary"`) {
		t.Fatalf("both problems at once: %v", err)
	}
	writeFile(t, art, strings.Replace(orig, "ICRC closes its delegation", "Fixed title", 1))
	writeFile(t, filepath.Join(root, "content/en/2025/links.md"),
		"---\ntitle: Links\ndate: 2025-09-05\ncountries: [AZ]\n---\nSee [the country](/en/countries/azerbaijan/) again.\n")
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	mustBuild(t, Options{Root: root, Out: fresh})
	sameTree(t, tree(t, out), tree(t, fresh))
}

// Dates written with other offsets near a year's end: a story moved to
// 2018-12-31T23:30:00Z is newer than one of 2019-01-01T01:00:00+06:00,
// yet filed in December 2018, as its path says. The rebuild equals a
// fresh build, and December's archive lists both of its stories.
func TestRebuildOfDatesAcrossOffsets(t *testing.T) {
	root := newProject(t, siteArchive)
	story := func(title, date string) string {
		return "---\ntitle: " + title + "\ndate: " + date + "\ncountries: [KZ]\n---\nNews.\n"
	}
	writeFile(t, filepath.Join(root, "content/en/2019/new-year.md"), story("New year", "2019-01-01T01:00:00+06:00"))
	writeFile(t, filepath.Join(root, "content/en/2018/december.md"), story("December", "2018-12-15"))
	writeFile(t, filepath.Join(root, "content/en/2019/moved.md"), story("Moved", "2019-07-22"))
	out := filepath.Join(t.TempDir(), "public")
	b := New(Options{Root: root, Out: out})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "content/en/2019/moved.md"), story("Moved", "2018-12-31T23:30:00Z"))
	b.Changed("content/en/2019/moved.md")
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: fresh})
	sameTree(t, tree(t, out), tree(t, fresh))
	december := readFile(t, filepath.Join(fresh, "en/2018/12/index.html"))
	for _, slug := range []string{"/en/2018/12/moved/", "/en/2018/12/december/"} {
		if !strings.Contains(december, slug) {
			t.Errorf("December 2018's archive does not list %s", slug)
		}
	}
}

// A link to an article not yet published is no problem, but once its
// file is gone the link leads nowhere: the rebuild after the deletion,
// in which no published article moved, fails as a fresh build does.
func TestRebuildChecksLinksToUnpublishedFiles(t *testing.T) {
	root := newProject(t, siteArchive)
	writeFile(t, filepath.Join(root, "content/en/2030/ahead.md"), "---\ntitle: Ahead\ndate: 2030-01-01\ncountries: [KZ]\n---\nLater.\n")
	art := filepath.Join(root, "content/en/2025/closure.md")
	writeFile(t, art, readFile(t, art)+"\nSee [what comes](../2030/ahead.md).\n")
	opts := Options{Root: root, Out: filepath.Join(t.TempDir(), "public"), Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	b := New(opts)
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(root, "content/en/2030/ahead.md"))
	b.Changed("content/en/2030/ahead.md")
	_, err := b.Build()
	fresh := opts
	fresh.Out = filepath.Join(t.TempDir(), "public")
	_, ferr := Build(fresh)
	wantProblems(t, ferr, "content/en/2025/closure.md:13: link to content/en/2030/ahead.md: there is no such article")
	if err == nil || !slices.Equal(problemsOf(err, opts.Out), problemsOf(ferr, fresh.Out)) {
		t.Errorf("the rebuild: %v\na fresh build: %v", err, ferr)
	}
}

// A link to an article that is there but scheduled shows its text
// without a link until the article is published, and no placeholder
// reaches any file; check says why. Once the clock passes the article's
// date, a rebuild links it, as a fresh build does.
func TestLinkToScheduledArticle(t *testing.T) {
	root := newProject(t, siteArchive)
	writeFile(t, filepath.Join(root, "content/en/2030/ahead.md"), "---\ntitle: Ahead\ndate: 2030-01-01\ncountries: [KZ]\n---\nLater.\n")
	art := filepath.Join(root, "content/en/2025/closure.md")
	writeFile(t, art, readFile(t, art)+"\nSee [what *comes*](../2030/ahead.md \"Soon\") and [again](../2030/ahead.md#more).\n")
	opts := Options{Root: root, Out: filepath.Join(t.TempDir(), "public"), Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Warn: true}
	b := New(opts)
	rep, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rep.Warnings.Error(), "closure.md:13: warning: link to content/en/2030/ahead.md: it is scheduled") {
		t.Errorf("warnings: %v", rep.Warnings)
	}
	for name := range tree(t, opts.Out) {
		if strings.Contains(readFile(t, filepath.Join(opts.Out, name)), "briefings-link-") {
			t.Errorf("%s holds a link's placeholder", name)
		}
	}
	page := readFile(t, filepath.Join(opts.Out, "en/2025/09/icrc-closes-its-delegation/index.html"))
	if !strings.Contains(page, "See what <em>comes</em> and again.") {
		t.Errorf("the links to the scheduled article are not their text alone:\n%s", page)
	}
	later := opts
	later.Now = time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)
	b.opts.Now = later.Now
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	later.Out = filepath.Join(t.TempDir(), "public")
	mustBuild(t, later)
	sameTree(t, tree(t, opts.Out), tree(t, later.Out))
	page = readFile(t, filepath.Join(later.Out, "en/2025/09/icrc-closes-its-delegation/index.html"))
	if !strings.Contains(page, `<a href="/portal/en/2030/01/ahead/" title="Soon">what <em>comes</em></a>`) {
		t.Errorf("published, the article is not linked:\n%s", page)
	}
}
