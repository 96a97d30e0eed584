package load

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"briefings/internal/diag"
)

// bodyPhotos finds the body's images, each a photo of the site, and puts
// a placeholder node in place of each: its markup (sizes, formats, width
// and height) is known only once the photo's file is read. An image alone
// in its paragraph becomes a block, shown as a figure with its caption.
// An image that cannot be published is an error at its line.
func bodyPhotos(doc ast.Node, src []byte, from string, line func(ast.Node) int, hash uint64) ([]PhotoRef, diag.List) {
	if !bytes.Contains(src, []byte("![")) {
		// Every image starts so in the source. Most bodies have none, and
		// the walk counting each text's letters was 2% of a full build.
		return nil, nil
	}
	var photos []PhotoRef
	var errs diag.List
	images, before := imagesIn(doc, src)
	for k, img := range images {
		at := line(img)
		file, problem := photoFile(from, string(resolve(img.Destination)))
		alt := plainText(img, src)
		switch {
		case problem != "":
			errs.Add(from, at, "image: %s", problem)
			continue
		case alt == "":
			errs.Add(from, at, "image %s has no alt text: write what the photo shows, for readers who cannot see it, like ![Delegates at the seminar in Baku](%s)",
				shorten(img.Destination), shorten(img.Destination))
			continue
		case altProblem(alt, file) != "":
			errs.Add(from, at, "image %s: its alt text %q %s: write what the photo shows, for readers who cannot see it, like ![Delegates at the seminar in Baku](%s)",
				shorten(img.Destination), alt, altProblem(alt, file), shorten(img.Destination))
			continue
		}
		// The placeholder ends in a mark, so that none is the start of
		// another: photo 1's would otherwise be the start of photo 10's.
		ref := PhotoRef{File: file, Alt: alt, Caption: plainTitle(img.Title), Line: at,
			Placeholder: fmt.Sprintf("briefings-photo-%x-%d.", hash, len(photos)), Before: before[k]}
		parent := img.Parent()
		mark := &photoMark{placeholder: ref.Placeholder}
		if p, ok := parent.(*ast.Paragraph); ok && p.ChildCount() == 1 && p.Parent() != nil {
			ref.Block = true
			block := &photoBlock{placeholder: ref.Placeholder}
			p.Parent().ReplaceChild(p.Parent(), p, block)
		} else {
			parent.ReplaceChild(parent, img, mark)
		}
		photos = append(photos, ref)
	}
	return photos, errs
}

// imagesIn finds a body's images, each with what comes before it: the
// letters and blocks a reader passes before the photo.
func imagesIn(doc ast.Node, src []byte) ([]*ast.Image, []Before) {
	var images []*ast.Image
	var before []Before
	var seen Before // so far
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image: // its alt text is not shown
			images = append(images, n)
			before = append(before, seen)
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seen.Chars += utf8.RuneCount(n.Segment.Value(src))
		case *ast.String:
			seen.Chars += utf8.RuneCount(n.Value)
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			seen.Blocks++
		case ast.KindCodeBlock, ast.KindFencedCodeBlock: // each of its lines a line
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				seen.Chars += utf8.RuneCount(seg.Value(src))
				seen.Blocks++
			}
		}
		return ast.WalkContinue, nil
	})
	return images, before
}

// resolve reads an address or a title as the renderer writes it:
// backslash escapes and character references resolved.
func resolve(b []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b)))
}

func plainTitle(b []byte) string { return scrub(string(resolve(b))) }

// photoMark and photoBlock stand where a photo's markup goes, inline or as
// a block of its own: the renderer writes their placeholder alone.
type photoMark struct {
	ast.BaseInline
	placeholder string
}

type photoBlock struct {
	ast.BaseBlock
	placeholder string
}

var (
	kindPhotoMark  = ast.NewNodeKind("PhotoMark")
	kindPhotoBlock = ast.NewNodeKind("PhotoBlock")
)

func (n *photoMark) Kind() ast.NodeKind          { return kindPhotoMark }
func (n *photoMark) Dump(src []byte, level int)  { ast.DumpHelper(n, src, level, nil, nil) }
func (n *photoBlock) Kind() ast.NodeKind         { return kindPhotoBlock }
func (n *photoBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }
func (n *photoBlock) IsRaw() bool                { return true }
func (photoMarks) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(photoMarks{}, 500)))
}
func (photoMarks) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(kindPhotoMark, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*photoMark).placeholder)
		}
		return ast.WalkSkipChildren, nil
	})
	r.Register(kindPhotoBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*photoBlock).placeholder + "\n")
		}
		return ast.WalkSkipChildren, nil
	})
}

// photoMarks is the goldmark extension that renders the placeholders.
type photoMarks struct{}
