package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"testing"
)

// sitemapPlanner plans the sitemap of n pages, each with two alternates.
func sitemapPlanner(urls URLs, n int, memo *Memo) *planner {
	p := &planner{siteView: &siteView{URLs: urls}, dig: &digester{}, memo: memo}
	for i := range n {
		loc := urls.Abs(fmt.Sprintf("en/%d/", i))
		p.listed = append(p.listed, *p.entry(&Page{Canonical: loc, LastMod: "2025-09-03",
			Alternates: []Alternate{{"en", loc}, {"x-default", loc}}}))
	}
	return p
}

func TestSitemapSplit(t *testing.T) {
	urls, _ := NewURLs("https://example.org/b")
	count := func(n int) []Output { return sitemapPlanner(urls, n, NewMemo()).sitemaps() }
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
	memo := NewMemo()
	for _, build := range []string{"first", "second"} {
		p := sitemapPlanner(urls, 3, memo)
		p.listed[1] = *p.entry(&Page{Canonical: urls.Abs("ru/a&b/")}) // no alternates, no date, escaped
		want := urlset{XMLNS: sitemapNS, XMLNSXHTML: "http://www.w3.org/1999/xhtml"}
		for _, e := range p.listed {
			want.URLs = append(want.URLs, e.URL)
		}
		var wantBytes, got bytes.Buffer
		if err := marshal(&wantBytes, want); err != nil {
			t.Fatal(err)
		}
		if err := p.sitemaps()[0].Make(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != wantBytes.String() {
			t.Errorf("%s build:\n%s\nwant\n%s", build, got.String(), wantBytes.String())
		}
		memo = memo.Next()
	}
}

func TestMemoForgetsPagesNoLongerListed(t *testing.T) {
	urls, _ := NewURLs("https://example.org/")
	memo := NewMemo()
	var w bytes.Buffer
	sitemapPlanner(urls, 10, memo).sitemaps()[0].Make(&w)
	memo = memo.Next()
	sitemapPlanner(urls, 2, memo).sitemaps()[0].Make(&w)
	if n := len(memo.Next().sitemap.old); n != 2 {
		t.Errorf("the memo holds %d entries for a sitemap of 2 pages", n)
	}
}
