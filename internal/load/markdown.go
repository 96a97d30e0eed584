package load

import (
	"bufio"
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"briefings/internal/diag"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown is shared by all goroutines: goldmark's parser and renderer keep
// no state between calls. Its default renderer drops raw HTML and dangerous
// link schemes; it must never be given html.WithUnsafe. unmailed is the
// same with a Linkify that looks for no e-mail address, and unlinked the
// same without Linkify, for bodies where they can find none (linkify.go).
var markdown, unmailed, unlinked = newMarkdown(linkify{mail: true}), newMarkdown(linkify{}), newMarkdown()

func newMarkdown(more ...goldmark.Extender) goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(append([]goldmark.Extender{
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)), tableAlign{},
		extension.Strikethrough, extension.TaskList, extension.Footnote, footnoteMarks{}, photoMarks{}}, more...)...),
		goldmark.WithRendererOptions(html.WithWriter(copyWriter{html.DefaultWriter})))
}

// body is an article's body, converted.
type body struct {
	html, summary string
	links         []Link
	photos        []PhotoRef
	dropped       diag.List // a warning for each link and piece of raw HTML left out
	errs          diag.List // photos and links that cannot be published
}

// convertBody renders the body of the article at path, whose first line is
// file line first: the HTML, the summary (the given one, or the first
// paragraph as plain text), the links to other articles and site paths,
// and the photos, each with a placeholder where its markup goes.
func convertBody(path string, src []byte, first int, summary string, hash uint64) body {
	return convertWith(markdownFor(src), path, src, first, summary, hash)
}

func convertWith(md goldmark.Markdown, path string, src []byte, first int, summary string, hash uint64) body {
	doc := md.Parser().Parse(text.NewReader(src))
	var lines lineIndex // made for the first message or link: most bodies have neither
	line := func(n ast.Node) int {
		if lines == nil {
			lines = lineStarts(src)
		}
		return first + lines.of(nodeStart(n, src)) - 1
	}
	b := body{summary: summary}
	if bytes.IndexByte(src, '&') >= 0 {
		b.errs = references(doc, src, path, line)
	}
	b.dropped = tidy(doc, src, path, line)
	nameNotes(doc, langOf(path))
	var linkErrs diag.List
	b.links, linkErrs = articleLinks(doc, src, path, line, hash)
	var photoErrs diag.List
	b.photos, photoErrs = bodyPhotos(doc, src, path, line, hash)
	b.errs = append(b.errs, linkErrs...)
	b.errs = append(b.errs, photoErrs...)
	if b.summary == "" {
		b.summary = firstParagraph(doc, src)
	}
	out := renderBufs.Get().(*renderBuf)
	defer renderBufs.Put(out)
	out.html.Reset()
	out.html.Grow(len(src) + len(src)/4)
	out.w.Reset(&out.html)
	if err := md.Renderer().Render(out.w, src, doc); err != nil || out.w.Flush() != nil {
		return b // rendering to a bytes.Buffer cannot fail; keep the page empty if it does
	}
	b.html = out.html.String()
	if bytes.IndexByte(src, '&') >= 0 {
		// Only a character reference can bring in what scrub replaces: the
		// body has been through checkText. Looking at every body's HTML
		// for it was 6% of converting the bench corpus's bodies.
		b.html = scrub(b.html)
	}
	return b
}

// renderBuf is what goldmark renders a body into, kept from one body to
// the next: goldmark wraps any other writer in a new 4 KB buffer, and a
// fresh buffer grows by copies, together a tenth of what loading 10,000
// articles allocated.
type renderBuf struct {
	html bytes.Buffer
	w    *bufio.Writer
}

var renderBufs = sync.Pool{New: func() any { return &renderBuf{w: bufio.NewWriter(nil)} }}

// lineIndex holds the offsets at which a text's lines start.
type lineIndex []int

func lineStarts(b []byte) lineIndex {
	l := lineIndex{0}
	for i, c := range b {
		if c == '\n' {
			l = append(l, i+1)
		}
	}
	return l
}

// of is the 1-based line of offset i.
func (l lineIndex) of(i int) int {
	n, _ := slices.BinarySearch(l, i+1)
	return n
}

// nodeStart is the offset a node starts at, or as near as the tree says.
func nodeStart(n ast.Node, src []byte) int {
	switch t := n.(type) {
	case *ast.RawHTML:
		if t.Segments.Len() > 0 {
			return t.Segments.At(0).Start
		}
	case *ast.AutoLink:
		return t.Pos()
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// tidy moves body headings so that the highest is an h2, under the
// article's title, the page's only h1, and none skips a level (see
// sections). It takes out what pages must not carry, with a warning
// at its line: raw HTML goes, and a link or image to an address that is
// not safe (see safeURL) is replaced by its words.
func tidy(doc ast.Node, src []byte, path string, line func(ast.Node) int) diag.List {
	type swap struct{ old, new ast.Node }
	var swaps []swap
	var warns diag.List
	drop := func(n ast.Node, dest []byte, words ast.Node) {
		swaps = append(swaps, swap{n, words})
		warns.Warn(path, line(n), "a link or image to %q is left out, its words kept: pages link only to http, https, mailto and tel addresses and within the site", shorten(dest))
	}
	var levels sections
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = levels.level(n.Level)
		case *ast.RawHTML, *ast.HTMLBlock:
			swaps = append(swaps, swap{n, nil})
			warns.Warn(path, line(n), "raw HTML %q is left out: pages carry none; write Markdown instead", shorten(rawHTML(n, src)))
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if !safeURL(n.Destination) {
				drop(n, n.Destination, nil)
			}
		case *ast.Image:
			return ast.WalkSkipChildren, nil // a photo: see bodyPhotos
		case *ast.AutoLink:
			if !safeURL(n.URL(src)) {
				drop(n, n.URL(src), ast.NewString(n.Label(src)))
			}
		}
		return ast.WalkContinue, nil
	})
	for _, s := range swaps {
		parent := s.old.Parent()
		if s.new != nil {
			parent.ReplaceChild(parent, s.old, s.new)
			continue
		}
		if _, isLink := s.old.(*ast.Link); isLink {
			for c := s.old.FirstChild(); c != nil; {
				next := c.NextSibling()
				parent.InsertBefore(parent, s.old, c)
				c = next
			}
		}
		parent.RemoveChild(parent, s.old)
	}
	return warns
}

// sections numbers a body's headings as the sections they open: a
// heading is one level below the nearest heading before it that the
// editor wrote at a higher level (an h2 when there is none), so that
// "### A" then "## B", or "## A" then "#### B", skip no level, which
// screen readers' lists of headings and the HTML checkers would find.
type sections []int // the Markdown levels of the sections open

func (s *sections) level(md int) int {
	for len(*s) > 0 && (*s)[len(*s)-1] >= md {
		*s = (*s)[:len(*s)-1]
	}
	*s = append(*s, md)
	return min(len(*s)+1, 6)
}

// rawHTML is the source of a raw HTML node.
func rawHTML(n ast.Node, src []byte) []byte {
	var b []byte
	if r, ok := n.(*ast.RawHTML); ok {
		for i := 0; i < r.Segments.Len(); i++ {
			seg := r.Segments.At(i)
			b = append(b, seg.Value(src)...)
		}
		return b
	}
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

// shorten keeps a warning's quote to one short line.
func shorten(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}

func firstParagraph(doc ast.Node, src []byte) string {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if p, ok := n.(*ast.Paragraph); ok {
			return plainText(p, src)
		}
	}
	return ""
}

// plainText concatenates the text of a node's inline content.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Text:
			v := t.Segment.Value(src)
			if !t.IsRaw() { // as the renderer does: \* is *, &amp; is &
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return scrub(oneLine(b.String()))
}

// references reports the character references in a body's text that
// give what its bytes may not hold: a control character (&#x1b;), which
// feeds cannot carry, or a direction control (&#x202e;); one a line, as
// the text's nodes split it however its parser does.
func references(doc ast.Node, src []byte, path string, line func(ast.Node) int) diag.List {
	var errs diag.List
	reported := map[int]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok || t.IsRaw() {
			return ast.WalkContinue, nil
		}
		v := t.Segment.Value(src)
		if bytes.IndexByte(v, '&') < 0 {
			return ast.WalkContinue, nil
		}
		text := string(util.ResolveEntityNames(util.ResolveNumericReferences(v)))
		i := strings.IndexFunc(text, func(r rune) bool {
			// A character written as it is is checkText's to report.
			return (!textRune(r) && r != '\r' || bidiControl(r)) && !bytes.ContainsRune(v, r)
		})
		if l := line(n); i >= 0 && !reported[l] {
			reported[l] = true
			r, _ := utf8.DecodeRuneInString(text[i:])
			what := "the control character"
			if bidiControl(r) {
				what = "the direction control"
			}
			errs.Add(path, l, "a character reference gives %s %U, which a page must not carry: delete it", what, r)
		}
		return ast.WalkContinue, nil
	})
	return errs
}

// scrub replaces the control characters a character reference such as
// &#1; can bring in, which feeds cannot carry, by U+FFFD, as HTML does for &#0;.
func scrub(s string) string {
	if !hasControl(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if textRune(r) || r == '\r' {
			return r
		}
		return utf8.RuneError
	}, s)
}
