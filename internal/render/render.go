// Package render writes a site's pages, feeds and sitemap from the index,
// with html/template and encoding/xml.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"briefings/internal/index"
)

// Put receives one output file: its path under the output folder and its bytes.
type Put func(path string, data []byte) error

// Render writes every page, feed and site file of the site through put,
// rendering pages on every core. It returns the number of files written.
func Render(site *index.Site, theme *Theme, urls URLs, put Put) (int, error) {
	pages := Plan(site, theme, urls)
	files := siteFiles(site, pages, urls)
	errs := make([]error, len(pages)+len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := range next {
				if i >= len(pages) {
					f := files[i-len(pages)]
					data, err := f.make()
					if errs[i] = err; err == nil {
						errs[i] = put(f.path, data)
					}
					continue
				}
				buf.Reset()
				if errs[i] = theme.Execute(&buf, pages[i]); errs[i] == nil {
					errs[i] = put(OutputPath(pages[i].Path), bytes.Clone(buf.Bytes()))
				}
			}
		})
	}
	for i := range errs {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return len(errs), nil
}

// Execute writes one page with its kind's template.
func (th *Theme) Execute(w *bytes.Buffer, pg *Page) error {
	t := th.pages[pg.Template]
	if t == nil {
		return fmt.Errorf("no template for %s pages", pg.Template)
	}
	if err := t.ExecuteTemplate(w, "layout", pg); err != nil {
		return fmt.Errorf("templates/%s.html: rendering /%s: %w", pg.Template, pg.Path, err)
	}
	return nil
}

// OutputPath is the file that serves a page path: "en/" → "en/index.html".
func OutputPath(path string) string {
	if path == "" || strings.HasSuffix(path, "/") {
		return path + "index.html"
	}
	return path
}

// file is a non-HTML output, made when it is written.
type file struct {
	path string
	make func() ([]byte, error)
}

// siteFiles lists the feeds, sitemap and the files GitHub Pages wants.
func siteFiles(site *index.Site, pages []*Page, urls URLs) []file {
	files := append(sitemaps(pages, urls),
		file{index.RobotsPath, func() ([]byte, error) { return robots(urls), nil }},
		file{index.NoJekyllPath, func() ([]byte, error) { return []byte{}, nil }})
	for _, e := range site.Editions {
		files = append(files, file{index.FeedPath(e.Lang.Code), func() ([]byte, error) {
			return Feed(site, e.Lang, nil, e.Own, urls)
		}})
		for _, ci := range e.Countries {
			files = append(files, file{index.CountryFeedPath(e.Lang.Code, ci.Country), func() ([]byte, error) {
				return Feed(site, e.Lang, ci.Country, ci.Own, urls)
			}})
		}
	}
	return files
}

func robots(urls URLs) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + urls.Abs(index.SitemapPath) + "\n")
}

// trustedHTML marks an article body as safe to insert: goldmark's default
// renderer wrote it, which omits raw HTML and dangerous URLs.
func trustedHTML(s string) template.HTML { return template.HTML(s) }

func itoa(n int) string { return strconv.Itoa(n) }
