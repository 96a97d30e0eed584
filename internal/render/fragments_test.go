package render

import (
	"html/template"
	"os"
	"testing"
	"time"

	"briefings/internal/i18n"
	"briefings/internal/index"
	"briefings/internal/load"
)

// twoStories is the fragments of two English stories for readers of the
// given languages, from a layout of entry templates.
func twoStories(t *testing.T, layout string, langs ...string) (*fragments, []*load.Article, []ref) {
	t.Helper()
	th := Theme{layout: template.Must(template.New("layout").Parse(layout)), Strings: map[string]*i18n.Strings{}}
	s := &siteView{Theme: &th}
	for _, lang := range langs {
		src, err := os.ReadFile("../../templates/i18n/" + lang + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		if th.Strings[lang], err = i18n.Parse(lang, src); err != nil {
			t.Fatal(err)
		}
		s.Languages = append(s.Languages, load.Language{Code: lang})
	}
	arts := []*load.Article{{Path: "content/en/a.md", Lang: "en", Title: "A", Summary: "One.", Date: time.Unix(0, 0).UTC()},
		{Path: "content/en/b.md", Lang: "en", Title: "B", Summary: "Two.", Date: time.Unix(0, 0).UTC()}}
	var d digester
	f := newFragments(s, &d, &generation[uint64, string]{once: true}, arts)
	return f, arts, []ref{{A: arts[0], Path: "en/a/"}, {A: arts[1], Path: "en/b/"}}
}

// A language's entries dropped once its pages are planned are made again,
// the same, if a page asks for them after all; the other kinds and the
// other language's stay.
func TestDroppedFragmentsAreMadeAgain(t *testing.T) {
	f, _, refs := twoStories(t, `{{define "item"}}{{.Title}}: {{.Summary}}, {{.Date}}{{end}}{{define "related-item"}}{{.Title}}{{end}}`, "en", "ru")
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
		if s := f.slots[lang][kind].slots; s != nil && s[story].Load() != nil {
			return s[story].Load().f
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

// An entry is dropped when the last page queued to show it has been
// planned, not before; asked for again, it is made again, the same.
func TestEntryDroppedAfterItsLastPage(t *testing.T) {
	f, arts, refs := twoStories(t, `{{define "item"}}{{.Title}}: {{.Summary}}{{end}}`, "en")
	a, b := index.Entry{Article: arts[0]}, index.Entry{Article: arts[1]}
	held := func(i int) bool { return f.slots[0][listItem].slots[i].Load() != nil }
	f.expect(listItem, "en", []index.Entry{a, b}) // a page showing both
	f.expect(listItem, "en", []index.Entry{a})    // and one showing A alone
	first, err := f.list(listItem, "en", refs)
	if err != nil {
		t.Fatal(err)
	}
	f.shown(listItem, "en", []index.Entry{a, b})
	if !held(0) || held(1) {
		t.Fatalf("after the first page: A held %v (want true), B held %v (want false)", held(0), held(1))
	}
	f.shown(listItem, "en", []index.Entry{a})
	if held(0) {
		t.Fatal("A is held after its last page")
	}
	again, err := f.list(listItem, "en", refs)
	if err != nil {
		t.Fatal(err)
	}
	for i := range refs {
		if again[i] != first[i] || first[i].HTML == "" {
			t.Errorf("story %d: made again as %q, was %q", i, again[i].HTML, first[i].HTML)
		}
	}
}
