package build

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

const pagesArchive = `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages:
  en: {name: English, title: Briefings}
  ru: {name: Русский, title: Брифинги}
-- content/countries.yaml --
AZ: {en: Azerbaijan, ru: Азербайджан}
-- content/en/2025/news.md --
---
title: A story
date: 2025-09-03
countries: [AZ]
---
See [who we are](../pages/about.md).
-- content/en/pages/about.md --
---
title: About us
summary: Who publishes the site.
translation_key: about
---
We publish it.
-- content/ru/pages/about.md --
---
title: О нас
translation_key: about
---
Мы издаём его.
-- content/en/pages/privacy.md --
---
title: Privacy
---
No cookies.
`

// Pages of the site are at /{lang}/{slug}/, linked to their translations,
// in every page's footer and the sitemap, and in no list, feed, archive or
// search index.
func TestStaticPages(t *testing.T) {
	root := newProject(t, pagesArchive)
	out := filepath.Join(t.TempDir(), "public")
	rep := mustBuild(t, Options{Root: root, Out: out})
	if rep.Articles != 1 || rep.Pages != 3 {
		t.Errorf("%d articles and %d pages, want 1 and 3", rep.Articles, rep.Pages)
	}
	files := contents(t, out)
	about := files["en/about/index.html"]
	for _, want := range []string{
		`<link rel="alternate" hreflang="ru" href="https://example.org/ru/about/">`,
		`<a href="/ru/about/" hreflang="ru" lang="ru">Русский</a>`,
		`<h1>About us</h1>`, `<meta name="description" content="Who publishes the site.">`,
		"<div class=\"body\">\n<p>We publish it.</p>",
	} {
		if !strings.Contains(about, want) {
			t.Errorf("en/about/ lacks %s", want)
		}
	}
	if !strings.Contains(files["ru/about/index.html"], "<p>Мы издаём его.</p>") || !strings.Contains(files["en/privacy/index.html"], "<p>No cookies.</p>") {
		t.Errorf("a page of the site is published without its text")
	}
	if !strings.Contains(files["en/privacy/index.html"], `<a href="/en/" hreflang="ru"`) &&
		!strings.Contains(files["en/privacy/index.html"], `href="/ru/" hreflang="ru"`) {
		t.Errorf("an untranslated page's language switch does not lead to the other language's home")
	}
	for path, data := range files {
		if !strings.HasSuffix(path, ".html") || path == "index.html" {
			continue
		}
		lang := path[:2]
		data := strings.ReplaceAll(data, ` aria-current="page"`, "") // a page's own link is marked: see TestFooterMarksCurrentPage
		if lang == "en" && !strings.Contains(data, `<a href="/en/about/">About us</a></li><li><a href="/en/privacy/">Privacy</a>`) ||
			lang == "ru" && !strings.Contains(data, `<a href="/ru/about/">О нас</a>`) {
			t.Errorf("%s: the footer does not link to the site's pages", path)
		}
	}
	if !strings.Contains(files["en/2025/09/a-story/index.html"], `<a href="/en/about/">who we are</a>`) {
		t.Errorf("an article's link to a page's file does not lead to the page")
	}
	if !strings.Contains(files["sitemap.xml"], "<loc>https://example.org/ru/about/</loc>") {
		t.Errorf("the sitemap lacks the pages")
	}
	for _, f := range []string{"en/feed.xml", "en/atom.xml", "en/feed.json", "en/search/d0.json", "en/2025/index.html", "en/countries/azerbaijan/index.html"} {
		shown := strings.SplitN(files[f], "<footer", 2)[0] // every page's footer links to the pages
		if strings.Contains(shown, "About us") || strings.Contains(shown, "Privacy") {
			t.Errorf("%s lists a page of the site", f)
		}
	}
	if strings.Contains(strings.SplitN(files["en/index.html"], "<footer", 2)[0], "About us") {
		t.Errorf("the home list shows a page of the site")
	}
}

// A page of the site is not news: a date or countries are errors, and so
// is a slug that a section of the site has.
func TestStaticPageErrors(t *testing.T) {
	root := newProject(t, pagesArchive)
	writeFile(t, filepath.Join(root, "content/en/pages/countries.md"), "---\ntitle: Our countries\n---\nText.\n")
	writeFile(t, filepath.Join(root, "content/en/pages/dated.md"), "---\ntitle: Dated\ndate: 2025-01-01\ncountries: [AZ]\n---\nText.\n")
	writeFile(t, filepath.Join(root, "content/en/pages/2024.md"), "---\ntitle: A year\n---\nText.\n")
	_, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
	wantProblems(t, err,
		"content/en/pages/countries.md:1: the page's URL /en/countries/ is the site's own",
		"content/en/pages/2024.md:1: the page's URL /en/2024/ is the site's own",
		"content/en/pages/dated.md:3: a page of the site (under en/pages/) has no date",
		"content/en/pages/dated.md:4: a page of the site (under en/pages/) has no countries",
	)

}

// The language chooser and the 404 page are for readers of every
// language: each language's pages, feeds and publisher's line are in
// their footer, and the skip link in every language, each marked with
// its language, and the site's name leads to the chooser.
func TestPagesForEveryLanguage(t *testing.T) {
	root := newProject(t, pagesArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	want := map[string]string{"/en/about/": "en", "/en/privacy/": "en", "/ru/about/": "ru"}
	for _, file := range []string{"index.html", "404.html"} {
		doc, err := html.Parse(strings.NewReader(readFile(t, filepath.Join(out, file))))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		publishers, skips := map[string]bool{}, map[string]string{}
		walkHTML(doc, func(n *html.Node) {
			switch {
			case n.Type != html.ElementNode:
			case n.Data == "a" && attrOf(n, "class") == "skip":
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					skips[langAt(c)] += strings.Trim(accessibleText(c), " ·")
				}
			case n.Data == "a" && attrOf(n, "class") == "brand" && attrOf(n, "href") != "/":
				t.Errorf("%s: the site's name leads to %s, not to the language chooser", file, attrOf(n, "href"))
			case n.Data == "a" && inFooter(n):
				got[attrOf(n, "href")] = langAt(n)
			case n.Data == "p" && attrOf(n, "class") == "publisher":
				publishers[langAt(n)] = true
			}
		})
		for href, lang := range want {
			if got[href] != lang {
				t.Errorf("%s: the footer's link to %s is in %q, want it there in %q", file, href, got[href], lang)
			}
		}
		if !publishers["en"] || !publishers["ru"] {
			t.Errorf("%s: the publisher's line is in %v, want it in en and ru", file, publishers)
		}
		if skips["en"] != "Skip to content" || skips["ru"] != "Перейти к содержанию" {
			t.Errorf("%s: the skip link says %q, want it in en and ru", file, skips)
		}
		if file == "index.html" && (got["/en/feed.xml"] != "en" || got["/ru/feed.xml"] != "ru") {
			t.Errorf("%s: the footer's feeds are %v, want each language's in its language", file, got)
		}
	}
	head := strings.SplitN(readFile(t, filepath.Join(out, "index.html")), "</head>", 2)[0]
	for _, lang := range []string{"en", "ru"} {
		if !strings.Contains(head, `hreflang="`+lang+`" href="/`+lang+`/feed.xml"`) {
			t.Errorf("the language chooser's head does not lead feed readers to the %s feed", lang)
		}
	}
}

// langAt is the language of a node: the lang of it or its nearest
// element that has one.
func langAt(n *html.Node) string {
	for ; n != nil; n = n.Parent {
		if l := attrOf(n, "lang"); n.Type == html.ElementNode && l != "" {
			return l
		}
	}
	return ""
}

func inFooter(n *html.Node) bool {
	return inside(n, func(e *html.Node) bool { return e.Data == "footer" })
}

// The 404 page leads a reader of each language, in it, to its home page
// and to its search, where a story whose address was mistyped is found.
func TestNotFoundLeadsOn(t *testing.T) {
	root := newProject(t, pagesArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	doc, err := html.Parse(strings.NewReader(readFile(t, filepath.Join(out, "404.html"))))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	walkHTML(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" && !inFooter(n) {
			got[attrOf(n, "href")] = langAt(n)
		}
	})
	for _, lang := range []string{"en", "ru"} {
		for _, href := range []string{"/" + lang + "/", "/" + lang + "/search/"} {
			if got[href] != lang {
				t.Errorf("the 404 page's link to %s is in %q, want it there in %q (links: %v)", href, got[href], lang, got)
			}
		}
	}
}

// On a page of the site, the footer's link to it is marked as the current
// page, as the sections' links are, and no other page's is.
func TestFooterMarksCurrentPage(t *testing.T) {
	root := newProject(t, pagesArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	for _, page := range []string{"en/about/", "en/privacy/", "ru/about/", "en/", "en/2025/09/a-story/"} {
		doc, err := html.Parse(strings.NewReader(readFile(t, filepath.Join(out, page, "index.html"))))
		if err != nil {
			t.Fatal(err)
		}
		var current []string
		walkHTML(doc, func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "a" && inFooter(n) && attrOf(n, "aria-current") != "" {
				current = append(current, attrOf(n, "href")+" "+attrOf(n, "aria-current"))
			}
		})
		want := ""
		if strings.Count(page, "/") == 2 && !strings.Contains(page, "20") {
			want = "/" + page + " page"
		}
		if strings.Join(current, ", ") != want {
			t.Errorf("%s: the footer marks %q as current, want %q", page, current, want)
		}
	}
}

// An article that gives its source's address without its name shows the
// link, under the address's host, and names it so to search engines.
func TestSourceURLWithoutName(t *testing.T) {
	root := newProject(t, `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages:
  en: {name: English, title: Briefings}
-- content/countries.yaml --
AZ: {en: Azerbaijan}
-- content/en/2025/news.md --
---
title: A story
date: 2025-09-03
countries: [AZ]
source_url: https://www.agency.example/2025/09/story
---
Text.
`)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	page := readFile(t, filepath.Join(out, "en/2025/09/a-story/index.html"))
	if want := `<a href="https://www.agency.example/2025/09/story" rel="nofollow">agency.example</a>`; !strings.Contains(page, want) {
		t.Errorf("the page does not show the source's link as %s", want)
	}
	if want := `"isBasedOn":{"@type":"CreativeWork","name":"agency.example","url":"https://www.agency.example/2025/09/story"}`; !strings.Contains(page, want) {
		t.Errorf("JSON-LD does not name the source: want %s in\n%s", want, page)
	}
}
