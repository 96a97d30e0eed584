package build

import (
	"strings"

	"briefings/internal/diag"
	"briefings/internal/load"
	"briefings/internal/render"
)

// siteLinks reports the links to site paths (/en/countries/kazakhstan/)
// that lead to no file the build writes: a link that would be a 404 on
// the site is an error at its line, never a silent one.
func siteLinks(published []*load.Article, outputs []render.Output, basePath string) diag.List {
	var errs diag.List
	var files map[string]bool
	for _, a := range published {
		for _, l := range a.Links {
			if l.Site == "" {
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
