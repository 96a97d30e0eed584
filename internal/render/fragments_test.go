package render

import (
	"html/template"
	"os"
	"testing"
	"time"

	"briefings/internal/i18n"
	"briefings/internal/load"
)

// A language's entries dropped once its pages are planned are made again,
// the same, if a page asks for them after all; the other language's stay.
func TestDroppedFragmentsAreMadeAgain(t *testing.T) {
	th := Theme{layout: template.Must(template.New("layout").Parse(`{{define "item"}}{{.Title}}: {{.Summary}}, {{.Date}}{{end}}`)),
		Strings: map[string]*i18n.Strings{}}
	for _, lang := range []string{"en", "ru"} {
		src, err := os.ReadFile("../../templates/i18n/" + lang + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		if th.Strings[lang], err = i18n.Parse(lang, src); err != nil {
			t.Fatal(err)
		}
	}
	s := &siteView{Theme: &th, Languages: []load.Language{{Code: "en"}, {Code: "ru"}}}
	arts := []*load.Article{{Path: "content/en/a.md", Lang: "en", Title: "A", Summary: "One.", Date: time.Unix(0, 0).UTC()},
		{Path: "content/en/b.md", Lang: "en", Title: "B", Summary: "Two.", Date: time.Unix(0, 0).UTC()}}
	var d digester
	f := newFragments(s, &d, &generation[uint64, string]{once: true}, arts)
	refs := []ref{{A: arts[0], Path: "en/a/"}, {A: arts[1], Path: "en/b/"}}
	list := func(lang string) []Fragment {
		got, err := f.list(listItem, lang, refs)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	en, ru := list("en"), list("ru")
	f.drop("en")
	for i := range refs {
		if f.slots[(i*2+0)*storyKinds+listItem].f.HTML != "" {
			t.Errorf("story %d: its English entry was kept", i)
		}
		if f.slots[(i*2+1)*storyKinds+listItem].f != ru[i] {
			t.Errorf("story %d: dropping English lost the Russian entry", i)
		}
	}
	again := list("en")
	for i := range refs {
		if again[i] != en[i] || en[i].HTML == "" {
			t.Errorf("story %d: made again as %q, was %q", i, again[i].HTML, en[i].HTML)
		}
	}
}
