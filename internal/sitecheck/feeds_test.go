package sitecheck

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
)

// TestFeeds reads every feed with gofeed's RSS parser, as feed readers do,
// and checks what each feed must carry.
func TestFeeds(t *testing.T) {
	dir := site(t)
	feeds := files(t, dir, "feed.xml")
	if len(feeds) < 4 {
		t.Fatalf("only %d feeds", len(feeds))
	}
	items := 0
	for _, name := range feeds {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		feed, err := (&rss.Parser{}).Parse(f)
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		lang := strings.SplitN(name, "/", 2)[0]
		if feed.Version != "2.0" || feed.Language != lang || feed.Title == "" || feed.Description == "" ||
			!strings.HasPrefix(feed.Link, Base+lang+"/") {
			t.Errorf("%s: version %q, language %q, title %q, link %q", name, feed.Version, feed.Language, feed.Title, feed.Link)
		}
		self := feed.Extensions["atom"]["link"]
		if len(self) != 1 || self[0].Attrs["rel"] != "self" || self[0].Attrs["href"] != Base+name {
			t.Errorf("%s: atom:link rel=self is %v", name, self)
		}
		// A feed carries what its page lists, which is never nothing: a
		// country has a page once a story is about it, in either language.
		if len(feed.Items) == 0 || len(feed.Items) > 50 {
			t.Errorf("%s: %d items", name, len(feed.Items))
		}
		var last time.Time
		for i, it := range feed.Items {
			items++
			pub, err := time.Parse(time.RFC1123Z, it.PubDate)
			switch {
			case err != nil:
				t.Errorf("%s: item %q: pubDate %q is not RFC 1123: %v", name, it.Title, it.PubDate, err)
			case i > 0 && pub.After(last):
				t.Errorf("%s: item %q is newer than the one before it", name, it.Title)
			}
			last = pub
			// An item is in its article's language, which dc:language says:
			// a story untranslated into the feed's is in its own.
			itemLang := ""
			if dc := it.DublinCoreExt; dc != nil && len(dc.Language) == 1 {
				itemLang = dc.Language[0]
			}
			if itemLang != "en" && itemLang != "ru" {
				t.Errorf("%s: item %q: dc:language %q", name, it.Title, itemLang)
			}
			if it.GUID == nil || it.GUID.Value != it.Link || !strings.HasPrefix(it.Link, Base+itemLang+"/") {
				t.Errorf("%s: item %q: link %q, guid %v", name, it.Title, it.Link, it.GUID)
			}
			if it.Description == "" || it.Content == "" || !strings.Contains(it.Content, "<p>") {
				t.Errorf("%s: item %q lacks a description or HTML content", name, it.Title)
			}
			if i == 0 && feed.LastBuildDate != it.PubDate {
				t.Errorf("%s: lastBuildDate %q is not the newest item's date %q", name, feed.LastBuildDate, it.PubDate)
			}
		}
	}
	if items == 0 {
		t.Error("no feed has an item")
	}
	t.Logf("%d feeds parsed, %d items", len(feeds), items)
}

// TestFeedFormats reads each feed's Atom and JSON Feed files beside it, as
// feed readers do, and checks that they carry what the RSS file carries:
// the same items, in the same order, with the same links, dates and
// languages.
func TestFeedFormats(t *testing.T) {
	dir := site(t)
	parse := func(name string) *gofeed.Feed {
		t.Helper()
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		feed, err := gofeed.NewParser().Parse(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return feed
	}
	feeds := files(t, dir, "feed.xml")
	for _, name := range feeds {
		want := parse(name)
		for _, other := range []struct{ file, kind, self string }{{"atom.xml", "atom", "self"}, {"feed.json", "json", ""}} {
			oname := strings.TrimSuffix(name, "feed.xml") + other.file
			got := parse(oname)
			if got.FeedType != other.kind || got.Title != want.Title || got.Language != want.Language || got.Link != want.Link {
				t.Errorf("%s: %s feed %q in %q at %q; RSS: %q in %q at %q", oname, got.FeedType, got.Title, got.Language,
					got.Link, want.Title, want.Language, want.Link)
			}
			if got.FeedLink != Base+oname {
				t.Errorf("%s: names itself %q", oname, got.FeedLink)
			}
			if len(got.Items) != len(want.Items) {
				t.Errorf("%s: %d items, RSS %d", oname, len(got.Items), len(want.Items))
				continue
			}
			langs := itemLanguages(t, filepath.Join(dir, oname), other.kind)
			if len(langs) != len(got.Items) {
				t.Errorf("%s: %d items, %d languages", oname, len(got.Items), len(langs))
				continue
			}
			for i, it := range got.Items {
				w := want.Items[i]
				if w.DublinCoreExt == nil || !slices.Equal(w.DublinCoreExt.Language, []string{langs[i]}) {
					t.Errorf("%s: item %d is in %q, RSS says %v", oname, i, langs[i], w.DublinCoreExt)
				}
				if it.Title != w.Title || it.Link != w.Link || it.Content != w.Content || it.Description != w.Description ||
					it.PublishedParsed == nil || !it.PublishedParsed.Equal(*w.PublishedParsed) || it.UpdatedParsed == nil ||
					!slices.Equal(it.Categories, w.Categories) {
					t.Errorf("%s: item %d is %q at %q (%v), RSS has %q at %q (%v)", oname, i, it.Title, it.Link,
						it.PublishedParsed, w.Title, w.Link, w.PublishedParsed)
				}
			}
		}
	}
	t.Logf("%d feeds read in RSS, Atom and JSON Feed", len(feeds))
}

// itemLanguages is the language each item of an Atom feed (xml:lang) or
// a JSON Feed (language) names, which gofeed does not read.
func itemLanguages(t *testing.T, file, kind string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var langs []string
	if kind == "json" {
		var f struct {
			Items []struct {
				Language string `json:"language"`
			} `json:"items"`
		}
		err = json.Unmarshal(data, &f)
		for _, it := range f.Items {
			langs = append(langs, it.Language)
		}
	} else {
		var f struct {
			Entries []struct {
				Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			} `xml:"entry"`
		}
		err = xml.Unmarshal(data, &f)
		for _, e := range f.Entries {
			langs = append(langs, e.Lang)
		}
	}
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return langs
}
