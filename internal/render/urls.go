package render

import (
	"fmt"
	"net/url"
	"strings"

	"briefings/internal/load"
)

// URLs turns page paths into links. Links inside pages are absolute paths
// ("/briefings/en/"), so they work under a project site's sub-path and on
// the 404 page, which is served at any URL; canonical, feed and sitemap
// links are absolute URLs.
type URLs struct {
	base string // "https://example.github.io/briefings/"
	path string // "/briefings/"
}

// NewURLs parses the site's base URL; a missing trailing slash is added.
func NewURLs(base string) (URLs, error) {
	if err := load.CheckBaseURL(base); err != nil {
		return URLs{}, fmt.Errorf("base URL %w", err)
	}
	u, _ := url.Parse(base)
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawQuery, u.Fragment, u.RawPath = "", "", ""
	return URLs{base: u.String(), path: u.EscapedPath()}, nil
}

// Href is the link to a page from another page of the site.
func (u URLs) Href(path string) string { return u.path + path }

// Abs is the page's absolute URL.
func (u URLs) Abs(path string) string { return u.base + path }

// alternates are a page's alternates with absolute URLs.
func (u URLs) alternates(as []alternate) []Alternate {
	var out []Alternate
	for _, a := range as {
		out = append(out, Alternate{Lang: a.lang, Href: u.Abs(a.path)})
	}
	return out
}

// BasePath is the path the site is served under, "/briefings/".
func (u URLs) BasePath() string { return u.path }
