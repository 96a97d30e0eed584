package build

import (
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const editorialArchive = `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages:
  en: {name: English, title: Briefings}
-- content/countries.yaml --
AZ: {en: Azerbaijan}
-- content/en/old.md --
---
title: An earlier story
date: 2026-01-10
countries: [AZ]
---
Earlier.
-- content/en/march.md --
---
title: The March appeal
date: 2026-03-01
countries: [AZ]
---
Appeal.
-- content/en/noon.md --
---
title: The noon statement
date: 2026-03-01T12:00:00+04:00
countries: [AZ]
---
Statement.
-- content/en/wip.md --
---
title: A draft in progress
date: 2026-01-11
countries: [AZ]
draft: true
---
Draft.
`

// A scheduled article is in no output before its time, and in the same
// place as any other after it: a day without a time begins in the site's
// time zone (Asia/Almaty, UTC+5), a time with its zone is that instant.
func TestScheduledArticles(t *testing.T) {
	root := newProject(t, editorialArchive)
	at := func(clock string) (Report, map[string]string) {
		t.Helper()
		now, err := time.Parse(time.RFC3339, clock)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		rep := mustBuild(t, Options{Root: root, Out: out, Now: now})
		return rep, contents(t, out)
	}
	for _, c := range []struct {
		clock       string
		march, noon bool
	}{
		{"2026-02-28T18:59:59Z", false, false},
		{"2026-02-28T19:00:00Z", true, false}, // midnight in Almaty
		{"2026-03-01T07:59:59Z", true, false},
		{"2026-03-01T08:00:00Z", true, true}, // noon at +04:00
	} {
		rep, files := at(c.clock)
		for title, want := range map[string]bool{"The March appeal": c.march, "The noon statement": c.noon, "A draft in progress": false} {
			var in []string
			for path, data := range files {
				if strings.Contains(data, title) {
					in = append(in, path)
				}
			}
			if want && len(in) == 0 || !want && len(in) > 0 {
				t.Errorf("at %s, %q is in %v; want it published: %v", c.clock, title, in, want)
			}
		}
		if n := 1 + btoi(c.march) + btoi(c.noon); rep.Articles != n || len(rep.Skipped) != 4-n {
			t.Errorf("at %s: %d articles, %d skipped", c.clock, rep.Articles, len(rep.Skipped))
		}
	}
	// Once its time has come, a scheduled article's site is the site of an
	// article never scheduled: the clock decides only what is published.
	_, after := at("2026-03-02T00:00:00Z")
	_, later := at("2030-01-01T00:00:00Z")
	if len(after) != len(later) {
		t.Fatalf("%d files, then %d", len(after), len(later))
	}
	for p, data := range after {
		if later[p] != data {
			t.Errorf("%s differs between two clocks after every date", p)
		}
	}
}

// A preview (--drafts --future) shows drafts and scheduled articles,
// marked and kept out of search engines; a build never does.
func TestPreviewMarksHeldArticles(t *testing.T) {
	root := newProject(t, editorialArchive)
	out := filepath.Join(t.TempDir(), "public")
	now := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	rep := mustBuild(t, Options{Root: root, Out: out, Now: now, Drafts: true, Future: true})
	if rep.Articles != 4 || len(rep.Held) != 3 || len(rep.Skipped) != 0 {
		t.Fatalf("%d articles, %d held, %d skipped", rep.Articles, len(rep.Held), len(rep.Skipped))
	}
	files := contents(t, out)
	for page, mark := range map[string]string{
		"en/2026/01/a-draft-in-progress/index.html": "Draft — not published",
		"en/2026/03/the-march-appeal/index.html":    "Scheduled for 1 March 2026, 00:00 UTC+05:00: not published yet",
		"en/2026/03/the-noon-statement/index.html":  "Scheduled for 1 March 2026, 12:00 UTC+04:00: not published yet",
	} {
		pg := html.UnescapeString(files[page])
		if !strings.Contains(pg, `<p class="banner" role="status">`+mark+`</p>`) || !strings.Contains(pg, `<meta name="robots" content="noindex">`) {
			t.Errorf("%s: not marked %q, or indexable: %s", page, mark, regexp.MustCompile(`class="banner"[^\n]*`).FindString(pg))
		}
		if !strings.Contains(html.UnescapeString(files["en/index.html"]), `<strong class="mark">`+mark+`</strong>`) {
			t.Errorf("the home page does not mark %q", mark)
		}
	}
	if page := files["en/2026/01/an-earlier-story/index.html"]; strings.Contains(page, "noindex") || strings.Contains(page, `class="banner"`) {
		t.Errorf("a published article is marked")
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// check's advice on a draft whose title changed never renames it onto
// another file: where the title's name is taken, it says so and what to
// do instead.
func TestDraftRenameAdvice(t *testing.T) {
	const head = "-- content/site.yaml --\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  en: {name: English, title: Briefings}\n" +
		"-- content/countries.yaml --\nAZ: {en: Azerbaijan}\n"
	article := func(name, title string, draft bool) string {
		return "-- content/en/2026/" + name + " --\n---\ntitle: " + title + "\ndate: 2026-01-10\ncountries: [AZ]\n" +
			map[bool]string{true: "draft: true\n"}[draft] + "---\nText.\n"
	}
	for _, c := range []struct{ name, files, want string }{
		{"free", article("old.md", "New title", true),
			"content/en/2026/old.md:2: warning: the file name no longer matches the title, whose URL ends in /new-title/: rename the file to match, with mv content/en/2026/old.md content/en/2026/new-title.md"},
		{"taken", article("old.md", "Same", true) + article("same.md", "Other", false),
			"content/en/2026/old.md:2: warning: the file name no longer matches the title, whose URL ends in /same/, but content/en/2026/same.md is another article's file: add a line slug: old to keep the URL this file's name gives, or another slug: line and rename the file to match"},
		{"taken, in another case", article("old.md", "Same", true) + article("Same.md", "Other", false),
			"content/en/2026/old.md:2: warning: the file name no longer matches the title, whose URL ends in /same/, but content/en/2026/Same.md is another article's file: add a line slug: old to keep the URL this file's name gives, or another slug: line and rename the file to match"},
		{"taken, and the file's name no slug", article("Old_Name.md", "Same", true) + article("same.md", "Other", false) + article("same-2.md", "Third", false),
			"content/en/2026/Old_Name.md:2: warning: the file name no longer matches the title, whose URL ends in /same/, but content/en/2026/same.md is another article's file: add a line slug: same-3 and rename the file to match, with mv content/en/2026/Old_Name.md content/en/2026/same-3.md"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep, err := Build(Options{Root: newProject(t, head+c.files), DryRun: true, Drafts: true, Warn: true})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range rep.Warnings {
				if strings.Contains(w.String(), "file name") {
					got = append(got, w.String())
				}
			}
			if strings.Join(got, "\n") != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), c.want)
			}
		})
	}
}

// check warns of an article dated more than a year after its clock, a
// year mistyped more likely than a story scheduled that far ahead; a
// year to the instant, or less, is a schedule like any other.
func TestFarAheadDateWarned(t *testing.T) {
	root := newProject(t, editorialArchive)
	for _, c := range []struct {
		clock string
		warn  []string // the files warned of
	}{
		{"2025-03-01T00:00:00+05:00", []string{"content/en/noon.md"}},                        // march.md begins a year later, to the second
		{"2025-02-28T23:59:59+05:00", []string{"content/en/march.md", "content/en/noon.md"}}, // a second more
		{"2025-01-09T00:00:00Z", []string{"content/en/march.md", "content/en/noon.md", "content/en/old.md", "content/en/wip.md"}},
	} {
		now, _ := time.Parse(time.RFC3339, c.clock)
		rep := mustBuild(t, Options{Root: root, DryRun: true, Warn: true, Now: now})
		var got []string
		for _, w := range rep.Warnings {
			if strings.Contains(w.Message, "more than a year away") {
				got = append(got, w.Path)
				if w.Line != 3 {
					t.Errorf("%s: warned at line %d, want the date's, 3", w.Path, w.Line)
				}
			}
		}
		if strings.Join(got, " ") != strings.Join(c.warn, " ") {
			t.Errorf("clock %s: warned of %v, want %v", c.clock, got, c.warn)
		}
	}
}
