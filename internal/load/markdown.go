package load

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown is shared by all goroutines: goldmark's parser and renderer keep
// no state between calls. Its default renderer drops raw HTML and dangerous
// link schemes; it must never be given html.WithUnsafe.
var markdown = goldmark.New(goldmark.WithExtensions(
	extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList))

// convertBody renders the body of the article at path, whose first line is
// file line first. It returns the HTML, the summary (the given one, or the
// first paragraph as plain text) and the links to other articles.
func convertBody(path string, body []byte, first int, summary string, hash uint64) (string, string, []Link) {
	doc := markdown.Parser().Parse(text.NewReader(body))
	tidy(doc, body)
	links := articleLinks(doc, path, body, first, hash)
	if summary == "" {
		summary = firstParagraph(doc, body)
	}
	var buf bytes.Buffer
	if err := markdown.Renderer().Render(&buf, body, doc); err != nil {
		// Rendering to a bytes.Buffer cannot fail; keep the page empty if it does.
		return "", summary, links
	}
	return scrub(buf.String()), summary, links
}

// articleLinks finds links to other article files (relative, ending in
// .md) and puts a placeholder in place of each destination: the URL is
// known only once every article is.
func articleLinks(doc ast.Node, from string, src []byte, first int, hash uint64) []Link {
	var links []Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		l, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(l.Destination)
		u, err := url.Parse(dest)
		if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") || !strings.HasSuffix(u.Path, ".md") {
			return ast.WalkContinue, nil
		}
		link := Link{Target: path.Join(path.Dir(from), u.Path), Line: first + lineOf(l, src) - 1,
			Placeholder: fmt.Sprintf("briefings-link-%x-%d", hash, len(links))}
		if u.Fragment != "" {
			link.Fragment = "#" + u.Fragment
		}
		l.Destination = []byte(link.Placeholder)
		links = append(links, link)
		return ast.WalkContinue, nil
	})
	return links
}

// lineOf is the body line an inline node starts on.
func lineOf(n ast.Node, src []byte) int {
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return lineAt(src, t.Segment.Start)
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return lineAt(src, p.Lines().At(0).Start)
		}
	}
	return 1
}

// tidy moves body headings one level down, as the article title is the
// page's only h1. It also takes out what goldmark's safe renderer would
// only blank: raw HTML goes, and a link or image to a dangerous URL
// (javascript: and the like) is replaced by its words.
func tidy(doc ast.Node, src []byte) {
	type swap struct{ old, new ast.Node }
	var swaps []swap
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+1, 6)
		case *ast.RawHTML, *ast.HTMLBlock:
			swaps = append(swaps, swap{n, nil})
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if html.IsDangerousURL(n.Destination) {
				swaps = append(swaps, swap{n, nil})
			}
		case *ast.Image:
			if html.IsDangerousURL(n.Destination) {
				swaps = append(swaps, swap{n, ast.NewString([]byte(plainText(n, src)))})
				return ast.WalkSkipChildren, nil
			}
		case *ast.AutoLink:
			if html.IsDangerousURL(n.URL(src)) {
				swaps = append(swaps, swap{n, ast.NewString(n.Label(src))})
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
	return scrub(strings.Join(strings.Fields(b.String()), " "))
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
