package load

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // time zones on every machine, Windows and containers without tzdata too
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"briefings/internal/diag"
)

// Config is content/site.yaml.
type Config struct {
	BaseURL         string              `yaml:"base_url"`
	DefaultLanguage string              `yaml:"default_language"`
	Languages       map[string]Language `yaml:"languages"`
	PageSize        int                 `yaml:"page_size"`
	MaxPageKB       int                 `yaml:"max_page_kb"`       // the heaviest a page may be with its stylesheet
	MaxPageLine     int                 `yaml:"-"`                 // where max_page_kb is, for messages
	MaxPhotoPageKB  int                 `yaml:"max_photo_page_kb"` // the same for a page that loads photos at once, the photos counted
	MaxPhotoLine    int                 `yaml:"-"`
	MaxArticleKB    int                 `yaml:"max_article_kb"` // the largest an article file may be
	TimeZone        string              `yaml:"time_zone"`      // where a date without a time begins
	Location        *time.Location      `yaml:"-"`              // TimeZone, loaded

	guessed bool // the languages are content/'s folders, site.yaml being broken: see lenient
}

// DefaultMaxPageKB stops only what no reader on a slow phone should get:
// a typical article weighs 13 KB with the stylesheet, a list of 20 long
// Russian summaries 31 KB. A site sets its own budget with max_page_kb.
const DefaultMaxPageKB = 50

// DefaultMaxPhotoPageKB is the budget of a page that loads photos at
// once, counting the file a phone downloads of each (a 390-pixel screen
// at 2×): an article weighs 13 KB, which leaves about 100 KB for its lead
// photo at 960 pixels, a good WebP of a news photo, or for two lighter
// ones near the top.
const DefaultMaxPhotoPageKB = 120

// DefaultTimeZone is where the portal's day begins when site.yaml does not
// say: Almaty's, the time of Kazakhstan since 2024 (UTC+5), between Baku's
// (UTC+4) and the region's east. An article dated by its day alone is
// published when that day begins there.
const DefaultTimeZone = "Asia/Almaty"

// DefaultMaxArticleKB is the largest article file a build reads: a page
// must stay within max_page_kb anyway, and the guard against slow
// Markdown is linear, so that a body of this size builds in milliseconds.
// MaxArticleKB is the most a site may set with max_article_kb.
const (
	DefaultMaxArticleKB = 100
	MaxArticleKB        = 256
)

// ArticleLimit is the size of the largest article file, in bytes.
func (c *Config) ArticleLimit() int64 {
	if c == nil || c.MaxArticleKB == 0 {
		return DefaultMaxArticleKB << 10
	}
	return int64(c.MaxArticleKB) << 10
}

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
	c, errs := parseConfig(src)
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// parseConfig is ParseConfig, returning with the errors what could be
// read: nil only if the YAML could not be decoded at all.
func parseConfig(src []byte) (*Config, diag.List) {
	var decoded diag.List
	c := &Config{}
	var doc yaml.Node
	if !decodeStrict(SitePath, src, c, &doc, &decoded) {
		return nil, decoded
	}
	return c, append(decoded, unlessDecoded(decoded, checkConfig(c, &doc))...)
}

// checkConfig checks the values of site.yaml and fills in the defaults.
func checkConfig(c *Config, doc *yaml.Node) diag.List {
	errs := fractions(c, doc)
	line := func(key string) int { return keyLine(doc, key) }
	if err := CheckBaseURL(c.BaseURL); err != nil {
		errs.Add(SitePath, line("base_url"), "base_url %v", err)
	}
	if len(c.Languages) == 0 {
		errs.Add(SitePath, line("languages"), "languages is empty: name at least one, like en: {name: English, title: …}")
	}
	key, folded := Folder(), map[string]string{}
	for _, l := range c.LanguageList() {
		if !langCode.MatchString(l.Code) {
			errs.Add(SitePath, line("languages"), "language code %q is not a lower-case language code like en or ru", l.Code)
		} else if bad := WindowsName(l.Code); bad != "" {
			errs.Add(SitePath, line("languages"), "language code %s; its folder needs another name", bad)
		}
		if other, dup := folded[key(l.Code)]; dup {
			errs.Add(SitePath, line("languages"), "language codes %q and %q differ only in case: Windows and macOS take their folders for one", other, l.Code)
		}
		folded[key(l.Code)] = l.Code
		if l.Name == "" || l.Title == "" {
			errs.Add(SitePath, line("languages"), "language %s needs a name and a title", l.Code)
		}
		for _, f := range []struct{ key, value string }{{"name", l.Name}, {"title", l.Title}, {"description", l.Description}} {
			if bad := Invisible("the "+l.Code+" "+f.key, f.value); bad != "" {
				errs.Add(SitePath, languageLine(doc, l.Code, f.key), "%s", bad)
			}
		}
		// One line each, as an article's title: a line break in YAML
		// (a quoted "\n", a folded block) would reach a page's head.
		kept := c.Languages[l.Code]
		kept.Name, kept.Title, kept.Description = oneLine(l.Name), oneLine(l.Title), oneLine(l.Description)
		c.Languages[l.Code] = kept
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
	c.MaxPhotoLine = line("max_photo_page_kb")
	switch {
	case c.MaxPhotoPageKB == 0:
		c.MaxPhotoPageKB, c.MaxPhotoLine = DefaultMaxPhotoPageKB, 0
	case c.MaxPhotoPageKB < 1:
		errs.Add(SitePath, c.MaxPhotoLine, "max_photo_page_kb must be at least 1 (kilobytes of 1,024 bytes)")
	}
	c.TimeZone = cmp.Or(c.TimeZone, DefaultTimeZone)
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil || c.TimeZone == "Local" {
		errs.Add(SitePath, line("time_zone"), "time_zone %q is not a time zone: write its IANA name, like Asia/Almaty, Asia/Baku or Europe/Moscow", c.TimeZone)
		loc = time.UTC
	}
	c.Location = loc
	if c.MaxArticleKB != 0 && (c.MaxArticleKB < 1 || c.MaxArticleKB > MaxArticleKB) {
		errs.Add(SitePath, line("max_article_kb"), "max_article_kb must be between 1 and %d (kilobytes of 1,024 bytes)", MaxArticleKB)
		c.MaxArticleKB = 0
	}
	return errs
}

// fractions reports a number with a fraction given for a setting of
// whole numbers, which the YAML decoder cuts without a word (29.5 to 29,
// 0.5 to 0 and so to the default), and leaves that setting unset; 30.0
// is 30.
func fractions(c *Config, doc *yaml.Node) diag.List {
	var errs diag.List
	v := reflect.ValueOf(c).Elem()
	for _, f := range reflect.VisibleFields(v.Type()) {
		key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if f.Type.Kind() != reflect.Int || key == "" || key == "-" {
			continue
		}
		n := valueOf(doc, key)
		if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!float" {
			continue
		}
		if x, err := strconv.ParseFloat(n.Value, 64); err != nil || x != math.Trunc(x) {
			errs.Add(SitePath, n.Line, "%s must be a whole number, not %s", key, n.Value)
			v.FieldByIndex(f.Index).SetInt(0)
		}
	}
	return errs
}

// valueOf is the value of a key of site.yaml's top level; nil if the key
// is not there.
func valueOf(doc *yaml.Node, key string) *yaml.Node {
	_, v := field(doc, key)
	return v
}

// field is a key of site.yaml's top level and its value; nils if the key
// is not there.
func field(doc *yaml.Node, key string) (k, v *yaml.Node) {
	if len(doc.Content) == 0 {
		return nil, nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// lenient is what the rest of the content is checked against when
// site.yaml is broken: the languages it names, or failing that the
// folders of content/, each taken as a language.
func lenient(c *Config, fsys fs.FS) *Config {
	out := &Config{Languages: map[string]Language{}}
	if c != nil {
		out.DefaultLanguage, out.MaxArticleKB = c.DefaultLanguage, c.MaxArticleKB
		for code, l := range c.Languages {
			if langCode.MatchString(code) {
				l.Title, l.Name = cmp.Or(l.Title, code), cmp.Or(l.Name, code)
				out.Languages[code] = l
			}
		}
	}
	if len(out.Languages) == 0 {
		out.guessed = true
		entries, _ := fs.ReadDir(fsys, "content")
		for _, e := range entries {
			if e.IsDir() && langCode.MatchString(e.Name()) {
				out.Languages[e.Name()] = Language{Name: e.Name(), Title: e.Name()}
			}
		}
	}
	return out
}

// CheckBaseURL tells whether s can be the site's URL: http or https, a
// host, and a clean path, for every link, the stylesheet and the search
// index start with it. A path like //elsewhere.example/ would send them
// all to another host; so would a user name before the host, for readers.
func CheckBaseURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Opaque != "" || u.Hostname() == "":
		return fmt.Errorf("%q is not an absolute http(s) URL, like https://example.github.io/briefings/", s)
	case u.Port() != "" && !validPort(u.Port()):
		return fmt.Errorf("%q has a port outside 1 to 65535", s)
	case u.User != nil:
		return fmt.Errorf("%q has a user name or password before the host: give the host alone", s)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.ContainsAny(s, "?#"):
		return fmt.Errorf("%q must not have a query or a fragment", s)
	case !diag.Safe(s) || strings.ContainsAny(s, " \\"):
		return fmt.Errorf("%q holds spaces, backslashes or control characters", s)
	case strings.Contains(u.Path, "//") || strings.Contains(strings.ToLower(u.EscapedPath()), "%2f"):
		return fmt.Errorf("%q has an empty or escaped part in its path (// or %%2F): write the path plainly, like /briefings/", s)
	}
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == "." || seg == ".." {
			return fmt.Errorf("%q has a . or .. part in its path: write the path plainly, like /briefings/", s)
		}
	}
	return nil
}

func validPort(p string) bool {
	n, err := strconv.Atoi(p)
	return err == nil && n >= 1 && n <= 65535
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
// node tree in doc for the lines of later messages. It is false when the
// file is not a YAML mapping: an unknown key or a value of the wrong type
// is reported and the rest decoded, so that the file's other problems are
// found in the same run (see unlessDecoded).
func decodeStrict(path string, src []byte, v any, doc *yaml.Node, errs *diag.List) bool {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if err := yaml.Unmarshal(src, doc); err != nil {
		AddYAMLError(errs, path, 0, err)
		return false
	}
	if len(doc.Content) == 0 {
		errs.Add(path, 1, "empty file")
		return false
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		AddYAMLError(errs, path, 0, err)
		var te *yaml.TypeError
		return errors.As(err, &te) && doc.Content[0].Kind == yaml.MappingNode
	}
	return true
}

// unlessDecoded is more without the problems at the lines where the
// decoder reported one: a value it could not read is left empty, and
// would be reported again as missing.
func unlessDecoded(decoded, more diag.List) diag.List {
	at := map[int]bool{}
	for _, d := range decoded {
		at[d.Line] = true
	}
	var out diag.List
	for _, d := range more {
		if !at[d.Line] {
			out = append(out, d)
		}
	}
	return out
}

// languageLine finds the line of a language's field in site.yaml: its
// value's, or failing that the language's, or languages'.
func languageLine(doc *yaml.Node, code, field string) int {
	line := keyLine(doc, "languages")
	langs := mappingValue(doc.Content[0], "languages")
	lang := mappingValue(langs, code)
	if lang == nil {
		return line
	}
	if v := mappingValue(lang, field); v != nil {
		return v.Line
	}
	return lang.Line
}

// mappingValue is the value of key in a mapping node, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// keyLine finds the line of a top-level key, or 1.
func keyLine(doc *yaml.Node, key string) int {
	if k, _ := field(doc, key); k != nil {
		return k.Line
	}
	return 1
}

// oneLine is text with its runs of white space, line breaks too, made
// one space, and none at its ends.
func oneLine(s string) string {
	if isOneLine(s) {
		return s // most titles and paragraphs: splitting and joining each was 3% of parsing an article
	}
	return strings.Join(strings.Fields(s), " ")
}

// isOneLine reports whether s is as oneLine makes it: no space at either
// end or after another, and no other white space (unicode.IsSpace).
func isOneLine(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case c == 0xc2 || c == 0xe1 || c == 0xe2 || c == 0xe3: // how U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000 start
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return false
			}
		}
	}
	return true
}
