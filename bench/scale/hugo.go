package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A briefings project becomes a Hugo site of the same articles:
//
//	SITE/hugo.yaml                              languages en and ru, one contentDir each
//	SITE/content/LANG/articles/YYYY/MM/S.md     each article, front matter in Hugo's terms
//	SITE/content/LANG/_index.md                 the home page; no feeds on the date archives
//	SITE/content/LANG/countries/C/_index.md     a country's title in that language
//	SITE/layouts/*.html                         a minimal layout: base, single and list
//	SITE/static/                                the project's static files
//
// Countries are a taxonomy named by their English names, so the term URLs
// are the slug of the English name as in briefings; years and months are
// two more taxonomies for the date archives. Article URLs are
// /LANG/YYYY/MM/SLUG/, as in briefings.

// siteConfig is the part of site.yaml the Hugo site needs.
type siteConfig struct {
	BaseURL         string `yaml:"base_url"`
	DefaultLanguage string `yaml:"default_language"`
	Languages       map[string]struct {
		Name        string `yaml:"name"`
		Title       string `yaml:"title"`
		Description string `yaml:"description"`
	} `yaml:"languages"`
	PageSize int `yaml:"page_size"`
}

// countryNames are a country's names in countries.yaml.
type countryNames struct {
	En string `yaml:"en"`
	Ru string `yaml:"ru"`
}

// in is the country's name in lang, or its English name.
func (c countryNames) in(lang string) string {
	if lang == "ru" && c.Ru != "" {
		return c.Ru
	}
	return c.En
}

// feedItems is how many entries briefings puts in a feed; Hugo's RSS,
// unlimited by default, gets the same limit.
const feedItems = 50

// toHugo writes the Hugo site of the project at root into site, which
// must not exist, and returns how many articles it holds.
func toHugo(root, site string) (int, error) {
	if _, err := os.Stat(site); err == nil {
		return 0, fmt.Errorf("%s exists", site)
	}
	content := filepath.Join(root, "content")
	var cfg siteConfig
	if err := readYAML(filepath.Join(content, "site.yaml"), &cfg); err != nil {
		return 0, err
	}
	countries := map[string]countryNames{}
	if err := readYAML(filepath.Join(content, "countries.yaml"), &countries); err != nil {
		return 0, err
	}
	n := 0
	for lang := range cfg.Languages {
		err := filepath.WalkDir(filepath.Join(content, lang), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(filepath.Join(content, lang), p)
			name, out, err := hugoArticle(lang, filepath.ToSlash(rel), src, countries)
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			n++
			// Written at once: a corpus held in memory would swell this
			// process, whose peak the kernel counts into the tools' peaks.
			return writeFiles(site, map[string][]byte{"content/" + name: out})
		})
		if err != nil {
			return 0, err
		}
	}
	files := map[string][]byte{}
	for name, b := range hugoBranches(cfg, countries) {
		files["content/"+name] = b
	}
	files["hugo.yaml"] = hugoConfig(cfg)
	for name, b := range hugoLayouts {
		files["layouts/"+name] = []byte(b)
	}
	if err := writeFiles(site, files); err != nil {
		return 0, err
	}
	static := filepath.Join(root, "static")
	if _, err := os.Stat(static); errors.Is(err, fs.ErrNotExist) {
		return n, nil
	}
	return n, copyDir(static, filepath.Join(site, "static"))
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$`)

// hugoArticle translates one article file, at rel under content/LANG/,
// into Hugo's terms: its path under Hugo's content/ and its bytes. The
// body is kept byte for byte.
//
//	countries: [KZ, AZ]     → countries: ["Kazakhstan", "Azerbaijan"], years: ["2024"], months: ["2024-05"]
//	translation_key: K      → translationKey: K
//	updated: D              → lastmod: D
//	slug (or the file name) → slug, always: Hugo does not transliterate Cyrillic titles
//
// title, date, summary, source, source_url and draft keep their names.
func hugoArticle(lang, rel string, src []byte, countries map[string]countryNames) (string, []byte, error) {
	fm, body, err := splitFrontMatter(src)
	if err != nil {
		return "", nil, err
	}
	var meta map[string]yaml.Node
	if err := yaml.Unmarshal(fm, &meta); err != nil {
		return "", nil, err
	}
	str := func(key string) string {
		n, ok := meta[key]
		if !ok || n.Kind != yaml.ScalarNode {
			return ""
		}
		return n.Value
	}
	date := str("date")
	if !dateRE.MatchString(date) {
		return "", nil, fmt.Errorf("date %q is not a date", date)
	}
	slug := str("slug")
	if slug == "" {
		slug = strings.TrimSuffix(filepath.Base(rel), ".md")
	}
	var codes []string
	if n, ok := meta["countries"]; ok {
		if err := n.Decode(&codes); err != nil {
			return "", nil, fmt.Errorf("countries: %w", err)
		}
	}
	var names []string
	for _, c := range codes {
		en := countries[c].En
		if en == "" {
			return "", nil, fmt.Errorf("country %q is not in countries.yaml", c)
		}
		names = append(names, quote(en))
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", quote(str("title")))
	fmt.Fprintf(&b, "date: %s\n", date)
	fmt.Fprintf(&b, "slug: %s\n", quote(slug))
	fmt.Fprintf(&b, "countries: [%s]\n", strings.Join(names, ", "))
	fmt.Fprintf(&b, "years: [%s]\n", quote(date[:4]))
	fmt.Fprintf(&b, "months: [%s]\n", quote(date[:7]))
	for _, f := range [][2]string{{"summary", "summary"}, {"source", "source"}, {"source_url", "source_url"},
		{"translation_key", "translationKey"}, {"updated", "lastmod"}} {
		v := str(f[0])
		switch {
		case v == "":
		case f[0] == "updated" && dateRE.MatchString(v):
			fmt.Fprintf(&b, "%s: %s\n", f[1], v) // a date, as date is
		default:
			fmt.Fprintf(&b, "%s: %s\n", f[1], quote(v))
		}
	}
	if n, ok := meta["draft"]; ok {
		var draft bool
		if err := n.Decode(&draft); err != nil {
			return "", nil, fmt.Errorf("draft: %w", err)
		}
		if draft {
			b.WriteString("draft: true\n")
		}
	}
	b.WriteString("---\n")
	b.Write(body)
	dir := filepath.ToSlash(filepath.Dir(rel))
	return lang + "/articles/" + dir + "/" + slug + ".md", b.Bytes(), nil
}

// splitFrontMatter splits an article file into its YAML front matter,
// between two --- lines, and the body after it.
func splitFrontMatter(src []byte) (fm, body []byte, err error) {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, nil, errors.New("no front matter")
	}
	rest := src[4:]
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 {
		if bytes.HasSuffix(rest, []byte("\n---")) {
			return rest[:len(rest)-4], nil, nil
		}
		return nil, nil, errors.New("front matter not closed")
	}
	return rest[:end+1], rest[end+5:], nil
}

// hugoBranches are the home pages, which keep feeds off the date archives
// and leave out the /years/ and /months/ overviews (briefings has none),
// the articles section page, left out (briefings has no second list of
// everything), and each country's localised term title.
func hugoBranches(cfg siteConfig, countries map[string]countryNames) map[string][]byte {
	files := map[string][]byte{}
	for lang := range cfg.Languages {
		files[lang+"/_index.md"] = []byte("---\n" +
			"cascade:\n" +
			"  - target: {kind: term, path: \"/{years,months}/**\"}\n    outputs: [html]\n" +
			"  - target: {kind: taxonomy, path: \"/{years,months}\"}\n    build: {render: never}\n" +
			"---\n")
		files[lang+"/articles/_index.md"] = []byte("---\nbuild: {render: never}\n---\n")
		for _, names := range countries {
			files[fmt.Sprintf("%s/countries/%s/_index.md", lang, termSlug(names.En))] =
				[]byte(fmt.Sprintf("---\ntitle: %s\n---\n", quote(names.in(lang))))
		}
	}
	return files
}

// termSlug is the path Hugo gives a term, with removePathAccents on.
func termSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(name) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case accents[c] != 0:
			b.WriteRune(accents[c])
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimRight(b.String(), "-")
}

var accents = map[rune]rune{'ü': 'u', 'ö': 'o', 'ç': 'c', 'ş': 's', 'ô': 'o', 'é': 'e', 'è': 'e', 'á': 'a', 'í': 'i', 'ó': 'o', 'ú': 'u'}

// hugoConfig is the site's hugo.yaml. Markdown gets the extensions
// briefings uses (table, strikethrough, linkify, task list) and no others,
// no heading IDs and no raw HTML.
func hugoConfig(cfg siteConfig) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "baseURL: %s\n", quote(cfg.BaseURL))
	def := cfg.DefaultLanguage
	if def == "" {
		def = "en"
	}
	fmt.Fprintf(&b, "defaultContentLanguage: %s\n", def)
	b.WriteString("defaultContentLanguageInSubdir: true\nremovePathAccents: true\n")
	b.WriteString("disableKinds: []\nenableRobotsTXT: true\n")
	b.WriteString("taxonomies: {country: countries, year: years, month: months}\n")
	b.WriteString("permalinks:\n  page:\n    articles: /:year/:month/:slug/\n")
	pageSize := cfg.PageSize
	if pageSize <= 0 {
		pageSize = 20
	}
	fmt.Fprintf(&b, "pagination: {pagerSize: %d}\n", pageSize)
	fmt.Fprintf(&b, "services: {rss: {limit: %d}}\n", feedItems)
	b.WriteString("outputs:\n  home: [html, rss]\n  section: [html, rss]\n  taxonomy: [html]\n  term: [html, rss]\n")
	b.WriteString("markup:\n  goldmark:\n" +
		"    renderer: {unsafe: false}\n" +
		"    parser: {autoHeadingID: false}\n" +
		"    extensions:\n" +
		"      table: true\n      strikethrough: true\n      linkify: true\n      taskList: true\n" +
		"      definitionList: false\n      footnote: false\n      typographer: {disable: true}\n")
	langs := make([]string, 0, len(cfg.Languages))
	for l := range cfg.Languages {
		langs = append(langs, l)
	}
	sort.Strings(langs) // the default language first, then the others by code
	sort.SliceStable(langs, func(i, j int) bool { return langs[i] == def && langs[j] != def })
	b.WriteString("languages:\n")
	for i, l := range langs {
		c := cfg.Languages[l]
		fmt.Fprintf(&b, "  %s:\n    weight: %d\n    languageName: %s\n    title: %s\n    contentDir: content/%s\n    params: {description: %s}\n",
			l, i+1, quote(c.Name), quote(c.Title), l, quote(c.Description))
	}
	return []byte(b.String())
}

// hugoLayouts is a minimal layout: every page has the stylesheet, a
// header with the site title and the page's translations; an article has
// its date, countries, body and source; a list is paginated newest first.
var hugoLayouts = map[string]string{
	"baseof.html": `<!doctype html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="stylesheet" href="{{ "style.css" | absURL }}">
{{- with .OutputFormats.Get "rss" }}
<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">
{{- end }}
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
{{- range .Translations }} <a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`,
	"single.html": `{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time>
{{- range .GetTerms "countries" }} <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ .Content }}
{{- with .Params.source }}
<p>{{ with $.Params.source_url }}<a href="{{ . }}">{{ $.Params.source }}</a>{{ else }}{{ . }}{{ end }}</p>
{{- end }}
</article>{{ end }}
`,
	"list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{- $pages := .Pages }}
{{- if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{- $pager := .Paginate $pages.ByDate.Reverse }}
<ul>
{{- range $pager.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_medium" }}</time>
<p>{{ .Summary | plainify | truncate 300 }}</p></li>
{{- end }}
</ul>
<nav>{{ with $pager.Prev }}<a rel="prev" href="{{ .URL }}">←</a>{{ end }} {{ $pager.PageNumber }} / {{ $pager.TotalPages }} {{ with $pager.Next }}<a rel="next" href="{{ .URL }}">→</a>{{ end }}</nav>
{{ end }}
`,
}

// quote writes s as a YAML double-quoted scalar.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func readYAML(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func writeFiles(dir string, files map[string][]byte) error {
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// copyDir copies the regular files under src to dst.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
