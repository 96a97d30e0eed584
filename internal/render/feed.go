package render

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"html"
	"strings"
	"time"

	"briefings/internal/index"
	"briefings/internal/load"
)

// FeedSize is the most items a feed carries.
const FeedSize = 50

// feed is one feed, ready to be written as RSS 2.0, Atom or JSON Feed:
// the newest stories a language's home page lists, or a country's page,
// as the page shows them: in the feed's language when the story has it,
// else in its own, each item marked with its language. A reader of a
// country's feed then gets the stories its page lists, even when none is
// in the feed's language. Its date is the newest item's, never the
// build's, so an unchanged site gives the same bytes.
type feed struct {
	Lang, Title, Description string
	Site, SiteHome           string // the site's title and home page: the author, of a country's feed too
	Home, RSS                string // absolute URLs: the page the feed follows, the RSS file
	Updated                  time.Time
	Items                    []feedItem
}

type feedItem struct {
	Title, URL, Summary string
	Lang                string      // the article's, which may not be the feed's
	Body                articleBody // read when the feed is written
	Published, Updated  time.Time   // updated is published when the article gives none
	Categories          []string
	Image               *feedImage // the lead photo; nil: none
}

// newFeed gathers a feed; arts come newest first, each in the language
// the list shows it in. A feed without items takes its date from
// fallback, the edition's newest story.
func (p *planner) newFeed(lang load.Language, country *load.Country, arts []*load.Article, fallback time.Time) (feed, error) {
	site, urls := p.site, p.URLs
	f := feed{Lang: lang.Code, Title: lang.Title, Description: lang.Description, Site: lang.Title,
		SiteHome: urls.Abs(index.HomePath(lang.Code)),
		Home:     urls.Abs(index.HomePath(lang.Code)), RSS: urls.Abs(index.FeedPath(lang.Code)), Updated: fallback}
	if country != nil {
		f.Title = country.Names[lang.Code] + " — " + lang.Title
		f.Home = urls.Abs(index.CountryPath(lang.Code, country))
		f.RSS = urls.Abs(index.CountryFeedPath(lang.Code, country))
	}
	arts = arts[:min(FeedSize, len(arts))]
	if len(arts) > 0 {
		f.Updated = time.Time{}
	}
	for _, a := range arts {
		photos := p.articlePhotos(a)
		if a.Lead != nil {
			photos = photos[1:]
		}
		html, err := p.photoHTML(a, photos, urls.Abs, "feed-photo")
		if err != nil {
			return f, err
		}
		it := feedItem{Title: a.Title, URL: urls.Abs(site.Path(a)), Summary: a.Summary, Lang: a.Lang,
			Body:      articleBody{A: a, Paths: linkPaths(site, a), Photos: html, URLs: urls, Abs: true, Page: urls.Abs(site.Path(a))},
			Published: a.PublishAt(site.Config.Location)}
		it.Updated = later(it.Published, a.UpdatedAt(site.Config.Location))
		if a.Lead != nil {
			it.Image = p.photos[a.Lead.File].feedImage(urls)
			it.Image.Description, it.Image.Credit = cmp.Or(a.Lead.Caption, a.Lead.Alt), a.Lead.Credit
		}
		for _, code := range a.Countries {
			if c := site.CountryByCode(code); c != nil {
				it.Categories = append(it.Categories, c.Names[lang.Code])
			}
		}
		f.Items = append(f.Items, it)
		f.Updated = later(f.Updated, it.Updated)
	}
	return f, nil
}

// in is the URL of the feed in another format's file.
func (f feed) in(file string) string { return index.FeedIn(f.RSS, file) }

type rss struct {
	XMLName      xml.Name `xml:"rss"`
	Version      string   `xml:"version,attr"`
	XMLNSAtom    string   `xml:"xmlns:atom,attr"`
	XMLNSContent string   `xml:"xmlns:content,attr"`
	XMLNSMedia   string   `xml:"xmlns:media,attr"`
	XMLNSDC      string   `xml:"xmlns:dc,attr"`
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
	Href   string `xml:"href,attr"`
	Rel    string `xml:"rel,attr"`
	Type   string `xml:"type,attr,omitempty"`
	Length int64  `xml:"length,attr,omitempty"`
	Title  string `xml:"title,attr,omitempty"` // of an enclosure: what the photo shows, and its credit
}

// item is an RSS item. Its language is the article's, as xml:lang says
// to XML readers and Dublin Core's language element to feed readers: RSS
// 2.0 gives a language to the channel only.
type item struct {
	Lang        string        `xml:"xml:lang,attr"`
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	GUID        guid          `xml:"guid"`
	PubDate     string        `xml:"pubDate"`
	Description string        `xml:"description,omitempty"`
	Content     cdata         `xml:"content:encoded"`
	Categories  []category    `xml:"category"`
	Language    string        `xml:"dc:language"`
	Enclosure   *enclosure    `xml:"enclosure"`
	Media       *mediaContent `xml:"media:content"`
}

// category is a country an RSS item is about, named in the feed's
// language: marked so when the item's is another, which it would be
// taken for.
type category struct {
	Lang string `xml:"xml:lang,attr,omitempty"`
	Name string `xml:",chardata"`
}

// enclosure is an RSS item's lead photo; mediaContent the same as Media
// RSS gives it, with its size, which many readers use for the preview.
type enclosure struct {
	URL    string `xml:"url,attr"`
	Length int64  `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

type mediaContent struct {
	URL         string            `xml:"url,attr"`
	Medium      string            `xml:"medium,attr"`
	Type        string            `xml:"type,attr"`
	Width       int               `xml:"width,attr"`
	Height      int               `xml:"height,attr"`
	Description *mediaDescription `xml:"media:description"`
	Credit      string            `xml:"media:credit,omitempty"`
}

// mediaDescription is what a photo shows, its caption or else its alt
// text, for readers that show the photo without the page.
type mediaDescription struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

// cdata keeps HTML readable in the feed; encoding/xml splits any "]]>".
type cdata struct {
	Value string `xml:",cdata"`
}

type guid struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// writeRSS writes the feed as RSS 2.0.
func (f feed) writeRSS(w *bytes.Buffer) error {
	ch := channel{Title: f.Title, Link: f.Home, Description: f.Description, Language: f.Lang, Generator: "briefings",
		Self: atomLink{Href: f.RSS, Rel: "self", Type: "application/rss+xml"}}
	for _, it := range f.Items {
		body, err := it.Body.html()
		if err != nil {
			return err
		}
		// Readers show an RSS description as HTML: the summary is text.
		ri := item{Lang: it.Lang, Title: it.Title, Link: it.URL, GUID: guid{IsPermaLink: true, Value: it.URL},
			PubDate: it.Published.Format(time.RFC1123Z), Description: html.EscapeString(it.Summary), Content: cdata{body},
			Language: it.Lang}
		for _, c := range it.Categories {
			ri.Categories = append(ri.Categories, category{Name: c})
			if it.Lang != f.Lang {
				ri.Categories[len(ri.Categories)-1].Lang = f.Lang
			}
		}
		if im := it.Image; im != nil {
			ri.Enclosure = &enclosure{URL: im.URL, Length: im.Size, Type: im.Type}
			ri.Media = &mediaContent{URL: im.URL, Medium: "image", Type: im.Type, Width: im.Width, Height: im.Height,
				Description: &mediaDescription{Type: "plain", Value: im.Description}, Credit: im.Credit}
		}
		ch.Items = append(ch.Items, ri)
	}
	if len(f.Items) > 0 {
		ch.LastBuildDate = f.Updated.Format(time.RFC1123Z)
	}
	return marshal(w, rss{Version: "2.0", XMLNSAtom: "http://www.w3.org/2005/Atom",
		XMLNSContent: "http://purl.org/rss/1.0/modules/content/", XMLNSMedia: "http://search.yahoo.com/mrss/",
		XMLNSDC: "http://purl.org/dc/elements/1.1/", Channel: ch})
}

type atomFeed struct {
	XMLName   xml.Name    `xml:"feed"`
	XMLNS     string      `xml:"xmlns,attr"`
	Lang      string      `xml:"xml:lang,attr"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Links     []atomLink  `xml:"link"`
	ID        string      `xml:"id"`
	Updated   string      `xml:"updated"`
	Author    atomAuthor  `xml:"author"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomAuthor struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomEntry struct {
	Lang       string         `xml:"xml:lang,attr"` // the article's
	Title      string         `xml:"title"`
	Links      []atomLink     `xml:"link"`
	ID         string         `xml:"id"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Summary    string         `xml:"summary,omitempty"`
	Content    atomContent    `xml:"content"`
	Categories []atomCategory `xml:"category"`
}

// atomContent is HTML as text; as CDATA, it is written as it is rather
// than escaped a character at a time, which was most of the cost of feeds.
type atomContent struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",cdata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// writeAtom writes the feed as Atom (RFC 4287); the site is its author,
// not the country a country's feed is titled by.
func (f feed) writeAtom(w *bytes.Buffer) error {
	af := atomFeed{XMLNS: "http://www.w3.org/2005/Atom", Lang: f.Lang, Title: f.Title, Subtitle: f.Description,
		Links: []atomLink{{Href: f.in(index.AtomFile), Rel: "self", Type: "application/atom+xml"},
			{Href: f.Home, Rel: "alternate", Type: "text/html"}},
		ID: f.in(index.AtomFile), Updated: f.Updated.Format(time.RFC3339), Author: atomAuthor{f.Site, f.SiteHome}, Generator: "briefings"}
	for _, it := range f.Items {
		body, err := it.Body.html()
		if err != nil {
			return err
		}
		e := atomEntry{Lang: it.Lang, Title: it.Title, Links: []atomLink{{Href: it.URL, Rel: "alternate", Type: "text/html"}}, ID: it.URL,
			Published: it.Published.Format(time.RFC3339), Updated: it.Updated.Format(time.RFC3339),
			Summary: it.Summary, Content: atomContent{Type: "html", Value: body}}
		if im := it.Image; im != nil {
			e.Links = append(e.Links, atomLink{Href: im.URL, Rel: "enclosure", Type: im.Type, Length: im.Size,
				Title: strings.TrimSpace(im.Description + " " + im.Credit)})
		}
		for _, c := range it.Categories {
			e.Categories = append(e.Categories, atomCategory{c})
		}
		af.Entries = append(af.Entries, e)
	}
	return marshal(w, af)
}

// jsonFeed is JSON Feed 1.1 (jsonfeed.org).
type jsonFeed struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url"`
	FeedURL     string         `json:"feed_url"`
	Description string         `json:"description,omitempty"`
	Language    string         `json:"language"`
	Authors     []jsonAuthor   `json:"authors"`
	Items       []jsonFeedItem `json:"items"`
}

// jsonAuthor is who a JSON Feed is by: the site, as in Atom.
type jsonAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type jsonFeedItem struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	ContentHTML   string   `json:"content_html"`
	Summary       string   `json:"summary,omitempty"`
	DatePublished string   `json:"date_published"`
	DateModified  string   `json:"date_modified"`
	Tags          []string `json:"tags,omitempty"`
	Image         string   `json:"image,omitempty"`
	Language      string   `json:"language"` // the article's (JSON Feed 1.1)
}

// writeJSON writes the feed as JSON Feed 1.1.
func (f feed) writeJSON(w *bytes.Buffer) error {
	jf := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: f.Title, HomePageURL: f.Home,
		FeedURL: f.in(index.JSONFeedFile), Description: f.Description, Language: f.Lang,
		Authors: []jsonAuthor{{Name: f.Site, URL: f.SiteHome}}, Items: []jsonFeedItem{}}
	for _, it := range f.Items {
		body, err := it.Body.html()
		if err != nil {
			return err
		}
		ji := jsonFeedItem{ID: it.URL, URL: it.URL, Title: it.Title, ContentHTML: body,
			Summary: it.Summary, DatePublished: it.Published.Format(time.RFC3339),
			DateModified: it.Updated.Format(time.RFC3339), Tags: it.Categories, Language: it.Lang}
		if it.Image != nil {
			ji.Image = it.Image.URL
		}
		jf.Items = append(jf.Items, ji)
	}
	return json.NewEncoder(w).Encode(jf)
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
