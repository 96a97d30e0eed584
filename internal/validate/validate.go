// Package validate checks what no single file can check alone: that no two
// articles share a URL, and no two of one language a translation key.
package validate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"briefings/internal/diag"
	"briefings/internal/index"
	"briefings/internal/load"
)

// Content checks the published articles against each other.
func Content(published []*load.Article) diag.List {
	var errs diag.List
	errs.Append(collisions(published, index.ArticlePath,
		func(a *load.Article) int { return cmp.Or(a.Lines.Slug, a.Lines.Title) },
		func(a *load.Article) string { return "URL /" + index.ArticlePath(a) }))
	keyed := slices.DeleteFunc(slices.Clone(published), func(a *load.Article) bool { return a.TranslationKey == "" })
	errs.Append(collisions(keyed,
		func(a *load.Article) string { return a.Lang + "\x00" + a.TranslationKey },
		func(a *load.Article) int { return a.Lines.TranslationKey },
		func(a *load.Article) string {
			return fmt.Sprintf("translation_key %q in language %s", a.TranslationKey, a.Lang)
		}))
	return errs
}

// collisions reports every group of articles that share a key, on each
// article, naming the others.
func collisions(arts []*load.Article, key func(*load.Article) string,
	line func(*load.Article) int, describe func(*load.Article) string) diag.List {
	var errs diag.List
	groups := map[string][]*load.Article{}
	for _, a := range arts {
		groups[key(a)] = append(groups[key(a)], a)
	}
	for _, a := range arts {
		var others []string
		for _, b := range groups[key(a)] {
			if b != a {
				others = append(others, b.Path)
			}
		}
		if len(others) > 0 {
			errs.Add(a.Path, line(a), "%s is also used by %s", describe(a), strings.Join(others, ", "))
		}
	}
	return errs
}
