package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

var pageStart = regexp.MustCompile(`(?is)^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|title|body)[\s>/]`)

// IsPage says whether a file is a saved web page, by its name or, for
// standard input, by how it starts.
func IsPage(name string, src []byte) bool {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") || strings.HasSuffix(lower, ".xhtml") {
		return true
	}
	if bom(src) != "" {
		text, _ := decodeText(string(src)) // a page saved as UTF-16 starts as one too
		src = []byte(text)
	}
	return pageStart.Match(bytes.TrimPrefix(src, []byte("\uFEFF")))
}

// ParsePage reads a saved web page: the title, date and source from its
// metadata first (og:title, JSON-LD, article:published_time,
// og:site_name), then the article's text, which readability finds
// among the menus, related links, comments and footers, read as a wire
// text is.
func ParsePage(src []byte, opts Options) (Result, error) {
	if what := notText(string(src)); what != "" {
		return Result{}, fmt.Errorf("the file is %s, not a saved page: save the agency's page as HTML, and import that", what)
	}
	src, enc := decodePage(src)
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return Result{}, err
	}
	r, err := parsePage(doc, opts)
	return withEncoding(r, enc, string(src)), err
}

func parsePage(doc *html.Node, opts Options) (Result, error) {
	ag := newAgencies(opts.Sources)
	pg := pageMeta(doc, opts.Location, func(t string) bool { _, ok := agencyLine(t, ag); return ok })
	if heads := storyHeadings(doc); len(heads) > 1 && !pg.story {
		return Result{}, fmt.Errorf("the page lists %d stories (%s): save the page of the story itself, and import that", len(heads), strings.Join(heads, "; "))
	}
	text := ""
	if a, err := readability.FromDocument(doc, nil); err == nil && a.Node != nil {
		markItems(a.Node)
		text = render.InnerText(a.Node)
	}
	if strings.TrimSpace(text) == "" {
		text = visibleText(doc, false)
	}
	if !slices.ContainsFunc(strings.Split(text, "\n"), func(l string) bool { return words(l) >= 6 }) {
		what := "no text"
		if shown := strings.Join(strings.Fields(text), " "); shown != "" {
			what = "no article text, only " + quote(shown)
		}
		return Result{}, fmt.Errorf("the page holds %s: save the page of a story with its text, or paste the text itself", what)
	}
	if pg.date.IsZero() {
		pg.shown = shownDate(visibleText(doc, true), pg.title, text, opts.Today)
	}
	return parse(text, pg, opts)
}

// shownDate is the timestamp a page shows near its headline or above its
// text but outside the article, as many agencies' pages do: within a few
// lines of either, the nearest first.
func shownDate(visible, title, text string, today time.Time) dated {
	var ls []string
	for _, l := range strings.Split(visible, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			ls = append(ls, l)
		}
	}
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	first = runePrefix(strings.Join(strings.Fields(first), " "), 60)
	for _, at := range []int{slices.Index(ls, title), slices.IndexFunc(ls, func(l string) bool { return first != "" && strings.HasPrefix(l, first) })} {
		if at < 0 {
			continue
		}
		for d := 1; d <= 4; d++ {
			for _, i := range []int{at - d, at + d} {
				if i < 0 || i >= len(ls) {
					continue
				}
				if w, ok := stamp(ls[i]); ok {
					t, how := w.date(today)
					how = joinHow("from the date the page shows "+quote(ls[i])+", outside the text: check that it is the date of the news", how)
					return dated{date: t, yearless: w.Year == 0, how: how, at: -1}
				}
			}
		}
	}
	return dated{at: -1}
}

// storyHeadings are the headlines of the stories a page shows as
// articles of their own, outside its menus and asides: more than one is
// a list of news, whose texts would be glued into one draft.
func storyHeadings(doc *html.Node) []string {
	var heads []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.DataAtom {
		case atom.Nav, atom.Aside, atom.Footer, atom.Header, atom.Template:
			return
		case atom.Article:
			if h := firstHeading(n); h != "" {
				heads = append(heads, quote(h))
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return heads
}

func firstHeading(n *html.Node) string {
	if n.Type == html.ElementNode && (n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || n.DataAtom == atom.H3) {
		return runePrefix(strings.Join(strings.Fields(strings.Map(dropControl, textOf(n))), " "), 80)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if h := firstHeading(c); h != "" {
			return h
		}
	}
	return ""
}

// decodePage turns a page saved in another encoding than UTF-8 into
// UTF-8, as a browser reads it: a byte-order mark wins, then the charset
// the page names, then what decodeText tells from the bytes (a page in
// Windows-1251 that does not say so). It returns the encoding read, ""
// for UTF-8.
func decodePage(src []byte) ([]byte, string) {
	if utf8.Valid(src) {
		return src, ""
	}
	if bom(src) == "" {
		head := src[:min(len(src), 2048)]
		if m := metaCharset.FindSubmatch(head); m != nil && !mostlyUTF8(src) {
			if e, name := charset.Lookup(string(m[1])); e != nil {
				if out, err := e.NewDecoder().Bytes(src); err == nil {
					return out, name
				}
			}
		}
		if mostlyUTF8(src) {
			return bytes.ToValidUTF8(src, nil), "" // the stray bytes go
		}
	}
	out, enc := decodeText(string(src))
	return []byte(out), enc
}

// mostlyUTF8 says whether a page is UTF-8, stray bytes apart: a page
// re-saved as UTF-8 may keep its old charset line and a broken byte or
// two, and read as windows-1251 it would be mojibake throughout. Text in
// an old encoding is almost never valid UTF-8 past a few letters.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n <= 1:
			invalid++
		case n > 1:
			valid++
		}
		b = b[n:]
	}
	return invalid == 0 || valid >= 20*invalid
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset=["']?([\w-]+)`)

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
	for _, t := range []struct{ value, from string }{{withoutSite(ogTitle, pg.site), "og:title"}, {ldTitle, "JSON-LD headline"},
		{withoutSite(title, pg.site), "<title>"}, {h1, "<h1>"}} {
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

func first(a, b string) string {
	if a != "" {
		return a
	}
	return strings.TrimSpace(b)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// visibleText is a page's text without its scripts, menus, footers,
// asides and forms, and its headers unless asked for, a block a line:
// for pages readability finds no article in, and for the date a page
// shows beside its headline.
func visibleText(doc *html.Node, headers bool) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Header:
				if !headers {
					return
				}
			case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Footer, atom.Aside, atom.Form, atom.Template, atom.Svg, atom.Iframe, atom.Head:
				return
			case atom.P, atom.Div, atom.Br, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Tr, atom.Section, atom.Article,
				atom.Dt, atom.Dd, atom.Td, atom.Th, atom.Figcaption: // a list of details: each item its own line
				b.WriteString("\n")
			}
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

// markItems writes a bullet or a number on the first text of each item
// of the article's lists, as a pasted list has them, for the text to
// read as list items: the text alone loses the list. A list of one item
// is a paragraph, unmarked. An ordered list is numbered as the page
// numbers it, from its start, counting down when reversed, an item's
// value renumbering it and those after it; numbers that do not count up
// one by one, which a Markdown list cannot show, stay in the items' text
// under bullets. A list inside an item is part of its text.
// Two lists side by side take other bullets, to stay two lists.
func markItems(n *html.Node) {
	bullet := ""
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol):
			if bullet == "• " {
				bullet = "▪ "
			} else {
				bullet = "• "
			}
			if !markList(c, bullet) {
				bullet = ""
			}
			continue
		case c.Type != html.TextNode || strings.TrimSpace(c.Data) != "":
			bullet = ""
		}
		markItems(c)
	}
}

// markList marks a list's items, bullets with bullet, and says whether
// it marked them.
func markList(list *html.Node, bullet string) bool {
	var items []*html.Node
	for li := list.FirstChild; li != nil; li = li.NextSibling {
		if li.Type == html.ElementNode && li.DataAtom == atom.Li {
			inlineLists(li)
			if strings.TrimSpace(textOf(li)) != "" {
				items = append(items, li)
			}
		}
	}
	if len(items) < 2 {
		return false
	}
	if list.DataAtom == atom.Ul {
		for _, li := range items {
			mark(li, bullet)
		}
		return true
	}
	step, num := 1, 1
	if _, ok := attrOf(list, "reversed"); ok {
		step, num = -1, len(items)
	}
	if start, err := strconv.Atoi(strings.TrimSpace(attr(list, "start"))); err == nil && start > -1000 && start < 1000 {
		num = start
	}
	nums := make([]int, len(items))
	for i, li := range items {
		if v, err := strconv.Atoi(strings.TrimSpace(attr(li, "value"))); err == nil && v > -1000 && v < 1000 {
			num = v
		}
		nums[i], num = num, num+step
	}
	ascending := nums[0] >= 0 && nums[len(nums)-1] < 1000
	for i := 1; i < len(nums); i++ {
		ascending = ascending && nums[i] == nums[i-1]+1
	}
	for i, li := range items {
		if ascending {
			mark(li, strconv.Itoa(nums[i])+". ")
		} else {
			mark(li, bullet+strconv.Itoa(nums[i])+". ")
		}
	}
	return true
}

// inlineLists writes the lists inside an item as part of its text, their
// items one after another, for the item to stay one line.
func inlineLists(li *html.Node) {
	var nested []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) {
				nested = append(nested, c)
				continue
			}
			walk(c)
		}
	}
	walk(li)
	for _, l := range nested {
		var texts []string
		for item := l.FirstChild; item != nil; item = item.NextSibling {
			if t := strings.Join(strings.Fields(textOf(item)), " "); t != "" {
				texts = append(texts, t)
			}
		}
		l.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " " + strings.Join(texts, "; ")}, l)
		l.Parent.RemoveChild(l)
	}
	// the blocks inside an item are inline: an item is a line
	var flatten func(*html.Node)
	flatten = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			flatten(c)
			if c.Type == html.ElementNode && (c.DataAtom == atom.P || c.DataAtom == atom.Div || c.DataAtom == atom.Br) {
				c.DataAtom, c.Data = atom.Span, "span"
				n.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, c.NextSibling)
			}
		}
	}
	flatten(li)
}

// mark writes a marker before the first text of an item.
func mark(li *html.Node, marker string) {
	var first func(*html.Node) *html.Node
	first = func(n *html.Node) *html.Node {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
				return c
			}
			if t := first(c); t != nil {
				return t
			}
		}
		return nil
	}
	if t := first(li); t != nil {
		t.Data = marker + strings.TrimLeft(t.Data, " \t\n")
	}
}

// attrOf is an attribute of a node, and whether the node has it.
func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}
