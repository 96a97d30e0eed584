// Package render writes a site's pages, feeds and sitemap from the index,
// with html/template and encoding/xml.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/par"
)

// Execute writes one page with its kind's template.
func (th *Theme) Execute(w *bytes.Buffer, pg *Page) error {
	t := th.pages[pg.Template]
	if t == nil {
		return fmt.Errorf("no template for %s pages", pg.Template)
	}
	if err := t.ExecuteTemplate(w, "layout", pg); err != nil {
		return execError("templates/"+pg.Template+".html", "/"+pg.Path, err)
	}
	return nil
}

// Fragment writes a part of a page with the layout's template of that name.
func (th *Theme) Fragment(w *bytes.Buffer, name string, data any) error {
	if err := th.layout.ExecuteTemplate(w, name, data); err != nil {
		return execError(layoutFile, "", err)
	}
	return nil
}

// TemplateError is a template that failed as it ran: the problem of the
// template file and line where it failed, which may be the layout's
// rather than the page kind's, and of the page it was rendering. Every
// page of a kind fails alike; the build reports them as one problem.
type TemplateError struct {
	Path    string // the template file, slash-separated from the root
	Line    int    // 0 when the error names none
	Message string
	Page    string // the page's site path, "" for a part of pages
}

func (e *TemplateError) Error() string {
	at := e.Path
	if e.Line > 0 {
		at += ":" + strconv.Itoa(e.Line)
	}
	if e.Page == "" {
		return at + ": " + e.Message
	}
	return at + ": rendering " + e.Page + ": " + e.Message
}

// ranAt reads the file and line out of a template's error as it ran,
// "template: layout.html:12:5: executing …"; html/template's own
// errors are written "html/template:layout.html:12:5: …".
var ranAt = regexp.MustCompile(`^(?:html/)?template: ?([^:\s]+\.html):(\d+):(?:\d+:)? ?(.*)$`)

func execError(file, page string, err error) *TemplateError {
	e := &TemplateError{Path: file, Message: err.Error(), Page: page}
	if m := ranAt.FindStringSubmatch(e.Message); m != nil {
		e.Path, e.Message = "templates/"+m[1], m[3]
		e.Line, _ = strconv.Atoi(m[2])
	}
	return e
}

// OutputPath is the file that serves a page path: "en/" → "en/index.html".
func OutputPath(path string) string {
	if path == "" || strings.HasSuffix(path, "/") {
		return path + "index.html"
	}
	return path
}

// siteFiles plans the feeds, the sitemap and the files GitHub Pages wants.
func (p *planner) siteFiles() {
	site, urls := p.site, p.URLs
	p.outputs = append(p.outputs, p.sitemaps()...)
	p.outputs = append(p.outputs, p.photoOutputs()...)
	p.outputs = append(p.outputs,
		encoded(p, index.RobotsPath, "robots", urls.Abs(index.SitemapPath), robots),
		Bytes(index.NoJekyllPath, nil))
	var feeds []func() []Output
	for _, e := range site.Editions {
		feeds = append(feeds, func() []Output { return p.feeds(index.FeedPath(e.Lang.Code), e, nil, e.Entries) })
		for _, ci := range e.Countries {
			feeds = append(feeds, func() []Output {
				return p.feeds(index.CountryFeedPath(e.Lang.Code, ci.Country), e, ci.Country, ci.Entries)
			})
		}
	}
	made := make([][]Output, len(feeds))
	par.Each(len(feeds), func(i int) { made[i] = feeds[i]() })
	p.outputs = slices.Concat(append([][]Output{p.outputs}, made...)...)
}

// feeds plans a feed in its three formats, side by side, from one view:
// the stories of a list, as the list shows them.
func (p *planner) feeds(rssPath string, e *index.Edition, country *load.Country, entries []index.Entry) []Output {
	var fallback time.Time
	if len(e.Entries) > 0 {
		fallback = e.Entries[0].Article.Date
	}
	arts := make([]*load.Article, min(FeedSize, len(entries)))
	for i := range arts {
		arts[i] = entries[i].Article
	}
	f, err := p.newFeed(e.Lang, country, arts, fallback)
	if err != nil {
		p.fail(err)
		return nil
	}
	return encodings(p, f,
		encoding[feed]{rssPath, "rss", feed.writeRSS},
		encoding[feed]{index.FeedIn(rssPath, index.AtomFile), "atom", feed.writeAtom},
		encoding[feed]{index.FeedIn(rssPath, index.JSONFeedFile), "json-feed", feed.writeJSON})
}

func (p *planner) feedLinks(label, rssPath string) FeedLinks {
	return feedLinks(p.URLs, label, rssPath)
}

func robots(sitemap string, w *bytes.Buffer) error {
	_, err := w.WriteString("User-agent: *\nAllow: /\n\nSitemap: " + sitemap + "\n")
	return err
}

// trustedHTML marks an article body as safe to insert: goldmark's default
// renderer wrote it, which omits raw HTML and dangerous URLs.
func trustedHTML(s string) template.HTML { return template.HTML(s) }

func itoa(n int) string { return strconv.Itoa(n) }
