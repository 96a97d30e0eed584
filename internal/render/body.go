package render

import (
	"html"
	"html/template"
	"strings"

	"briefings/internal/load"
)

// Body is an article's body as a page or a feed shows it. Its HTML is
// made only when the page or feed is written, from the article's file, as
// load keeps no article's HTML; until then a body is its id, the digest of
// all it is made of: the article's file, the URL of each of its links and
// the markup of each of its photos.
type Body struct {
	make func() (string, error)
	id   uint64
}

// HTML is the body, made now.
func (b Body) HTML() (template.HTML, error) {
	s, err := b.make()
	return template.HTML(s), err // goldmark's safe renderer wrote it, which omits raw HTML and dangerous URLs
}

// Bodies makes an article's HTML from its file: load.Body on the
// project's files.
type Bodies func(a *load.Article) (string, error)

// body is an article's body with its links and photos in place: paths
// holds the page path of each of its links' targets, url makes the link
// of a path (Href in pages, Abs in feeds), and photos the markup of each
// of its body's photos. A feed's bodies are kept from one build to the
// next (keep): a feed is written again whenever one of its fifty stories
// changes.
func (s *siteView) body(a *load.Article, paths []string, url func(string) string, photos []string, keep bool) Body {
	var pairs []string
	for i, l := range a.Links {
		path := paths[i]
		if l.Site != "" {
			path = strings.TrimPrefix(l.Site, "/")
		}
		if path != "" || l.Site != "" {
			pairs = append(pairs, `href="`+l.Placeholder+`"`, `href="`+html.EscapeString(url(path)+l.Fragment)+`"`)
		}
	}
	for i, ph := range a.Photos {
		pairs = append(pairs, ph.Placeholder, photos[i])
	}
	f := s.frags
	make := func() (string, error) {
		if keep {
			return f.memo.get(f.dig.sum("article html", a), func() (string, error) { return f.bodies(a) })
		}
		return f.bodies(a)
	}
	return Body{id: f.dig.sum("body", a, pairs), make: func() (string, error) {
		h, err := make()
		if err != nil || len(pairs) == 0 {
			return h, err
		}
		return strings.NewReplacer(pairs...).Replace(h), nil
	}}
}
