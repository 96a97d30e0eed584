package build

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// paginationProject is a project of n English stories about one country,
// a day apart, with page_size stories a page.
func paginationProject(n, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- content/site.yaml --\nbase_url: https://example.org/\ndefault_language: en\n"+
		"languages:\n  en: {name: English, title: Briefings}\npage_size: %d\n"+
		"-- content/countries.yaml --\nAZ: {en: Azerbaijan}\n", size)
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, "-- content/en/s%03d.md --\n---\ntitle: Story %d\ndate: %s\ncountries: [AZ]\n---\nText %d.\n",
			i, i, day.AddDate(0, 0, i).Format(time.DateOnly), i)
	}
	return b.String()
}

// A new story changes a list's first page, which shows the newest, its
// newest numbered page with stories of its own, which takes the story
// the first page no longer shows, and the page past it, which holds the
// rest of the newest stories; or, when the first page's oldest story
// starts a page, it makes that page and changes the one before it,
// whose newer neighbour it becomes: pages are numbered from the oldest,
// so no other page of any list shifts. Readers' and search engines'
// links to a numbered page keep showing the same stories.
func TestNewStoryShiftsNoPage(t *testing.T) {
	for seed := range uint64(12) {
		r := rand.New(rand.NewPCG(seed, 2))
		n, size := r.IntN(30), 1+r.IntN(5)
		before := filepath.Join(t.TempDir(), "before")
		mustBuild(t, Options{Root: newProject(t, paginationProject(n, size)), Out: before})
		after := filepath.Join(t.TempDir(), "after")
		mustBuild(t, Options{Root: newProject(t, paginationProject(n+1, size)), Out: after})
		old, now := tree(t, before), tree(t, after)
		for _, list := range []string{"en/", "en/countries/azerbaijan/", "en/2025/01/"} {
			var changed []string
			for p, data := range now {
				if strings.HasPrefix(p, list+"page/") && strings.Count(strings.TrimPrefix(p, list+"page/"), "/") == 1 && old[p] != data {
					changed = append(changed, p)
				}
			}
			slices.Sort(changed)
			if list == "en/2025/01/" && n+1 > 31 {
				continue // the new story is in February
			}
			// The newest numbered page with stories of its own, the one past
			// it, and the one before it when the new story starts a page: it
			// was the newest, and led to the first.
			pages, before := (n+size)/size, (n+size-1)/size
			page := func(n int) string { return fmt.Sprintf("%spage/%d/index.html", list, n) }
			newest := []string{page(pages - 1), page(pages)}
			if pages > before && n > size {
				newest = append(newest, page(pages-2))
			}
			if !isSubset(changed, newest) {
				t.Errorf("seed %d, %d stories %d a page, one added: %s pages changed %v, want only of %v", seed, n, size, list, changed, newest)
			}
		}
	}
}

func isSubset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

var (
	storyTitle = regexp.MustCompile(`>Story (\d+)</a>`)
	olderLink  = regexp.MustCompile(`<a rel="next" href="([^"]*)">`)
	newerLink  = regexp.MustCompile(`<a rel="prev" href="([^"]*)">`)
	canonical  = regexp.MustCompile(`<link rel="canonical" href="https://example.org/([^"]*)">`)
)

// listPage is what a test reads of a page of a list: the stories it
// lists (not those beside them, such as the home page's countries'), its
// pager's links as site paths, and its canonical page.
type listPage struct {
	stories      []string
	older, newer string
	canonical    string
}

func readListPage(t *testing.T, out, path string) listPage {
	t.Helper()
	page := readFile(t, filepath.Join(out, filepath.FromSlash(path), "index.html"))
	var lp listPage
	if m := canonical.FindStringSubmatch(page); m != nil {
		lp.canonical = m[1]
	}
	if m := olderLink.FindStringSubmatch(page); m != nil {
		lp.older = strings.TrimPrefix(m[1], "/")
	}
	if m := newerLink.FindStringSubmatch(page); m != nil {
		lp.newer = strings.TrimPrefix(m[1], "/")
	}
	list, _, _ := strings.Cut(page, `<aside class="regions"`)
	for _, m := range storyTitle.FindAllStringSubmatch(list, -1) {
		lp.stories = append(lp.stories, m[1])
	}
	return lp
}

// Paging from a list's first page through its older pages shows every
// story once, newest first, and paging back through the newer links
// retraces the same pages to the first: no page of the chain repeats a
// story of another, and each is its own canonical page, in the sitemap.
// A numbered page outside the chain holds only stories of the first
// page (it was the newest numbered page, and links to it may be out
// there): it names the first page as its canonical and is not in the
// sitemap.
func TestPagesRepeatNoStory(t *testing.T) {
	for seed := range uint64(16) {
		r := rand.New(rand.NewPCG(seed, 3))
		n, size := r.IntN(24), 1+r.IntN(5)
		if seed < 4 { // page_size stories and more, exactly and not
			n, size = []int{4, 6, 5, 2}[seed], []int{2, 3, 2, 1}[seed]
		}
		out := filepath.Join(t.TempDir(), "public")
		mustBuild(t, Options{Root: newProject(t, paginationProject(n, size)), Out: out})
		files := tree(t, out)
		sitemap := readFile(t, filepath.Join(out, "sitemap.xml"))
		inSitemap := func(path string) bool { return strings.Contains(sitemap, "<loc>https://example.org/"+path+"</loc>") }
		lists := map[string]int{"en/": n, "en/countries/azerbaijan/": n, "en/2025/01/": min(n, 31)}
		for list, count := range lists {
			if count == 0 {
				continue
			}
			what := fmt.Sprintf("seed %d, %d stories %d a page: %s", seed, count, size, list)
			var want []string
			for i := count - 1; i >= 0; i-- {
				want = append(want, itoa(i))
			}
			first := readListPage(t, out, list)
			var chain []string
			var seen []string
			for path, lp := list, first; ; {
				chain = append(chain, path)
				seen = append(seen, lp.stories...)
				if lp.canonical != path || !inSitemap(path) {
					t.Errorf("%s: %s names %q its canonical page, in the sitemap: %v", what, path, lp.canonical, inSitemap(path))
				}
				if lp.older == "" {
					break
				}
				if len(chain) > count+1 {
					t.Fatalf("%s: the older links go round: %v", what, chain)
				}
				next := readListPage(t, out, lp.older)
				if next.newer != path {
					t.Errorf("%s: %s leads to the older %s, whose newer link leads to %q", what, path, lp.older, next.newer)
				}
				path, lp = lp.older, next
			}
			if !slices.Equal(seen, want) {
				t.Errorf("%s: paging through %v shows stories %v, want %v", what, chain, seen, want)
			}
			for p := range files {
				rest, ok := strings.CutPrefix(p, list+"page/")
				if !ok || strings.Count(rest, "/") != 1 {
					continue
				}
				page := strings.TrimSuffix(p, "index.html")
				if slices.Contains(chain, page) {
					continue
				}
				lp := readListPage(t, out, page)
				for _, s := range lp.stories {
					if !slices.Contains(first.stories, s) {
						t.Errorf("%s: %s, outside the pages' chain %v, shows story %s, which the first page does not", what, page, chain, s)
					}
				}
				if lp.canonical != list || inSitemap(page) {
					t.Errorf("%s: %s, whose stories are all on the first page, names %q its canonical page, in the sitemap: %v",
						what, page, lp.canonical, inSitemap(page))
				}
			}
		}
	}
}

// A numbered page is the alternate of the same page in the other
// language only when that one is a page of its own: a page that repeats
// its first page's stories is no one's alternate, and the language
// switch leads to the first page it repeats.
func TestRepeatingPageIsNoAlternate(t *testing.T) {
	root := newProject(t, `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages:
  en: {name: English, title: Briefings}
  ru: {name: Русский, title: Брифинги}
page_size: 1
-- content/countries.yaml --
AZ: {en: Azerbaijan, ru: Азербайджан}
KZ: {en: Kazakhstan, ru: Казахстан}
-- content/en/a.md --
---
title: A
date: 2025-01-01
countries: [AZ]
---
A.
-- content/en/b.md --
---
title: B
date: 2025-01-02
countries: [AZ]
---
B.
-- content/en/c.md --
---
title: C
date: 2025-01-03
countries: [AZ]
translation_key: c
---
C.
-- content/ru/c.md --
---
title: В
date: 2025-01-03
countries: [KZ]
translation_key: c
---
В.
`)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	// In English, Azerbaijan's list has three stories: pages 1 and 2 of
	// its own, and page 3 repeating the first page's. In Russian it has
	// two: page 1 of its own, and page 2 repeating the first page's.
	en := readFile(t, filepath.Join(out, "en/countries/azerbaijan/page/2/index.html"))
	if !strings.Contains(en, `<link rel="canonical" href="https://example.org/en/countries/azerbaijan/page/2/">`) {
		t.Fatalf("the English page 2 is not its own canonical page")
	}
	if strings.Contains(en, `hreflang="ru" href="https://example.org/ru/countries/azerbaijan/page/2/"`) {
		t.Errorf("the English page 2 names as its Russian alternate a page that repeats its first page")
	}
	if !strings.Contains(en, `<a href="/ru/countries/azerbaijan/" hreflang="ru" lang="ru">`) {
		t.Errorf("the English page 2's language switch does not lead to the Russian list's first page")
	}
	one := readFile(t, filepath.Join(out, "en/countries/azerbaijan/page/1/index.html"))
	if !strings.Contains(one, `<link rel="alternate" hreflang="ru" href="https://example.org/ru/countries/azerbaijan/page/1/">`) {
		t.Errorf("the English page 1 lacks its Russian alternate")
	}
	// A repeating page switches as its first page does: to the other
	// language's first page of the list, whatever page n holds there.
	for path, want := range map[string]string{"ru/countries/azerbaijan/page/2/index.html": `<a href="/en/countries/azerbaijan/" hreflang="en" lang="en">`,
		"en/countries/azerbaijan/page/3/index.html": `<a href="/ru/countries/azerbaijan/" hreflang="ru" lang="ru">`} {
		if html := readFile(t, filepath.Join(out, path)); !strings.Contains(html, want) {
			t.Errorf("/%s: the language switch is not %s", path, want)
		}
	}
}

var titleTag = regexp.MustCompile(`<title>([^<]*)</title>`)

// Each page of a list has a title of its own: a numbered page says its
// number, as its pager does, so that tabs, history and search results
// tell it from the first.
func TestListPagesTitledByNumber(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	seen := map[string]string{}
	for p, data := range contents(t, out) {
		m := titleTag.FindStringSubmatch(data)
		if !strings.HasSuffix(p, "index.html") || m == nil || !strings.Contains(p, "page/") && strings.Count(p, "/") > 3 {
			continue // articles may share a title
		}
		if other, ok := seen[m[1]]; ok {
			t.Errorf("%s and %s are both titled %q", other, p, m[1])
		}
		seen[m[1]] = p
	}
	if got := titleTag.FindStringSubmatch(readFile(t, filepath.Join(out, "ru/page/1/index.html"))); got == nil || !strings.Contains(got[1], "Страница 1") {
		t.Errorf("ru/page/1/ is titled %q, want its number", got)
	}
}
