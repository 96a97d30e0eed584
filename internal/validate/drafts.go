package validate

import (
	"fmt"
	"path"
	"strings"

	"github.com/gosimple/slug"

	"briefings/internal/diag"
	"briefings/internal/load"
)

// Drafts lists the drafts among the articles, which a build without
// --drafts skips.
func Drafts(articles []*load.Article) []*load.Article {
	var out []*load.Article
	for _, a := range articles {
		if a.Draft {
			out = append(out, a)
		}
	}
	return out
}

// DraftNames warns of drafts whose file is no longer named after their
// title, as import and new named it: an editor changed the headline. The
// URL follows the title; the file name should too, so it can be found.
func DraftNames(c *load.Content) diag.List {
	var warns diag.List
	key := load.Folder()                           // Windows and macOS take b.md and B.md for one file
	taken := make(map[string]string, len(c.Files)) // the file of each key
	for _, f := range c.Files {
		taken[key(f)] = f
	}
	for _, a := range Drafts(c.Articles) {
		if a.Lines.Slug > 0 || a.Slug == "" {
			continue // a slug of its own: the file name is the editor's choice
		}
		dir, file := path.Split(a.Path)
		want := dir + a.Slug + ".md"
		if file == a.Slug+".md" {
			continue
		}
		other := taken[key(want)]
		if other == "" || key(want) == key(a.Path) {
			warns.Warn(a.Path, a.Lines.Title, "the file name no longer matches the title, whose URL ends in /%s/: rename the file to match, with mv %s %s",
				a.Slug, a.Path, want)
			continue
		}
		warns.Warn(a.Path, a.Lines.Title, "the file name no longer matches the title, whose URL ends in /%s/, but %s is another article's file: %s",
			a.Slug, other, slugAdvice(a, dir, taken, key))
	}
	return warns
}

// slugAdvice is what to do when the file the title names is taken: a
// slug: line ends the warning, and names the URL after the file, or after
// a free name the file then takes.
func slugAdvice(a *load.Article, dir string, taken map[string]string, key func(string) string) string {
	stem := strings.TrimSuffix(path.Base(a.Path), ".md")
	if slug.IsSlug(stem) && len(stem) <= load.MaxSlug {
		return fmt.Sprintf("add a line slug: %s to keep the URL this file's name gives, or another slug: line and rename the file to match", stem)
	}
	base := strings.TrimRight(a.Slug[:min(len(a.Slug), load.MaxSlug-4)], "-")
	free := a.Slug
	for n := 2; taken[key(dir+free+".md")] != ""; n++ {
		free = fmt.Sprintf("%s-%d", base, n)
	}
	return fmt.Sprintf("add a line slug: %s and rename the file to match, with mv %s %s", free, a.Path, dir+free+".md")
}
