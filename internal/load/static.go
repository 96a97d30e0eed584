package load

import (
	"path"
	"regexp"
	"strings"

	"github.com/gosimple/slug"

	"briefings/internal/diag"
)

// IsStaticPage tells whether a file under content/ is a page of the site,
// such as About or Privacy, rather than an article: one directly under
// content/{lang}/pages/.
func IsStaticPage(p string) bool {
	parts := strings.Split(p, "/")
	return len(parts) == 4 && parts[0] == "content" && parts[2] == "pages"
}

// staticSlug gives a page of the site its slug: its slug field, else its
// file's name, so that about.md is /en/about/ in every language. A page's
// URL sits beside the language's sections, whose names it may not take.
func (a *Article) staticSlug(errs *diag.List) {
	line := a.Lines.Slug
	if a.Slug == "" {
		a.Slug, line = strings.TrimSuffix(path.Base(a.Path), ".md"), 1
		if !slug.IsSlug(a.Slug) || len(a.Slug) > MaxSlug {
			errs.Add(a.Path, 1, "the file name %q is not a slug (lower-case letters a-z, digits, hyphens and underscores, neither first nor last): rename the file, or add a slug: field", path.Base(a.Path))
			return
		}
	}
	if reservedSlug(a.Slug) {
		errs.Add(a.Path, line, "the page's URL /%s/%s/ is the site's own (a section, a year or a numbered page): give it another slug: field or file name", a.Lang, a.Slug)
	} else if bad := WindowsName(a.Slug); bad != "" {
		errs.Add(a.Path, line, "slug %s; choose another", bad)
	}
}

// reservedSlug tells the first folders of a language the site uses: its
// sections, its years, its numbered pages and its files.
func reservedSlug(s string) bool {
	switch s {
	case "countries", "search", "page", "media", "feed-xml", "atom-xml", "feed-json":
		return true
	}
	return year.MatchString(s)
}

var year = regexp.MustCompile(`^[0-9]{4}$`)
