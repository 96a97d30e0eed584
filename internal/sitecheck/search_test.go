package sitecheck

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
)

// result is a search result as the page shows it.
type result struct {
	Href, Lang string
	Title      string
}

// TestSearch types queries into the search page of each language of the
// real site: results appear, each leads to a page of the site, the live
// region counts them in the page's language, and no request leaves the
// site. The queries are forms no article has, which the index must stem.
func TestSearch(t *testing.T) {
	dir := site(t)
	srv := serveSite(t, dir)
	b := newBrowser(t, srv)
	cases := []struct {
		lang, query string
		status      string // the live region's text
		other       int    // results in the other language, marked with lang
	}{
		{"ru", "Казахстане", "2 результата", 0},           // the articles say Казахстана
		{"ru", "азербайджаном", "3 результата", 2},        // English stories, by their countries in Russian
		{"en", "Kazakhstan", "2 results", 2},              // Russian stories, by their countries in English
		{"en", "Азербайджан", "3 results", 1},             // every story, by its country's Russian name
		{"ru", "Azerbaijan", "3 результата", 2},           // and by its English one
		{"en", "humanitarian issue", "1 result", 0},       // both words; the title says "issues"
		{"en", "Azerbaijani ICRC baku", "1 result", 0},    // three words
		{"ru", "несуществующееслово", "0 результатов", 0}, // nothing
		{"ru", "Ба", "Введите не меньше 3 букв, чтобы найти слова, которые с них начинаются.", 0}, // too short to be the beginning of a word
		{"en", "IC", "Type at least 3 letters to find the words that begin with them.", 0},
	}
	for _, c := range cases {
		page := srv.URL + "/briefings/" + c.lang + "/search/"
		for _, problem := range b.load(t, page) {
			t.Errorf("%s: %s", page, problem)
		}
		if fetched := b.searchFiles(t); fetched != 0 {
			t.Errorf("%s: %d index files fetched before any search", page, fetched)
		}
		got, status := b.search(t, c.query)
		if status != c.status {
			t.Errorf("%s %q: status %q, want %q", c.lang, c.query, status, c.status)
		}
		// With nothing found, the ways to browse the site stay in view.
		browse, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`!document.getElementById('search-browse').hidden`))
		if err != nil || browse != (countIn(status) == 0) {
			t.Errorf("%s %q: %s, and the links to browse by country and year shown: %v (%v)", c.lang, c.query, status, browse, err)
		}
		other := 0
		for _, r := range got {
			if r.Lang != "" {
				other++
			}
			rel := strings.TrimPrefix(r.Href, srv.URL+"/briefings/")
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel), "index.html")); err != nil || rel == r.Href || !strings.HasPrefix(rel, r.Lang) {
				t.Errorf("%s %q: result %q (lang %q) leads to %s, not a page of the site in its language", c.lang, c.query, r.Title, r.Lang, r.Href)
			}
		}
		if other != c.other {
			t.Errorf("%s %q: %d results marked as in another language, want %d: %+v", c.lang, c.query, other, c.other, got)
		}
		b.mu.Lock()
		for _, p := range b.problems {
			t.Errorf("%s %q: %s", c.lang, c.query, p)
		}
		b.mu.Unlock()
	}
}

// searchFiles counts the index files the open page has fetched.
func (b *browser) searchFiles(t *testing.T) int {
	t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](
		`performance.getEntriesByType('resource').filter(e => e.name.includes('/search/')).length`))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// search types a query and waits until the live region announces the
// results, which it returns with the announcement.
func (b *browser) search(t *testing.T, query string) ([]result, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	// Each key starts a search, and an early one may have answered before
	// the last key: once typed, the status is cleared and the query run
	// again, so what the status then says is about the whole query.
	var status string
	err := chromedp.Do(ctx, chromedp.WaitVisible(`#q`), chromedp.SendKeys(`#q`, query),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('search-status').textContent = '';
			document.getElementById('q').dispatchEvent(new Event('input'))`),
		chromedp.WaitVisible(`#search-status:not(:empty)`))
	if err == nil {
		status, err = chromedp.Run(ctx, chromedp.Text(`#search-status`))
	}
	if err != nil {
		t.Fatalf("searching %q: %v", query, err)
	}
	// The count comes before the list, which fills as its chunks arrive.
	want := countIn(status)
	var got []result
	for err == nil && len(got) < min(want, 10) {
		got, err = chromedp.Run(ctx, chromedp.Evaluate[[]result](`[...document.querySelectorAll('#search-results a')]
			.map(a => ({Href: a.href, Lang: a.lang, Title: a.textContent}))`))
		if err == nil && len(got) < min(want, 10) {
			time.Sleep(20 * time.Millisecond)
		}
	}
	if err != nil {
		t.Fatalf("results of %q: %v", query, err)
	}
	return got, strings.TrimSpace(status)
}

// countIn reads the number a status starts with.
func countIn(status string) int {
	n := 0
	for _, r := range strings.TrimSpace(status) {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// TestSearchWithoutScript reads the search pages as a browser without
// JavaScript shows them: no form that could not work, and links to every
// country page and year of the archive.
func TestSearchWithoutScript(t *testing.T) {
	dir := site(t)
	for _, lang := range []string{"en", "ru"} {
		page := lang + "/search/index.html"
		f, err := os.Open(filepath.Join(dir, page))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var browse *html.Node
		formShown := false
		walk(doc, func(n *html.Node) {
			switch {
			case n.Type != html.ElementNode:
			case n.Data == "form" && !hasAttr(n, "hidden"):
				formShown = true
			case attr(n, "id") == "search-browse":
				browse = n
			}
		})
		if formShown {
			t.Errorf("%s: a search form is shown without the script", page)
		}
		if browse == nil || hasAttr(browse, "hidden") {
			t.Fatalf("%s: no links to browse by", page)
		}
		linked := map[string]bool{}
		walk(browse, func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "a" {
				linked[strings.TrimPrefix(attr(n, "href"), "/briefings/")] = true
			}
		})
		want := append(dirs(t, filepath.Join(dir, lang, "countries"), lang+"/countries/"),
			dirs(t, filepath.Join(dir, lang), lang+"/")...)
		for _, w := range want {
			if !linked[w] {
				t.Errorf("%s: no link to %s", page, w)
			}
		}
	}
}

// dirs lists the pages directly under a folder: the countries, or the
// years of the archive, whose folders are four digits.
func dirs(t *testing.T, dir, prefix string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		year := len(e.Name()) == 4 && strings.Trim(e.Name(), "0123456789") == ""
		if e.IsDir() && (year || strings.HasSuffix(prefix, "/countries/")) {
			out = append(out, prefix+e.Name()+"/")
		}
	}
	return out
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// shownItem is what a list item or a search result shows of a story.
type shownItem struct {
	Href, Lang, Badge, Date, ISO, Summary, SummaryLang string
	Countries                                          []string // each "name href"
}

const readItems = `[...document.querySelectorAll(%q)].map(li => {
	const a = li.querySelector('h2 a'), time = li.querySelector('.meta time'), p = li.querySelector('p:not(.meta)');
	return {Href: a.getAttribute('href'), Lang: a.lang, Badge: (li.querySelector('h2 .badge') || {}).textContent || '',
		Date: time.textContent, ISO: time.dateTime, Summary: p ? p.textContent : '', SummaryLang: p ? p.lang : '',
		Countries: [...li.querySelectorAll('.meta a')].map(c => c.textContent + ' ' + c.getAttribute('href'))};
})`

// TestSearchResultParts searches as a reader does and compares each
// result with the story's item on its country's page: the same link,
// language badge, date and countries, and its summary or the start of it,
// in the story's language.
func TestSearchResultParts(t *testing.T) {
	dir := site(t)
	srv := serveSite(t, dir)
	b := newBrowser(t, srv)
	cases := []struct{ lang, query, country string }{
		{"en", "Kazakhstan", "kazakhstan"}, // Russian stories: a badge, and their summaries in Russian
		{"ru", "Казахстане", "kazakhstan"}, // stories in the page's language
	}
	for _, c := range cases {
		b.load(t, srv.URL+"/briefings/"+c.lang+"/countries/"+c.country+"/")
		listed, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]shownItem](fmt.Sprintf(readItems, "ol.items > li")))
		if err != nil {
			t.Fatal(err)
		}
		items := map[string]shownItem{}
		for _, it := range listed {
			items[it.Href] = it
		}
		b.load(t, srv.URL+"/briefings/"+c.lang+"/search/")
		if got, _ := b.search(t, c.query); len(got) == 0 {
			t.Fatalf("%s %q: no results", c.lang, c.query)
		}
		results, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]shownItem](fmt.Sprintf(readItems, "#search-results > li")))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range results {
			it, ok := items[r.Href]
			if !ok {
				t.Errorf("%s %q: result %s is not on the country's page", c.lang, c.query, r.Href)
				continue
			}
			summary := strings.TrimSuffix(r.Summary, "…")
			if r.Summary == "" || !strings.HasPrefix(it.Summary, summary) || (summary != r.Summary) == (summary == it.Summary) {
				t.Errorf("%s %q: result %s shows the summary %q, its item %q", c.lang, c.query, r.Href, r.Summary, it.Summary)
			}
			r.Summary, it.Summary = "", ""
			if fmt.Sprint(r) != fmt.Sprint(it) {
				t.Errorf("%s %q: the result shows\n%+v\nits item on the country's page\n%+v", c.lang, c.query, r, it)
			}
			if (r.Badge != "") != (r.Lang != "" && r.Lang != c.lang) || len(r.Countries) == 0 {
				t.Errorf("%s %q: result %s in %q has the badge %q and the countries %q", c.lang, c.query, r.Href, r.Lang, r.Badge, r.Countries)
			}
		}
	}
}
