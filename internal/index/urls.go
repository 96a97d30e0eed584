package index

import (
	"fmt"
	"strconv"
	"strings"

	"briefings/internal/load"
)

// Every page's URL is decided here. Paths are relative to the site's base
// URL and end in "/" (pages) or a file name (feeds and other files).

// ArticlePath is /{lang}/{yyyy}/{mm}/{slug}/, by the date as written. It
// is made often, so without fmt.
func ArticlePath(a *load.Article) string {
	if a.Static {
		return StaticPath(a.Lang, a.Slug)
	}
	y, m, _ := a.Date.Date()
	return a.Lang + "/" + pad(y, 4) + "/" + pad(int(m), 2) + "/" + a.Slug + "/"
}

// pad writes n with at least width digits.
func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// HomePath is /{lang}/, the newest stories of the language.
func HomePath(lang string) string { return lang + "/" }

// CountriesPath is the countries overview.
func CountriesPath(lang string) string { return lang + "/countries/" }

// CountryPath is /{lang}/countries/{slug of the English name}/.
func CountryPath(lang string, c *load.Country) string { return CountriesPath(lang) + c.Slug + "/" }

// StaticPath is a page of the site, such as /en/about/: beside the
// language's sections, whose names load keeps pages from taking.
func StaticPath(lang, slug string) string { return lang + "/" + slug + "/" }

// MediaPath is where a photo's file is: one folder for the whole site, as
// a photo's files are named by its bytes and articles in every language
// share them.
func MediaPath(name string) string { return "media/" + name }

// SearchPath is the language's search page.
func SearchPath(lang string) string { return lang + "/search/" }

// YearPath and MonthPath are the date archives.
func YearPath(lang string, year int) string { return fmt.Sprintf("%s/%04d/", lang, year) }

// MonthPath is /{lang}/{yyyy}/{mm}/.
func MonthPath(lang string, year, month int) string {
	return fmt.Sprintf("%s/%04d/%02d/", lang, year, month)
}

// FeedPath is the language's RSS feed; CountryFeedPath the country's in
// that language. Each feed is also written as Atom and as JSON Feed, in
// the same folder: FeedIn gives those paths.
func FeedPath(lang string) string { return lang + "/" + RSSFile }

func CountryFeedPath(lang string, c *load.Country) string {
	return CountryPath(lang, c) + RSSFile
}

// The file names of a feed's three formats.
const (
	RSSFile      = "feed.xml"
	AtomFile     = "atom.xml"
	JSONFeedFile = "feed.json"
)

// FeedIn is the path of the feed at rssPath in another format's file.
func FeedIn(rssPath, file string) string { return strings.TrimSuffix(rssPath, RSSFile) + file }

// Site-wide files.
const (
	RootPath     = ""
	NotFoundPath = "404.html"
	SitemapPath  = "sitemap.xml"
	RobotsPath   = "robots.txt"
	NoJekyllPath = ".nojekyll"
)

// ListPage is page n of a list whose first page is at first: …/page/{n}/.
// A list's first page shows its newest stories; its numbered pages hold
// page_size stories each, numbered from the oldest, so that a new story
// changes only the first page and the newest numbered pages, and a page's
// URL keeps its stories. A numbered page leaves out the stories the first
// page shows, and the newest, which holds only those, names the first
// page as canonical (render's repeats). Page 0 is the first page.
func ListPage(first string, n int) string {
	if n == 0 {
		return first
	}
	return first + "page/" + strconv.Itoa(n) + "/"
}
