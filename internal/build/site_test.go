package build

import (
	"encoding/xml"
	"html"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// siteArchive is a small whole site: two languages, a story translated both
// ways, untranslated stories in each language, three countries in use, two
// years, a draft, and page_size 2 so that lists paginate.
const siteArchive = `
-- content/site.yaml --
base_url: https://example.org/portal
default_language: en
languages:
  en: {name: English, title: Briefings, description: "News in English."}
  ru: {name: Русский, title: Брифинги, description: "Новости по-русски."}
page_size: 2
-- content/countries.yaml --
AZ: {en: Azerbaijan, ru: Азербайджан, match: [Azerbaijan, Азербайджане]}
KZ: {en: Kazakhstan, ru: Казахстан}
AM: {en: Armenia, ru: Армения}
GE: {en: Georgia, ru: Грузия}
-- content/en/2025/closure.md --
---
title: ICRC closes its delegation
date: 2025-09-03
countries: [AZ]
translation_key: az-closure
source: ICRC
source_url: https://example.org/icrc
---
The delegation closes <b>today</b>.

A second paragraph.
-- content/ru/2025/closure.md --
---
title: МККК закрывает делегацию
date: 2025-09-04
countries: [AZ]
translation_key: az-closure
summary: Делегация закрывается.
---
Делегация закрывается. См. также [встречу в Астане](../2024/tokayev.md#vstrecha).
-- content/en/2024/missing.md --
---
title: "Families of the missing meet <script>alert(1)</script>"
date: 2024-11-20T10:00:00+04:00
countries: [AM, AZ]
summary: "Summary with \"quotes\" & <tags>"
---
Families met in Yerevan. [Evil](javascript:alert(1))
-- content/ru/2024/tokayev.md --
---
title: Токаев принял президента МККК
date: 2024-03-06
countries: [KZ]
---
Встреча в Астане.
-- content/en/2025/draft.md --
---
title: Not ready
date: 2025-10-01
countries: [GE]
draft: true
---
Draft.
`

func TestSite(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	rep := mustBuild(t, Options{Root: root, Out: out})
	files := tree(t, out)
	if rep.Articles != 4 || rep.Files != len(files)-1 { // the output marker is not a site file
		t.Errorf("report: %d articles, %d files; want 4 articles, %d files", rep.Articles, rep.Files, len(files)-1)
	}
	t.Run("paths", func(t *testing.T) { testPaths(t, files) })
	t.Run("links", func(t *testing.T) { testLinks(t, out, files) })
	t.Run("lists", func(t *testing.T) { testLists(t, out) })
	t.Run("article", func(t *testing.T) { testArticle(t, out) })
	t.Run("hreflang", func(t *testing.T) { testHreflang(t, out) })
	t.Run("feeds", func(t *testing.T) { testFeeds(t, out) })
	t.Run("escaping", func(t *testing.T) { testEscaping(t, out, files) })
	t.Run("shared", func(t *testing.T) { testShared(t, out) })
	t.Run("links between articles", func(t *testing.T) {
		page := readFile(t, filepath.Join(out, "ru/2025/09/mkkk-zakryvaet-delegatsiiu/index.html"))
		if !strings.Contains(page, `<a href="/portal/ru/2024/03/tokaev-prinial-prezidenta-mkkk/#vstrecha">встречу в Астане</a>`) {
			t.Errorf("the link to another article's file does not lead to its page")
		}
		feed := readFile(t, filepath.Join(out, "ru/feed.xml"))
		if !strings.Contains(feed, `<a href="https://example.org/portal/ru/2024/03/tokaev-prinial-prezidenta-mkkk/#vstrecha">`) {
			t.Errorf("the feed's link to another article is not absolute")
		}
	})
	t.Run("deterministic", func(t *testing.T) {
		again := filepath.Join(t.TempDir(), "public")
		mustBuild(t, Options{Root: root, Out: again})
		second := tree(t, again)
		if !slices.Equal(sortedPaths(files), sortedPaths(second)) {
			t.Fatalf("second build wrote other files")
		}
		for p, sum := range files {
			if second[p] != sum {
				t.Errorf("%s differs between two builds", p)
			}
		}
	})
	t.Run("drafts", func(t *testing.T) {
		withDrafts := filepath.Join(t.TempDir(), "public")
		mustBuild(t, Options{Root: root, Out: withDrafts, Drafts: true})
		if _, ok := tree(t, withDrafts)["en/2025/10/not-ready/index.html"]; !ok {
			t.Errorf("--drafts did not build the draft")
		}
		if _, ok := files["en/2025/10/not-ready/index.html"]; ok {
			t.Errorf("the draft was built without --drafts")
		}
	})
}

func testPaths(t *testing.T, files map[string]string) {
	want := []string{
		".briefings-output", ".nojekyll", "404.html",
		"en/2024/03/index.html", "en/2024/11/families-of-the-missing-meet-script-alert-1-script/index.html",
		"en/2024/11/index.html", "en/2024/index.html",
		"en/2025/09/icrc-closes-its-delegation/index.html", "en/2025/09/index.html", "en/2025/index.html",
		"en/countries/armenia/atom.xml", "en/countries/armenia/feed.json", "en/countries/armenia/feed.xml", "en/countries/armenia/index.html",
		"en/countries/azerbaijan/atom.xml", "en/countries/azerbaijan/feed.json", "en/countries/azerbaijan/feed.xml", "en/countries/azerbaijan/index.html",
		"en/countries/index.html",
		"en/countries/kazakhstan/atom.xml", "en/countries/kazakhstan/feed.json", "en/countries/kazakhstan/feed.xml", "en/countries/kazakhstan/index.html",
		"en/atom.xml", "en/feed.json", "en/feed.xml", "en/index.html", "en/page/1/index.html", "en/page/2/index.html",
		"favicon.svg", "index.html", "robots.txt",
		"ru/2024/03/index.html", "ru/2024/03/tokaev-prinial-prezidenta-mkkk/index.html",
		"ru/2024/11/index.html", "ru/2024/index.html",
		"ru/2025/09/index.html", "ru/2025/09/mkkk-zakryvaet-delegatsiiu/index.html", "ru/2025/index.html",
		"ru/countries/armenia/atom.xml", "ru/countries/armenia/feed.json", "ru/countries/armenia/feed.xml", "ru/countries/armenia/index.html",
		"ru/countries/azerbaijan/atom.xml", "ru/countries/azerbaijan/feed.json", "ru/countries/azerbaijan/feed.xml", "ru/countries/azerbaijan/index.html",
		"ru/countries/index.html",
		"ru/countries/kazakhstan/atom.xml", "ru/countries/kazakhstan/feed.json", "ru/countries/kazakhstan/feed.xml", "ru/countries/kazakhstan/index.html",
		"ru/atom.xml", "ru/feed.json", "ru/feed.xml", "ru/index.html", "ru/page/1/index.html", "ru/page/2/index.html",
		"sitemap.xml", "style.css", "search.js", "wordmark.svg", "media/share.png",
		"en/search/index.html", "en/search/manifest.json", "en/search/s0.json", "en/search/d0.json",
		"ru/search/index.html", "ru/search/manifest.json", "ru/search/s0.json", "ru/search/d0.json",
	}
	slices.Sort(want)
	got := sortedPaths(files)
	for i, p := range got { // the share image is named by what it is drawn from
		if sharePath.MatchString(p) {
			got[i] = "media/share.png"
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("output paths:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

var sharePath = regexp.MustCompile(`^media/share-[0-9a-f]{16}\.png$`)

var linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// testLinks follows every link of every page: those inside the site must
// lead to a file that was written, under the base URL's path.
func testLinks(t *testing.T, out string, files map[string]string) {
	for p := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllStringSubmatch(readFile(t, filepath.Join(out, p)), -1) {
			href := strings.ReplaceAll(m[1], "&amp;", "&")
			if strings.HasPrefix(href, "https://example.org/portal/") {
				href = strings.TrimPrefix(href, "https://example.org")
			} else if strings.HasPrefix(href, "http") || strings.HasPrefix(href, "#") {
				continue
			}
			if !strings.HasPrefix(href, "/portal/") {
				t.Errorf("%s: link %q is not under /portal/", p, m[1])
				continue
			}
			target, _, _ := strings.Cut(strings.TrimPrefix(href, "/portal/"), "#")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: broken link %q", p, m[1])
			}
		}
	}
}

// testLists checks that each language lists every story once, in its own
// language when it can, and marks stories shown in the other language.
func testLists(t *testing.T, out string) {
	enHome := readFile(t, filepath.Join(out, "en/index.html"))
	enPage2 := readFile(t, filepath.Join(out, "en/page/1/index.html")) // the oldest story: pages count from it
	ruHome := readFile(t, filepath.Join(out, "ru/index.html"))
	ruPage2 := readFile(t, filepath.Join(out, "ru/page/1/index.html"))
	order := func(page string, titles ...string) {
		t.Helper()
		last := -1
		for _, title := range titles {
			i := strings.Index(page, title)
			if i < 0 || i < last {
				t.Errorf("%q missing or out of order", title)
			}
			last = i
		}
	}
	order(enHome, "ICRC closes its delegation", "Families of the missing meet")
	order(enPage2, `hreflang="ru" lang="ru">Токаев принял президента МККК</a>&nbsp;<span class="badge"><span aria-hidden="true" lang="ru">RU</span><span class="vh"> (in Russian)</span></span>`)
	order(ruHome, "МККК закрывает делегацию", `hreflang="en" lang="en">Families of the missing meet`)
	order(ruPage2, "Токаев принял президента МККК")
	for _, p := range []string{enHome, enPage2} {
		if strings.Contains(p, "МККК закрывает делегацию") || strings.Contains(p, "Not ready") {
			t.Errorf("the English list shows the Russian translation or a draft")
		}
	}
	if strings.Contains(ruHome+ruPage2, "ICRC closes its delegation") {
		t.Errorf("the Russian list shows the English version of a translated story")
	}
	// The newest numbered page shows only stories the home page shows:
	// it leads on as page 1 does, but only to the home page its head
	// names as canonical. The pager's arrows are hidden from screen
	// readers, which would read "left arrow" before the link's word.
	enRepeat := readFile(t, filepath.Join(out, "en/page/2/index.html"))
	if !strings.Contains(enHome, `<a rel="next" href="/portal/en/page/1/">Older <span aria-hidden="true">→</span></a>`) ||
		!strings.Contains(enPage2, `<a rel="prev" href="/portal/en/"><span aria-hidden="true">←</span> Newer</a>`) ||
		!strings.Contains(enRepeat, `<a rel="prev" href="/portal/en/"><span aria-hidden="true">←</span> Newer</a>`) ||
		!strings.Contains(enRepeat, `<a rel="next" href="/portal/en/page/1/">Older <span aria-hidden="true">→</span></a>`) ||
		!strings.Contains(ruPage2, "Страница 1<") {
		t.Errorf("pagination links missing")
	}
	if !strings.Contains(enRepeat, `<link rel="canonical" href="https://example.org/portal/en/">`) ||
		strings.Contains(enRepeat, `<link rel="alternate" hreflang=`) {
		t.Errorf("the page that repeats the home page's stories does not name it as canonical, or has alternates")
	}
	countries := readFile(t, filepath.Join(out, "ru/countries/index.html"))
	order(countries, `Азербайджан</a> <span>2 статьи</span>`, `Армения</a> <span>1 статья</span>`,
		`Казахстан</a> <span>1 статья</span>`)
	if strings.Contains(countries, "Грузия") {
		t.Errorf("a country with only a draft is listed")
	}
	az := readFile(t, filepath.Join(out, "en/countries/azerbaijan/index.html"))
	order(az, "ICRC closes its delegation", "Families of the missing meet")
	year := readFile(t, filepath.Join(out, "ru/2024/index.html"))
	order(year, `<a href="/portal/ru/2024/11/">Ноябрь 2024</a> <span>1 статья</span>`,
		`<a href="/portal/ru/2024/03/">Март 2024</a> <span>1 статья</span>`)
	if !strings.Contains(year, `<a href="/portal/ru/2025/" aria-current="true">Архив</a>`) ||
		!strings.Contains(year, `<a href="/portal/ru/2024/" aria-current="page">2024</a>`) {
		t.Errorf("an older year's page: the archive section is current, the year link is the page")
	}
	month := readFile(t, filepath.Join(out, "en/2024/03/index.html"))
	order(month, "<h1>March 2024</h1>", "Токаев принял президента МККК", "6 March 2024")
}

func testArticle(t *testing.T, out string) {
	en := readFile(t, filepath.Join(out, "en/2025/09/icrc-closes-its-delegation/index.html"))
	for _, want := range []string{
		`<html lang="en">`, "<title>ICRC closes its delegation — Briefings</title>",
		`<link rel="canonical" href="https://example.org/portal/en/2025/09/icrc-closes-its-delegation/">`,
		`<time datetime="2025-09-03">3 September 2025</time>`,
		`<li><a href="/portal/en/countries/azerbaijan/">Azerbaijan</a></li>`,
		`Source: <a href="https://example.org/icrc" rel="nofollow">ICRC</a>`,
		`<a href="/portal/ru/2025/09/mkkk-zakryvaet-delegatsiiu/" hreflang="ru" lang="ru">Русский</a>`,
		`<meta name="description" content="The delegation closes today.">`,
		// related: the other Azerbaijan story
		`<a href="/portal/en/2024/11/families-of-the-missing-meet-script-alert-1-script/">`,
	} {
		if !strings.Contains(en, want) {
			t.Errorf("English article lacks %s", want)
		}
	}
	ru := readFile(t, filepath.Join(out, "ru/2025/09/mkkk-zakryvaet-delegatsiiu/index.html"))
	if !strings.Contains(ru, `<time datetime="2025-09-04">4 сентября 2025</time>`) {
		t.Errorf("Russian date not in the genitive")
	}
	// An untranslated article's switch leads to the other language's home.
	missing := readFile(t, filepath.Join(out, "en/2024/11/families-of-the-missing-meet-script-alert-1-script/index.html"))
	if !strings.Contains(missing, `<a href="/portal/ru/" hreflang="ru" lang="ru">Русский</a>`) {
		t.Errorf("untranslated article: switch does not lead to the Russian home")
	}
	if !strings.Contains(missing, `<time datetime="2024-11-20T10:00:00&#43;04:00">20 November 2024</time>`) {
		t.Errorf("a date with a time keeps its time in datetime")
	}
}

var alternate = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)

func alternates(page string) map[string]string {
	m := map[string]string{}
	for _, a := range alternate.FindAllStringSubmatch(page, -1) {
		m[a[1]] = a[2]
	}
	return m
}

// testHreflang checks that translations point at each other, both ways, in
// the pages' heads and in the sitemap.
func testHreflang(t *testing.T, out string) {
	const base = "https://example.org/portal/"
	en, ru := base+"en/2025/09/icrc-closes-its-delegation/", base+"ru/2025/09/mkkk-zakryvaet-delegatsiiu/"
	want := map[string]string{"en": en, "ru": ru, "x-default": en}
	for _, p := range []string{"en/2025/09/icrc-closes-its-delegation/index.html", "ru/2025/09/mkkk-zakryvaet-delegatsiiu/index.html"} {
		if got := alternates(readFile(t, filepath.Join(out, p))); !mapsEqual(got, want) {
			t.Errorf("%s: alternates %v, want %v", p, got, want)
		}
	}
	// A page with no translation has no alternates: hreflang says nothing then.
	lone := base + "ru/2024/03/tokaev-prinial-prezidenta-mkkk/"
	if got := alternates(readFile(t, filepath.Join(out, "ru/2024/03/tokaev-prinial-prezidenta-mkkk/index.html"))); len(got) != 0 {
		t.Errorf("untranslated article: alternates %v, want none", got)
	}
	home := alternates(readFile(t, filepath.Join(out, "ru/index.html")))
	if !mapsEqual(home, map[string]string{"en": base + "en/", "ru": base + "ru/", "x-default": base}) {
		t.Errorf("home alternates %v", home)
	}

	var sm struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(readFile(t, filepath.Join(out, "sitemap.xml"))), &sm); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, u := range sm.URLs {
		got := map[string]string{}
		for _, l := range u.Links {
			got[l.Hreflang] = l.Href
		}
		if u.Loc == lone && len(got) != 0 {
			t.Errorf("sitemap %s: alternates %v, want none", u.Loc, got)
		}
		if u.Loc == en || u.Loc == ru {
			seen++
			if !mapsEqual(got, want) {
				t.Errorf("sitemap %s: alternates %v, want %v", u.Loc, got, want)
			}
		}
		if strings.Contains(u.Loc, "404") || strings.Contains(u.Loc, "not-ready") {
			t.Errorf("sitemap lists %s", u.Loc)
		}
	}
	// root, 2 homes with 1 numbered page each (the second repeats the
	// home page's stories), 2 countries pages, 6 country pages, 4 years,
	// 6 months, 4 articles, 2 search pages
	if seen != 2 || len(sm.URLs) != 1+4+2+6+4+6+4+2 {
		t.Errorf("sitemap: %d URLs, translations seen %d", len(sm.URLs), seen)
	}
}

type feed struct {
	Channel struct {
		// Self comes first: a field with no namespace takes elements of any.
		Self struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Title         string `xml:"title"`
		Link          string `xml:"link"`
		Language      string `xml:"language"`
		LastBuildDate string `xml:"lastBuildDate"`
		Items         []struct {
			Lang        string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			Language    string `xml:"http://purl.org/dc/elements/1.1/ language"`
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			GUID        string `xml:"guid"`
			PubDate     string `xml:"pubDate"`
			Description string `xml:"description"`
			Content     string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
		} `xml:"item"`
	} `xml:"channel"`
}

func parseFeed(t *testing.T, path string) feed {
	t.Helper()
	var f feed
	if err := xml.Unmarshal([]byte(readFile(t, path)), &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f
}

func testFeeds(t *testing.T, out string) {
	const base = "https://example.org/portal/"
	cases := []struct {
		path, self, lang string
		titles           []string
	}{
		{"en/feed.xml", base + "en/feed.xml", "en", []string{"ICRC closes its delegation", "Families of the missing meet <script>alert(1)</script>",
			"Токаев принял президента МККК"}},
		{"ru/feed.xml", base + "ru/feed.xml", "ru", []string{"МККК закрывает делегацию", "Families of the missing meet <script>alert(1)</script>",
			"Токаев принял президента МККК"}},
		{"en/countries/azerbaijan/feed.xml", base + "en/countries/azerbaijan/feed.xml", "en",
			[]string{"ICRC closes its delegation", "Families of the missing meet <script>alert(1)</script>"}},
		{"ru/countries/azerbaijan/feed.xml", base + "ru/countries/azerbaijan/feed.xml", "ru",
			[]string{"МККК закрывает делегацию", "Families of the missing meet <script>alert(1)</script>"}},
		// Its only story is in Russian, as its page lists it.
		{"en/countries/kazakhstan/feed.xml", base + "en/countries/kazakhstan/feed.xml", "en", []string{"Токаев принял президента МККК"}},
	}
	for _, c := range cases {
		f := parseFeed(t, filepath.Join(out, c.path))
		var titles []string
		for _, it := range f.Channel.Items {
			titles = append(titles, it.Title)
			if it.Link != it.GUID || !strings.HasPrefix(it.Link, base+it.Language+"/") || it.Language != it.Lang {
				t.Errorf("%s: item link %q, guid %q, in %q (xml:lang %q)", c.path, it.Link, it.GUID, it.Language, it.Lang)
			}
			if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
				t.Errorf("%s: pubDate %q is not RFC 1123: %v", c.path, it.PubDate, err)
			}
			if it.Description == "" || !strings.Contains(it.Content, "<p>") {
				t.Errorf("%s: item %q lacks a description or HTML content", c.path, it.Title)
			}
			// Readers take the description as HTML: the summary must come
			// back as its words, with no markup of its own.
			if it.Title == "Families of the missing meet <script>alert(1)</script>" &&
				(strings.ContainsAny(it.Description, "<>") || html.UnescapeString(it.Description) != `Summary with "quotes" & <tags>`) {
				t.Errorf("%s: description %q is not the summary as HTML text", c.path, it.Description)
			}
		}
		if !slices.Equal(titles, c.titles) {
			t.Errorf("%s: items %q, want %q", c.path, titles, c.titles)
		}
		if f.Channel.Self.Href != c.self || f.Channel.Self.Rel != "self" || f.Channel.Language != c.lang ||
			!strings.HasPrefix(f.Channel.Link, base+c.lang+"/") {
			t.Errorf("%s: self %q, language %q, link %q", c.path, f.Channel.Self.Href, f.Channel.Language, f.Channel.Link)
		}
		wantLast := ""
		if len(f.Channel.Items) > 0 {
			wantLast = f.Channel.Items[0].PubDate
		}
		if f.Channel.LastBuildDate != wantLast {
			t.Errorf("%s: lastBuildDate %q, want the newest item's %q", c.path, f.Channel.LastBuildDate, wantLast)
		}
	}
}

// testEscaping checks that markup in titles, summaries and bodies never
// reaches a page or feed as markup. The script elements a page may have
// are its JSON-LD, whose "</script>" a title must not make, and the
// search page's script file.
func testEscaping(t *testing.T, out string, files map[string]string) {
	const ld, search = `<script type="application/ld+json">`, `<script src="/portal/search.js" defer></script>`
	for p := range files {
		page := strings.Replace(readFile(t, filepath.Join(out, p)), search, "", 1)
		if n := strings.Count(page, ld); n > 1 || strings.Count(page, "</script") != n {
			t.Errorf("%s: %d JSON-LD blocks, %d closing script tags", p, n, strings.Count(page, "</script"))
		}
		page = strings.Replace(page, ld, "", 1)
		for _, bad := range []string{"<script", "javascript:", "<b>today</b>", "<tags>"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s holds %q", p, bad)
			}
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestTranslationElsewhere: a translation dated in another month and about
// more countries leaves lists that exist in one language only; their
// alternates and language switches must lead only to pages that exist.
func TestTranslationElsewhere(t *testing.T) {
	root := newProject(t, `
-- content/site.yaml --
base_url: https://example.org/portal/
default_language: en
languages:
  en: {name: English, title: Briefings}
  ru: {name: Русский, title: Брифинги}
-- content/countries.yaml --
AZ: {en: Azerbaijan, ru: Азербайджан}
KZ: {en: Kazakhstan, ru: Казахстан}
-- content/en/s1.md --
---
title: End of August
date: 2025-08-31
countries: [AZ]
translation_key: s1
---
Text.
-- content/ru/s1.md --
---
title: Начало сентября
date: 2025-09-01
countries: [AZ, KZ]
translation_key: s1
---
Текст.
`)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	files := tree(t, out)
	for _, p := range []string{"ru/2025/09/index.html", "ru/countries/kazakhstan/index.html", "en/2025/08/index.html"} {
		if _, ok := files[p]; !ok {
			t.Fatalf("no %s", p)
		}
	}
	testLinks(t, out, files)
	kz := readFile(t, filepath.Join(out, "ru/countries/kazakhstan/index.html"))
	if !strings.Contains(kz, `<a href="/portal/en/" hreflang="en" lang="en">English</a>`) ||
		strings.Contains(kz, `hreflang="en" href=`) {
		t.Errorf("a list missing in English: the switch must lead to the English home, with no English alternate")
	}
}
