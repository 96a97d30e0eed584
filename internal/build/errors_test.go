package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefings/internal/diag"
)

const baseArchive = `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages:
  en: {name: English, title: Briefings}
  ru: {name: Русский, title: Брифинги}
-- content/countries.yaml --
AZ: {en: Azerbaijan, ru: Азербайджан}
KZ: {en: Kazakhstan, ru: Казахстан}
-- content/en/ok.md --
---
title: A good article
date: 2025-01-02
countries: [AZ]
---
Fine.
`

func TestBuildErrors(t *testing.T) {
	cases := []struct {
		name, files string
		want        string
	}{
		{"unknown country", `
-- content/ru/a.md --
---
title: Статья
date: 2025-01-02
countries: [KZ, XX]
---
`, `content/ru/a.md:4: unknown country "XX": add it to content/countries.yaml or use one of AZ, KZ`},
		{"unknown country in a block list, at its own line", `
-- content/ru/a.md --
---
title: Статья
date: 2025-01-02
countries:
  - KZ
  - QQ
---
`, `content/ru/a.md:6: unknown country "QQ": add it to content/countries.yaml or use one of AZ, KZ`},
		{"direction controls and invisible characters in titles and names", `
-- content/countries.yaml --
AZ: {en: "Azer\u202Ebaijan", ru: Азербайджан}
KZ: {en: Kazakhstan, ru: "Каз\x1bахстан"}
-- content/en/a.md --
---
title: "Bidi \u202E test"
date: 2025-01-02
countries: [AZ]
summary: "x\u2066y"
---
`, `content/countries.yaml:1: AZ: the en name holds the invisible character U+202E: delete it
content/countries.yaml:2: KZ: the ru name holds the invisible character U+001B: delete it
content/en/a.md:2: title holds the direction control U+202E, which turns the text after it around, on the page and past it (the site's name in the tab's title, a list's dates): delete it
content/en/a.md:5: summary holds the direction control U+2066, which turns the text after it around, on the page and past it (the site's name in the tab's title, a list's dates): delete it`},
		{"same URL, both files named", `
-- content/en/2025/one.md --
---
title: Same title
date: 2025-03-01
countries: [AZ]
---
-- content/en/other/two.md --
---
title: Another
slug: same-title
date: 2025-03-20
countries: [KZ]
---
`, `content/en/2025/one.md:2: URL /en/2025/03/same-title/ is also used by content/en/other/two.md: give one of them a slug of its own
content/en/other/two.md:3: URL /en/2025/03/same-title/ is also used by content/en/2025/one.md: give one of them a slug of its own`},
		{"translation key twice in one language", `
-- content/ru/a.md --
---
title: Первая
date: 2025-01-02
countries: [AZ]
translation_key: k
---
-- content/ru/b.md --
---
title: Вторая
date: 2025-01-03
countries: [AZ]
translation_key: k
---
`, `content/ru/a.md:5: translation_key "k" in language ru is also used by content/ru/b.md: a story has one article a language: change one of the keys
content/ru/b.md:5: translation_key "k" in language ru is also used by content/ru/a.md: a story has one article a language: change one of the keys`},
		{"unknown language folder", `
-- content/de/a.md --
---
title: Artikel
---
`, `content/de: folder "de" is not a language of site.yaml (en, ru), nor media/, the photos' folder`},
		{"article outside a language", `
-- content/a.md --
hello
`, `content/a.md: unexpected file: content/ holds site.yaml, countries.yaml and one folder per language`},
		{"not markdown", `
-- content/en/notes.pdf --
PDF
-- content/media/a.md --
text
-- content/en/Notes.MD --
text
-- content/en/old.markdown --
text
-- content/en/_index.md --
---
title: News
---
`, `content/en/Notes.MD: an article's file name ends in .md, in lower case: rename it Notes.md
content/en/_index.md: a list page of Hugo's: the build makes every list itself; remove it, or make it a page of content/en/pages/
content/en/notes.pdf: not an article or a photo: content/{lang}/ holds .md articles and the .jpg, .jpeg, .png or .webp photos they show; put other files in static/
content/en/old.markdown: an article's file name ends in .md, in lower case: rename it old.md
content/media/a.md: not a photo: content/media/ holds the photos articles share, .jpg, .jpeg, .png or .webp files; put articles under content/{lang}/`},
		{"a phone's HEIC photo", `
-- content/en/IMG_0412.HEIC --
ftypheic
-- content/media/clip.gif --
GIF89a
-- content/en/a.md --
---
title: A visit
date: 2025-01-02
countries: [AZ]
image: IMG_0412.HEIC
image_alt: Delegates at the gate
---
![A clip](../media/clip.gif)
`, `content/en/IMG_0412.HEIC: is a HEIC photo, as iPhones and many phones take them, which most browsers cannot show and the site does not publish: convert it to JPEG and show the .jpg (on a Mac, open it in Preview and choose File > Export as JPEG; on Windows, open it in Photos and save a copy as .jpg; on Linux, heif-convert photo.heic photo.jpg); an iPhone takes JPEGs with Settings > Camera > Formats > Most Compatible
content/en/a.md:5: image: the file IMG_0412.HEIC is a HEIC photo, as iPhones and many phones take them, which most browsers cannot show and the site does not publish: convert it to JPEG and show the .jpg (on a Mac, open it in Preview and choose File > Export as JPEG; on Windows, open it in Photos and save a copy as .jpg; on Linux, heif-convert photo.heic photo.jpg); an iPhone takes JPEGs with Settings > Camera > Formats > Most Compatible
content/en/a.md:8: image: the file ../media/clip.gif is a GIF, which the site does not publish (an animation cannot be a photo): save the frame to show as PNG, or a photo as JPEG
content/media/clip.gif: is a GIF, which the site does not publish (an animation cannot be a photo): save the frame to show as PNG, or a photo as JPEG`},
		{"problems in several files at once", `
-- content/en/a.md --
---
title: A
date: 2025-13-01
countries: [AZ]
---
-- content/ru/b.md --
---
title: Б
date: 2025-01-01
countries: [QQ]
tags: [x]
---
`, `content/en/a.md:3: date "2025-13-01" is not a date: write YYYY-MM-DD (2025-09-03) or RFC 3339 (2025-09-03T14:30:00+05:00)
content/ru/b.md:4: unknown country "QQ": add it to content/countries.yaml or use one of AZ, KZ
content/ru/b.md:5: unknown field "tags"; known fields: title, date, countries, summary, source, source_url, translation_key, slug, updated, draft, image, image_alt, image_caption, image_credit`},
		{"links to missing and draft articles", `
-- content/en/a.md --
---
title: A
date: 2025-01-02
countries: [AZ]
---
First paragraph, with [a good link](ok.md).

Then [a missing one](2024/gone.md)
and, on the next line, [a draft](draft.md#top), [one in another case](OK.md).
-- content/en/draft.md --
---
title: Draft
date: 2025-01-03
countries: [AZ]
draft: true
---
`, `content/en/a.md:8: link to content/en/2024/gone.md: there is no such article; correct the path, which is relative to this file, or remove the link
content/en/a.md:9: link to content/en/OK.md: there is no such article, but there is content/en/ok.md, whose name differs in case: write it as it is
content/en/a.md:9: link to content/en/draft.md: it is a draft, and drafts are not published; publish it or remove the link`},
		{"relative links to what is not published", `
-- content/en/a.md --
---
title: A
date: 2025-01-02
countries: [AZ]
---
The [report](report.pdf), [a folder](../nowhere/), [a photo](../pics/gps.jpg)
and [a note below](#notes) on this page.
`, `content/en/a.md:6: link to ../nowhere/: a relative link can lead only to an article's .md file; link to a full https:// address, a path of the site (/en/countries/azerbaijan/) or an article's .md file
content/en/a.md:6: link to ../pics/gps.jpg: a relative link can lead only to an article's .md file; link to a full https:// address, a path of the site (/en/countries/azerbaijan/) or an article's .md file
content/en/a.md:6: link to report.pdf: a relative link can lead only to an article's .md file; link to a full https:// address, a path of the site (/en/countries/azerbaijan/) or an article's .md file`},
		{"front matter problems and the same file's links and photos", `
-- content/en/a.md --
---
title: A
date: 2025-01-02
countries: [AZ]
sumary: s
---
[Gone](gone.md), [a draft](draft.md) and ![a photo](nope.jpg).
-- content/en/draft.md --
---
title: Draft
date: 2025-01-03
countries: [AZ]
draft: true
---
`, `content/en/a.md:5: unknown field "sumary"; did you mean "summary"?
content/en/a.md:7: link to content/en/draft.md: it is a draft, and drafts are not published; publish it or remove the link
content/en/a.md:7: link to content/en/gone.md: there is no such article; correct the path, which is relative to this file, or remove the link
content/en/a.md:7: photo content/en/nope.jpg: there is no such file; correct the path, which is relative to the article's file`},
		{"links to site paths beside other problems", `
-- content/en/links.md --
---
title: Links
date: 2025-01-02
countries: [AZ]
---
[Nowhere](/en/nonexistent/), [a flawed article's page](/en/2025/02/flawed/)
and [its month](/en/2025/02/).
-- content/en/flawed.md --
---
title: Flawed
date: 2025-02-03
countries: [AZ, QQ]
---
![A remote photo](https://elsewhere.example/a.jpg)
`, `content/en/flawed.md:4: unknown country "QQ": add it to content/countries.yaml or use one of AZ, KZ
content/en/flawed.md:6: image: a picture from another site cannot be published: a remote image lets that site track every reader, in pages and feeds alike; save the photo under content/ (content/media/ for one that articles in several languages share) and give its path relative to this file, like ../../media/seminar.jpg
content/en/links.md:6: link to /en/nonexistent/: the site has no page or file there; give a path from the site's root, like /en/countries/kazakhstan/, or link an article by its file, like ../2024/x.md`},
		{"links into a language with an unreadable file", `
-- content/en/unreadable.md --
---
title: ICRC: a colon
date: 2025-02-03
countries: [AZ]
---
-- content/ru/links.md --
---
title: Ссылки
date: 2025-01-02
countries: [AZ]
---
[Может быть](/en/2025/02/icrc-a-colon/), [нет](/ru/nonexistent/).
`, `content/en/unreadable.md:2: YAML: mapping values are not allowed in this context (a value with ": " in it must be in double quotes, title: "ICRC: …"; or a line above lacks its colon)
content/ru/links.md:6: link to /ru/nonexistent/: the site has no page or file there; give a path from the site's root, like /en/countries/kazakhstan/, or link an article by its file, like ../2024/x.md`},
		{"check: sources.yaml with an unknown field, beside site.yaml's and countries.yaml's", `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages:
  en: {name: English, title: Briefings}
  ru: {name: Русский, title: Брифинги}
pagesize: 10
-- content/countries.yaml --
AZ: {en: Azerbaijan}
KZ: {en: Kazakhstan, ru: Казахстан}
-- content/sources.yaml --
trend:
  name: Trend
  sitez: [trend.az]
`, `content/countries.yaml:1: AZ has no ru name
content/site.yaml:6: unknown field "pagesize"
content/sources.yaml:3: trend: unknown field "sitez"; an agency has a name, a name for any language ([en ru]), sites and match`},
		{"broken template and site.yaml", `
-- templates/article.html --
{{define "main"}}{{.Nope}{{end}}
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages:
  en: {name: English, title: Briefings}
  ru: {name: Русский, title: Брифинги}
page_size: ten
`, `content/site.yaml:6: expected a whole number, not "ten"
templates/article.html:1: bad character U+007D '}'`},
		{"broken template", `
-- templates/article.html --
{{define "main"}}
<p>{{.Nope}</p>
{{end}}
`, `templates/article.html:2: bad character U+007D '}'`},
		{"layout without the templates of shared parts", `
-- templates/layout.html --
{{define "layout"}}<!doctype html><title>{{.Title}}</title>{{template "main" .}}{{end}}
{{define "items"}}{{range .}}{{.}}{{end}}{{end}}
{{define "related"}}{{range .}}{{.}}{{end}}{{end}}
`, `templates/layout.html: it must define "assets", the template of the stylesheet and icon links in a page's head: {{define "assets"}}…{{end}}
templates/layout.html: it must define "brief", the template of one story, without its summary, in the home page's list: {{define "brief"}}…{{end}}
templates/layout.html: it must define "feed", the template of a feed's line in the footer: {{define "feed"}}…{{end}}
templates/layout.html: it must define "feed-links", the template of the <link>s of a feed in a page's head: {{define "feed-links"}}…{{end}}
templates/layout.html: it must define "feed-photo", the template of a photo in a feed: {{define "feed-photo"}}…{{end}}
templates/layout.html: it must define "figure", the template of a photo with its caption: {{define "figure"}}…{{end}}
templates/layout.html: it must define "footer", the template of a page's footer: {{define "footer"}}…{{end}}
templates/layout.html: it must define "item", the template of one story in a list page: {{define "item"}}…{{end}}
templates/layout.html: it must define "masthead", the template of the skip link and the site's name at the top of a page: {{define "masthead"}}…{{end}}
templates/layout.html: it must define "photo", the template of a photo among words: {{define "photo"}}…{{end}}
templates/layout.html: it must define "related-item", the template of one story in an article's related stories: {{define "related-item"}}…{{end}}
templates/layout.html: it must define "sections", the template of the site's sections in the header: {{define "sections"}}…{{end}}
templates/layout.html: it must define "social-image", the template of a page's OpenGraph image and Twitter card: {{define "social-image"}}…{{end}}
templates/layout.html: it must define "social-site", the template of the site's OpenGraph tags in a page's head: {{define "social-site"}}…{{end}}
templates/layout.html: it must define "story", the template of the newest story at the top of the home page: {{define "story"}}…{{end}}`},
		{"missing strings", "", `templates/i18n/ru.yaml: missing: go_home, months and months_genitive (12 each); add each with its text, as in the templates/i18n files that come with this version (a file from an earlier one lacks what newer pages say)`},
		{"static file where the site needs a folder", `
-- static/en --
a file
-- static/sitemap.xml/inside.txt --
a folder
`, `static/en: the site needs a folder /en/ here; rename or remove it
static/sitemap.xml/inside.txt: the site generates a file /sitemap.xml, so static/sitemap.xml cannot be a folder`},
		{"static file over a page", `
-- static/en/index.html --
<p>mine</p>
`, `static/en/index.html: collides with a page the site generates at /en/index.html; rename or remove it`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := newProject(t, baseArchive+c.files)
			if c.name == "missing strings" {
				ru := filepath.Join(root, "templates/i18n/ru.yaml")
				var kept []string
				for _, l := range strings.Split(readFile(t, ru), "\n") {
					if !strings.HasPrefix(l, "go_home:") && !strings.HasPrefix(l, "months:") {
						kept = append(kept, l)
					}
				}
				writeFile(t, ru, strings.Join(kept, "\n"))
			}
			// check reports what only import reads, sources.yaml
			check := strings.HasPrefix(c.name, "check: ")
			_, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public"), DryRun: check, Warn: check})
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("err = %v, want a list of problems", err)
			}
			if got := list.Error(); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// A broken sources.yaml, which only import reads, does not fail a build,
// nor a rebuild of watch and serve: it is a warning at its line.
func TestBrokenSourcesWarn(t *testing.T) {
	root := newProject(t, baseArchive+`
-- content/sources.yaml --
trend:
  name: Trend
  sitez: [trend.az]
`)
	b := New(Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
	for i := range 2 {
		rep, err := b.Build()
		if err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		want := `content/sources.yaml:3: warning: trend: unknown field "sitez"; an agency has a name, a name for any language ([en ru]), sites and match (only import reads sources.yaml, and refuses to run until it is fixed)`
		if got := rep.Warnings.Error(); got != want {
			t.Errorf("build %d warns:\n%s\nwant\n%s", i+1, got, want)
		}
	}
}

// TestFailedBuildKeepsOutput checks that a build that fails, on content or
// on writing, leaves the previous site exactly as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	before := tree(t, out)

	// Its site links are checked against a site planned, not written.
	writeFile(t, filepath.Join(root, "content/en/2025/broken.md"), "---\ntitle: Broken\ndate: yesterday\ncountries: [AZ]\n---\n[x](/files/report.pdf)\n")
	_, err := Build(Options{Root: root, Out: out})
	if err == nil || !strings.Contains(err.Error(), "content/en/2025/broken.md:3: date") ||
		!strings.Contains(err.Error(), "content/en/2025/broken.md:6: link to /files/report.pdf") {
		t.Fatalf("err = %v", err)
	}
	os.Remove(filepath.Join(root, "content/en/2025/broken.md"))
	writeFile(t, filepath.Join(root, "static/en/index.html"), "collides")
	if _, err := Build(Options{Root: root, Out: out}); err == nil {
		t.Fatal("a build with a colliding static file succeeded")
	}
	os.Remove(filepath.Join(root, "static/en/index.html"))
	// A template that fails as it runs, after other pages were made: the
	// build changes the folder only once every file is ready.
	writeFile(t, filepath.Join(root, "content/en/2025/new.md"), "---\ntitle: New\ndate: 2025-12-01\ncountries: [AZ]\n---\nNew.\n")
	writeFile(t, filepath.Join(root, "templates/article.html"), `{{define "main"}}{{index .Alternates 99}}{{end}}`)
	if _, err := Build(Options{Root: root, Out: out}); err == nil || !strings.Contains(err.Error(), "templates/article.html") {
		t.Fatalf("a build whose template failed: %v", err)
	}

	after := tree(t, out)
	if len(after) != len(before) {
		t.Errorf("output has %d files, had %d", len(after), len(before))
	}
	for p, sum := range before {
		if after[p] != sum {
			t.Errorf("%s changed", p)
		}
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*"))
	if len(left) > 0 {
		t.Errorf("failed builds left %v", left)
	}
}

// A broken part of the frame every page shares fails every page the same
// way: the build says it once.
func TestSharedTemplateErrorSaidOnce(t *testing.T) {
	root := newProject(t, siteArchive)
	layout := filepath.Join(root, "templates/layout.html")
	broken := strings.Replace(readFile(t, layout), "{{.Publisher}}", "{{.NoSuchField}}", 1)
	if broken == readFile(t, layout) {
		t.Fatal("the footer does not show the publisher any more: change the test")
	}
	writeFile(t, layout, broken)
	_, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
	if err == nil || !strings.Contains(err.Error(), "NoSuchField") {
		t.Fatalf("err = %v", err)
	}
	if n := strings.Count(err.Error(), `executing "footer`); n != 1 { // "footer" or the "footer-part" it calls
		t.Errorf("the broken footer is said %d times:\n%v", n, err)
	}
}

// TestOutputRefused checks that a build never replaces the project, its
// sources, or a folder it did not write.
func TestOutputRefused(t *testing.T) {
	root := newProject(t, baseArchive)
	foreign := filepath.Join(t.TempDir(), "mine")
	writeFile(t, filepath.Join(foreign, "notes.txt"), "keep me")
	cases := map[string]string{
		root:                               "it would replace the project folder",
		filepath.Join(root, "content"):     "it would replace " + filepath.Join(root, "content"),
		filepath.Join(root, "templates/x"): "it lies in " + filepath.Join(root, "templates") + ", which the site is made of",
		filepath.Join(root, "content/en"):  "it lies in " + filepath.Join(root, "content") + ", which the site is made of",
		filepath.Dir(root):                 "it would replace the project folder",
		"/":                                "it would replace the whole file system",
		foreign:                            "it holds files briefings did not write",
	}
	for out, want := range cases {
		_, err := Build(Options{Root: root, Out: out})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("--out %s: err = %v, want %q", out, err, want)
		}
	}
	if readFile(t, filepath.Join(foreign, "notes.txt")) != "keep me" {
		t.Errorf("a foreign folder was touched")
	}
	for cache, want := range map[string]string{
		filepath.Join(root, "public", "photos"): "overlaps the output folder",
		filepath.Join(root, "static", "pc"):     "overlaps the project's static/ folder",
		filepath.Join(root, "content"):          "overlaps the project's content/ folder",
		root:                                    "overlaps the output folder",
	} {
		for _, dry := range []bool{false, true} {
			_, err := Build(Options{Root: root, PhotoCache: cache, DryRun: dry})
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("--photo-cache %s: err = %v, want %q", cache, err, want)
			}
		}
	}
	if _, err := Build(Options{Root: root, PhotoCache: filepath.Join(root, ".cache", "elsewhere")}); err != nil {
		t.Errorf("a cache folder of its own: %v", err)
	}
}

func TestCheckWritesNothing(t *testing.T) {
	root := newProject(t, siteArchive)
	rep, err := Build(Options{Root: root, DryRun: true})
	if err != nil || rep.Articles != 4 || rep.Files == 0 {
		t.Fatalf("check: %+v, %v", rep, err)
	}
	if _, err := os.Stat(filepath.Join(root, "public")); !os.IsNotExist(err) {
		t.Errorf("check wrote public/")
	}
}

// An interface string holding a direction control or a control character
// fails the build at its line of the strings file, each one.
func TestInterfaceStringsInvisible(t *testing.T) {
	root := newProject(t, baseArchive)
	en := filepath.Join(root, "templates/i18n/en.yaml")
	lines := strings.Split(readFile(t, en), "\n")
	var want []string
	for i, l := range lines {
		switch key, _, _ := strings.Cut(l, ":"); key {
		case "latest":
			lines[i] = `latest: "Latest \u202ebriefings"`
			want = append(want, fmt.Sprintf("templates/i18n/en.yaml:%d: latest holds the direction control U+202E", i+1))
		case "in_language":
			lines[i] = `in_language: {en: in English, ru: "in \x9bRussian"}`
			want = append(want, fmt.Sprintf("templates/i18n/en.yaml:%d: in_language.ru holds the control character U+009B", i+1))
		}
	}
	if len(want) != 2 {
		t.Fatalf("the strings file has no line for latest or in_language")
	}
	writeFile(t, en, strings.Join(lines, "\n"))
	_, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
	wantProblems(t, err, want...)
}

// A project without its templates folder is told so once; one missing a
// template is told which.
func TestMissingTemplates(t *testing.T) {
	root := newProject(t, baseArchive)
	if err := os.Remove(filepath.Join(root, "templates", "year.html")); err != nil {
		t.Fatal(err)
	}
	_, err := Build(Options{Root: root, DryRun: true})
	wantProblems(t, err, "templates/year.html: no such file: the site needs this template")
	if err := os.RemoveAll(filepath.Join(root, "templates")); err != nil {
		t.Fatal(err)
	}
	_, err = Build(Options{Root: root, DryRun: true})
	var list diag.List
	if !errors.As(err, &list) || len(list) != 1 || !strings.HasPrefix(list[0].String(), "templates: there is no templates folder here") {
		t.Errorf("without templates/: %v", err)
	}
}

// A site.yaml with a problem hides none of the interface strings' of the
// languages it names: both are reported in one run.
func TestBrokenSettingsHideNoStringsProblem(t *testing.T) {
	root := newProject(t, baseArchive)
	site := filepath.Join(root, "content/site.yaml")
	writeFile(t, site, readFile(t, site)+"\npage_size: 2.5\n")
	ru := filepath.Join(root, "templates/i18n/ru.yaml")
	writeFile(t, ru, readFile(t, ru)+"\nnonsense_key: x\n")
	_, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want a list of problems", err)
	}
	got := list.Error()
	for _, want := range []string{"content/site.yaml:", "page_size must be a whole number, not 2.5", `templates/i18n/ru.yaml:`, `unknown field "nonsense_key"`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}
