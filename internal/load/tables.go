package load

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// alignClass is the class of a table cell aligned in its column's
// delimiter row (:--, :-:, --:); the stylesheet aligns each. goldmark
// would write a style attribute instead, which the pages' Content
// Security Policy refuses, losing the alignment.
var alignClass = map[east.Alignment]string{east.AlignLeft: "l", east.AlignCenter: "c", east.AlignRight: "r"}

// tableAlign gives aligned table cells their class. The table extension
// must be set to write no alignment of its own (TableCellAlignNone).
type tableAlign struct{}

func (tableAlign) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(tableAlign{}, 500)))
	// After the table extension's renderer (at 500), so this one wins.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(tableAlign{}, 100)))
}

// RegisterFuncs writes each table in a box that scrolls sideways, so that
// a wide table does not widen a phone's page. The table itself keeps its
// display: given display:block to scroll, a table is no longer a table to
// some screen readers (WebKit's), which then read its cells as one text.
func (tableAlign) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(east.KindTable, renderTable)
}

func renderTable(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</table>\n</div>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<div class=\"table\">\n<table")
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, extension.TableAttributeFilter)
	}
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

func (tableAlign) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		cell, ok := n.(*east.TableCell)
		switch {
		case !entering:
			return ast.WalkContinue, nil
		case !ok && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline:
			return ast.WalkSkipChildren, nil // a line's words, most of a body's nodes: no table is in them
		case !ok:
			return ast.WalkContinue, nil
		}
		if class := alignClass[cell.Alignment]; class != "" {
			cell.SetAttributeString("class", []byte(class))
		}
		return ast.WalkSkipChildren, nil
	})
}
