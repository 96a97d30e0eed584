package index

import (
	"fmt"

	"briefings/internal/load"
)

// Every page's URL is decided here. Paths are relative to the site's base
// URL and end in "/" (pages) or a file name (feeds and other files).

// ArticlePath is /{lang}/{yyyy}/{mm}/{slug}/, by the date as written.
func ArticlePath(a *load.Article) string {
	return fmt.Sprintf("%s/%s/%s/", a.Lang, a.Date.Format("2006/01"), a.Slug)
}

// HomePath is /{lang}/ for page 1, then /{lang}/page/{n}/.
func HomePath(lang string, page int) string { return paged(lang+"/", page) }

// CountriesPath is the countries overview.
func CountriesPath(lang string) string { return lang + "/countries/" }

// CountryPath is /{lang}/countries/{slug of the English name}/, then /page/{n}/.
func CountryPath(lang string, c *load.Country, page int) string {
	return paged(CountriesPath(lang)+c.Slug+"/", page)
}

// YearPath and MonthPath are the date archives.
func YearPath(lang string, year int) string { return fmt.Sprintf("%s/%04d/", lang, year) }

func MonthPath(lang string, year, month int) string {
	return fmt.Sprintf("%s/%04d/%02d/", lang, year, month)
}

// FeedPath is the language's RSS feed; CountryFeedPath the country's in that language.
func FeedPath(lang string) string { return lang + "/feed.xml" }

func CountryFeedPath(lang string, c *load.Country) string {
	return CountryPath(lang, c, 1) + "feed.xml"
}

// Site-wide files.
const (
	RootPath     = ""
	NotFoundPath = "404.html"
	SitemapPath  = "sitemap.xml"
	RobotsPath   = "robots.txt"
	NoJekyllPath = ".nojekyll"
)

func paged(first string, page int) string {
	if page <= 1 {
		return first
	}
	return fmt.Sprintf("%spage/%d/", first, page)
}
