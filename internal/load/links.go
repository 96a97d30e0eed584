package load

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"briefings/internal/diag"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// The links of a body: where each may lead, and what becomes of it.

// articleLinks finds links to other article files (relative, ending in
// .md) and to paths of the site (/en/countries/kazakhstan/), and puts a
// placeholder in place of each destination: the URL is known only once
// every article, and the site's base path, is.
func articleLinks(doc ast.Node, src []byte, from string, line func(ast.Node) int, hash uint64) ([]Link, diag.List) {
	var links []Link
	var errs diag.List
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if a, ok := n.(*ast.AutoLink); ok && entering && a.AutoLinkType == ast.AutoLinkURL {
			dest := string(a.URL(src))
			if u, err := url.Parse(dest); err == nil && linkProblem(u, dest) != "" {
				errs.Add(from, line(a), "link to %s: %s", diag.Clean(dest), linkProblem(u, dest))
			}
			return ast.WalkContinue, nil
		}
		l, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(l.Destination)
		u, err := url.Parse(escapeStrayPercent(dest)) // as the page will have it
		if err == nil && strings.HasPrefix(u.Host, "[") {
			// goldmark escapes a host's brackets, which leaves no address.
			errs.Add(from, line(l), "link to %s: %s", diag.Clean(dest), ipv6Host)
			return ast.WalkContinue, nil
		}
		if err != nil {
			// A browser would guess at it, a feed reader refuse it.
			errs.Add(from, line(l), "link to %s: the address cannot be read: %s", diag.Clean(dest), unreadable(err))
			return ast.WalkContinue, nil
		}
		if why := linkProblem(u, dest); why != "" {
			errs.Add(from, line(l), "link to %s: %s", diag.Clean(dest), why)
			return ast.WalkContinue, nil
		}
		if u.Scheme != "" {
			return ast.WalkContinue, nil
		}
		link := Link{Line: line(l), Placeholder: fmt.Sprintf("briefings-link-%x-%d", hash, len(links))}
		switch {
		case strings.HasPrefix(u.Path, "/"):
			link.Site = u.Path
		case strings.HasSuffix(u.Path, ".md"):
			link.Target = path.Join(path.Dir(from), u.Path)
		case u.Path != "":
			// Nothing in content/ but articles and photos is published,
			// and the page is not where its file is: this leads nowhere.
			errs.Add(from, link.Line, "link to %s: a relative link can lead only to an article's .md file; "+
				"link to a full https:// address, a path of the site (/en/countries/azerbaijan/) or an article's .md file", diag.Clean(dest))
			return ast.WalkContinue, nil
		default:
			return ast.WalkContinue, nil // "#part" on this page
		}
		if u.RawQuery != "" {
			link.Fragment = "?" + u.RawQuery
		}
		if u.Fragment != "" {
			link.Fragment += "#" + u.Fragment
		}
		l.Destination = []byte(link.Placeholder)
		links = append(links, link)
		return ast.WalkContinue, nil
	})
	return links, errs
}

// linkProblem says what keeps a link that parsed as u from leading
// where its reader expects, the same from a page, a feed reader and a
// search result, "" when nothing does.
func linkProblem(u *url.URL, dest string) string {
	switch {
	case strings.HasPrefix(dest, "//"):
		return "an address without its scheme, which a feed reader cannot follow: write https:" + dest
	case u.Scheme == "http" || u.Scheme == "https":
		if why := addressProblem(u.String()); why != "" {
			return "the address " + why
		}
	case u.Scheme == "" && u.Path == "" && u.RawQuery != "":
		return "a query alone leads back to this page: link to a full https:// address or a path of the site"
	}
	return ""
}

// escapeStrayPercent writes each % that begins no escape as %25, as
// goldmark does: that is what the editor meant ("100%").
func escapeStrayPercent(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// ipv6Host is why a link to an IPv6 address is refused, and what to do.
const ipv6Host = "a page cannot link to a host written as an IPv6 address ([…]); link to the host by its name"

// unreadable says what url.Parse found wrong with a link's address, and
// how to write it.
func unreadable(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var host url.InvalidHostError
	switch msg := err.Error(); {
	case errors.As(err, &host):
		return msg + "; correct the host"
	case strings.Contains(msg, "missing ']'"):
		return ipv6Host
	case strings.Contains(msg, "cannot contain colon"), strings.Contains(msg, "missing protocol scheme"):
		return "it is not a full address (a colon comes before any /); give the full address, like https://example.org/2024:report, " +
			"a path of the site or an article's .md file"
	case strings.Contains(msg, "invalid port"):
		return msg + "; correct the port, or leave it out"
	default:
		return msg + "; correct it, or link to a full https:// address, a path of the site or an article's .md file"
	}
}

// safeURL tells the addresses a page may link to: relative ones, and
// http, https, mailto and tel. It reads the address as a browser would,
// once the renderer has written it: character references and backslash
// escapes resolved, tabs and line breaks taken out, leading spaces and
// control characters dropped. Anything else (javascript:, vbscript:,
// data:, file:, however spelt) is not safe.
func safeURL(dest []byte) bool {
	d := util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest)))
	d = bytes.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, d)
	d = bytes.TrimLeftFunc(d, func(r rune) bool { return r <= ' ' })
	scheme, _, found := bytes.Cut(d, []byte(":"))
	if !found || !isScheme(scheme) {
		return true // no scheme: a path, relative to the page or the site
	}
	switch strings.ToLower(string(scheme)) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// isScheme tells whether s is a URL scheme, as a browser reads one: a
// letter, then letters, digits, +, - and dots.
func isScheme(s []byte) bool {
	for i, c := range s {
		letter := c|0x20 >= 'a' && c|0x20 <= 'z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return len(s) > 0
}
