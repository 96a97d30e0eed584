package sitecheck

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// links returns every href and src of an HTML page.
func links(t *testing.T, file string) []string {
	out, _ := linksAndCanonical(t, file)
	return out
}

// linksAndCanonical returns every href and src of an HTML page, and the
// href of its canonical link.
func linksAndCanonical(t *testing.T, file string) (out []string, canonical string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			rel := ""
			for _, a := range n.Attr {
				if a.Key == "rel" {
					rel = a.Val
				}
			}
			for _, a := range n.Attr {
				if a.Key == "href" || a.Key == "src" {
					out = append(out, a.Val)
					if n.Data == "link" && rel == "canonical" && a.Key == "href" {
						canonical = a.Val
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out, canonical
}

// target resolves a link on a page to a file of the site, or "" when it
// leads elsewhere. The site is served under /briefings/.
func target(t *testing.T, page, link string) (string, bool) {
	t.Helper()
	base, _ := url.Parse(Base + page)
	u, err := base.Parse(link)
	if err != nil {
		t.Errorf("%s: link %q does not parse: %v", page, link, err)
		return "", false
	}
	site, _ := url.Parse(Base)
	if u.Host != site.Host {
		return "", false
	}
	if !strings.HasPrefix(u.Path, site.Path) {
		t.Errorf("%s: link %q leaves the site's path %s", page, link, site.Path)
		return "", false
	}
	p := strings.TrimPrefix(u.Path, site.Path)
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return path.Clean(p), true
}

// TestLinks follows every internal href and src of every page: none may
// be broken, and every page must be reachable from the home page, but for
// a page that names another as its canonical page: a list's numbered page
// that repeats the stories of its first page, which no page links to,
// kept for the links to it from before.
func TestLinks(t *testing.T) {
	dir := site(t)
	pages := files(t, dir, ".html")
	exists := func(p string) bool {
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
		return err == nil
	}
	graph := map[string][]string{}
	elsewhere := map[string]bool{} // pages whose canonical page is another
	followed := 0
	for _, page := range pages {
		ls, canonical := linksAndCanonical(t, filepath.Join(dir, page))
		if to, _ := target(t, page, canonical); canonical != "" && to != page {
			elsewhere[page] = true
		}
		for _, l := range ls {
			to, internal := target(t, page, l)
			if !internal {
				continue
			}
			followed++
			if !exists(to) {
				t.Errorf("%s: broken link %q", page, l)
			}
			graph[page] = append(graph[page], to)
		}
	}
	reached := map[string]bool{"index.html": true}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, to := range graph[p] {
			if !reached[to] {
				reached[to] = true
				queue = append(queue, to)
			}
		}
	}
	var orphans []string
	for _, p := range pages {
		if !reached[p] && p != "404.html" && !elsewhere[p] {
			orphans = append(orphans, p)
		}
	}
	slices.Sort(orphans)
	if len(orphans) > 0 {
		t.Errorf("pages not reachable from the home page: %v", orphans)
	}
	t.Logf("%d pages, %d internal links followed, %d pages reached from the home page", len(pages), followed, len(reached))
}
