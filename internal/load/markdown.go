package load

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// markdown is shared by all goroutines: goldmark's parser and renderer keep
// no state between calls. Its default renderer drops raw HTML and dangerous
// link schemes; it must never be given html.WithUnsafe.
var markdown = goldmark.New(goldmark.WithExtensions(
	extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList))

// convertBody renders the body and returns the summary: the given one, or
// the first paragraph of the body as plain text.
func convertBody(body []byte, summary string) (string, string) {
	doc := markdown.Parser().Parse(text.NewReader(body))
	tidy(doc, body)
	if summary == "" {
		summary = firstParagraph(doc, body)
	}
	var buf bytes.Buffer
	if err := markdown.Renderer().Render(&buf, body, doc); err != nil {
		// Rendering to a bytes.Buffer cannot fail; keep the page empty if it does.
		return "", summary
	}
	return buf.String(), summary
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
			b.Write(t.Segment.Value(src))
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
	return strings.Join(strings.Fields(b.String()), " ")
}
