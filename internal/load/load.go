// Package load reads a project's content: site.yaml, countries.yaml and the
// articles under content/{lang}/. Parsing is a pure function of a file's
// bytes; this file is the thin layer that reads them.
package load

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"briefings/internal/diag"
)

// Content is everything under content/, parsed.
type Content struct {
	Config *Config
	// Languages are the codes of the languages site.yaml names, read
	// even when it is broken, so that their interface strings are checked
	// in the same run; nil when it names none that could be read.
	Languages []string
	Countries map[string]*Country
	Articles  []*Article        // in path order; drafts included; those with errors left out
	Flawed    []*Article        // those with errors whose body could be read, with the fields that were valid
	Files     []string          // every article file found, in path order
	Photos    map[string]*Photo // the photos articles show, drafts included, by file
	Unused    []string          // the photo files no article shows, in path order
	Hash      uint64            // of site.yaml and countries.yaml
	// SourcesProblems are sources.yaml's, kept out of Load's list: only
	// import reads the file, so check reports them and a build need not.
	SourcesProblems diag.List
}

// Load reads content/ from a project file system and returns every problem
// found. Content holds what could be parsed: Config is nil when site.yaml
// is broken, Countries when countries.yaml or site.yaml is. What can be
// checked without a broken file still is: countries.yaml against the
// languages site.yaml names (or the folders of content/), and articles
// against the codes countries.yaml names. The cache, which may be nil,
// keeps articles from earlier loads.
func Load(fsys fs.FS, cache *Cache) (*Content, diag.List) {
	c := &Content{}
	if _, err := fs.Stat(fsys, "content"); errors.Is(err, fs.ErrNotExist) {
		var errs diag.List
		errs.Add("content", 0, "there is no content folder here: run briefings in the project folder, or give it with --root")
		return c, errs
	}
	set, errs := readSettings(fsys)
	c.Config, c.Countries, c.Hash, c.SourcesProblems = set.Config, set.Countries, set.hash, set.sourcesErrs
	cfg, known := set.lenient, set.known
	if !cfg.guessed {
		c.Languages = cfg.Codes()
	}
	if cache == nil {
		cache = &Cache{}
	}
	l := cache.list(fsys, cfg, &errs)
	for _, f := range l.files {
		c.Files = append(c.Files, f.path)
	}
	var shown []*Article // every article parsed, with errors or not: their photos are checked too
	for _, f := range cache.parse(fsys, l.files, cfg.ArticleLimit()) {
		errs.Append(f.errs)
		if f.art == nil {
			continue
		}
		shown = append(shown, f.art)
		if known != nil {
			errs.Append(checkCountries(f.art, known))
		}
		errs.Append(f.art.Dropped)
		if len(f.errs) == 0 {
			c.Articles = append(c.Articles, f.art)
		} else {
			c.Flawed = append(c.Flawed, f.art)
		}
	}
	c.Photos, c.Unused = cache.photos(fsys, l.photos, shown, &errs)
	return c, errs.Sort()
}

// Settings are a project's site.yaml, countries.yaml and sources.yaml,
// parsed.
type Settings struct {
	Config    *Config             // nil when site.yaml has problems
	Countries map[string]*Country // nil when countries.yaml or site.yaml has problems
	Sources   []*Source           // nil when sources.yaml has problems, or there is none
	lenient   *Config             // site.yaml as read, or what the rest is checked against when it is broken
	known     map[string]bool     // the country codes articles may name; nil: not known
	hash      uint64              // of site.yaml and countries.yaml, which pages show
	// sourcesErrs are sources.yaml's problems, which readSettings
	// leaves out of its list.
	sourcesErrs diag.List
}

// ReadSettings reads the three files and reports the problems of all of
// them at once: each is checked against what could be read of site.yaml
// (or the folders of content/).
func ReadSettings(fsys fs.FS) (Settings, diag.List) {
	s, errs := readSettings(fsys)
	errs.Append(s.sourcesErrs)
	return s, errs
}

// readSettings is ReadSettings, keeping sources.yaml's problems apart.
func readSettings(fsys fs.FS) (Settings, diag.List) {
	var errs diag.List
	var s Settings
	site, ok := readFile(fsys, SitePath, &errs)
	if ok {
		var e diag.List
		s.lenient, e = parseConfig(site)
		errs.Append(e)
		if len(e) == 0 {
			s.Config = s.lenient
		}
	}
	if s.Config == nil {
		s.lenient = lenient(s.lenient, fsys)
	}
	countries, ok := readFile(fsys, CountriesPath, &errs)
	if ok {
		cs, codes, e := parseCountries(countries, s.lenient)
		errs.Append(e)
		s.known = codes
		if len(e) == 0 && s.Config != nil {
			s.Countries = cs
		}
	}
	s.hash = HashBytes(site, countries)
	s.Sources = readSources(fsys, s.lenient, &s.sourcesErrs)
	return s, errs
}

// readSources parses sources.yaml, which a project may do without.
func readSources(fsys fs.FS, cfg *Config, errs *diag.List) []*Source {
	b, err := fs.ReadFile(fsys, SourcesPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		errs.Add(SourcesPath, 0, "cannot read: %s", describe(err))
		return nil
	}
	sources, e := ParseSources(b, cfg)
	errs.Append(e)
	return sources
}

// readFile reads site.yaml or countries.yaml, which every project needs.
func readFile(fsys fs.FS, name string, errs *diag.List) ([]byte, bool) {
	b, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		errs.Add(name, 0, "no such file: every project needs %s (see the README)", path.Base(name))
		return nil, false
	}
	if err != nil {
		errs.Add(name, 0, "cannot read: %s", describe(err))
		return nil, false
	}
	return b, true
}

// describe says why a file could not be read, and what to do.
func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: let the user running briefings read it (chmod a+r, or a+rx for a folder)"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Ignored tells the files no build reads: hidden files, and editors'
// temporary, backup and lock files. The watcher ignores the same.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || // .#lock (emacs), .file.swp (vim), .DS_Store
		strings.HasSuffix(name, "~") || // backup~ (vim, emacs, gedit)
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#") || // #autosave# (emacs)
		name == "4913" || // vim's test of whether it may write the folder
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasSuffix(name, ".tmp") ||
		strings.Contains(name, "___jb_") // JetBrains' safe write
}

// IgnoredStatic tells the names in static/ that no build publishes: those
// Ignored, but for .well-known, the folder where hosts and browsers look
// for security.txt and a domain's proofs, which is published.
func IgnoredStatic(name string) bool {
	return name != ".well-known" && Ignored(name)
}

// checkCountries reports country codes that countries.yaml does not have.
func checkCountries(a *Article, known map[string]bool) diag.List {
	var errs diag.List
	for i, code := range a.Countries {
		if !known[code] {
			errs.Add(a.Path, a.countryLine(i), "unknown country %q: add it to %s or use one of %s",
				code, CountriesPath, strings.Join(sortedCodes(known), ", "))
		}
	}
	return errs
}

func sortedCodes(m map[string]bool) []string {
	codes := make([]string, 0, len(m))
	for c := range m {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return codes
}
