package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"

	"briefings/internal/diag"
	"briefings/internal/i18n"
)

// Theme is the parsed templates/ folder: one template set per page kind,
// each the layout plus the kind's own file, and each language's strings.
type Theme struct {
	pages   map[string]*template.Template
	Strings map[string]*i18n.Strings
}

// PageKinds are the page templates, templates/{kind}.html.
var PageKinds = []string{"list", "article", "countries", "year", "root", "notfound"}

const layoutFile = "templates/layout.html"

// LoadTheme parses the templates and the strings of every language. With
// no languages (site.yaml is broken) the templates are still checked.
func LoadTheme(fsys fs.FS, langs []string) (*Theme, diag.List) {
	var errs diag.List
	th := &Theme{pages: map[string]*template.Template{}, Strings: map[string]*i18n.Strings{}}
	layout, err := parseTemplate(fsys, template.New("layout.html"), layoutFile)
	if err != nil {
		errs.Add(templateError(layoutFile, err))
		return nil, errs
	}
	for _, kind := range PageKinds {
		file := "templates/" + kind + ".html"
		t, err := parseTemplate(fsys, template.Must(layout.Clone()), file)
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
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs.Add(file, 0, "cannot read the %s interface strings: %v", lang, err)
			continue
		}
		s, err := i18n.Parse(lang, src)
		if err != nil {
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

func parseTemplate(fsys fs.FS, t *template.Template, file string) (*template.Template, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, err
	}
	return t.New(path.Base(file)).Parse(string(src))
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
