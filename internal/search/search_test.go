package search

import (
	"bytes"
	"slices"
	"testing"
)

// news is a small Russian edition, newest first: two stories have no
// Russian translation and are shown in English.
var news = []Doc{
	{Title: "Токаев обсудил с президентом МККК гуманитарное сотрудничество", Summary: "Президент Казахстана принял президента Международного комитета Красного Креста.",
		Href: "/briefings/ru/2026/03/tokaev/", Date: "6 марта 2026", DateISO: "2026-03-06", Lang: "ru", Countries: []string{"Казахстан"}},
	{Title: "МККК закрывает делегацию в Азербайджане", Summary: "Комитет закрывает свою делегацию в стране по решению правительства.",
		Href: "/briefings/ru/2025/09/zakryvaet/", Date: "3 сентября 2025", DateISO: "2025-09-03", Lang: "ru", Countries: []string{"Азербайджан"}},
	{Title: "ICRC visits detainees in Baku", Summary: "Delegates visited people held in connection with the conflict.",
		Href: "/briefings/en/2024/08/visits/", Date: "15 августа 2024", DateISO: "2024-08-15", Lang: "en", Countries: []string{"Азербайджан"}},
	{Title: "Families of missing persons receive answers", Summary: "The ICRC supports the families of people missing since the conflict.",
		Href: "/briefings/en/2023/09/missing/", Date: "22 сентября 2023", DateISO: "2023-09-22", Lang: "en", Countries: []string{"Армения", "Азербайджан"}},
	{Title: "Делегации МККК в Армении исполнилось тридцать лет", Summary: "Делегация работает в Армении с 1992 года.",
		Href: "/briefings/ru/2022/05/armenia/", Date: "4 мая 2022", DateISO: "2022-05-04", Lang: "ru", Countries: []string{"Армения"}},
}

func build(t *testing.T, lang string, docs []Doc) []File {
	t.Helper()
	files, err := Files(lang, docs)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// titles runs a query and returns the titles of all its results, newest first.
func titles(t *testing.T, c *client, q string, prefix bool) []string {
	var out []string
	for _, id := range c.query(q, prefix) {
		out = append(out, c.doc(id)[0])
	}
	return out
}

func TestQueries(t *testing.T) {
	c := newClient(t, "ru", build(t, "ru", news))
	closure, kz, visits, missing, armenia := news[1].Title, news[0].Title, news[2].Title, news[3].Title, news[4].Title
	cases := []struct {
		q      string
		prefix bool // the last word is a prefix: no space follows it
		want   []string
	}{
		{"Азербайджане", false, []string{closure, visits, missing}},   // the title's form, and English stories' countries
		{"азербайджана", false, []string{closure, visits, missing}},   // a form no document has
		{"Азербайджаном", false, []string{closure, visits, missing}},  // another
		{"Армения", false, []string{missing, armenia}},                // "Армении" in a title
		{"делегациями", false, []string{closure, armenia}},            // делегацию, Делегации, делегация
		{"Международный Красный Крест", false, []string{kz}},          // Международного комитета Красного Креста
		{"сотрудничества", false, []string{kz}},                       // сотрудничество
		{"закрывают", false, []string{closure}},                       // закрывает
		{"detainee", false, []string{visits}},                         // detainees
		{"DETAINEES", false, []string{visits}},                        // case
		{"family", false, []string{missing}},                          // Families: Snowball's y → i
		{"conflicts", false, []string{visits, missing}},               // conflict
		{"visiting", false, []string{visits}},                         // visits, visited
		{"МККК Азербайджан", false, []string{closure}},                // both words
		{"Армении Азербайджана", false, []string{missing}},            // an English story about both
		{"Азербайджан Казахстан", false, nil},                         // no story names both
		{"лет тридцать", false, []string{armenia}},                    // in any order
		{"мккк МККК", false, []string{kz, closure, armenia}},          // a word twice
		{"в Азербайджане", false, []string{closure, visits, missing}}, // a stop word counts for nothing
		{"the missing", false, []string{missing}},                     // an English one
		{"свою", false, nil},                                          // a stop word alone finds nothing
		{"азерб", true, []string{closure, visits, missing}},           // typed so far
		{"азерб", false, nil},                                         // followed by a space: a whole word
		{"комитет делег", true, []string{closure}},                    // only the last word is a prefix
		{"делег комитет", true, nil},                                  //
		{"ba", true, nil},                                             // too short to be a prefix
		{"bak", true, []string{visits}},                               //
		{"1992", false, []string{armenia}},                            // digits
		{"Azerbaijan", false, nil},                                    // the Russian index names countries in Russian
		{"ответ", false, nil},                                         // "answers" is English
		{"несуществующее", false, nil},                                // no document has it
		{"гуманитарное ёлка", false, nil},                             // one word no document has
		{"  ,. ", false, nil},                                         // no words
	}
	for _, tc := range cases {
		got := titles(t, c, tc.q, tc.prefix)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q (prefix %v) = %q, want %q", tc.q, tc.prefix, got, tc.want)
		}
	}
}

// TestResults checks what a result shows: the story's title, link and
// dates, and its language when it is not the index's.
func TestResults(t *testing.T) {
	c := newClient(t, "ru", build(t, "ru", news))
	ids := c.query("ICRC", false)
	if len(ids) != 2 {
		t.Fatalf("ICRC: %d results, want 2", len(ids))
	}
	got := c.doc(ids[0])
	want := []string{news[2].Title, news[2].Href, news[2].Date, news[2].DateISO, "en"}
	if !slices.Equal(got, want) {
		t.Errorf("result %q, want %q", got, want)
	}
	if got := c.doc(c.query("Токаев", false)[0]); len(got) != 4 || got[1] != news[0].Href {
		t.Errorf("a story in the index's language: %q", got)
	}
}

func TestFilesAreDeterministic(t *testing.T) {
	docs := synthetic(500, 1)
	a := build(t, "ru", docs)
	for range 3 {
		b := build(t, "ru", docs)
		if !slices.EqualFunc(a, b, func(x, y File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) }) {
			t.Fatal("the same documents gave different files")
		}
	}
	docs[250].Title += " правка"
	c := build(t, "ru", docs)
	if bytes.Equal(a[0].Data, c[0].Data) {
		t.Error("an edited title left the manifest's version as it was")
	}
}

// TestParts checks that Parts names the files Files makes, and the
// documents each chunk shows: a planner keys each file by those.
func TestParts(t *testing.T) {
	for _, n := range []int{0, 1, 5, 31, 32, 33, 200} {
		docs := synthetic(n, int64(n))
		files := build(t, "en", docs)
		parts := Parts("en", n)
		if len(files) != len(parts) {
			t.Fatalf("%d docs: %d files, %d parts", n, len(files), len(parts))
		}
		for i, p := range parts {
			if files[i].Path != p.Path {
				t.Errorf("%d docs: file %d is %s, part %s", n, i, files[i].Path, p.Path)
			}
			if p.From != 0 || p.To != n {
				edited := slices.Clone(docs)
				edited[p.From].Title = "other"
				if again := build(t, "en", edited); bytes.Equal(again[i].Data, files[i].Data) {
					t.Errorf("%d docs: %s does not show docs[%d]", n, p.Path, p.From)
				}
			}
		}
	}
	if _, err := Files("../x", nil); err == nil {
		t.Error("a language that climbs out of the site was accepted")
	}
}
