package load

import (
	"bytes"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"briefings/internal/diag"
)

// Config is content/site.yaml.
type Config struct {
	BaseURL         string              `yaml:"base_url"`
	DefaultLanguage string              `yaml:"default_language"`
	Languages       map[string]Language `yaml:"languages"`
	PageSize        int                 `yaml:"page_size"`
	MaxPageKB       int                 `yaml:"max_page_kb"` // the heaviest a page may be with its stylesheet
	MaxPageLine     int                 `yaml:"-"`           // where max_page_kb is, for messages
}

// DefaultMaxPageKB stops only what no reader on a slow phone should get:
// a typical article weighs 13 KB with the stylesheet, a list of 20 long
// Russian summaries 31 KB. A site sets its own budget with max_page_kb.
const DefaultMaxPageKB = 50

// Language is one entry of site.yaml's languages.
type Language struct {
	Code        string `yaml:"-"`
	Name        string `yaml:"name"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
}

// LanguageList returns the languages, the default first, then by code.
func (c *Config) LanguageList() []Language {
	var list []Language
	for code, l := range c.Languages {
		l.Code = code
		list = append(list, l)
	}
	slices.SortFunc(list, func(a, b Language) int {
		if (a.Code == c.DefaultLanguage) != (b.Code == c.DefaultLanguage) {
			if a.Code == c.DefaultLanguage {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Code, b.Code)
	})
	return list
}

const SitePath = "content/site.yaml"

var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[a-zA-Z0-9]{2,8})?$`)

// ParseConfig parses site.yaml strictly: unknown keys are errors.
func ParseConfig(src []byte) (*Config, diag.List) {
	var errs diag.List
	c := &Config{}
	var doc yaml.Node
	if !decodeStrict(SitePath, src, c, &doc, &errs) {
		return nil, errs
	}
	line := func(key string) int { return keyLine(&doc, key) }
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		errs.Add(SitePath, line("base_url"), "base_url %q is not an absolute http(s) URL, like https://example.github.io/briefings/", c.BaseURL)
	} else if u.RawQuery != "" || u.Fragment != "" {
		errs.Add(SitePath, line("base_url"), "base_url %q must not have a query or a fragment", c.BaseURL)
	}
	if len(c.Languages) == 0 {
		errs.Add(SitePath, line("languages"), "languages is empty: name at least one, like en: {name: English, title: …}")
	}
	for _, l := range c.LanguageList() {
		if !langCode.MatchString(l.Code) {
			errs.Add(SitePath, line("languages"), "language code %q is not a lower-case language code like en or ru", l.Code)
		}
		if l.Name == "" || l.Title == "" {
			errs.Add(SitePath, line("languages"), "language %s needs a name and a title", l.Code)
		}
	}
	if _, ok := c.Languages[c.DefaultLanguage]; !ok && len(c.Languages) > 0 {
		errs.Add(SitePath, line("default_language"), "default_language %q is not one of languages (%s)",
			c.DefaultLanguage, strings.Join(c.Codes(), ", "))
	}
	switch {
	case c.PageSize == 0:
		c.PageSize = 20
	case c.PageSize < 1:
		errs.Add(SitePath, line("page_size"), "page_size must be at least 1")
	}
	c.MaxPageLine = line("max_page_kb")
	switch {
	case c.MaxPageKB == 0:
		c.MaxPageKB, c.MaxPageLine = DefaultMaxPageKB, 0
	case c.MaxPageKB < 1:
		errs.Add(SitePath, c.MaxPageLine, "max_page_kb must be at least 1 (kilobytes of 1,024 bytes)")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// Codes lists the language codes in site order.
func (c *Config) Codes() []string {
	var codes []string
	for _, l := range c.LanguageList() {
		codes = append(codes, l.Code)
	}
	return codes
}

// decodeStrict decodes YAML into v, refusing unknown keys, and keeps the
// node tree in doc for the lines of later messages.
func decodeStrict(path string, src []byte, v any, doc *yaml.Node, errs *diag.List) bool {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if err := yaml.Unmarshal(src, doc); err != nil {
		addYAMLError(errs, path, 0, err)
		return false
	}
	if len(doc.Content) == 0 {
		errs.Add(path, 1, "empty file")
		return false
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		addYAMLError(errs, path, 0, err)
		return false
	}
	return true
}

// keyLine finds the line of a top-level key, or 1.
func keyLine(doc *yaml.Node, key string) int {
	if len(doc.Content) == 0 {
		return 1
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return 1
}
