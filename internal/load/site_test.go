package load

import (
	"math/rand"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseConfigErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"unknown key", "base_url: https://x.org/\nlanguages: {en: {name: E, title: T}}\ndefault_language: en\npagesize: 5\n",
			`content/site.yaml:4: unknown field "pagesize"`},
		{"bad base_url", "base_url: example.org\nlanguages: {en: {name: E, title: T}}\ndefault_language: en\n",
			`content/site.yaml:1: base_url "example.org" is not an absolute http(s) URL, like https://example.github.io/briefings/`},
		{"default not a language", "base_url: https://x.org/\nlanguages: {en: {name: E, title: T}}\ndefault_language: de\n",
			`content/site.yaml:3: default_language "de" is not one of languages (en)`},
		{"language without title", "base_url: https://x.org/\nlanguages:\n  en: {name: E}\ndefault_language: en\n",
			`content/site.yaml:2: language en needs a name and a title`},
		{"negative page size", "base_url: https://x.org/\nlanguages: {en: {name: E, title: T}}\ndefault_language: en\npage_size: -1\n",
			`content/site.yaml:4: page_size must be at least 1`},
		{"wrong type", "base_url: https://x.org/\nlanguages: {en: {name: E, title: T}}\ndefault_language: en\npage_size: many\n",
			`content/site.yaml:4: expected a whole number, not "many"`},
		{"a fraction for a whole number", "base_url: https://x.org/\nlanguages: {en: {name: E, title: T}}\ndefault_language: en\npage_size: 0.5\n" +
			"max_page_kb: 29.5\nmax_photo_page_kb: -1.5\nmax_article_kb: .nan\n",
			"content/site.yaml:4: page_size must be a whole number, not 0.5\n" +
				"content/site.yaml:5: max_page_kb must be a whole number, not 29.5\n" +
				"content/site.yaml:6: max_photo_page_kb must be a whole number, not -1.5\n" +
				"content/site.yaml:7: expected a whole number, not \".nan\""},
		{"list for a mapping", "base_url: https://x.org/\nlanguages: [en, ru]\ndefault_language: en\n",
			`content/site.yaml:2: expected a mapping of keys to values, not a list`},
		{"empty", "", "content/site.yaml:1: empty file"},
		{"a value of the wrong type hides no other problem", "base_url: example.org\nlanguages: {en: {name: E, title: T}}\n" +
			"default_language: de\npage_size: many\ntime_zone: Mars/Olympus\npagesize: 5\nlanguages_: []\n",
			"content/site.yaml:1: base_url \"example.org\" is not an absolute http(s) URL, like https://example.github.io/briefings/\n" +
				"content/site.yaml:3: default_language \"de\" is not one of languages (en)\n" +
				"content/site.yaml:4: expected a whole number, not \"many\"\n" +
				"content/site.yaml:5: time_zone \"Mars/Olympus\" is not a time zone: write its IANA name, like Asia/Almaty, Asia/Baku or Europe/Moscow\n" +
				"content/site.yaml:6: unknown field \"pagesize\"\n" +
				"content/site.yaml:7: unknown field \"languages_\""},
		{"a list for the mapping of languages is not also said to be empty", "base_url: https://x.org/\nlanguages: [en]\ndefault_language: en\npage_size: -1\n",
			"content/site.yaml:2: expected a mapping of keys to values, not a list\n" +
				"content/site.yaml:4: page_size must be at least 1"},
		{"not a mapping", "- base_url: https://x.org/\n", "content/site.yaml:1: expected a mapping of keys to values, not a list"},
		{"direction controls in the languages' text", "base_url: https://x.org/\ndefault_language: en\nlanguages:\n" +
			"  en:\n    name: English\n    title: \"Brief\\u202eings\"\n    description: \"A \u2067site\"\n" +
			"  ru: {name: \"Рус\u202aский\", title: Брифинги, description: \"\\x1b[31m\"}\n",
			"content/site.yaml:6: the en title holds the direction control U+202E, which turns the text after it around, on the page and past it (the site's name in the tab's title, a list's dates): delete it\n" +
				"content/site.yaml:7: the en description holds the direction control U+2067, which turns the text after it around, on the page and past it (the site's name in the tab's title, a list's dates): delete it\n" +
				"content/site.yaml:8: the ru description holds the control character U+001B (an escape in quotes?): delete it\n" +
				"content/site.yaml:8: the ru name holds the direction control U+202A, which turns the text after it around, on the page and past it (the site's name in the tab's title, a list's dates): delete it"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, errs := ParseConfig([]byte(c.src))
			if cfg != nil || errs.Sort().Error() != c.want {
				t.Errorf("got %v\n%s\nwant\n%s", cfg, errs.Error(), c.want)
			}
		})
	}
}

// A whole number written with a fraction of none, or in an exponent, is
// that number.
func TestParseConfigWholeFloats(t *testing.T) {
	cfg, errs := ParseConfig([]byte("base_url: https://x.org/\nlanguages: {en: {name: E, title: T}}\ndefault_language: en\npage_size: 1e1\nmax_page_kb: 30.0\n"))
	if len(errs) > 0 || cfg.PageSize != 10 || cfg.MaxPageKB != 30 {
		t.Errorf("got %+v, %v; want page_size 10 and max_page_kb 30", cfg, errs)
	}
}

func TestParseConfig(t *testing.T) {
	cfg, errs := ParseConfig([]byte("\uFEFFbase_url: https://x.org/b/\ndefault_language: ru\nlanguages:\n" +
		"  en: {name: English, title: Briefings}\n  ru: {name: Русский, title: Брифинги}\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if cfg.PageSize != 20 || strings.Join(cfg.Codes(), ",") != "ru,en" {
		t.Errorf("page size %d, languages %v: want 20 and the default first", cfg.PageSize, cfg.Codes())
	}
}

func TestParseCountries(t *testing.T) {
	cfg, _ := ParseConfig([]byte("base_url: https://x.org/\ndefault_language: en\nlanguages:\n" +
		"  en: {name: English, title: B}\n  ru: {name: Русский, title: Б}\n"))
	good := "AZ:\n  en: Azerbaijan\n  ru: Азербайджан\n  match: [Azerbaijan, Азербайджане]\nCD:\n  en: DR Congo\n  ru: ДР Конго\n"
	cs, errs := ParseCountries([]byte(good), cfg)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if cs["AZ"].Slug != "azerbaijan" || cs["CD"].Slug != "dr-congo" || cs["AZ"].Names["ru"] != "Азербайджан" ||
		len(cs["AZ"].Match) != 2 {
		t.Errorf("got %+v %+v", cs["AZ"], cs["CD"])
	}
	cases := []struct{ name, src, want string }{
		{"bad code", "Azerbaijan:\n  en: Azerbaijan\n  ru: Азербайджан\n",
			`content/countries.yaml:1: "Azerbaijan" is not an ISO 3166-1 alpha-2 code (two capital letters, like AZ)`},
		{"missing name", "AZ:\n  en: Azerbaijan\n", "content/countries.yaml:1: AZ has no ru name"},
		{"direction control in a match form", "AZ:\n  en: Azerbaijan\n  ru: Азербайджан\n  match: [\"Az\\u202ebaijan\"]\n",
			`content/countries.yaml:4: AZ: the match form "Az\u202ebaijan" holds the invisible character U+202E: delete it`},
		{"unknown field", "AZ:\n  en: Azerbaijan\n  ru: Азербайджан\n  de: Aserbaidschan\n",
			`content/countries.yaml:4: AZ: unknown field "de"; give a name for each language ([en ru]), match, places and about`},
		{"match not a list", "AZ:\n  en: Azerbaijan\n  ru: Азербайджан\n  match: {a: b}\n",
			"content/countries.yaml:4: AZ: match must be a list of words, like [Azerbaijan, Azerbaijani, Азербайджане, азербайджанский]"},
		{"empty slug", "AZ:\n  en: \"!!!\"\n  ru: А\n", `content/countries.yaml:1: AZ: the name "!!!" has no letters or digits to make its URL of`},
		{"same slug", "AZ:\n  en: Azerbaijan\n  ru: А\nZZ:\n  en: azerbaijan\n  ru: Б\n",
			`content/countries.yaml:4: AZ and ZZ have the same URL slug "azerbaijan"`},
		{"a country that is not a mapping hides no other", "AZ: Azerbaijan\nKZ:\n  en: Kazakhstan\n  match: Kazakhstan\n",
			"content/countries.yaml:1: expected a mapping of keys to values, not \"Azerbaijan\"\n" +
				"content/countries.yaml:2: KZ has no ru name\n" +
				"content/countries.yaml:4: KZ: match must be a list of words, like [Azerbaijan, Azerbaijani, Азербайджане, азербайджанский]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cs, errs := ParseCountries([]byte(c.src), cfg)
			if cs != nil || errs.Sort().Error() != c.want {
				t.Errorf("got\n%s\nwant\n%s", errs.Error(), c.want)
			}
		})
	}
}

// The three files of settings are read together: one's problems hide
// none of the others'.
func TestReadSettingsEveryFile(t *testing.T) {
	fsys := fstest.MapFS{
		SitePath:      {Data: []byte("base_url: https://x.org/\nlanguages: {en: {name: E, title: T}}\ndefault_language: en\npagesize: 5\n")},
		CountriesPath: {Data: []byte("AZ:\n  en: Azerbaijan\n  de: Aserbaidschan\n")},
		SourcesPath:   {Data: []byte("trend:\n  name: Trend\n  sitez: [trend.az]\n")},
	}
	s, errs := ReadSettings(fsys)
	want := `content/countries.yaml:3: AZ: unknown field "de"; give a name for each language ([en]), match, places and about
content/site.yaml:4: unknown field "pagesize"
content/sources.yaml:3: trend: unknown field "sitez"; an agency has a name, a name for any language ([en]), sites and match`
	if got := errs.Sort().Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if s.Config != nil || s.Countries != nil || s.Sources != nil {
		t.Errorf("settings with problems kept: %+v", s)
	}
}

// Only import reads sources.yaml: Load keeps its problems apart from the
// rest, for check to report and a build to pass over.
func TestLoadKeepsSourcesProblemsApart(t *testing.T) {
	fsys := fstest.MapFS{
		SitePath:               {Data: []byte("base_url: https://x.org/\nlanguages: {en: {name: E, title: T}}\ndefault_language: en\n")},
		CountriesPath:          {Data: []byte("AZ: {en: Azerbaijan}\n")},
		SourcesPath:            {Data: []byte("trend:\n  name: Trend\n  sitez: [trend.az]\n")},
		"content/en/2025/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-09-03\ncountries: [AZ]\n---\nText.\n")},
	}
	c, errs := Load(fsys, nil)
	if errs.Err() != nil {
		t.Errorf("sources.yaml's problems fail Load:\n%v", errs)
	}
	want := `content/sources.yaml:3: trend: unknown field "sitez"; an agency has a name, a name for any language ([en]), sites and match`
	if got := c.SourcesProblems.Error(); got != want {
		t.Errorf("sources.yaml's problems:\n%s\nwant\n%s", got, want)
	}
	if len(c.Articles) != 1 || c.Config == nil || c.Countries == nil {
		t.Errorf("content: %d articles, config %v, countries %v", len(c.Articles), c.Config, c.Countries)
	}
}

// A language's words in site.yaml are one line each, as they go into a
// page's head and a feed, however YAML wrote them.
func TestConfigTextOneLine(t *testing.T) {
	cfg, errs := ParseConfig([]byte("base_url: https://x.org/\ndefault_language: ru\nlanguages:\n" +
		"  ru:\n    name: \" Русский \"\n    title: \"Гуманитарные\\r\\nбрифинги\"\n    description: >\n      Новости МККК\n\n      и права.\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if l := cfg.Languages["ru"]; l.Name != "Русский" || l.Title != "Гуманитарные брифинги" || l.Description != "Новости МККК и права." {
		t.Errorf("name %q, title %q, description %q", l.Name, l.Title, l.Description)
	}
}

// oneLine's shortcut returns only what splitting and joining would.
func TestOneLineAsFieldsJoined(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	pieces := []string{"a", "word", "Ж", "«", "—", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u0085", "\u00a0", "\u1680", "\u2000", "\u200a", "\u200b",
		"\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\u3001", "\u00ab", "é", "\xff", "\xe2\x80"}
	for run := range 50000 {
		var b strings.Builder
		for range rng.Intn(8) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("run %d: oneLine(%q) = %q, want %q", run, s, got, want)
		}
	}
}
