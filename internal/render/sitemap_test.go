package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"testing"
)

// pages makes n sitemap entries, each page with two alternates.
func pages(urls URLs, n int) []entry {
	entries := make([]entry, n)
	for i := range entries {
		entries[i] = entry{id: uint64(i), head: func() head {
			loc := urls.Abs(fmt.Sprintf("en/%d/", i))
			return head{canonical: loc, lastMod: "2025-09-03",
				alternates: []Alternate{{"en", loc}, {"x-default", loc}}}
		}}
	}
	return entries
}

func TestSitemapSplit(t *testing.T) {
	urls, _ := NewURLs("https://example.org/b")
	count := func(n int) []Output { return sitemaps(pages(urls, n), 1, urls, NewMemo()) }
	if files := count(SitemapLimit); len(files) != 1 || files[0].Path != "sitemap.xml" {
		t.Fatalf("%d URLs: %d files, want sitemap.xml alone", SitemapLimit, len(files))
	}
	files := count(SitemapLimit + 1)
	var names []string
	for _, f := range files {
		names = append(names, f.Path)
	}
	if fmt.Sprint(names) != "[sitemap-1.xml sitemap-2.xml sitemap.xml]" {
		t.Fatalf("files %v", names)
	}
	var part urlset
	var data bytes.Buffer
	files[1].Make(&data)
	if err := xml.Unmarshal(data.Bytes(), &part); err != nil || len(part.URLs) != 1 || part.URLs[0].Loc != "https://example.org/b/en/50000/" {
		t.Errorf("second part: %v, %+v", err, part.URLs)
	}
	var idx sitemapIndex
	data.Reset()
	files[2].Make(&data)
	if err := xml.Unmarshal(data.Bytes(), &idx); err != nil || len(idx.Sitemaps) != 2 || idx.Sitemaps[1].Loc != "https://example.org/b/sitemap-2.xml" {
		t.Errorf("index: %v, %+v", err, idx)
	}
}

// The sitemap is put together from memoised entries; its bytes must be
// those encoding/xml writes for the whole urlset, whether the entries were
// just encoded or remembered from an earlier build.
func TestSitemapIsTheWholeURLSet(t *testing.T) {
	urls, _ := NewURLs("https://example.org/b")
	entries := pages(urls, 3)
	entries[1].head = func() head { return head{canonical: urls.Abs("ru/a&b/")} } // no alternates, no date, escaped
	want := urlset{XMLNS: sitemapNS, XMLNSXHTML: "http://www.w3.org/1999/xhtml"}
	for _, e := range entries {
		h := e.head()
		u := sitemapURL{Loc: h.canonical, LastMod: h.lastMod}
		for _, a := range h.alternates {
			u.Alternates = append(u.Alternates, xhtmlLink{Rel: "alternate", Hreflang: a.Lang, Href: a.Href})
		}
		want.URLs = append(want.URLs, u)
	}
	var wantBytes bytes.Buffer
	if err := marshal(&wantBytes, want); err != nil {
		t.Fatal(err)
	}
	memo := NewMemo()
	for _, build := range []string{"first", "second"} {
		var got bytes.Buffer
		if err := sitemaps(entries, 1, urls, memo)[0].Make(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != wantBytes.String() {
			t.Errorf("%s build:\n%s\nwant\n%s", build, got.String(), wantBytes.String())
		}
	}
}

func TestMemoForgetsPagesNoLongerListed(t *testing.T) {
	urls, _ := NewURLs("https://example.org/")
	memo := NewMemo()
	var w bytes.Buffer
	sitemaps(pages(urls, 10), 1, urls, memo)[0].Make(&w)
	sitemaps(pages(urls, 2), 2, urls, memo)[0].Make(&w)
	if n := len(memo.entries); n > 4 {
		t.Errorf("the memo holds %d entries for a sitemap of 2 pages", n)
	}
}
