package load

import (
	"strings"
	"testing"
)

func TestCountryAbout(t *testing.T) {
	cfg, errs := ParseConfig([]byte("base_url: https://example.org/\ndefault_language: en\nlanguages:\n" +
		"  en: {name: English, title: Briefings}\n  ru: {name: Русский, title: Брифинги}\n"))
	if errs != nil {
		t.Fatal(errs)
	}
	cs, errs := ParseCountries([]byte("AZ:\n  en: Azerbaijan\n  ru: Азербайджан\n  about: {en: The ICRC in Azerbaijan.}\n"+
		"KZ: {en: Kazakhstan, ru: Казахстан}\n"), cfg)
	if errs != nil {
		t.Fatal(errs)
	}
	if cs["AZ"].About["en"] != "The ICRC in Azerbaijan." || cs["AZ"].About["ru"] != "" || cs["KZ"].About != nil {
		t.Errorf("about: %v, %v", cs["AZ"].About, cs["KZ"].About)
	}
	for src, want := range map[string]string{
		"AZ: {en: Azerbaijan, ru: Азербайджан, about: {de: Text}}\n":  `content/countries.yaml:1: AZ: about is given in "de", which is not a language of site.yaml (en, ru)`,
		"AZ: {en: Azerbaijan, ru: Азербайджан, about: {ru: \" \"}}\n": "content/countries.yaml:1: AZ: about in ru is empty; write a sentence or leave the language out",
		"AZ: {en: Azerbaijan, ru: Азербайджан, about: Text}\n":        `content/countries.yaml:1: AZ: about must give a text for each language, like about: {en: "…", ru: "…"}`,
		"AZ:\n  en: Azerbaijan\n  ru: Азербайджан\n  about:\n    en: Fine.\n    ru: \"МККК \\u202eв Баку.\"\n": "content/countries.yaml:6: AZ: about in ru holds the direction control U+202E, " +
			"which turns the text after it around, on the page and past it (the site's name in the tab's title, a list's dates): delete it",
		"AZ: {en: Azerbaijan, ru: Азербайджан, about: {en: \"The \\x1b[2J ICRC.\"}}\n": "content/countries.yaml:1: AZ: about in en holds the control character U+001B (an escape in quotes?): delete it",
	} {
		_, errs := ParseCountries([]byte(src), cfg)
		if got := strings.TrimSpace(errs.Error()); got != want {
			t.Errorf("%s: got\n%s\nwant\n%s", src, got, want)
		}
	}
}
