package draft

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"briefings/internal/diag"
	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/wire"
)

// Request is what briefings new is asked for.
type Request struct {
	Lang          string
	Title         string
	Countries     []string  // codes; from the original when translating and none given
	Date          time.Time // zero: today, or the original's date when translating
	TranslationOf string    // an article file, slash-separated from the root
}

// Project is what new and import need to know of a project.
type Project struct {
	Root      string
	Config    *load.Config
	Countries map[string]*load.Country
	Sources   []*load.Source // sources.yaml's agencies; none when the project has no such file
}

// OpenProject reads a project's site.yaml, countries.yaml and
// sources.yaml, and refuses with the problems of all three; of only the
// first two when withSources is false: new does not read the agencies.
func OpenProject(root string, withSources bool) (*Project, error) {
	if _, err := os.Stat(filepath.Join(root, "content")); err != nil {
		return nil, fmt.Errorf("content: cannot read: %w (is --root the project folder?)", err)
	}
	s, errs := load.ReadSettings(os.DirFS(root))
	if !withSources {
		errs = slices.DeleteFunc(errs, func(d diag.Diagnostic) bool { return d.Path == load.SourcesPath })
		s.Sources = nil
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &Project{Root: root, Config: s.Config, Countries: s.Countries, Sources: s.Sources}, nil
}

// Today is the day it is at now where the site is, in site.yaml's
// time_zone, as a date: what new dates an article by, and import reads
// a date without a year by. The clock's own zone may be another day.
func (p *Project) Today(now time.Time) time.Time {
	now = now.In(p.Config.Location)
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// New writes a new article, or the translation of one, and returns its
// path, dated today where the site is unless the request gives a date.
// A translated original without a translation_key gets one.
func (p *Project) New(req Request, now time.Time) (string, error) {
	a := Article{Lang: req.Lang, Title: strings.Join(strings.Fields(req.Title), " "), Date: req.Date,
		Countries: req.Countries, Draft: true}
	var orig *load.Article
	if req.TranslationOf != "" {
		var err error
		if orig, err = p.original(req.TranslationOf, req.Lang); err != nil {
			return "", err
		}
		if len(a.Countries) == 0 {
			a.Countries = orig.Countries
		}
		if a.Date.IsZero() {
			a.Date = orig.Date
		}
		a.TranslationKey = orig.TranslationKey
		if other := p.translated(req.Lang, orig.TranslationKey); other != "" {
			return "", fmt.Errorf("%s already translates %s into %s (translation_key %s): edit that file",
				other, orig.Path, req.Lang, orig.TranslationKey)
		}
		if a.TranslationKey == "" {
			a.TranslationKey = orig.Date.Format("2006-01-") + shorten(orig.Slug, 40)
		}
	}
	if a.Date.IsZero() {
		a.Date = p.Today(now)
	}
	a.Date = time.Date(a.Date.Year(), a.Date.Month(), a.Date.Day(), 0, 0, 0, 0, time.UTC)
	a.Countries = mergeCodes(a.Countries)
	if err := p.check(a); err != nil {
		return "", err
	}
	rel, err := Create(p.Root, a)
	if err != nil {
		return "", err
	}
	if orig != nil && orig.TranslationKey == "" {
		if err := AddTranslationKey(filepath.Join(p.Root, filepath.FromSlash(orig.Path)), a.TranslationKey); err != nil {
			return rel, fmt.Errorf("%s was written, but the original could not be given its translation_key: %w", rel, err)
		}
	}
	return rel, nil
}

// check refuses what the build would refuse.
func (p *Project) check(a Article) error {
	var problems []string
	switch {
	case a.Lang == "":
		problems = append(problems, fmt.Sprintf("--lang is needed: a language of site.yaml (%s)", strings.Join(p.Config.Codes(), ", ")))
	case p.Config.Languages[a.Lang].Title == "":
		problems = append(problems, fmt.Sprintf("--lang %q is not a language of site.yaml (%s)", a.Lang, strings.Join(p.Config.Codes(), ", ")))
	}
	switch {
	case a.Title == "":
		problems = append(problems, `a title is needed: briefings new --lang ru --country KZ "Заголовок"`)
	case load.MakeSlug(a.Title, a.Lang) == "":
		problems = append(problems, fmt.Sprintf("the title %q has no letters or digits to make a file name of", a.Title))
	}
	if len(a.Countries) == 0 {
		problems = append(problems, "--country is needed: a code from content/countries.yaml, like KZ")
	}
	for _, c := range a.Countries {
		if p.Countries[c] == nil {
			problems = append(problems, fmt.Sprintf("--country %q is not in content/countries.yaml", c))
		}
	}
	if size, limit := int64(len(a.File())), p.Config.ArticleLimit(); size > limit {
		problems = append(problems, fmt.Sprintf("the article would be %d KB, more than max_article_kb (%d KB) lets a build read: shorten the text, or raise max_article_kb in %s",
			(size+1023)>>10, limit>>10, load.SitePath))
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	// What the file would hold is read as the build reads it.
	mine, errs := load.ParseArticle(a.Path(), a.File())
	if err := errs.Err(); err != nil {
		return fmt.Errorf("the file it would write, %s, would not build:\n%w", a.Path(), err)
	}
	if other := p.claimed(mine); other != "" && other != mine.Path {
		return fmt.Errorf("%s already has the page /%s this article would have: change the title, or edit that file",
			other, index.ArticlePath(mine))
	}
	return nil
}

// mergeCodes upper-cases country codes and drops repeats, AZ and az
// among them: the build refuses a country listed twice.
func mergeCodes(codes []string) []string {
	var out []string
	for _, c := range codes {
		if c = strings.ToUpper(strings.TrimSpace(c)); !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// original reads the article being translated.
func (p *Project) original(file, lang string) (*load.Article, error) {
	rel := filepath.ToSlash(filepath.Clean(file))
	if abs, err := filepath.Abs(file); err == nil {
		if root, err := filepath.Abs(p.Root); err == nil {
			if r, err := filepath.Rel(root, abs); err == nil && filepath.IsLocal(r) {
				rel = filepath.ToSlash(r) // the file as given from here, found in the project
			}
		}
	}
	src, err := os.ReadFile(filepath.Join(p.Root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("--translation-of: %w", err)
	}
	a, errs := load.ParseArticle(rel, src)
	if errs.Err() != nil {
		return nil, fmt.Errorf("--translation-of %s has problems; fix them first:\n%w", rel, errs.Err())
	}
	if a.Lang == lang {
		return nil, fmt.Errorf("--translation-of %s is already in %s: give --lang the translation's language", rel, lang)
	}
	if slices.Contains([]string{"", "content"}, a.Lang) {
		return nil, fmt.Errorf("--translation-of %s is not an article under content/{lang}/", rel)
	}
	return a, nil
}

// translated is the article of lang that already has the translation
// key, if any: a story has one article a language, and a second would
// fail the build.
func (p *Project) translated(lang, key string) string {
	if key == "" {
		return ""
	}
	return p.find(lang, func(src []byte) bool { return bytes.Contains(src, []byte("translation_key")) },
		func(a *load.Article) bool { return a.TranslationKey == key })
}

// claimed is the article file that already has the page mine would be
// published at, drafts among them, if any: two files at one URL fail
// the build. Only files that name a date of that month are parsed.
func (p *Project) claimed(mine *load.Article) string {
	url, month := index.ArticlePath(mine), []byte(mine.Date.Format("2006-01-"))
	return p.find(mine.Lang, func(src []byte) bool { return bytes.Contains(src, month) },
		func(o *load.Article) bool { return index.ArticlePath(o) == url })
}

// find walks content/{lang} for the first article that match picks,
// parsing only the files whose bytes pass maybe.
func (p *Project) find(lang string, maybe func([]byte) bool, match func(*load.Article) bool) string {
	if !filepath.IsLocal(lang) {
		return ""
	}
	found := ""
	dir := filepath.Join(p.Root, "content", lang)
	_ = filepath.WalkDir(dir, func(file string, d fs.DirEntry, err error) error {
		if found != "" {
			return fs.SkipAll
		}
		if err != nil {
			return nil // what cannot be read holds no article to find
		}
		if !d.Type().IsRegular() || filepath.Ext(file) != ".md" {
			return nil
		}
		rel, err := filepath.Rel(p.Root, file)
		if err != nil {
			return nil
		}
		src, err := os.ReadFile(file)
		if err != nil || !maybe(src) {
			return nil
		}
		if a, _ := load.ParseArticle(filepath.ToSlash(rel), src); a != nil && match(a) {
			found = a.Path
		}
		return nil
	})
	return found
}

// Import turns one raw wire text, or a saved web page, into a draft
// article and writes it. It returns the path written and what was found;
// on ErrNoDate, or any error, nothing is written.
func (p *Project) Import(name string, src []byte, opts wire.Options) (string, wire.Result, error) {
	r, err := p.Read(name, src, opts)
	if err != nil {
		return "", r, err
	}
	rel, err := Create(p.Root, fromResult(r))
	return rel, r, err
}

// Read reads a wire text or a page as Import does, and checks the draft
// it would make, without writing it.
func (p *Project) Read(name string, src []byte, opts wire.Options) (wire.Result, error) {
	opts.Countries, opts.Sources, opts.Languages, opts.Location = p.Countries, p.Sources, p.Config.Codes(), p.Config.Location
	parse := func() (wire.Result, error) { return wire.Parse(string(src), opts) }
	if wire.IsPage(name, src) {
		parse = func() (wire.Result, error) { return wire.ParsePage(src, opts) }
	}
	r, err := parse()
	if err != nil {
		return r, err
	}
	r.Countries = mergeCodes(r.Countries)
	return r, p.check(fromResult(r))
}

// shorten cuts a slug at a hyphen, to at most n bytes where it can.
func shorten(slug string, n int) string {
	if len(slug) <= n {
		return slug
	}
	if i := strings.LastIndex(slug[:n+1], "-"); i > 0 {
		return slug[:i]
	}
	return slug[:n]
}
