package wire

import (
	"encoding/json"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// What a saved page's metadata says: its title, date, site and address.

// ldNode is the part of a JSON-LD object import reads.
type ldNode struct {
	Headline      string          `json:"headline"`
	DatePublished string          `json:"datePublished"`
	Publisher     json.RawMessage `json:"publisher"`
	Graph         []ldNode        `json:"@graph"`
}

type ldName struct {
	Name string `json:"name"`
}

// pageMeta reads the page's metadata; a timestamp with its offset is
// dated on its day in loc, where the site is. A title that is only the
// site's name, or an agency's (siteName), names no story: the next one
// is the headline.
func pageMeta(doc *html.Node, loc *time.Location, siteName func(string) bool) page {
	var pg page
	var publishedKey string
	var title, h1, published, ldDate, ldTitle, ldPublisher, ogTitle, canonical, ogURL, timeEl string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				pg.lang = attr(n, "lang")
			case atom.Title:
				if title == "" {
					title = textOf(n)
				}
			case atom.Time:
				if !inSiteFrame(n) {
					timeEl = first(timeEl, attr(n, "datetime"))
				}
			case atom.H1:
				if h1 == "" {
					h1 = textOf(n)
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				value := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title", "twitter:title":
					ogTitle = first(ogTitle, value)
				case "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued":
					if published == "" && value != "" {
						published, publishedKey = value, key
					}
				case "og:site_name":
					pg.site = first(pg.site, value)
				case "og:type":
					pg.story = pg.story || strings.EqualFold(value, "article")
				case "og:url":
					ogURL = first(ogURL, value)
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					canonical = first(canonical, attr(n, "href"))
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					for _, ld := range jsonLD(textOf(n)) {
						ldDate, ldTitle = first(ldDate, ld.DatePublished), first(ldTitle, ld.Headline)
						var p ldName
						if json.Unmarshal(ld.Publisher, &p) == nil {
							ldPublisher = first(ldPublisher, p.Name)
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	pg.story = pg.story || published != "" || ldTitle != ""
	pg.site = strings.Map(dropControl, first(pg.site, ldPublisher))
	pg.url = first(absolute(canonical), absolute(ogURL))
	tab := withoutSite(title, pg.site)
	if h := strings.Join(strings.Fields(h1), " "); h != "" && tab != h && strings.Contains(tab, h) {
		tab = h // "Туран: МККК посетил …": the site's name on either side of the headline the page shows
	}
	for _, t := range []struct{ value, from string }{{withoutSite(ogTitle, pg.site), "og:title"}, {ldTitle, "JSON-LD headline"},
		{tab, "<title>"}, {h1, "<h1>"}} {
		v := strings.Join(strings.Fields(strings.Map(dropControl, t.value)), " ")
		if v != "" && pg.title == "" && !strings.EqualFold(v, pg.site) && !siteName(v) {
			pg.title, pg.titleFrom = v, t.from
		}
	}
	for _, d := range []struct{ value, from string }{{published, publishedKey}, {ldDate, "JSON-LD datePublished"},
		{timeEl, "<time> element"}} {
		if t, ok := metaDate(d.value, loc); ok && pg.date.IsZero() {
			pg.date, pg.dateFrom, pg.shownOnly = t, d.from+" ("+d.value+")", d.from == "<time> element"
		}
	}
	return pg
}

// inSiteFrame says whether a node is in the page's header, menus, asides
// or footer: a <time> there is today's date or another story's.
func inSiteFrame(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Header, atom.Nav, atom.Aside, atom.Footer:
			return true
		}
	}
	return false
}

// jsonLD reads a JSON-LD script: an object, a list of them, or a @graph.
func jsonLD(src string) []ldNode {
	var one ldNode
	var many []ldNode
	if json.Unmarshal([]byte(src), &one) == nil {
		many = []ldNode{one}
	} else if json.Unmarshal([]byte(src), &many) != nil {
		return nil
	}
	var out []ldNode
	for _, n := range many {
		out = append(append(out, n), n.Graph...)
	}
	return out
}

// metaDate reads a metadata date as the day it was where it was published.
func metaDate(s string, loc *time.Location) (time.Time, bool) {
	for i, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", time.DateOnly} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil && t.Year() >= 1900 && t.Year() <= 9999 {
			if i < 2 && loc != nil {
				t = t.In(loc) // an instant: 20:15 UTC is the next day in Astana
			}
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// withoutSite takes the site's name off a <title>: "Headline - Kazinform".
func withoutSite(title, site string) string {
	title = strings.Join(strings.Fields(title), " ")
	for _, sep := range []string{" | ", " - ", " — ", " – ", " :: "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			tail := title[i+len(sep):]
			if site != "" && strings.Contains(strings.ToLower(site), strings.ToLower(tail)) || len(strings.Fields(tail)) <= 3 {
				return title[:i]
			}
		}
	}
	return title
}

func absolute(u string) string {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return ""
}
