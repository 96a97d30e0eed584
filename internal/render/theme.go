package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"briefings/internal/diag"
	"briefings/internal/i18n"
)

// Theme is the parsed templates/ folder: one template set per page kind,
// each the layout plus the kind's own file, and each language's strings.
type Theme struct {
	layout  *template.Template // for the fragments pages are made of
	pages   map[string]*template.Template
	Strings map[string]*i18n.Strings
	Key     uint64 // of every file read: a change to any invalidates every page
}

// PageKinds are the page templates, templates/{kind}.html.
var PageKinds = []string{"list", "article", "page", "countries", "year", "root", "notfound", "search"}

const layoutFile = "templates/layout.html"

// LoadTheme parses the templates and the strings of every language. With
// no languages (site.yaml is broken) the templates are still checked. When
// no file differs from those prev was made of, prev is returned as it is.
func LoadTheme(fsys fs.FS, langs []string, prev *Theme) (*Theme, diag.List) {
	var errs diag.List
	if _, err := fs.Stat(fsys, "templates"); errors.Is(err, fs.ErrNotExist) {
		// Not a template missing: no project, or one without its templates.
		errs.Add("templates", 0, "there is no templates folder here: the site is made with the templates of the project, templates/{layout,article,list,…}.html and templates/i18n/{lang}.yaml")
		return nil, errs
	}
	files := map[string][]byte{}
	for _, name := range themeFiles(langs) {
		src, err := fs.ReadFile(fsys, name)
		switch {
		case errors.Is(err, fs.ErrNotExist) && strings.HasPrefix(name, "templates/i18n/"):
			errs.Add(name, 0, "no such file: every language of site.yaml needs its interface strings (copy templates/i18n/en.yaml and translate it)")
			continue
		case errors.Is(err, fs.ErrNotExist):
			errs.Add(name, 0, "no such file: the site needs this template")
			continue
		case err != nil:
			errs.Add(name, 0, "cannot read: %v", err)
			continue
		}
		files[name] = src
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var d digester
	key := d.sum("theme", files) // of every file read: a change to any makes another theme
	if prev != nil && prev.Key == key {
		return prev, nil
	}
	th := &Theme{pages: map[string]*template.Template{}, Strings: map[string]*i18n.Strings{}, Key: key}
	layout, err := template.New("layout.html").Parse(string(files[layoutFile]))
	if err != nil {
		errs.Add(templateError(layoutFile, err))
		return nil, errs
	}
	for i, name := range fragmentKinds {
		if layout.Lookup(name) == nil {
			errs.Add(layoutFile, 0, `it must define %q, the template of %s: {{define "%s"}}…{{end}}`, name, fragmentRoles[i], name)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	th.layout = layout
	for _, kind := range PageKinds {
		file := "templates/" + kind + ".html"
		t, err := template.Must(layout.Clone()).New(kind + ".html").Parse(string(files[file]))
		if err == nil && t.Lookup("main") == nil {
			err = errors.New(`it must define "main": {{define "main"}}…{{end}}`)
		}
		if err != nil {
			errs.Add(templateError(file, err))
			continue
		}
		th.pages[kind] = t
	}
	for _, lang := range langs {
		file := "templates/i18n/" + lang + ".yaml"
		s, err := i18n.Parse(lang, files[file])
		var problems i18n.Problems
		switch {
		case errors.As(err, &problems):
			for _, p := range problems {
				errs.Add(file, p.Line, "%s", p.Message)
			}
			continue
		case err != nil:
			errs.Add(yamlError(file, err))
			continue
		}
		th.Strings[lang] = s
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return th, nil
}

// themeFiles lists the files a theme is made of.
func themeFiles(langs []string) []string {
	names := []string{layoutFile}
	for _, kind := range PageKinds {
		names = append(names, "templates/"+kind+".html")
	}
	for _, lang := range langs {
		names = append(names, "templates/i18n/"+lang+".yaml")
	}
	return names
}

var (
	templateLine = regexp.MustCompile(`^template: [^:]+:(\d+):(?:\d+:)? ?(.*)$`)
	yamlLine     = regexp.MustCompile(`line (\d+): (.*)$`)
)

// templateError and yamlError turn parser errors into file:line diagnostics.
func templateError(file string, err error) (string, int, string, string) {
	if m := templateLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return file, n, "%s", m[2]
	}
	return file, 0, "%s", err.Error()
}

func yamlError(file string, err error) (string, int, string, string) {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return file, n, "%s", m[2]
	}
	return file, 0, "%s", fmt.Sprint(err)
}
