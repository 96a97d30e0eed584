package render

import (
	"encoding/xml"
	"fmt"

	"briefings/internal/index"
)

// SitemapLimit is the most URLs one sitemap file may list (sitemaps.org).
const SitemapLimit = 50000

type urlset struct {
	XMLName    xml.Name     `xml:"urlset"`
	XMLNS      string       `xml:"xmlns,attr"`
	XMLNSXHTML string       `xml:"xmlns:xhtml,attr"`
	URLs       []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc        string      `xml:"loc"`
	LastMod    string      `xml:"lastmod,omitempty"`
	Alternates []xhtmlLink `xml:"xhtml:link"`
}

type xhtmlLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type sitemapIndex struct {
	XMLName  xml.Name      `xml:"sitemapindex"`
	XMLNS    string        `xml:"xmlns,attr"`
	Sitemaps []sitemapFile `xml:"sitemap"`
}

type sitemapFile struct {
	Loc string `xml:"loc"`
}

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// sitemaps lists every page that has a canonical URL, each with the same
// hreflang alternates as its <head>. Past SitemapLimit URLs, sitemap.xml
// becomes an index of sitemap-1.xml, sitemap-2.xml, …
func sitemaps(pages []*Page, urls URLs) []file {
	var all []sitemapURL
	for _, pg := range pages {
		if pg.Canonical == "" {
			continue
		}
		u := sitemapURL{Loc: pg.Canonical, LastMod: pg.LastMod}
		for _, a := range pg.Alternates {
			u.Alternates = append(u.Alternates, xhtmlLink{Rel: "alternate", Hreflang: a.Lang, Href: a.Href})
		}
		all = append(all, u)
	}
	set := func(part []sitemapURL) func() ([]byte, error) {
		return func() ([]byte, error) {
			return marshal(urlset{XMLNS: sitemapNS, XMLNSXHTML: "http://www.w3.org/1999/xhtml", URLs: part})
		}
	}
	if len(all) <= SitemapLimit {
		return []file{{index.SitemapPath, set(all)}}
	}
	var files []file
	idx := sitemapIndex{XMLNS: sitemapNS}
	for i := 0; i < len(all); i += SitemapLimit {
		name := fmt.Sprintf("sitemap-%d.xml", i/SitemapLimit+1)
		idx.Sitemaps = append(idx.Sitemaps, sitemapFile{Loc: urls.Abs(name)})
		files = append(files, file{name, set(all[i:min(i+SitemapLimit, len(all))])})
	}
	return append(files, file{index.SitemapPath, func() ([]byte, error) { return marshal(idx) }})
}
