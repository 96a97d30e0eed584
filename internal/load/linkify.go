package load

import (
	"bytes"
	"slices"

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
	switch {
	case bytes.IndexByte(src, '@') >= 0:
		return markdown
	case bytes.Contains(src, []byte("://")) || bytes.Contains(src, []byte("www.")) || spacedEnd(src):
		return unmailed
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

// linkify is goldmark's Linkify extension, its parser in a quickLinkify;
// without mail, for a body without '@', that refuses e-mail addresses.
type linkify struct{ mail bool }

func (l linkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(quickLinkify{extension.NewLinkifyParser(), l.mail}, 999))) // Linkify's own priority
}

// quickLinkify refuses, before goldmark's parser looks, what that parser
// would refuse: after the space, '*', '_', '~' or '(' it was called at,
// an address starts with "http:", "https:", "ftp:" or "www.", and an
// e-mail address has its '@' after at most 64 bytes, none a space or a
// byte below it. It is called at every space of a body: passing on
// every word starting h, f or w and looking for '@' after each space took
// it 0.42 s of goldmark's 2.6 s in a cpu profile of the bench corpus;
// doing neither, in a body without '@', 0.23 s.
type quickLinkify struct {
	parser.InlineParser
	mail bool // the body holds an '@'
}

var linkifyTriggers = extension.NewLinkifyParser().Trigger()

// linkifyTrigger marks linkifyTriggers: looking a byte up in the list was
// a third of quickLinkify's time.
var linkifyTrigger = func() (t [256]bool) {
	for _, c := range linkifyTriggers {
		t[c] = true
	}
	return t
}()

func (q quickLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 0 && linkifyTrigger[line[0]] {
		line = line[1:]
	}
	if !webAddress(line) && !(q.mail && mailbox(line)) {
		return nil
	}
	return q.InlineParser.Parse(parent, block, pc)
}

// webAddress reports whether line starts as Linkify's addresses do.
func webAddress(line []byte) bool {
	if len(line) == 0 || line[0] != 'h' && line[0] != 'f' && line[0] != 'w' {
		return false
	}
	return bytes.HasPrefix(line, []byte("http:")) || bytes.HasPrefix(line, []byte("https:")) ||
		bytes.HasPrefix(line, []byte("ftp:")) || bytes.HasPrefix(line, []byte("www."))
}

// mailbox reports whether line may start an e-mail address, as Linkify
// reads one: an '@' after 1 to 64 bytes of which none is a space or a
// byte below it (util.FindEmailIndex).
func mailbox(line []byte) bool {
	at := bytes.IndexByte(line[:min(len(line), 65)], '@')
	return at > 0 && !slices.ContainsFunc(line[:at], func(c byte) bool { return c <= ' ' })
}
