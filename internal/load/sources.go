package load

import (
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"briefings/internal/diag"
)

// Source is one agency of content/sources.yaml: the name import writes in
// an article's source field, and the spellings that name it in wire texts.
type Source struct {
	Key   string
	Name  string            // the name in any language without one of its own
	Names map[string]string // language code → name
	Sites []string          // the agency's hosts, like inform.kz: a link to one is its source_url
	Match []string          // other spellings: КАЗИНФОРМ, Qazinform
}

// SourcesPath is the agencies' table. A project may do without it.
const SourcesPath = "content/sources.yaml"

// NameIn is the source's name in a language.
func (s *Source) NameIn(lang string) string {
	if n := s.Names[lang]; n != "" {
		return n
	}
	return s.Name
}

// Forms are every spelling that names the source: its names, then match.
func (s *Source) Forms() []string {
	forms := []string{s.Name}
	for _, lang := range slices.Sorted(maps.Keys(s.Names)) {
		forms = append(forms, s.Names[lang])
	}
	return append(forms, s.Match...)
}

// ParseSources parses sources.yaml, keeping the file's order: where two
// agencies share a spelling, the first one listed is meant.
func ParseSources(src []byte, cfg *Config) ([]*Source, diag.List) {
	var decoded, errs diag.List
	var doc yaml.Node
	var raw map[string]map[string]yaml.Node
	if !decodeStrict(SourcesPath, src, &raw, &doc, &decoded) {
		return nil, decoded
	}
	var sources []*Source
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, line := m.Content[i].Value, m.Content[i].Line
		if s := parseSource(key, line, raw[key], cfg, &errs); s != nil {
			sources = append(sources, s)
		}
	}
	if errs = append(decoded, unlessDecoded(decoded, errs)...); len(errs) > 0 {
		return nil, errs
	}
	return sources, nil
}

func parseSource(key string, line int, fields map[string]yaml.Node, cfg *Config, errs *diag.List) *Source {
	s := &Source{Key: key, Names: map[string]string{}}
	ok := true
	text := func(v yaml.Node, what string) string {
		if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
			errs.Add(SourcesPath, v.Line, "%s: %s must be text", key, what)
			ok = false
		} else if bad := Invisible(key+": "+what, v.Value); bad != "" {
			// import writes it into articles, which refuse it
			errs.Add(SourcesPath, v.Line, "%s", bad)
			ok = false
		}
		return strings.TrimSpace(v.Value)
	}
	list := func(v yaml.Node, what, example string) []string {
		var l []string
		if v.Decode(&l) != nil || len(l) == 0 {
			errs.Add(SourcesPath, v.Line, "%s: %s must be a list, like %s", key, what, example)
			ok = false
		}
		return l
	}
	for k, v := range fields {
		switch {
		case k == "name":
			s.Name = text(v, "name")
		case k == "sites":
			s.Sites = list(v, "sites", "[inform.kz, en.inform.kz]")
		case k == "match":
			s.Match = list(v, "match", "[КАЗИНФОРМ, Qazinform]")
		case cfg.Languages[k].Title != "":
			s.Names[k] = text(v, "the "+k+" name")
		default:
			errs.Add(SourcesPath, v.Line, "%s: unknown field %q; an agency has a name, a name for any language (%v), sites and match", key, k, cfg.Codes())
			ok = false
		}
	}
	if s.Name == "" && ok {
		errs.Add(SourcesPath, line, "%s has no name: give the name its articles' source field shows", key)
		ok = false
	}
	if !ok {
		return nil
	}
	return s
}
