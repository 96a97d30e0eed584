// Package validate checks what no single file can check alone: that no two
// articles share a URL, and no two of one language a translation key.
package validate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"briefings/internal/diag"
	"briefings/internal/load"
)

// Content checks the published articles against each other.
// paths are the articles' page paths, from index.Paths.
func Content(published []*load.Article, paths map[*load.Article]string) diag.List {
	var errs diag.List
	path := func(a *load.Article) string { return paths[a] }
	errs.Append(collisions(published, path,
		func(a *load.Article) int { return cmp.Or(a.Lines.Slug, a.Lines.Title) },
		func(a *load.Article) string { return "URL /" + paths[a] }))
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
// article, naming the others. Most keys are unique, so groups are made
// only for keys seen twice.
func collisions(arts []*load.Article, key func(*load.Article) string,
	line func(*load.Article) int, describe func(*load.Article) string) diag.List {
	var errs diag.List
	first := make(map[string]*load.Article, len(arts))
	shared := map[string][]*load.Article{}
	for _, a := range arts {
		k := key(a)
		if f, dup := first[k]; dup {
			if shared[k] == nil {
				shared[k] = []*load.Article{f}
			}
			shared[k] = append(shared[k], a)
			continue
		}
		first[k] = a
	}
	for _, a := range arts {
		group := shared[key(a)]
		if len(shared) == 0 || group == nil {
			continue
		}
		var others []string
		for _, b := range group {
			if b != a {
				others = append(others, b.Path)
			}
		}
		errs.Add(a.Path, line(a), "%s is also used by %s", describe(a), strings.Join(others, ", "))
	}
	return errs
}
