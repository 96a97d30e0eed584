package build

import (
	"cmp"
	"slices"
	"time"

	"briefings/internal/diag"
	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/render"
	"briefings/internal/validate"
)

// selection is what a build publishes of the articles, and how.
type selection struct {
	published     []*load.Article
	flawed        []*load.Article // the articles with problems of their own that would be published
	held, skipped []validate.Held
	paths         map[*load.Article]string        // the published articles' pages
	swap          map[*load.Article]*load.Article // old → new when no article took another place in the index since the last build; nil: one did
}

// check selects the articles to publish and checks them against each
// other and the site; after a build that moved none, only what the
// change can break. Articles are checked even when site.yaml or
// countries.yaml is broken, so that one run shows every problem.
func (b *Builder) check(content *load.Content) (selection, diag.List) {
	var errs diag.List
	ed := validate.Editions{Drafts: b.opts.Drafts, Future: b.opts.Future, Now: cmp.Or(b.opts.Now, time.Now())}
	if content.Config != nil {
		ed.Location = content.Config.Location
	}
	var sel selection
	sel.published, sel.held, sel.skipped = ed.Select(content.Articles)
	sel.paths = index.Paths(sel.published, b.last.paths)
	var fresh []*load.Article
	var moved bool
	sel.swap, fresh, moved = b.swaps(content, sel.published, sel.paths)
	if sel.swap == nil || moved {
		errs.Append(validate.Content(content, sel.published, sel.paths))
	} else {
		// What collides is a function of paths and facts: the last good
		// build's had no collision. Only the new articles' links are new,
		// and those to files no article published is.
		errs.Append(validate.Links(content, sel.published, b.linksToCheck(sel.published, fresh)))
	}
	// An article with problems of its own has links that may have some too.
	sel.flawed, _, _ = ed.Select(content.Flawed)
	errs.Append(validate.Links(content, sel.published, sel.flawed))
	if b.opts.Warn {
		errs.Append(validate.Warnings(content, sel.published))
		errs.Append(validate.DraftNames(content))
		errs.Append(ed.FarAhead(content.Articles))
	}
	return sel, errs
}

// swaps returns, when no published article took another place in the
// index since the last good build, the new articles that replaced its
// articles (old → new), the new articles in the order of published, and
// whether one of them moved to another path; nil when one took another
// place. Its place is all the index reads (render.SamePlace): a news
// article's title edit moves it to another path, and the last build's
// index with the new articles swapped in, and their new paths, is then
// the index of this build, but the content is checked whole again, as
// another article's link may lead to the old path or the new.
func (b *Builder) swaps(c *load.Content, published []*load.Article, paths map[*load.Article]string) (map[*load.Article]*load.Article, []*load.Article, bool) {
	last := b.last
	if last.site == nil || last.site.Hash != c.Hash || len(last.published) != len(published) {
		return nil, nil, false
	}
	swap := map[*load.Article]*load.Article{}
	var fresh []*load.Article
	moved := false
	for i, a := range published {
		old := last.published[i]
		if old == a {
			continue
		}
		if !render.SamePlace(old, a) {
			return nil, nil, false
		}
		moved = moved || paths[a] != last.paths[old]
		swap[old] = a
		fresh = append(fresh, a)
	}
	return swap, fresh, moved
}

// linksToCheck are the articles whose links a rebuild that moved no
// article checks, in the order of published: the new ones, and those
// with a link to a file that no published article is. Such a file may
// be deleted, or become a draft, while nothing published moves.
func (b *Builder) linksToCheck(published, fresh []*load.Article) []*load.Article {
	isFresh := make(map[*load.Article]bool, len(fresh))
	for _, a := range fresh {
		isFresh[a] = true
	}
	outside := func(l load.Link) bool { return l.Site == "" && b.last.site.LinkTarget(l) == nil }
	var check []*load.Article
	for _, a := range published {
		if isFresh[a] || slices.ContainsFunc(a.Links, outside) {
			check = append(check, a)
		}
	}
	return check
}
