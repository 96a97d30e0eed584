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

// entry is one page of the sitemap: id fingerprints all the sitemap
// shows of it, and head makes what it shows.
type entry struct {
	id   uint64
	head func() head
}

// Memo keeps what a build made that the next build of the same project
// can reuse: each page's sitemap entry, encoded. A rebuild after one title
// changed re-encodes a few entries instead of 12,000, which took 60 ms of
// a 125 ms rebuild at 10,000 articles (bench/run.sh). Safe for concurrent use.
type Memo struct {
	mu      sync.Mutex
	entries map[uint64][]byte
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{entries: map[uint64][]byte{}} }

// entry returns the encoded <url> element of a page, indented as the
// second level of the document.
func (m *Memo) entry(e entry) ([]byte, error) {
	m.mu.Lock()
	b, ok := m.entries[e.id]
	m.mu.Unlock()
	if ok {
		return b, nil
	}
	h := e.head()
	u := sitemapURL{Loc: h.canonical, LastMod: h.lastMod}
	for _, a := range h.alternates {
		u.Alternates = append(u.Alternates, xhtmlLink{Rel: "alternate", Hreflang: a.Lang, Href: a.Href})
	}
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.Indent("  ", "  ")
	if err := enc.EncodeElement(u, xml.StartElement{Name: xml.Name{Local: "url"}}); err != nil {
		return nil, err
	}
	m.mu.Lock()
	m.entries[e.id] = buf.Bytes()
	m.mu.Unlock()
	return buf.Bytes(), nil
}

// prune forgets entries once the memo holds more than twice the pages
// listed, so that a long watch session does not grow without bound.
func (m *Memo) prune(entries []entry) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.entries) <= 2*len(entries) {
		return
	}
	keep := make(map[uint64][]byte, len(entries))
	for _, e := range entries {
		if b, ok := m.entries[e.id]; ok {
			keep[e.id] = b
		}
	}
	m.entries = keep
}

// urlsetStart opens a sitemap as encoding/xml writes urlset.
const urlsetStart = `<urlset xmlns="` + sitemapNS + `" xmlns:xhtml="http://www.w3.org/1999/xhtml">`

// sitemaps lists every page that has a canonical URL, each with the same
// hreflang alternates as its <head>. Past SitemapLimit URLs, sitemap.xml
// becomes an index of sitemap-1.xml, sitemap-2.xml, … key says whether
// anything listed changed. A part is its pages' memoised entries inside
// the urlset element: the bytes encoding/xml writes for the whole urlset.
func sitemaps(entries []entry, key uint64, urls URLs, memo *Memo) []Output {
	memo.prune(entries)
	set := func(from, to int) func(*bytes.Buffer) error {
		return func(w *bytes.Buffer) error {
			w.WriteString(xml.Header + urlsetStart)
			for _, e := range entries[from:to] {
				b, err := memo.entry(e)
				if err != nil {
					return err
				}
				w.WriteByte('\n')
				w.Write(b)
			}
			w.WriteString("\n</urlset>\n")
			return nil
		}
	}
	if len(entries) <= SitemapLimit {
		return []Output{{index.SitemapPath, key, set(0, len(entries))}}
	}
	var files []Output
	idx := sitemapIndex{XMLNS: sitemapNS}
	for i := 0; i < len(entries); i += SitemapLimit {
		name := fmt.Sprintf("sitemap-%d.xml", i/SitemapLimit+1)
		idx.Sitemaps = append(idx.Sitemaps, sitemapFile{Loc: urls.Abs(name)})
		files = append(files, Output{name, key, set(i, min(i+SitemapLimit, len(entries)))})
	}
	return append(files, Output{index.SitemapPath, key, func(w *bytes.Buffer) error { return marshal(w, idx) }})
}
