package wire

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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
	if len(heads) == 0 {
		if linked := linkedHeadings(doc); len(linked) > 2 {
			return linked // a list of teasers, each a headline that links to its story
		}
	}
	return heads
}

// linkedHeadings are the headings that link to another page, a link
// around them or inside them, outside the page's menus and asides: on a
// page of stories, each story's teaser.
func linkedHeadings(doc *html.Node) []string {
	var heads []string
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.DataAtom {
		case atom.Nav, atom.Aside, atom.Footer, atom.Header, atom.Template:
			return
		case atom.A:
			inLink = true
		case atom.H2, atom.H3:
			if t := strings.Join(strings.Fields(textOf(n)), " "); t != "" && (inLink || hasLink(n)) {
				heads = append(heads, quote(t))
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(doc, false)
	return heads
}

func hasLink(n *html.Node) bool {
	if n.Type == html.ElementNode && n.DataAtom == atom.A && attr(n, "href") != "" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasLink(c) {
			return true
		}
	}
	return false
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
