// Package markupcheck tells whether generated HTML and XML are well formed
// and carry nothing that could run in a reader's browser: no script, no
// event handler attribute, no link to a script address. Tests and fuzz
// targets of several packages share it.
package markupcheck

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// BodyElements are the elements an article body may hold: what goldmark
// writes for CommonMark, GFM tables, strikethrough, autolinks, task lists
// and footnotes (a sup for each reference, a div holding the notes).
var BodyElements = []string{"p", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
	"h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td",
	"del", "input", "sup", "div"}

// ImportElements are the elements the body of an article import writes
// may hold: paragraphs, quotations, tables of the text's figures (each in
// its scrolling box, a div), lists of its items, and the links that bare
// addresses make.
var ImportElements = []string{"p", "blockquote", "a", "div", "table", "thead", "tbody", "tr", "th", "td", "ul", "ol", "li"}

// Forbidden are elements that run or embed something: the templates write
// none of them, and content must not bring them. A page may hold only the
// scripts its templates write: JSON-LD, and scripts loaded from the site.
var Forbidden = []string{"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base"}

var void = []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
	"source", "track", "wbr"}

// urlAttrs hold addresses a browser may follow or load.
var urlAttrs = []string{"href", "src", "action", "formaction", "poster", "cite", "background", "srcset",
	"xlink:href", "data", "codebase"}

// HTML checks a page, or with allowed set, a fragment that may hold only
// those elements. A page may hold JSON-LD, the one script that holds data.
func HTML(doc []byte, allowed []string) error {
	z := html.NewTokenizer(bytes.NewReader(doc))
	var open []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return z.Err()
			}
			if len(open) > 0 {
				return fmt.Errorf("unclosed elements at the end: %v", open)
			}
			return nil
		case html.TextToken:
			if err := text(z.Text()); err != nil {
				return err
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if allowed == nil && tt == html.StartTagToken && dataScript(tok) {
				if err := jsonScript(z); err != nil {
					return err
				}
				continue
			}
			if allowed == nil && tt == html.StartTagToken && siteScript(tok) {
				if z.Next() != html.EndTagToken || z.Token().Data != "script" {
					return errors.New("a script loaded from the site holds code of its own")
				}
				continue
			}
			if err := element(tok, allowed); err != nil {
				return err
			}
			if tt == html.StartTagToken && !slices.Contains(void, tok.Data) {
				open = append(open, tok.Data)
			}
		case html.EndTagToken:
			tok := z.Token()
			if len(open) == 0 || open[len(open)-1] != tok.Data {
				return fmt.Errorf("</%s> does not close the open element (open: %v)", tok.Data, open)
			}
			open = open[:len(open)-1]
		}
	}
}

// dataScript tells a script element that holds data, not code: JSON-LD.
func dataScript(tok html.Token) bool {
	if tok.Data != "script" {
		return false
	}
	for _, a := range tok.Attr {
		if a.Key == "type" {
			return strings.EqualFold(strings.TrimSpace(a.Val), "application/ld+json")
		}
	}
	return false
}

// siteScript tells a script loaded from the site's own path.
func siteScript(tok html.Token) bool {
	if tok.Data != "script" {
		return false
	}
	for _, a := range tok.Attr {
		if a.Key == "src" {
			return strings.HasPrefix(a.Val, "/") && !strings.HasPrefix(a.Val, "//") && !strings.Contains(a.Val, "\\")
		}
	}
	return false
}

// jsonScript reads a data script's content and end: valid JSON, which
// also proves the content did not close the element early.
func jsonScript(z *html.Tokenizer) error {
	var data []byte
	tt := z.Next()
	if tt == html.TextToken {
		data = slices.Clone(z.Text())
		tt = z.Next()
	}
	if tt != html.EndTagToken || z.Token().Data != "script" || !json.Valid(data) {
		return fmt.Errorf("a JSON-LD script that is not JSON alone: %q", data)
	}
	return nil
}

func element(tok html.Token, allowed []string) error {
	if slices.Contains(Forbidden, tok.Data) {
		return fmt.Errorf("forbidden element <%s>", tok.Data)
	}
	if allowed != nil && !slices.Contains(allowed, tok.Data) {
		return fmt.Errorf("element <%s> that an article body does not make", tok.Data)
	}
	for _, a := range tok.Attr {
		key := strings.ToLower(a.Key)
		if strings.HasPrefix(key, "on") {
			return fmt.Errorf("event handler attribute %s=%q on <%s>", a.Key, a.Val, tok.Data)
		}
		if slices.Contains(urlAttrs, key) && Dangerous(a.Val) {
			return fmt.Errorf("<%s %s=%q>: a script address", tok.Data, a.Key, a.Val)
		}
	}
	return nil
}

// Dangerous reports whether a URL, its entities already decoded, runs
// code or embeds a document: javascript:, vbscript: or data:, whatever
// the case and whatever blanks and controls browsers skip in it.
func Dangerous(u string) bool {
	var b strings.Builder
	for _, r := range u {
		if r <= ' ' || r == 0x7f || unicode.IsControl(r) || r == '\u00ad' || r == '\ufeff' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s := b.String()
	for _, scheme := range []string{"javascript:", "vbscript:", "data:", "livescript:", "mocha:"} {
		if strings.HasPrefix(s, scheme) {
			return true
		}
	}
	return false
}

// text refuses characters that XML forbids and HTML calls errors.
func text(b []byte) error {
	for _, r := range string(b) {
		if !Char(r) {
			return fmt.Errorf("character %U in text", r)
		}
	}
	return nil
}

// Char reports whether r may stand in XML 1.0 and HTML text.
func Char(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r':
		return true
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return false
	case r == 0xfffe, r == 0xffff:
		return false
	}
	return r <= unicode.MaxRune
}

// XML checks that a document is well-formed XML, read strictly.
func XML(doc []byte) error {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return errors.New("unclosed elements at the end")
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if err := text(t); err != nil {
				return err
			}
		}
	}
}
