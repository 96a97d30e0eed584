package load

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Linkify, which makes links of bare addresses, tries every space of a
// body for one: it was a third of goldmark's time on the bench corpus's
// bodies, about 5% of a build's processor time. A body that cannot hold
// a bare address is converted without it; the others with a Linkify
// that refuses sooner. FuzzLinkify holds both to goldmark's Linkify.

// markdownFor returns the converter for a body's source. Linkify makes a
// link only of text that holds "://" (http, https, ftp), "www." or, for
// an e-mail address, "@".
func markdownFor(src []byte) goldmark.Markdown {
	if bytes.Contains(src, []byte("://")) || bytes.Contains(src, []byte("www.")) || bytes.IndexByte(src, '@') >= 0 ||
		spacedEnd(src) {
		return markdown
	}
	return unlinked
}

// spacedEnd reports a line that ends in two or more of the bytes goldmark
// trims from a line's end (spaces, tabs, \r, \v, \f). Linkify's stop at
// each space keeps those before it, where goldmark without it trims them
// all: "a \t\n" is "a \n", not "a\n", and "a\r \n" "a\r\n".
func spacedEnd(src []byte) bool {
	run := 0
	for _, c := range src {
		switch {
		case c == '\n':
			if run >= 2 {
				return true
			}
			run = 0
		case util.IsSpace(c):
			run++
		default:
			run = 0
		}
	}
	return run >= 2
}

// linkify is goldmark's Linkify extension, its parser in a quickLinkify.
type linkify struct{}

func (linkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(quickLinkify{extension.NewLinkifyParser()}, 999))) // Linkify's own priority
}

// quickLinkify refuses, before goldmark's parser looks, what that parser
// would refuse: after the space, '*', '_', '~' or '(' it was called at,
// an address starts with "http:", "https:", "ftp:" or "www.", and an
// e-mail address has its '@' after at most 64 bytes. A tenth of
// goldmark's time on the bench corpus's bodies.
type quickLinkify struct{ parser.InlineParser }

var linkifyTriggers = extension.NewLinkifyParser().Trigger()

func (q quickLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 0 && bytes.IndexByte(linkifyTriggers, line[0]) >= 0 {
		line = line[1:]
	}
	if len(line) == 0 || line[0] != 'h' && line[0] != 'f' && line[0] != 'w' && bytes.IndexByte(line[:min(len(line), 65)], '@') < 0 {
		return nil
	}
	return q.InlineParser.Parse(parent, block, pc)
}
