package build

import (
	"cmp"
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var listedStory = regexp.MustCompile(`<h2><a href="([^"]*)"`)

// listedStories is the stories a list shows, newest first, as absolute
// URLs: those of its first page at dir, then of the pages its older
// links lead through. The site's pages are under basePath ("/portal/").
func listedStories(t *testing.T, out, origin, basePath, dir string) []string {
	t.Helper()
	var urls []string
	for page := dir; page != ""; {
		html := readFile(t, filepath.Join(out, filepath.FromSlash(page), "index.html"))
		list, _, _ := strings.Cut(html, `<aside class="regions"`)
		for _, m := range listedStory.FindAllStringSubmatch(list, -1) {
			urls = append(urls, origin+m[1])
		}
		page = ""
		if m := olderLink.FindStringSubmatch(list); m != nil {
			page = strings.TrimPrefix(m[1], basePath)
		}
	}
	return urls
}

// Each feed carries the stories its page lists, newest first: a
// language's and a country's feed, the stories its lists show in their
// language where they have it, else in their own (an untranslated
// story of the other language among them), each item marked with its
// language in RSS (xml:lang and dc:language), Atom (xml:lang) and JSON
// Feed (language). A country whose stories are all in the other
// language has them in its feed, as its page does.
func TestFeedsCarryWhatTheirPagesList(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	const origin, base = "https://example.org", "https://example.org/portal/"
	var feeds []string
	for p := range tree(t, out) {
		if strings.HasSuffix(p, "/feed.xml") {
			feeds = append(feeds, p)
		}
	}
	slices.Sort(feeds)
	if len(feeds) != 8 {
		t.Fatalf("feeds %v", feeds)
	}
	langOf := func(url string) string {
		lang, _, _ := strings.Cut(strings.TrimPrefix(url, base), "/")
		return lang
	}
	others := 0
	for _, name := range feeds {
		dir := strings.TrimSuffix(name, "feed.xml")
		listed := listedStories(t, out, origin, "/portal/", dir)
		var rss struct {
			Items []struct {
				Lang     string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
				Link     string `xml:"link"`
				Language string `xml:"http://purl.org/dc/elements/1.1/ language"`
			} `xml:"channel>item"`
		}
		if err := xml.Unmarshal([]byte(readFile(t, filepath.Join(out, name))), &rss); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var atom struct {
			Entries []struct {
				Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
				ID   string `xml:"id"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(readFile(t, filepath.Join(out, dir, "atom.xml"))), &atom); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var jf struct {
			Items []struct {
				URL      string `json:"url"`
				Language string `json:"language"`
			} `json:"items"`
		}
		if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, dir, "feed.json"))), &jf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var links []string
		for i, it := range rss.Items {
			links = append(links, it.Link)
			lang := langOf(it.Link)
			if it.Lang != lang || it.Language != lang {
				t.Errorf("%s: item %s is marked xml:lang %q, dc:language %q", name, it.Link, it.Lang, it.Language)
			}
			if i < len(atom.Entries) && (atom.Entries[i].ID != it.Link || atom.Entries[i].Lang != lang) {
				t.Errorf("%s: Atom entry %d is %s in %q", name, i, atom.Entries[i].ID, atom.Entries[i].Lang)
			}
			if i < len(jf.Items) && (jf.Items[i].URL != it.Link || jf.Items[i].Language != lang) {
				t.Errorf("%s: JSON Feed item %d is %s in %q", name, i, jf.Items[i].URL, jf.Items[i].Language)
			}
			if lang != langOf(base+dir) {
				others++
			}
		}
		if len(atom.Entries) != len(links) || len(jf.Items) != len(links) {
			t.Errorf("%s: %d items, Atom %d, JSON Feed %d", name, len(links), len(atom.Entries), len(jf.Items))
		}
		if !slices.Equal(links, listed) {
			t.Errorf("%s carries\n%v\nits page lists\n%v", name, links, listed)
		}
	}
	if others == 0 {
		t.Errorf("no feed carries a story of the other language")
	}
}

// Every feed is by the site, in the feed's language: a country's feed,
// titled by its country, too. Atom names its author, JSON Feed its
// authors.
func TestFeedsAreByTheSite(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	site := map[string]string{"en": "Briefings", "ru": "Брифинги"}
	n := 0
	for p, data := range contents(t, out) {
		lang, _, _ := strings.Cut(p, "/")
		home := "https://example.org/portal/" + lang + "/"
		switch {
		case strings.HasSuffix(p, "/atom.xml"):
			var f struct {
				Title  string `xml:"title"`
				Author struct {
					Name string `xml:"name"`
					URI  string `xml:"uri"`
				} `xml:"author"`
			}
			if err := xml.Unmarshal([]byte(data), &f); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if f.Author.Name != site[lang] || f.Author.URI != home {
				t.Errorf("%s (%q): the author is %+v, want %s at %s", p, f.Title, f.Author, site[lang], home)
			}
			n++
		case strings.HasSuffix(p, "/feed.json"):
			var f struct {
				Authors []struct{ Name, URL string } `json:"authors"`
			}
			if err := json.Unmarshal([]byte(data), &f); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if len(f.Authors) != 1 || f.Authors[0].Name != site[lang] || f.Authors[0].URL != home {
				t.Errorf("%s: the authors are %+v, want %s at %s", p, f.Authors, site[lang], home)
			}
			n++
		}
	}
	if n != 16 {
		t.Errorf("%d Atom and JSON feeds, want 16", n)
	}
}

// An RSS item's categories name its countries in the feed's language: in
// an item of the other language, they say so, as XML readers take an
// element's language from the nearest xml:lang.
func TestFeedCategoriesInFeedLanguage(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	marked := 0
	for p, data := range contents(t, out) {
		if !strings.HasSuffix(p, "feed.xml") {
			continue
		}
		var f struct {
			Channel struct {
				Language string `xml:"language"`
				Items    []struct {
					Lang       string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
					Categories []struct {
						Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
						Name string `xml:",chardata"`
					} `xml:"category"`
				} `xml:"item"`
			} `xml:"channel"`
		}
		if err := xml.Unmarshal([]byte(data), &f); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, it := range f.Channel.Items {
			for _, c := range it.Categories {
				lang := cmp.Or(c.Lang, it.Lang, f.Channel.Language)
				if lang != f.Channel.Language {
					t.Errorf("%s: category %q is read as %q, want %q", p, c.Name, lang, f.Channel.Language)
				}
				if c.Lang != "" {
					marked++
				}
			}
		}
	}
	if marked == 0 {
		t.Errorf("no feed has an item in the other language: the test shows nothing")
	}
}

var firstFeedLink = regexp.MustCompile(`<link rel="alternate" type="application/rss\+xml"[^>]* href="([^"]*)"`)

// A country's pages name its feed first, before the site's, in their head
// and their footer: a feed reader given the page subscribes to the first.
func TestCountryPagesNameTheirFeedFirst(t *testing.T) {
	root := newProject(t, siteArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	for _, page := range []string{"en/countries/azerbaijan/", "ru/countries/kazakhstan/"} {
		html := readFile(t, filepath.Join(out, page, "index.html"))
		want := "/portal/" + page + "feed.xml"
		if m := firstFeedLink.FindStringSubmatch(html); m == nil || m[1] != want {
			t.Errorf("%s: the first feed its head names is %q, want %s", page, m, want)
		}
		_, footer, _ := strings.Cut(html, "<footer")
		if i, j := strings.Index(footer, want), strings.Index(footer, "/feed.xml"); i < 0 || i > j {
			t.Errorf("%s: the footer does not name its own feed first", page)
		}
	}
}
