package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sync"

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
// The heads are made only when the sitemap is: key says whether it changed.
func sitemaps(heads []func() head, key uint64, urls URLs) []Output {
	// Made once for all the parts, and only if one is made.
	all := sync.OnceValue(func() []sitemapURL {
		var all []sitemapURL
		for _, hf := range heads {
			h := hf()
			u := sitemapURL{Loc: h.canonical, LastMod: h.lastMod}
			for _, a := range h.alternates {
				u.Alternates = append(u.Alternates, xhtmlLink{Rel: "alternate", Hreflang: a.Lang, Href: a.Href})
			}
			all = append(all, u)
		}
		return all
	})
	set := func(from, to int) func(*bytes.Buffer) error {
		return func(w *bytes.Buffer) error {
			return marshal(w, urlset{XMLNS: sitemapNS, XMLNSXHTML: "http://www.w3.org/1999/xhtml", URLs: all()[from:to]})
		}
	}
	if len(heads) <= SitemapLimit {
		return []Output{{index.SitemapPath, key, set(0, len(heads))}}
	}
	var files []Output
	idx := sitemapIndex{XMLNS: sitemapNS}
	for i := 0; i < len(heads); i += SitemapLimit {
		name := fmt.Sprintf("sitemap-%d.xml", i/SitemapLimit+1)
		idx.Sitemaps = append(idx.Sitemaps, sitemapFile{Loc: urls.Abs(name)})
		files = append(files, Output{name, key, set(i, min(i+SitemapLimit, len(heads)))})
	}
	return append(files, Output{index.SitemapPath, key, func(w *bytes.Buffer) error { return marshal(w, idx) }})
}
