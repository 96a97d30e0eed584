// Package i18n holds the interface strings of one language, read from
// templates/i18n/{lang}.yaml, and formats dates and counts the reader's way.
package i18n

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"briefings/internal/diag"
	"briefings/internal/load"
)

// Strings are the words of the interface in one language. Every field is
// required; the YAML keys are the snake_case of the field names.
type Strings struct {
	Lang string `yaml:"-"`

	Locale          string `yaml:"locale"` // for link previews: en_GB, ru_RU
	SkipToContent   string `yaml:"skip_to_content"`
	DraftMark       string `yaml:"draft_mark"`     // on a draft in a preview
	Publisher       string `yaml:"publisher"`      // who publishes the site, in every page's footer
	AboutSite       string `yaml:"about_site"`     // names the footer's links to the site's pages
	ScheduledMark   string `yaml:"scheduled_mark"` // {date}, {time}: on a scheduled article in a preview
	Home            string `yaml:"home"`
	Latest          string `yaml:"latest"`
	Countries       string `yaml:"countries"`
	Archive         string `yaml:"archive"`
	Languages       string `yaml:"languages"`
	Navigation      string `yaml:"navigation"`
	Published       string `yaml:"published"`
	Updated         string `yaml:"updated"`
	Source          string `yaml:"source"`
	Related         string `yaml:"related"`
	StoryNav        string `yaml:"story_nav"`   // names the links to the next stories by date
	OlderStory      string `yaml:"older_story"` // labels the link to the story before
	NewerStory      string `yaml:"newer_story"` // labels the link to the story after
	Newer           string `yaml:"newer"`
	Older           string `yaml:"older"`
	PageOf          string `yaml:"page_of"`       // {page}: numbered from the oldest, so a page keeps its stories
	Feed            string `yaml:"feed"`          // names a feed, in RSS, Atom and JSON Feed
	CountryFeed     string `yaml:"country_feed"`  // {country}
	CountryHeading  string `yaml:"country_title"` // {country}
	CountriesIntro  string `yaml:"countries_intro"`
	ArchiveIntro    string `yaml:"archive_intro"`
	NoStories       string `yaml:"no_stories"`
	NotFoundTitle   string `yaml:"not_found_title"`
	NotFoundText    string `yaml:"not_found_text"`
	GoHome          string `yaml:"go_home"`
	ChooseLanguage  string `yaml:"choose_language"`
	Pagination      string `yaml:"pagination"`
	Search          string `yaml:"search"`
	SearchLabel     string `yaml:"search_label"`
	SearchButton    string `yaml:"search_button"`
	SearchNoScript  string `yaml:"search_no_script"` // shown when the script does not run
	SearchMore      string `yaml:"search_more"`
	SearchError     string `yaml:"search_error"`
	SearchShort     string `yaml:"search_short"` // {n}: the fewest letters of a word's beginning the browser searches by
	DateFormat      string `yaml:"date_format"`  // {day}, {month} (genitive), {year}
	MonthYearFormat string `yaml:"month_year"`   // {month} (nominative), {year}

	Months         []string          `yaml:"months"`          // nominative, January first
	MonthsGenitive []string          `yaml:"months_genitive"` // as in dates: 3 сентября
	Articles       Plural            `yaml:"articles"`        // {n} articles
	SearchResults  Plural            `yaml:"search_results"`  // {n} results, counted in the browser
	InLanguage     map[string]string `yaml:"in_language"`     // language code → "in Russian"
}

// Plural holds the forms of a counted noun. English uses one and other;
// Russian one, few and many.
type Plural struct {
	One   string `yaml:"one"`
	Few   string `yaml:"few"`
	Many  string `yaml:"many"`
	Other string `yaml:"other"`
}

// Parse reads one language's strings strictly, and checks that none is
// missing and that none holds a control character or a direction
// control: a page writes them as they are. These problems are Problems,
// all of them at once.
func Parse(lang string, src []byte) (*Strings, error) {
	if problems := controls(src); len(problems) > 0 {
		return nil, problems
	}
	s := &Strings{Lang: lang}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(s); err != nil {
		var errs diag.List
		load.AddYAMLError(&errs, "", 0, err)
		problems := make(Problems, len(errs))
		for i, d := range errs {
			problems[i] = Problem{d.Line, d.Message}
		}
		return nil, problems
	}
	var problems Problems
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) == nil { // decoded above, so it is YAML
		problems = invisible("", &doc)
	}
	if missing := s.missing(); len(missing) > 0 {
		problems = append(problems, Problem{Message: fmt.Sprintf("missing: %s; add each with its text, as in the templates/i18n files that come with this version "+
			"(a file from an earlier one lacks what newer pages say)", strings.Join(sortStrings(missing), ", "))})
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return s, nil
}

// Problem is one problem of a strings file, at its line (0: the file).
type Problem struct {
	Line    int
	Message string
}

// Problems are the problems Parse found.
type Problems []Problem

func (ps Problems) Error() string {
	var out []string
	for _, p := range ps {
		if p.Line > 0 {
			out = append(out, fmt.Sprintf("line %d: %s", p.Line, p.Message))
		} else {
			out = append(out, p.Message)
		}
	}
	return strings.Join(out, "; ")
}

// controls reports the lines holding a control character as it is,
// which YAML refuses without saying where.
func controls(src []byte) Problems {
	var out Problems
	for i, l := range bytes.Split(src, []byte("\n")) {
		if j := bytes.IndexFunc(l, control); j >= 0 {
			r, _ := utf8.DecodeRune(l[j:])
			out = append(out, Problem{i + 1, fmt.Sprintf("the control character %U: delete it", r)})
		}
	}
	return out
}

// control tells the characters YAML refuses in a file: C0 but for tab,
// line feed and carriage return, DEL and C1 but for next line.
func control(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f && r != 0x85
}

// invisible reports the strings under a node that hold a control
// character or a direction control, each named by its key.
func invisible(key string, n *yaml.Node) Problems {
	var out Problems
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			out = append(out, invisible(key, c)...)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			out = append(out, invisible(fmt.Sprintf("%s (item %d)", key, i+1), c)...)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if key != "" {
				k = key + "." + k
			}
			out = append(out, invisible(k, n.Content[i+1])...)
		}
	case yaml.ScalarNode:
		if bad := load.Invisible(key, n.Value); bad != "" {
			out = append(out, Problem{n.Line, bad})
		}
	}
	return out
}

// missing names the strings the file lacks.
func (s *Strings) missing() []string {
	var missing []string
	need := func(key, v string) {
		if strings.TrimSpace(v) == "" {
			missing = append(missing, key)
		}
	}
	for key, v := range s.required() {
		need(key, v)
	}
	if len(s.Months) != 12 || len(s.MonthsGenitive) != 12 {
		missing = append(missing, "months and months_genitive (12 each)")
	}
	for _, form := range pluralForms(s.Lang) {
		need("articles."+form, s.Articles.form(form))
		need("search_results."+form, s.SearchResults.form(form))
	}
	return missing
}

func (s *Strings) required() map[string]string {
	return map[string]string{
		"locale": s.Locale, "skip_to_content": s.SkipToContent, "draft_mark": s.DraftMark, "publisher": s.Publisher, "about_site": s.AboutSite, "scheduled_mark": s.ScheduledMark, "home": s.Home, "latest": s.Latest, "countries": s.Countries,
		"archive": s.Archive, "languages": s.Languages, "navigation": s.Navigation, "published": s.Published, "updated": s.Updated,
		"source": s.Source, "related": s.Related, "newer": s.Newer, "older": s.Older, "page_of": s.PageOf,
		"feed": s.Feed, "country_feed": s.CountryFeed, "country_title": s.CountryHeading,
		"countries_intro": s.CountriesIntro, "archive_intro": s.ArchiveIntro, "no_stories": s.NoStories,
		"not_found_title": s.NotFoundTitle, "not_found_text": s.NotFoundText, "go_home": s.GoHome,
		"choose_language": s.ChooseLanguage, "pagination": s.Pagination,
		"search": s.Search, "search_label": s.SearchLabel, "search_button": s.SearchButton,
		"search_no_script": s.SearchNoScript, "search_more": s.SearchMore, "search_error": s.SearchError,
		"search_short": s.SearchShort, "date_format": s.DateFormat, "month_year": s.MonthYearFormat,
	}
}

// Date writes a date as the reader says it: "3 September 2025", "3 сентября 2025".
func (s *Strings) Date(t time.Time) string {
	return fill(s.DateFormat, "day", strconv.Itoa(t.Day()),
		"month", s.MonthsGenitive[t.Month()-1], "year", strconv.Itoa(t.Year()))
}

// MonthYear names a month of the archive: "September 2025", "Сентябрь 2025".
func (s *Strings) MonthYear(year, month int) string {
	return fill(s.MonthYearFormat, "month", s.Months[month-1], "year", strconv.Itoa(year))
}

// Count writes n with the plural form the language needs: "5 статей".
func (s *Strings) Count(p Plural, n int) string {
	return fill(p.form(PluralForm(s.Lang, n)), "n", strconv.Itoa(n))
}

// ArticleCount is Count for articles.
func (s *Strings) ArticleCount(n int) string { return s.Count(s.Articles, n) }

// Fill replaces {name} placeholders in a string of this language.
func (s *Strings) Fill(format string, pairs ...string) string { return fill(format, pairs...) }

// PluralForm is the CLDR plural category of n: Russian (and its East Slavic
// neighbours) have one, few and many; other languages here one and other.
func PluralForm(lang string, n int) string {
	switch lang {
	case "ru", "uk", "be":
		switch n10, n100 := n%10, n%100; {
		case n10 == 1 && n100 != 11:
			return "one"
		case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
			return "few"
		default:
			return "many"
		}
	}
	if n == 1 {
		return "one"
	}
	return "other"
}

func pluralForms(lang string) []string {
	if PluralForm(lang, 2) == "few" {
		return []string{"one", "few", "many"}
	}
	return []string{"one", "other"}
}

func (p Plural) form(f string) string {
	return map[string]string{"one": p.One, "few": p.Few, "many": p.Many, "other": p.Other}[f]
}

// fill replaces each {name} of format with the value paired with name, in
// one pass, as strings.Replacer would; it is called for every date of
// every list, where building a Replacer each time was measurable.
func fill(format string, pairs ...string) string {
	var b strings.Builder
	b.Grow(len(format) + 16)
	for {
		open := strings.IndexByte(format, '{')
		if open < 0 {
			b.WriteString(format)
			return b.String()
		}
		b.WriteString(format[:open])
		format = format[open:]
		if value, rest, ok := placeholder(format, pairs); ok {
			b.WriteString(value)
			format = rest
			continue
		}
		b.WriteByte('{')
		format = format[1:]
	}
}

// placeholder matches a {name} of pairs at the start of s.
func placeholder(s string, pairs []string) (value, rest string, ok bool) {
	end := strings.IndexByte(s, '}')
	if end < 0 {
		return "", "", false
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		if s[1:end] == pairs[i] {
			return pairs[i+1], s[end+1:], true
		}
	}
	return "", "", false
}

func sortStrings(s []string) []string {
	slices.Sort(s)
	return s
}
