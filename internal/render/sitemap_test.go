package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// sitemapPlanner plans the sitemap of n pages, each with three alternates.
func sitemapPlanner(urls URLs, n int, memo *Memo) *planner {
	p := &planner{siteView: &siteView{URLs: urls}, dig: &digester{}, memo: memo}
	for i := range n {
		en, ru := fmt.Sprintf("en/%d/", i), fmt.Sprintf("ru/%d/", i)
		p.listed = append(p.listed, *p.entry(&Page{LastMod: "2025-09-03",
			head: head{path: en, alternates: []alternate{{"en", en}, {"ru", ru}, {"x-default", en}}}}))
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
	made(t, files[1], &data)
	if err := xml.Unmarshal(data.Bytes(), &part); err != nil || len(part.URLs) != 1 || part.URLs[0].Loc != "https://example.org/b/en/50000/" {
		t.Errorf("second part: %v, %+v", err, part.URLs)
	}
	var idx sitemapIndex
	data.Reset()
	made(t, files[2], &data)
	if err := xml.Unmarshal(data.Bytes(), &idx); err != nil || len(idx.Sitemaps) != 2 || idx.Sitemaps[1].Loc != "https://example.org/b/sitemap-2.xml" {
		t.Errorf("index: %v, %+v", err, idx)
	}
}

// The sitemap is put together from memoised entries, a line each; it must
// read as the whole urlset, whether the entries were just encoded or
// remembered from an earlier build.
// readURL is a <url> as a reader of its namespaces reads it.
type readURL struct {
	Loc        string      `xml:"loc"`
	LastMod    string      `xml:"lastmod"`
	Alternates []xhtmlLink `xml:"http://www.w3.org/1999/xhtml link"`
}

func TestSitemapIsTheWholeURLSet(t *testing.T) {
	urls, _ := NewURLs("https://example.org/b")
	memo := NewMemo()
	for _, build := range []string{"first", "second"} {
		p := sitemapPlanner(urls, 3, memo)
		p.listed[1] = *p.entry(&Page{head: head{path: "ru/a&b/"}}) // no alternates, no date, escaped
		var want []readURL
		for _, e := range p.listed {
			u := p.url(e)
			want = append(want, readURL{u.Loc, u.LastMod, u.Alternates})
		}
		if want[0].Loc != "https://example.org/b/en/0/" || len(want[0].Alternates) != 3 || want[0].Alternates[1].Href != "https://example.org/b/ru/0/" {
			t.Fatalf("the first entry's <url> is %+v", want[0])
		}
		var got bytes.Buffer
		made(t, p.sitemaps()[0], &got)
		var read struct {
			XMLName xml.Name  `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
			URLs    []readURL `xml:"url"`
		}
		if err := xml.Unmarshal(got.Bytes(), &read); err != nil {
			t.Fatalf("%s build: %v", build, err)
		}
		if !reflect.DeepEqual(read.URLs, want) {
			t.Errorf("%s build: read %+v, want %+v", build, read, want)
		}
		if lines := strings.Count(got.String(), "\n"); lines != 2+len(want)+1 {
			t.Errorf("%s build: %d lines, want a line a URL:\n%s", build, lines, got.String())
		}
		memo = memo.Next()
	}
}

func TestMemoForgetsPagesNoLongerListed(t *testing.T) {
	urls, _ := NewURLs("https://example.org/")
	memo := NewMemo()
	var w bytes.Buffer
	made(t, sitemapPlanner(urls, 10, memo).sitemaps()[0], &w)
	memo = memo.Next()
	made(t, sitemapPlanner(urls, 2, memo).sitemaps()[0], &w)
	if n := len(memo.Next().sitemap.old); n != 2 {
		t.Errorf("the memo holds %d entries for a sitemap of 2 pages", n)
	}
}

// made writes an output's bytes to w, as a Writer makes it.
func made(t *testing.T, o Output, w *bytes.Buffer) {
	t.Helper()
	var err error
	if o.Stream != nil {
		err = o.Stream(w)
	} else {
		err = o.Make(w)
	}
	if err != nil {
		t.Fatal(err)
	}
}
