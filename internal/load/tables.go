package load

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
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
}

func (tableAlign) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		cell, ok := n.(*east.TableCell)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if class := alignClass[cell.Alignment]; class != "" {
			cell.SetAttributeString("class", []byte(class))
		}
		return ast.WalkSkipChildren, nil
	})
}
