package build

import (
	"path/filepath"
	"strings"
	"testing"
)

// A country's about leads its first page, in the reader's language, and
// describes the page; a language without one gets none.
func TestCountryIntro(t *testing.T) {
	root := newProject(t, `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages:
  en: {name: English, title: Briefings}
  ru: {name: Русский, title: Брифинги}
page_size: 1
-- content/countries.yaml --
AZ: {en: Azerbaijan, ru: Азербайджан, about: {en: "The ICRC & Azerbaijan."}}
-- content/en/a.md --
---
title: First
date: 2025-09-03
countries: [AZ]
---
Text.
-- content/en/b.md --
---
title: Second
date: 2025-09-05
countries: [AZ]
---
Text.
`)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	first := readFile(t, filepath.Join(out, "en/countries/azerbaijan/index.html"))
	for _, want := range []string{`<p class="intro">The ICRC &amp; Azerbaijan.</p>`, `<meta name="description" content="The ICRC &amp; Azerbaijan.">`} {
		if !strings.Contains(first, want) {
			t.Errorf("the country's first page lacks %s", want)
		}
	}
	for _, page := range []string{"en/countries/azerbaijan/page/1/index.html", "ru/countries/azerbaijan/index.html"} {
		if strings.Contains(readFile(t, filepath.Join(out, page)), `class="intro"`) {
			t.Errorf("%s has an intro", page)
		}
	}
}
