package validate

import (
	"path"

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
func DraftNames(articles []*load.Article) diag.List {
	var warns diag.List
	for _, a := range Drafts(articles) {
		if a.Lines.Slug > 0 || a.Slug == "" {
			continue // a slug of its own: the file name is the editor's choice
		}
		dir, file := path.Split(a.Path)
		if want := a.Slug + ".md"; file != want {
			warns.Warn(a.Path, a.Lines.Title, "the file name no longer matches the title, whose URL ends in /%s/: rename the file to match, with mv %s %s",
				a.Slug, a.Path, dir+want)
		}
	}
	return warns
}
