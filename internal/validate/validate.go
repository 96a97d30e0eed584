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

// Content checks the published articles against each other and against
// every article file found; paths are their page paths, from index.Paths.
func Content(c *load.Content, published []*load.Article, paths map[*load.Article]string) diag.List {
	var errs diag.List
	errs.Append(Links(c, published, published))
	path := func(a *load.Article) string { return paths[a] }
	errs.Append(collisions(published, path,
		func(a *load.Article) int { return cmp.Or(a.Lines.Slug, a.Lines.Title) },
		func(a *load.Article) string { return "URL /" + paths[a] }, "give one of them a slug of its own"))
	keyed := slices.DeleteFunc(slices.Clone(published), func(a *load.Article) bool { return a.TranslationKey == "" })
	errs.Append(collisions(keyed,
		func(a *load.Article) string { return a.Lang + "\x00" + a.TranslationKey },
		func(a *load.Article) int { return a.Lines.TranslationKey },
		func(a *load.Article) string {
			return fmt.Sprintf("translation_key %q in language %s", a.TranslationKey, a.Lang)
		}, "a story has one article a language: change one of the keys"))
	errs.Append(mixedKinds(keyed))
	return errs
}

// mixedKinds reports the news articles and the pages of the site that
// share a translation key: a story's translations are articles, a page's
// are pages, so neither would link to the other.
func mixedKinds(keyed []*load.Article) diag.List {
	var errs diag.List
	firstOf := map[bool]map[string]*load.Article{true: {}, false: {}}
	for _, a := range keyed {
		if firstOf[a.Static][a.TranslationKey] == nil {
			firstOf[a.Static][a.TranslationKey] = a
		}
	}
	kind := map[bool]string{true: "a page of the site", false: "a news article"}
	for _, a := range keyed {
		if o := firstOf[!a.Static][a.TranslationKey]; o != nil {
			errs.Add(a.Path, a.Lines.TranslationKey, "translation_key %q is also that of %s, %s, and this is %s: "+
				"they cannot translate each other; change one of the keys", a.TranslationKey, o.Path, kind[o.Static], kind[a.Static])
		}
	}
	return errs
}

// Links reports the links of from to article files that are not there,
// or not among the published. A file that is there but has errors is
// left to its own messages.
func Links(c *load.Content, published, from []*load.Article) diag.List {
	var errs diag.List
	isPublished := targets(published, from)
	if len(isPublished) == 0 {
		return nil
	}
	exists := make(map[string]bool, len(isPublished))
	for t := range isPublished {
		exists[t] = false
	}
	for _, f := range c.Files {
		if _, ok := exists[f]; ok {
			exists[f] = true
		}
	}
	// Made on the first link that needs them: every link of a site can
	// lead nowhere (a folder renamed), and looking each up among every
	// file or article took time growing with the square of the site.
	var folded map[string]string // the first file of each name case-folded
	var drafts map[string]bool
	for _, a := range from {
		for _, l := range a.Links {
			if l.Site != "" {
				continue // a site path: checked against what the build writes
			}
			switch {
			case isPublished[l.Target]:
			case !exists[l.Target]:
				if folded == nil {
					folded = make(map[string]string, len(c.Files))
					for _, f := range c.Files {
						if k := load.FoldCase(f); folded[k] == "" {
							folded[k] = f
						}
					}
				}
				if f := folded[load.FoldCase(l.Target)]; f != "" {
					errs.Add(a.Path, l.Line, "link to %s: there is no such article, but there is %s, whose name differs in case: write it as it is", l.Target, f)
					continue
				}
				errs.Add(a.Path, l.Line, "link to %s: there is no such article; correct the path, which is relative to this file, or remove the link", l.Target)
			default:
				if drafts == nil {
					drafts = map[string]bool{}
					for _, b := range c.Articles {
						if b.Draft {
							drafts[b.Path] = true
						}
					}
				}
				if drafts[l.Target] {
					errs.Add(a.Path, l.Line, "link to %s: it is a draft, and drafts are not published; publish it or remove the link", l.Target)
				}
			}
		}
	}
	return errs
}

// collisions reports every group of articles that share a key, on each
// article, naming the others. Most keys are unique, so groups are made
// only for keys seen twice.
func collisions(arts []*load.Article, key func(*load.Article) string,
	line func(*load.Article) int, describe func(*load.Article) string, advice string) diag.List {
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
		errs.Add(a.Path, line(a), "%s is also used by %s: %s", describe(a), others(group, a), advice)
	}
	return errs
}

// named is how many of the other articles sharing a key a message names.
const named = 3

// others names the articles of group but a, the first few of them and
// then how many more: when thousands share a URL, as when one title is
// pasted into every file of a day, naming each of them on every one made
// messages that grew with the square of their number.
func others(group []*load.Article, a *load.Article) string {
	var names []string
	for _, b := range group {
		if b != a {
			names = append(names, b.Path)
		}
		if len(names) > named {
			break
		}
	}
	more := len(group) - 1 - named
	if more <= 1 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d other articles", strings.Join(names[:named], ", "), more)
}

// uncredited warns of a lead photo that another article credits, and
// this one does not: a translation that copied image and image_alt but
// not image_credit leaves its readers without the photographer's name.
func uncredited(published []*load.Article) diag.List {
	var warns diag.List
	credited := map[string]*load.Article{} // the first article crediting each photo
	for _, a := range published {
		if a.Lead != nil && a.Lead.Credit != "" && credited[a.Lead.File] == nil {
			credited[a.Lead.File] = a
		}
	}
	for _, a := range published {
		if a.Lead == nil || a.Lead.Credit != "" || credited[a.Lead.File] == nil {
			continue
		}
		by := credited[a.Lead.File]
		warns.Warn(a.Path, a.Lead.Line, "the lead photo %s has no image_credit here, but %s credits it (%q): add image_credit: in this article's language, or its readers do not learn whose photo it is",
			a.Lead.File, by.Path, by.Lead.Credit)
	}
	return warns
}

// Warnings are what an editor should look at but a build does not fail
// on: stories in one language only, articles without their own summary or
// without a body, photos no article shows, lead photos credited in one
// article and not in another, alt texts that repeat their caption.
func Warnings(c *load.Content, published []*load.Article) diag.List {
	var warns diag.List
	for _, f := range c.Unused {
		warns.Warn(f, 0, "no article shows this photo, so it is not published: show it with image: in an article's front matter or ![what it shows](path) in a body, or delete it")
	}
	langs := map[string]map[string]bool{} // translation key → languages
	for _, a := range published {
		if a.TranslationKey != "" {
			if langs[a.TranslationKey] == nil {
				langs[a.TranslationKey] = map[string]bool{}
			}
			langs[a.TranslationKey][a.Lang] = true
		}
	}
	warns = append(warns, uncredited(published)...)
	warns = append(warns, toScheduled(c, published)...)
	for _, a := range published {
		for _, ref := range a.PhotoRefs() {
			if ref.Caption != "" && strings.EqualFold(strings.TrimSpace(ref.Alt), strings.TrimSpace(ref.Caption)) {
				warns.Warn(a.Path, ref.Line, "the photo %s has the same alt text as its caption, so a screen reader reads it twice: let the alt text say what the photo shows, and the caption what it is about", ref.File)
			}
		}
	}
	for _, a := range published {
		if len(langs[a.TranslationKey]) < 2 {
			warns.Warn(a.Path, a.Lines.TranslationKey, "no translation yet: other readers see this story in %s (briefings new --translation-of adds one)", a.Lang)
		}
		if a.Lines.Summary == 0 {
			warns.Warn(a.Path, 0, "no summary: lists, feeds and search engines show the first paragraph instead")
		}
		if a.Empty {
			warns.Warn(a.Path, 0, "the article has no body")
		}
	}
	return warns
}

// toScheduled warns of each link to an article that is there, and no
// draft, but not published yet: until it is, the page shows the link's
// text without a link.
func toScheduled(c *load.Content, published []*load.Article) diag.List {
	var warns diag.List
	isPublished := targets(published, published)
	scheduled := map[string]bool{}
	for _, a := range c.Articles {
		if done, ok := isPublished[a.Path]; ok && !done && !a.Draft {
			scheduled[a.Path] = true
		}
	}
	for _, a := range published {
		for _, l := range a.Links {
			if scheduled[l.Target] {
				warns.Warn(a.Path, l.Line, "link to %s: it is scheduled, not published yet; until it is, this page shows the link's text without a link", l.Target)
			}
		}
	}
	return warns
}

// targets are the article files the links of from lead to, each with
// whether it is published. Only the targets are looked up: maps of every
// published article and file were most of checking a rebuild's one new
// article at 50,000 articles.
func targets(published, from []*load.Article) map[string]bool {
	isPublished := map[string]bool{}
	for _, a := range from {
		for _, l := range a.Links {
			if l.Site == "" {
				isPublished[l.Target] = false
			}
		}
	}
	if len(isPublished) == 0 {
		return isPublished
	}
	for _, a := range published {
		if _, ok := isPublished[a.Path]; ok {
			isPublished[a.Path] = true
		}
	}
	return isPublished
}
