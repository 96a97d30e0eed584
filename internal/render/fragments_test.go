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
// the same, if a page asks for them after all; the other kinds and the
// other language's stay.
func TestDroppedFragmentsAreMadeAgain(t *testing.T) {
	th := Theme{layout: template.Must(template.New("layout").Parse(`{{define "item"}}{{.Title}}: {{.Summary}}, {{.Date}}{{end}}{{define "related-item"}}{{.Title}}{{end}}`)),
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
	listOf := func(kind int, lang string) []Fragment {
		got, err := f.list(kind, lang, refs)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	list := func(lang string) []Fragment { return listOf(listItem, lang) }
	en, ru, related := list("en"), list("ru"), listOf(relatedItem, "en")
	slot := func(story, lang, kind int) Fragment {
		if s := f.slots[lang][kind].slots; s != nil {
			return s[story].f
		}
		return Fragment{}
	}
	f.drop("en", listItem)
	for i := range refs {
		if slot(i, 0, listItem).HTML != "" {
			t.Errorf("story %d: its English entry was kept", i)
		}
		if slot(i, 1, listItem) != ru[i] {
			t.Errorf("story %d: dropping English lost the Russian entry", i)
		}
		if slot(i, 0, relatedItem) != related[i] || related[i].HTML == "" {
			t.Errorf("story %d: dropping English list entries lost its related entry", i)
		}
	}
	again := list("en")
	for i := range refs {
		if again[i] != en[i] || en[i].HTML == "" {
			t.Errorf("story %d: made again as %q, was %q", i, again[i].HTML, en[i].HTML)
		}
	}
	f.drop("en", storyKindsAll...)
	for i := range refs {
		if slot(i, 0, listItem).HTML != "" || slot(i, 0, relatedItem).HTML != "" {
			t.Errorf("story %d: an English entry was kept", i)
		}
		if slot(i, 1, listItem) != ru[i] {
			t.Errorf("story %d: dropping English lost the Russian entry", i)
		}
	}
}
