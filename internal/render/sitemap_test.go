package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"testing"
)

func TestSitemapSplit(t *testing.T) {
	urls, _ := NewURLs("https://example.org/b")
	count := func(n int) []Output {
		heads := make([]func() head, n)
		for i := range heads {
			heads[i] = func() head { return head{canonical: urls.Abs(fmt.Sprintf("en/%d/", i))} }
		}
		return sitemaps(heads, 1, urls)
	}
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
