package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"

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

// sitemapEntry is a page's entry in the sitemap: what its <url> element
// is made of, and the digest of that element, which the sitemap's key is
// made of.
type sitemapEntry struct {
	head head
	id   uint64
}

// entry is a page's entry in the sitemap, with the same URL and hreflang
// alternates as its <head>.
func (p *planner) entry(pg *Page) *sitemapEntry {
	h := head{path: pg.head.path, lastMod: pg.LastMod, alternates: pg.head.hreflang()}
	return &sitemapEntry{h, p.dig.sum("sitemap-url", p.URLs.Abs(""), h)}
}

// url is the <url> element of a page's entry.
func (p *planner) url(e sitemapEntry) sitemapURL {
	u := sitemapURL{Loc: p.URLs.Abs(e.head.path), LastMod: e.head.lastMod}
	for _, a := range e.head.alternates {
		u.Alternates = append(u.Alternates, xhtmlLink{Rel: "alternate", Hreflang: a.lang, Href: p.URLs.Abs(a.path)})
	}
	return u
}

// encodeURL is the <url> element of a page, on one line: indenting it
// cost a fifth of the sitemap's bytes. The memo keeps each: a rebuild
// after one title changed re-encodes a few entries instead of 12,000,
// which took 60 ms of a 125 ms rebuild at 10,000 articles (bench/run.sh).
// One encoder serves a whole sitemap: one an entry cost 4 KB of buffer
// each, 260 MB a build at 50,000 articles.
func (p *planner) encodeURL(enc *urlEncoder, e sitemapEntry) (string, error) {
	return p.memo.sitemap.get(e.id, func() (string, error) {
		enc.buf.Reset()
		if err := enc.EncodeElement(p.url(e), xml.StartElement{Name: xml.Name{Local: "url"}}); err != nil {
			return "", err
		}
		err := enc.Flush()
		return enc.buf.String(), err
	})
}

// urlEncoder encodes a sitemap's entries one by one.
type urlEncoder struct {
	*xml.Encoder
	buf *bytes.Buffer
}

func newURLEncoder() *urlEncoder {
	buf := new(bytes.Buffer)
	return &urlEncoder{xml.NewEncoder(buf), buf}
}

// urlsetStart opens a sitemap as encoding/xml writes urlset.
const urlsetStart = `<urlset xmlns="` + sitemapNS + `" xmlns:xhtml="http://www.w3.org/1999/xhtml">`

// sitemaps lists every page that has a canonical URL. Past SitemapLimit
// URLs, sitemap.xml becomes an index of sitemap-1.xml, sitemap-2.xml, …
// A part is its pages' encoded entries inside the urlset element: the
// bytes encoding/xml writes for the whole urlset.
func (p *planner) sitemaps() []Output {
	write := func(set []sitemapEntry, w io.Writer) error {
		io.WriteString(w, xml.Header+urlsetStart)
		enc := newURLEncoder()
		for _, e := range set {
			b, err := p.encodeURL(enc, e)
			if err != nil {
				return err
			}
			io.WriteString(w, "\n")
			io.WriteString(w, b)
		}
		_, err := io.WriteString(w, "\n</urlset>\n")
		return err
	}
	entries := p.listed
	if len(entries) <= SitemapLimit {
		return []Output{streamed(p, index.SitemapPath, "sitemap", entries, write)}
	}
	var files []Output
	idx := sitemapIndex{XMLNS: sitemapNS}
	for i := 0; i < len(entries); i += SitemapLimit {
		name := fmt.Sprintf("sitemap-%d.xml", i/SitemapLimit+1)
		idx.Sitemaps = append(idx.Sitemaps, sitemapFile{Loc: p.URLs.Abs(name)})
		files = append(files, streamed(p, name, "sitemap", entries[i:min(i+SitemapLimit, len(entries))], write))
	}
	return append(files, encoded(p, index.SitemapPath, "sitemap-index", idx, func(v sitemapIndex, w *bytes.Buffer) error { return marshal(w, v) }))
}
