package render

import (
	"bytes"
	"encoding/xml"
	"time"

	"briefings/internal/index"
	"briefings/internal/load"
)

// FeedSize is the most items a feed carries.
const FeedSize = 50

type rss struct {
	XMLName      xml.Name `xml:"rss"`
	Version      string   `xml:"version,attr"`
	XMLNSAtom    string   `xml:"xmlns:atom,attr"`
	XMLNSContent string   `xml:"xmlns:content,attr"`
	Channel      channel  `xml:"channel"`
}

type channel struct {
	Title         string   `xml:"title"`
	Link          string   `xml:"link"`
	Description   string   `xml:"description"`
	Language      string   `xml:"language"`
	LastBuildDate string   `xml:"lastBuildDate,omitempty"`
	Generator     string   `xml:"generator"`
	Self          atomLink `xml:"atom:link"`
	Items         []item   `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type item struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        guid     `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Description string   `xml:"description,omitempty"`
	Content     cdata    `xml:"content:encoded"`
	Categories  []string `xml:"category"`
}

// cdata keeps HTML readable in the feed; encoding/xml splits any "]]>".
type cdata struct {
	Value string `xml:",cdata"`
}

type guid struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// Feed is the RSS 2.0 feed of one language's articles, or of its articles
// about one country; arts come newest first. lastBuildDate is the newest
// item's date, never the build time, so an unchanged site gives the same bytes.
func Feed(w *bytes.Buffer, site *index.Site, lang load.Language, country *load.Country, arts []*load.Article, urls URLs) error {
	ch := channel{Title: lang.Title, Link: urls.Abs(index.HomePath(lang.Code, 1)), Description: lang.Description,
		Language: lang.Code, Generator: "briefings",
		Self: atomLink{Href: urls.Abs(index.FeedPath(lang.Code)), Rel: "self", Type: "application/rss+xml"}}
	if country != nil {
		ch.Title = country.Names[lang.Code] + " — " + lang.Title
		ch.Link = urls.Abs(index.CountryPath(lang.Code, country, 1))
		ch.Self.Href = urls.Abs(index.CountryFeedPath(lang.Code, country))
	}
	arts = arts[:min(FeedSize, len(arts))]
	var newest time.Time
	for _, a := range arts {
		link := urls.Abs(site.Path(a))
		it := item{Title: a.Title, Link: link, GUID: guid{IsPermaLink: true, Value: link},
			PubDate: a.Date.Format(time.RFC1123Z), Description: a.Summary, Content: cdata{body(site, a, urls.Abs)}}
		for _, code := range a.Countries {
			if c := site.CountryByCode(code); c != nil {
				it.Categories = append(it.Categories, c.Names[lang.Code])
			}
		}
		ch.Items = append(ch.Items, it)
		newest = later(newest, a.Date, a.Updated)
	}
	if !newest.IsZero() {
		ch.LastBuildDate = newest.Format(time.RFC1123Z)
	}
	return marshal(w, rss{Version: "2.0", XMLNSAtom: "http://www.w3.org/2005/Atom",
		XMLNSContent: "http://purl.org/rss/1.0/modules/content/", Channel: ch})
}

func later(ts ...time.Time) time.Time {
	var t time.Time
	for _, x := range ts {
		if x.After(t) {
			t = x
		}
	}
	return t
}

// marshal writes an XML document.
func marshal(w *bytes.Buffer, v any) error {
	w.WriteString(xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return w.WriteByte('\n')
}
