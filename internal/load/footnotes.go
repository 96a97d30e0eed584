package load

import (
	"fmt"
	"html"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// footnoteMarks writes the footnotes of goldmark's footnote extension
// ([^1] in the text, [^1]: below it) as that extension does, with ids
// made of letters, digits and dashes only (fn-1, fnref-1, fnref-1-2 for
// a second reference), where goldmark writes colons that validators
// refuse. A note and each of its references link to each other with
// plain anchors, which need no script. An article is the only body on its
// page and the templates' ids never start with fn, so ids are unique;
// in feeds, where many bodies meet, the links lead to the article's page.
type footnoteMarks struct{}

func (footnoteMarks) Extend(m goldmark.Markdown) {
	// Registered after the extension's own renderer (at 500), so these win.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(footnoteMarks{}, 100)))
}

func (footnoteMarks) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(east.KindFootnoteLink, renderNoteRef)
	r.Register(east.KindFootnoteBacklink, renderBacklink)
	r.Register(east.KindFootnote, renderNote)
	r.Register(east.KindFootnoteList, renderNotes)
}

// noteNames are what a screen reader says for a note's reference and its
// back links, in the languages of the site: the numbers and the arrow
// alone say nothing of where they lead. An article in another language
// keeps them unnamed rather than named in a language it is not in.
var noteNames = map[string]struct{ ref, back, again string }{
	"en": {"Footnote %d", "Back to text: footnote %d", "Back to text: footnote %d, reference %d"},
	"ru": {"Сноска %d", "Назад к тексту: сноска %d", "Назад к тексту: сноска %d, ссылка %d"},
}

// nameNotes gives each footnote reference and back link of doc its name
// in lang, which the renderers below write as its aria-label.
func nameNotes(doc ast.Node, lang string) {
	names, ok := noteNames[lang]
	if _, notes := doc.LastChild().(*east.FootnoteList); !ok || !notes {
		return // the footnote extension puts a body's notes last; without notes, no reference is a link
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch t := n.(type) {
		case *east.FootnoteLink:
			if entering {
				t.SetAttributeString("aria-label", fmt.Sprintf(names.ref, t.Index))
			}
		case *east.FootnoteBacklink:
			switch {
			case !entering:
			case t.RefIndex == 0:
				t.SetAttributeString("aria-label", fmt.Sprintf(names.back, t.Index))
			default:
				t.SetAttributeString("aria-label", fmt.Sprintf(names.again, t.Index, t.RefIndex+1))
			}
		}
		return ast.WalkContinue, nil
	})
}

// label is the aria-label attribute nameNotes gave a node, or "".
func label(n ast.Node) string {
	if v, ok := n.AttributeString("aria-label"); ok {
		if s, ok := v.(string); ok {
			return ` aria-label="` + html.EscapeString(s) + `"`
		}
	}
	return ""
}

// refID is the id of the i-th reference (from 0) to note n.
func refID(n, i int) string {
	id := "fnref-" + strconv.Itoa(n)
	if i > 0 {
		id += "-" + strconv.Itoa(i+1)
	}
	return id
}

func noteID(n int) string { return "fn-" + strconv.Itoa(n) }

func renderNoteRef(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*east.FootnoteLink)
		_, _ = w.WriteString(`<sup id="` + refID(n.Index, n.RefIndex) + `"><a href="#` + noteID(n.Index) +
			`" class="footnote-ref" role="doc-noteref"` + label(n) + `>` + strconv.Itoa(n.Index) + `</a></sup>`)
	}
	return ast.WalkContinue, nil
}

func renderBacklink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*east.FootnoteBacklink)
		_, _ = w.WriteString(`&#160;<a href="#` + refID(n.Index, n.RefIndex) +
			`" class="footnote-backref" role="doc-backlink"` + label(n) + `>&#x21a9;&#xfe0e;</a>`)
	}
	return ast.WalkContinue, nil
}

func renderNote(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<li id="` + noteID(node.(*east.Footnote).Index) + "\">\n")
	} else {
		_, _ = w.WriteString("</li>\n")
	}
	return ast.WalkContinue, nil
}

func renderNotes(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n")
	} else {
		_, _ = w.WriteString("</ol>\n</div>\n")
	}
	return ast.WalkContinue, nil
}
