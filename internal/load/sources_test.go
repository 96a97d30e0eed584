package load

import (
	"strings"
	"testing"
)

// An agency's names go into articles' source field, which may hold no
// control character or direction control: sources.yaml refuses them at
// their line.
func TestParseSourcesInvisible(t *testing.T) {
	cfg, errs := ParseConfig([]byte("base_url: https://example.org/\ndefault_language: en\nlanguages:\n" +
		"  en: {name: English, title: Briefings}\n  ru: {name: Русский, title: Брифинги}\n"))
	if errs != nil {
		t.Fatal(errs)
	}
	src := "tass:\n  name: \"TA\\u202eSS\"\n  ru: \"ТА\\x1bСС\"\n  sites: [tass.ru]\ntrend:\n  name: Trend\n"
	s, errs := ParseSources([]byte(src), cfg)
	want := "content/sources.yaml:2: tass: name holds the direction control U+202E, which turns the text after it around, on the page and past it (the site's name in the tab's title, a list's dates): delete it\n" +
		"content/sources.yaml:3: tass: the ru name holds the control character U+001B (an escape in quotes?): delete it"
	if got := strings.TrimSpace(errs.Sort().Error()); s != nil || got != want {
		t.Errorf("got %v\n%s\nwant\n%s", s, got, want)
	}
}

// An agency written as a name alone, not a mapping, hides none of the
// other agencies' problems.
func TestParseSourcesEveryProblem(t *testing.T) {
	cfg, errs := ParseConfig([]byte("base_url: https://example.org/\ndefault_language: en\nlanguages:\n  en: {name: English, title: Briefings}\n"))
	if errs != nil {
		t.Fatal(errs)
	}
	src := "tass: TASS\ntrend:\n  sites: [trend.az]\n"
	s, errs := ParseSources([]byte(src), cfg)
	want := "content/sources.yaml:1: expected a mapping of keys to values, not \"TASS\"\n" +
		"content/sources.yaml:2: trend has no name: give the name its articles' source field shows"
	if got := strings.TrimSpace(errs.Sort().Error()); s != nil || got != want {
		t.Errorf("got %v\n%s\nwant\n%s", s, got, want)
	}
}
