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
func sitemaps(heads []head, urls URLs) []Output {
	var all []sitemapURL
	k := newKey("sitemap")
	for _, h := range heads {
		u := sitemapURL{Loc: h.canonical, LastMod: h.lastMod}
		k.str(h.canonical, h.lastMod)
		for _, a := range h.alternates {
			u.Alternates = append(u.Alternates, xhtmlLink{Rel: "alternate", Hreflang: a.Lang, Href: a.Href})
			k.str(a.Lang, a.Href)
		}
		all = append(all, u)
	}
	key := k.sum()
	set := func(part []sitemapURL) func() ([]byte, error) {
		return func() ([]byte, error) {
			return marshal(urlset{XMLNS: sitemapNS, XMLNSXHTML: "http://www.w3.org/1999/xhtml", URLs: part})
		}
	}
	if len(all) <= SitemapLimit {
		return []Output{{index.SitemapPath, key, set(all)}}
	}
	var files []Output
	idx := sitemapIndex{XMLNS: sitemapNS}
	for i := 0; i < len(all); i += SitemapLimit {
		name := fmt.Sprintf("sitemap-%d.xml", i/SitemapLimit+1)
		idx.Sitemaps = append(idx.Sitemaps, sitemapFile{Loc: urls.Abs(name)})
		files = append(files, Output{name, key, set(all[i:min(i+SitemapLimit, len(all))])})
	}
	return append(files, Output{index.SitemapPath, key, func() ([]byte, error) { return marshal(idx) }})
}
