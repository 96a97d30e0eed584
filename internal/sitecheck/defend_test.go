package sitecheck

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// csp is the policy every page declares: only the site's own scripts,
// styles, images and requests, and no <base> or form sending elsewhere.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'"

// TestPagesDefendReaders checks every page of the real site: its policy
// comes before anything it loads, it sends no referrer, and nothing in it
// runs unless it is a script file of the site itself.
func TestPagesDefendReaders(t *testing.T) {
	dir := site(t)
	for _, page := range files(t, dir, ".html") {
		b, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		var policy, referrer string
		loadsBeforePolicy := false
		walk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			switch {
			case n.Data == "meta" && attr(n, "http-equiv") == "Content-Security-Policy":
				policy = attr(n, "content")
			case n.Data == "meta" && attr(n, "name") == "referrer":
				referrer = attr(n, "content")
			case n.Data == "link" || n.Data == "script" || n.Data == "img":
				loadsBeforePolicy = loadsBeforePolicy || policy == ""
			}
			if n.Data == "script" && attr(n, "type") == "application/ld+json" {
				// Data, not code: the policy does not run it, but it must
				// stay a single JSON value that nothing broke out of.
				if n.FirstChild == nil || n.FirstChild.NextSibling != nil || !json.Valid([]byte(n.FirstChild.Data)) {
					t.Errorf("%s: JSON-LD that is not one JSON value", page)
				}
			} else if n.Data == "script" && (attr(n, "src") == "" || n.FirstChild != nil) {
				t.Errorf("%s: an inline script", page)
			}
			for _, a := range n.Attr {
				value := strings.ToLower(strings.TrimSpace(a.Val))
				switch {
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("%s: <%s %s=…>, an event handler", page, n.Data, a.Key)
				case a.Key == "style":
					t.Errorf("%s: <%s style=…>, which the policy blocks", page, n.Data)
				case (a.Key == "href" || a.Key == "src") && (strings.HasPrefix(value, "javascript:") || strings.HasPrefix(value, "data:")):
					t.Errorf("%s: <%s %s=%q>", page, n.Data, a.Key, a.Val)
				}
			}
		})
		if policy != csp {
			t.Errorf("%s: Content-Security-Policy %q, want %q", page, policy, csp)
		}
		if loadsBeforePolicy {
			t.Errorf("%s: loads a resource before its Content-Security-Policy", page)
		}
		if referrer != "no-referrer" {
			t.Errorf("%s: referrer policy %q, want no-referrer", page, referrer)
		}
	}
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
