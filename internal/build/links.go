package build

import (
	"slices"
	"strings"

	"briefings/internal/diag"
	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/render"
)

// siteLinks reports the links to site paths (/en/countries/kazakhstan/)
// that lead to no file the build writes: a link that would be a 404 on
// the site is an error at its line, never a silent one. Links unsure
// tells of, if it is not nil, are not checked.
func siteLinks(published []*load.Article, outputs []render.Output, basePath string, unsure func(site string) bool) diag.List {
	var errs diag.List
	var files map[string]bool
	for _, a := range published {
		for _, l := range a.Links {
			if l.Site == "" || unsure != nil && unsure(l.Site) {
				continue
			}
			if files == nil {
				files = make(map[string]bool, len(outputs))
				for _, o := range outputs {
					files[o.Path] = true
				}
			}
			if served(files, l.Site) {
				continue
			}
			if rest, ok := strings.CutPrefix(l.Site, strings.TrimSuffix(basePath, "/")); ok && basePath != "/" && served(files, rest) {
				errs.Add(a.Path, l.Line, "link to %s: write it without the base path %s, as %s: the build adds the base path to every link", l.Site, basePath, rest)
				continue
			}
			errs.Add(a.Path, l.Line, "link to %s: the site has no page or file there; give a path from the site's root, like /en/countries/kazakhstan/, or link an article by its file, like ../2024/x.md", l.Site)
		}
	}
	return errs
}

// served tells whether a site path leads to a file of the site, as GitHub
// Pages serves one: a folder by its index.html, with or without the slash.
func served(files map[string]bool, sitePath string) bool {
	p := strings.TrimPrefix(sitePath, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return files[p+"index.html"]
	}
	return files[p] || files[p+"/index.html"]
}

// siteLinksDespite checks the links to site paths when other problems
// fail the build, against the site the content that parsed would make:
// planned, never written. An article with problems counts with the
// fields it has; where a file's page cannot be known, a link into its
// language is left unchecked rather than called broken.
//
// Most sites have no such link, and then nothing is planned: planning
// the site anew took 1.6 s at 10,000 articles, on every save in serve
// that leaves a problem. A session plans from what its last build made,
// as a rebuild does, in a trial generation of the memo, then dropped.
func siteLinksDespite(c *load.Content, published, flawed []*load.Article, theme *render.Theme, urls render.URLs,
	statics []render.Output, last *render.Memo) diag.List {
	hasSiteLink := func(a *load.Article) bool {
		return slices.ContainsFunc(a.Links, func(l load.Link) bool { return l.Site != "" })
	}
	if c.Config == nil || c.Countries == nil || theme == nil || !slices.ContainsFunc(published, hasSiteLink) && !slices.ContainsFunc(flawed, hasSiteLink) {
		return nil // what the site would hold is not known, or no link asks
	}
	arts, unknown := planned(c, published, flawed)
	in := render.Input{Site: index.Build(c, arts, index.Paths(arts, nil)), Theme: theme, URLs: urls, Memo: last.Trial()}
	outputs, err := render.Plan(in)
	if err != nil {
		return nil // a template fails: the site is not known
	}
	unsure := func(site string) bool {
		site = strings.TrimPrefix(site, strings.TrimSuffix(urls.BasePath(), "/"))
		lang, _, _ := strings.Cut(strings.TrimPrefix(site, "/"), "/")
		return unknown[lang]
	}
	return siteLinks(append(slices.Clip(published), flawed...), append(outputs, statics...), urls.BasePath(), unsure)
}

// planned are the articles a plan of the site is made of when some have
// problems: copies without photos, which may not have been processed,
// and with only the countries countries.yaml has; and the languages of
// the files whose page is not known.
func planned(c *load.Content, published, flawed []*load.Article) ([]*load.Article, map[string]bool) {
	arts := make([]*load.Article, 0, len(published)+len(flawed))
	unknown := map[string]bool{}
	for _, a := range append(slices.Clip(published), flawed...) {
		cp := *a
		cp.Lead, cp.Photos = nil, nil
		cp.Countries = slices.DeleteFunc(slices.Clone(a.Countries), func(code string) bool { return c.Countries[code] == nil })
		if cp.Title == "" || cp.Slug == "" || !cp.Static && (cp.Date.IsZero() || len(cp.Countries) == 0) {
			unknown[a.Lang] = true
			continue
		}
		arts = append(arts, &cp)
	}
	parsed := map[string]bool{}
	for _, a := range slices.Concat(c.Articles, c.Flawed) {
		parsed[a.Path] = true
	}
	for _, f := range c.Files {
		if !parsed[f] {
			unknown[strings.Split(f, "/")[1]] = true
		}
	}
	return arts, unknown
}
