package render

import "encoding/xml"

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

// Sitemap lists every page that has a canonical URL, each with the same
// hreflang alternates as its <head>.
func Sitemap(pages []*Page) []byte {
	set := urlset{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9", XMLNSXHTML: "http://www.w3.org/1999/xhtml"}
	for _, pg := range pages {
		if pg.Canonical == "" {
			continue
		}
		u := sitemapURL{Loc: pg.Canonical, LastMod: pg.LastMod}
		for _, a := range pg.Alternates {
			u.Alternates = append(u.Alternates, xhtmlLink{Rel: "alternate", Hreflang: a.Lang, Href: a.Href})
		}
		set.URLs = append(set.URLs, u)
	}
	return marshal(set)
}
