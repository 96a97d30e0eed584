package build

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// testShared reads what an article page tells where it is shared and what
// it tells search engines, as their parsers would, and checks it against
// the article: a title that holds </script> must come back whole.
func testShared(t *testing.T, out string) {
	cases := []struct {
		page, title, lang, published, modified string
		countries                              []string
		source                                 map[string]any
		older, newer                           string
	}{
		{"en/2024/11/families-of-the-missing-meet-script-alert-1-script/index.html",
			"Families of the missing meet <script>alert(1)</script>", "en", "2024-11-20T10:00:00+04:00", "2024-11-20T10:00:00+04:00",
			[]string{"Armenia", "Azerbaijan"}, nil, "", "ICRC closes its delegation"},
		{"en/2025/09/icrc-closes-its-delegation/index.html", "ICRC closes its delegation", "en", "2025-09-03", "2025-09-03",
			[]string{"Azerbaijan"}, map[string]any{"@type": "CreativeWork", "name": "ICRC", "url": "https://example.org/icrc"},
			"Families of the missing meet <script>alert(1)</script>", ""},
		{"ru/2025/09/mkkk-zakryvaet-delegatsiiu/index.html", "МККК закрывает делегацию", "ru", "2025-09-04", "2025-09-04",
			[]string{"Азербайджан"}, nil, "Токаев принял президента МККК", ""},
	}
	for _, c := range cases {
		doc, err := html.Parse(strings.NewReader(readFile(t, filepath.Join(out, c.page))))
		if err != nil {
			t.Fatal(err)
		}
		meta := map[string][]string{}
		var scripts []string
		var nav []string
		walkHTML(doc, func(n *html.Node) {
			switch {
			case n.Data == "meta" && attrOf(n, "property") != "":
				meta[attrOf(n, "property")] = append(meta[attrOf(n, "property")], attrOf(n, "content"))
			case n.Data == "meta" && attrOf(n, "name") == "twitter:card":
				meta["twitter:card"] = []string{attrOf(n, "content")}
			case n.Data == "script":
				if attrOf(n, "type") != "application/ld+json" || n.FirstChild == nil {
					t.Errorf("%s: a script that is not JSON-LD", c.page)
					return
				}
				scripts = append(scripts, n.FirstChild.Data)
			case n.Data == "a" && (attrOf(n, "rel") == "prev" || attrOf(n, "rel") == "next") && n.FirstChild != nil:
				nav = append(nav, attrOf(n, "rel")+" "+n.FirstChild.Data)
			}
		})
		canonical := "https://example.org/portal/" + strings.TrimSuffix(c.page, "index.html")
		want := map[string]string{"og:type": "article", "og:title": c.title, "og:url": canonical,
			"article:published_time": c.published, "twitter:card": "summary_large_image",
			"og:locale": map[string]string{"en": "en_GB", "ru": "ru_RU"}[c.page[:2]]}
		if !strings.Contains(c.page, "families-of-the-missing") { // the one alone in its language
			want["og:locale:alternate"] = map[string]string{"en": "ru_RU", "ru": "en_GB"}[c.page[:2]]
		} else if alt := meta["og:locale:alternate"]; len(alt) > 0 {
			t.Errorf("%s: og:locale:alternate %q, but it has no translation", c.page, alt)
		}
		for k, v := range want {
			if got := meta[k]; len(got) != 1 || got[0] != v {
				t.Errorf("%s: %s is %q, want %q", c.page, k, got, v)
			}
		}
		if img := meta["og:image"]; len(img) != 1 || !sharePath.MatchString(strings.TrimPrefix(img[0], "https://example.org/portal/")) {
			t.Errorf("%s: og:image is %q, want the site's share image", c.page, img)
		}
		if strings.Join(meta["article:tag"], ",") != strings.Join(c.countries, ",") {
			t.Errorf("%s: article:tag %q, want %q", c.page, meta["article:tag"], c.countries)
		}
		if len(scripts) != 1 {
			t.Fatalf("%s: %d JSON-LD blocks", c.page, len(scripts))
		}
		var ld map[string]any
		if err := json.Unmarshal([]byte(scripts[0]), &ld); err != nil {
			t.Fatalf("%s: JSON-LD: %v\n%s", c.page, err, scripts[0])
		}
		for k, v := range map[string]string{"@context": "https://schema.org", "@type": "NewsArticle", "headline": c.title,
			"inLanguage": c.lang, "datePublished": c.published, "dateModified": c.modified, "url": canonical} {
			if ld[k] != v {
				t.Errorf("%s: JSON-LD %s is %v, want %q", c.page, k, ld[k], v)
			}
		}
		var about []string
		for _, a := range ld["about"].([]any) {
			about = append(about, a.(map[string]any)["name"].(string))
		}
		if strings.Join(about, ",") != strings.Join(c.countries, ",") {
			t.Errorf("%s: JSON-LD about %v, want %v", c.page, about, c.countries)
		}
		if got, _ := json.Marshal(ld["isBasedOn"]); c.source != nil && string(got) != mustJSON(c.source) || c.source == nil && ld["isBasedOn"] != nil {
			t.Errorf("%s: isBasedOn %s, want %v", c.page, got, c.source)
		}
		var wantNav []string
		if c.older != "" {
			wantNav = append(wantNav, "prev "+c.older)
		}
		if c.newer != "" {
			wantNav = append(wantNav, "next "+c.newer)
		}
		if strings.Join(nav, "|") != strings.Join(wantNav, "|") {
			t.Errorf("%s: previous and next %q, want %q", c.page, nav, wantNav)
		}
	}
}

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

func walkHTML(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, f)
	}
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// A page's og:locale:alternate names the locales it is also in, those of
// the translations its hreflang links lead to: none for a page alone in
// its language, which OpenGraph would otherwise say was in the other.
func TestLocaleAlternatesAreTranslations(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	locale := map[string]string{"en": "en_GB", "ru": "ru_RU"}
	alone, translated := 0, 0
	for p, data := range contents(t, out) {
		if !strings.HasSuffix(p, ".html") || p == "404.html" {
			continue
		}
		doc, err := html.Parse(strings.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		var own string
		var alternates, hreflangs []string
		walkHTML(doc, func(n *html.Node) {
			switch {
			case n.Data == "html":
				own = attrOf(n, "lang")
			case n.Data == "meta" && attrOf(n, "property") == "og:locale:alternate":
				alternates = append(alternates, attrOf(n, "content"))
			case n.Data == "link" && attrOf(n, "rel") == "alternate" && attrOf(n, "hreflang") != "" && attrOf(n, "type") == "":
				if l := attrOf(n, "hreflang"); l != "x-default" && l != own {
					hreflangs = append(hreflangs, locale[l])
				}
			}
		})
		if strings.Join(alternates, " ") != strings.Join(hreflangs, " ") {
			t.Errorf("%s: og:locale:alternate %q, want the translations' %q", p, alternates, hreflangs)
		}
		if len(hreflangs) == 0 {
			alone++
		} else {
			translated++
		}
	}
	if alone == 0 || translated == 0 {
		t.Errorf("%d pages alone in their language, %d translated: the test needs both", alone, translated)
	}
}
