package build

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Out of their context, as a screen reader lists a page's links, the
// links of a page's frame (all but an article's body) that lead to
// different places have different names, and every link has one: "RSS"
// twice, for the site's feed and a country's, would say neither.
func TestLinkNamesSayWhere(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	pages := 0
	for p, data := range contents(t, out) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		doc, err := html.Parse(strings.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		pages++
		where := map[string]string{} // name to href
		walkHTML(doc, func(n *html.Node) {
			if n.Type != html.ElementNode || n.Data != "a" || attrOf(n, "href") == "" || inBody(n) {
				return
			}
			name := strings.Join(strings.Fields(accessibleText(n)), " ")
			if l := attrOf(n, "aria-label"); l != "" {
				name = l
			}
			href := attrOf(n, "href")
			switch other, seen := where[name]; {
			case name == "":
				t.Errorf("%s: the link to %s has no name", p, href)
			case seen && other != href:
				t.Errorf("%s: links named %q lead to %s and %s", p, name, other, href)
			}
			where[name] = href
		})
	}
	if pages < 20 {
		t.Errorf("%d pages", pages)
	}
}

// inBody tells a node inside an article's or a page's body, whose links
// are the editor's.
func inBody(n *html.Node) bool {
	return inside(n, func(e *html.Node) bool { return strings.Contains(" "+attrOf(e, "class")+" ", " body ") })
}

// inside tells whether n, or an element around it, is one is accepts.
func inside(n *html.Node, is func(*html.Node) bool) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && is(n) {
			return true
		}
	}
	return false
}

// accessibleText is the text of a node that screen readers read: not
// what aria-hidden hides, and an image by its alt text.
func accessibleText(n *html.Node) string {
	switch {
	case n.Type == html.TextNode:
		return n.Data
	case n.Type == html.ElementNode && attrOf(n, "aria-hidden") == "true":
		return ""
	case n.Type == html.ElementNode && n.Data == "img":
		return attrOf(n, "alt")
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(accessibleText(c))
	}
	return b.String()
}

var (
	upLink  = regexp.MustCompile(`<p class="up"><a href="([^"]*)">([^<]*)</a></p>`)
	heading = regexp.MustCompile(`<h1>([^<]*)</h1>`)
)

// A month's link up to its year is named as the year's page is headed
// ("Archive: 2025"), not by the year's number alone.
func TestMonthLinksUpByYearHeading(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	months := 0
	for p, data := range contents(t, out) {
		m := upLink.FindStringSubmatch(data)
		if m == nil {
			continue
		}
		months++
		year := readFile(t, filepath.Join(out, strings.TrimPrefix(m[1], "/portal/"), "index.html"))
		if h := heading.FindStringSubmatch(year); h == nil || h[1] != m[2] {
			t.Errorf("%s: the link up to %s is named %q, and that page headed %q", p, m[1], m[2], h)
		}
	}
	if months == 0 {
		t.Error("no month page links up to its year")
	}
}
