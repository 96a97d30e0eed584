package load

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gosimple/slug"
	"go.yaml.in/yaml/v3"

	"briefings/internal/diag"
)

// Country is one entry of content/countries.yaml.
type Country struct {
	Code   string
	Names  map[string]string // language code → name
	Match  []string          // word forms that name the country in text: declensions, adjectives
	Places []string          // its cities, which place a text there: "Baku", "Баку"
	About  map[string]string // language code → a sentence or two the country's page leads with; optional
	Slug   string            // URL segment: the slug of the English name
}

const CountriesPath = "content/countries.yaml"

var countryCode = regexp.MustCompile(`^[A-Z]{2}$`)

// ParseCountries parses countries.yaml against the site's languages: every
// country needs a name in each.
func ParseCountries(src []byte, cfg *Config) (map[string]*Country, diag.List) {
	countries, _, errs := parseCountries(src, cfg)
	if len(errs) > 0 {
		return nil, errs
	}
	return countries, nil
}

// parseCountries is ParseCountries, returning with the errors every code
// countries.yaml names, broken entries too, so that articles can be
// checked against them; nil only if the YAML could not be read at all.
func parseCountries(src []byte, cfg *Config) (map[string]*Country, map[string]bool, diag.List) {
	var decoded, errs diag.List
	var doc yaml.Node
	var raw map[string]map[string]yaml.Node
	if !decodeStrict(CountriesPath, src, &raw, &doc, &decoded) {
		return nil, knownCodes(src), decoded
	}
	known := map[string]bool{}
	countries := map[string]*Country{}
	slugs := map[string]string{}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		code, line := m.Content[i].Value, m.Content[i].Line
		if !countryCode.MatchString(code) {
			errs.Add(CountriesPath, line, "%q is not an ISO 3166-1 alpha-2 code (two capital letters, like AZ)", code)
			continue
		}
		known[code] = true
		c := parseCountry(code, line, raw[code], cfg, &errs)
		if c == nil {
			continue
		}
		if other, dup := slugs[c.Slug]; dup {
			errs.Add(CountriesPath, line, "%s and %s have the same URL slug %q", other, code, c.Slug)
		}
		slugs[c.Slug] = code
		countries[code] = c
	}
	return countries, known, append(decoded, unlessDecoded(decoded, errs)...)
}

// knownCodes reads the country codes of a countries.yaml that does not
// decode as one, line by line: those of "XX:" at the start of a line. It
// is nil, and no article's countries are checked, if it finds none.
func knownCodes(src []byte) map[string]bool {
	var known map[string]bool
	for _, l := range bytes.Split(src, []byte("\n")) {
		if len(l) >= 3 && l[2] == ':' && countryCode.Match(l[:2]) {
			if known == nil {
				known = map[string]bool{}
			}
			known[string(l[:2])] = true
		}
	}
	return known
}

// parseAbout reads a country's about: a text for each language that has
// one, like about: {en: "…", ru: "…"}.
func parseAbout(code string, v yaml.Node, c *Country, cfg *Config, errs *diag.List) bool {
	if v.Decode(&c.About) != nil {
		errs.Add(CountriesPath, v.Line, "%s: about must give a text for each language, like about: {en: \"…\", ru: \"…\"}", code)
		return false
	}
	ok := true
	for lang, text := range c.About {
		if cfg.Languages[lang].Title == "" && !cfg.guessed {
			errs.Add(CountriesPath, v.Line, "%s: about is given in %q, which is not a language of site.yaml (%s)", code, lang, strings.Join(cfg.Codes(), ", "))
			ok = false
		} else if strings.TrimSpace(text) == "" {
			errs.Add(CountriesPath, v.Line, "%s: about in %s is empty; write a sentence or leave the language out", code, lang)
			ok = false
		} else if bad := Invisible(code+": about in "+lang, text); bad != "" {
			line := v.Line
			if t := mappingValue(&v, lang); t != nil {
				line = t.Line
			}
			errs.Add(CountriesPath, line, "%s", bad)
			ok = false
		}
	}
	return ok
}

// parseForms reads a country's list of word forms, match or places.
func parseForms(code, key string, v yaml.Node, forms *[]string, like string, errs *diag.List) bool {
	if v.Decode(forms) != nil {
		errs.Add(CountriesPath, v.Line, "%s: %s must be a list of words, like %s", code, key, like)
		return false
	}
	ok := true
	for _, m := range *forms { // import writes what they find into articles
		if i := strings.IndexFunc(m, func(r rune) bool { return !textRune(r) || r == '\n' || bidiControl(r) }); i >= 0 {
			r, _ := utf8.DecodeRuneInString(m[i:])
			errs.Add(CountriesPath, v.Line, "%s: the %s form %q holds the invisible character %U: delete it", code, key, m, r)
			ok = false
		}
	}
	return ok
}

func parseCountry(code string, line int, fields map[string]yaml.Node, cfg *Config, errs *diag.List) *Country {
	c := &Country{Code: code, Names: map[string]string{}}
	ok := true
	for key, v := range fields {
		switch {
		case key == "match":
			ok = parseForms(code, key, v, &c.Match, "[Azerbaijan, Azerbaijani, Азербайджане, азербайджанский]", errs) && ok
		case key == "places":
			ok = parseForms(code, key, v, &c.Places, "[Baku, Баку, Ganja, Гянджа]", errs) && ok
		case key == "about":
			ok = parseAbout(code, v, c, cfg, errs) && ok
		case cfg.Languages[key].Title != "" || cfg.guessed && langCode.MatchString(key):
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				errs.Add(CountriesPath, v.Line, "%s: the %s name must be text", code, key)
				ok = false
			} else if i := strings.IndexFunc(v.Value, func(r rune) bool { return !textRune(r) || r == '\n' || bidiControl(r) }); i >= 0 {
				r, _ := utf8.DecodeRuneInString(v.Value[i:])
				errs.Add(CountriesPath, v.Line, "%s: the %s name holds the invisible character %U: delete it", code, key, r)
				ok = false
			}
			c.Names[key] = v.Value
		default:
			errs.Add(CountriesPath, v.Line, "%s: unknown field %q; give a name for each language (%v), match, places and about", code, key, cfg.Codes())
			ok = false
		}
	}
	for _, lang := range cfg.Codes() {
		if c.Names[lang] == "" && !cfg.guessed {
			errs.Add(CountriesPath, line, "%s has no %s name", code, lang)
			ok = false
		}
	}
	if !ok {
		return nil
	}
	name := c.Names["en"]
	if name == "" {
		name = c.Names[cfg.DefaultLanguage]
	}
	c.Slug = slug.Make(name)
	if c.Slug == "" {
		errs.Add(CountriesPath, line, "%s: the name %q has no letters or digits to make its URL of", code, name)
		return nil
	}
	if bad := WindowsName(c.Slug); bad != "" {
		errs.Add(CountriesPath, line, "%s: the name %q gives the URL slug %s", code, name, bad)
		return nil
	}
	return c
}
