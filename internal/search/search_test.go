package search

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// news is a small Russian edition, newest first: two stories have no
// Russian translation and are shown in English.
var news = []Doc{
	{Title: "Токаев обсудил с президентом МККК гуманитарное сотрудничество", Summary: "Президент Казахстана принял президента Международного комитета Красного Креста.",
		Href: "/briefings/ru/2026/03/tokaev/", Date: "6 марта 2026", DateISO: "2026-03-06", Lang: "ru", Countries: []string{"Казахстан"}, CountryNames: []string{"Kazakhstan"}},
	{Title: "МККК закрывает делегацию в Азербайджане", Summary: "Комитет закрывает свою делегацию в стране по решению правительства.",
		Href: "/briefings/ru/2025/09/zakryvaet/", Date: "3 сентября 2025", DateISO: "2025-09-03", Lang: "ru", Countries: []string{"Азербайджан"}, CountryNames: []string{"Azerbaijan"}},
	{Title: "ICRC visits detainees in Baku", Summary: "Delegates visited people held in connection with the conflict.",
		Href: "/briefings/en/2024/08/visits/", Date: "15 августа 2024", DateISO: "2024-08-15", Lang: "en", Countries: []string{"Азербайджан"},
		CountryHrefs: []string{"/briefings/ru/countries/azerbaijan/"}, CountryNames: []string{"Azerbaijan"}},
	{Title: "Families of missing persons receive answers", Summary: "The ICRC supports the families of people missing since the conflict.",
		Href: "/briefings/en/2023/09/missing/", Date: "22 сентября 2023", DateISO: "2023-09-22", Lang: "en", Countries: []string{"Армения", "Азербайджан"},
		CountryHrefs: []string{"/briefings/ru/countries/armenia/", "/briefings/ru/countries/azerbaijan/"}, CountryNames: []string{"Armenia", "Azerbaijan"}},
	{Title: "Делегации МККК в Армении исполнилось тридцать лет", Summary: "Делегация работает в Армении с 1992 года.",
		Href: "/briefings/ru/2022/05/armenia/", Date: "4 мая 2022", DateISO: "2022-05-04", Lang: "ru", Countries: []string{"Армения"}, CountryNames: []string{"Armenia"}},
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
		{"Azerbaijan", false, []string{closure, visits, missing}},     // by their countries' English names
		{"kazakhstan armenia", false, nil},                            //
		{"Армения Azerbaijan", false, []string{missing}},              // a name in each language
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

// TestResults checks what a result shows: the story's title, link,
// dates, summary and countries with their pages, and its language when it
// is not the index's.
func TestResults(t *testing.T) {
	c := newClient(t, "ru", build(t, "ru", news))
	ids := c.query("ICRC", false)
	if len(ids) != 2 {
		t.Fatalf("ICRC: %d results, want 2", len(ids))
	}
	got := c.doc(ids[0])
	want := []string{news[2].Title, news[2].Href, news[2].Date, news[2].DateISO, news[2].Summary,
		"Азербайджан /briefings/ru/countries/azerbaijan/", "en"}
	if !slices.Equal(got, want) {
		t.Errorf("result %q, want %q", got, want)
	}
	if got := c.doc(ids[1]); got[4] != news[3].Summary || got[5] != "Армения /briefings/ru/countries/armenia/, Азербайджан /briefings/ru/countries/azerbaijan/" {
		t.Errorf("a story of two countries: %q", got)
	}
	if got := c.doc(c.query("Токаев", false)[0]); len(got) != 6 || got[1] != news[0].Href || got[5] != "Казахстан " {
		t.Errorf("a story in the index's language, its country without a page: %q", got)
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

// TestRebuildIsFresh makes random edits of every kind to an edition, in
// seeded sequences, and checks each index the memo makes against a fresh
// one, byte for byte: titles, summaries and countries that add or drop
// words (forms whose stems are read as one among them), links and dates that
// change what a result shows, stories added, deleted and moved, and
// batches large enough to make the postings again; the sizes cross shard
// and chunk boundaries. -long runs more seeds.
func TestRebuildIsFresh(t *testing.T) {
	seeds, steps := 3, 50
	if *long {
		seeds, steps = 40, 150
	}
	for seed := range int64(seeds) {
		r := rand.New(rand.NewSource(seed))
		docs := synthetic(50+r.Intn(200), seed)
		var memo Memo
		for step := range steps {
			what := edit(r, &docs)
			got, err := memo.Files("ru", docs)
			if err != nil {
				t.Fatal(err)
			}
			if diff := differ(got, build(t, "ru", docs)); diff != "" {
				t.Fatalf("seed %d, step %d (%s, %d stories): %s", seed, step, what, len(docs), diff)
			}
		}
	}
}

// An index made at once cuts its stories' words in batches on every
// core; one grown a few stories at a time cuts each story's alone. Their
// files are the same, across several batches: each story's words are
// cut from its own text.
func TestBatchesCutAsOneStoryAtATime(t *testing.T) {
	docs := synthetic(2*cutBatch+300, 7)
	var grown Memo
	for k := fullAbove; ; k += fullAbove {
		k = min(k, len(docs))
		got := memoFiles(t, &grown, docs[len(docs)-k:]) // the oldest first: each step adds newer stories
		if k == len(docs) {
			if diff := differ(got, build(t, "ru", docs)); diff != "" {
				t.Fatal(diff)
			}
			return
		}
	}
}

// A one-shot index (Files) keeps of each story only what its result
// shows; a memo's keeps all a rebuild compares. Both give the same files,
// for editions of any size: one a batch cuts, several, or few enough to
// be read story by story.
func TestOneShotIsTheMemos(t *testing.T) {
	for seed, n := range []int{1, fullAbove, fullAbove + 1, cutBatch, 3*cutBatch + 17} {
		docs := synthetic(n, int64(seed))
		if diff := differ(build(t, "ru", docs), memoFiles(t, new(Memo), docs)); diff != "" {
			t.Errorf("%d stories: %s", n, diff)
		}
	}
}

var long = flag.Bool("long", false, "run the randomized tests longer")

// pool holds words whose Russian stems are read as one, so that
// edits make and unmake those stems.
var pool = strings.Fields("Азербайджан Азербайджана Азербайджане Китай Китая Китае Казахстан Казахстане Армян Армяне свою the families family")

// edit changes docs at random and says how.
func edit(r *rand.Rand, docs *[]Doc) string {
	d := *docs
	word := func() string { return pool[r.Intn(len(pool))] }
	pick := func() int { return r.Intn(max(len(d), 1)) }
	switch k := r.Intn(12); {
	case len(d) == 0 || k == 0:
		*docs = slices.Insert(d, 0, synthetic(1, r.Int63())...)
		return "a new story"
	case k == 1:
		*docs = slices.Insert(d, pick(), synthetic(1, r.Int63())...)
		return "a new story among the others"
	case k == 2:
		i := pick()
		*docs = slices.Delete(d, i, i+1)
		return "a story deleted"
	case k == 3:
		i, j := pick(), pick()
		st := d[i]
		*docs = slices.Insert(slices.Delete(d, i, i+1), min(j, len(d)-1), st)
		return "a story moved by its date"
	case k == 4:
		i := pick()
		d[i].Title = word() + " " + d[i].Title
		return "a word added to a title"
	case k == 5:
		i := pick()
		d[i].Title = strings.Join(strings.Fields(d[i].Title)[1:], " ")
		return "a title's first word deleted"
	case k == 6:
		i := pick()
		d[i].Summary = word() + " " + word()
		return "a summary rewritten"
	case k == 7:
		i := pick()
		d[i].Countries = append(slices.Clone(d[i].Countries), word())
		d[i].CountryNames = append(slices.Clone(d[i].CountryNames), word())
		return "a country added"
	case k == 8:
		i := pick()
		d[i].Href += "x/"
		d[i].Date = "другой день"
		return "a link and a date shown"
	case k == 9:
		for range 100 {
			i := pick()
			d[i].Title += " " + word()
		}
		return "a hundred titles"
	case k == 10:
		*docs = d[:len(d)/2]
		return "half the stories deleted"
	}
	*docs = append(synthetic(70, r.Int63()), d...)
	return "seventy new stories"
}

// differ says how two indexes differ, or "".
func differ(got, want []File) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d files, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			return fmt.Sprintf("%s is\n%.300s\nwant %s\n%.300s", got[i].Path, got[i].Data, want[i].Path, want[i].Data)
		}
	}
	return ""
}

// TestNewStoryChangesLittle adds the newest story, and edits a title, in
// an index of 2,000 stories: the one changes only the last chunk, the
// manifest and the shards of its words; the other only its chunk, the
// manifest and the shards of the words it had and has.
func TestNewStoryChangesLittle(t *testing.T) {
	docs := synthetic(2000, 7)
	var memo Memo
	before := clone(memoFiles(t, &memo, docs))
	added := synthetic(1, 8)[0]
	added.Title = "Новоесловоодин " + added.Title
	docs = slices.Insert(docs, 0, added)
	after := memoFiles(t, &memo, docs)
	if differ(after, build(t, "ru", docs)) != "" {
		t.Fatal("the memo's index is not the fresh one")
	}
	last := fmt.Sprintf("%sd%d.json", Dir("ru"), chunkCount(len(docs))-1)
	checkChanged(t, "a new story", before, after, last, added)

	before = clone(after)
	edited := docs[1000]
	docs[1000].Title = "Новоесловодва " + docs[1000].Title
	after = memoFiles(t, &memo, docs)
	own := fmt.Sprintf("%sd%d.json", Dir("ru"), (len(docs)-1-1000)/chunkSize)
	checkChanged(t, "an edited title", before, after, own, edited, docs[1000])
}

// checkChanged checks that only the manifest, one chunk and the shards of
// the stories' words (and of forms that share their stems) changed.
func checkChanged(t *testing.T, what string, before, after []File, chunk string, stories ...Doc) {
	t.Helper()
	count := shardCount(len(after))
	touched := map[string]bool{ManifestPath("ru"): true, chunk: true}
	var stems []string
	for _, d := range stories {
		d.text(func(s string) { words(s, func(w []byte) { stems = append(stems, stem(string(w))) }) })
	}
	all := map[string]bool{}
	for _, f := range after {
		all[f.Path] = true
	}
	for _, d := range stories {
		d.text(func(s string) {
			words(s, func(w []byte) { touched[fmt.Sprintf("%ss%d.json", Dir("ru"), shardOf(string(w), count))] = true })
		})
	}
	changed, shards := 0, 0
	for i, f := range after {
		if i < len(before) && bytes.Equal(before[i].Data, f.Data) {
			continue
		}
		changed++
		if strings.HasPrefix(path.Base(f.Path), "s") {
			shards++
		}
		if !touched[f.Path] && !sharesStem(f, stems) {
			t.Errorf("%s changed %s", what, f.Path)
		}
	}
	t.Logf("%s: %d of %d files changed, %d of them shards", what, changed, len(after), shards)
}

// sharesStem says whether a shard lists a stem of stems, or one that may
// be read as one of them.
func sharesStem(f File, stems []string) bool {
	var entries [][]string
	json.Unmarshal(f.Data, &entries)
	for _, e := range entries {
		for _, st := range stems {
			if st != "" && (strings.HasPrefix(e[0], st) || strings.HasPrefix(st, e[0]) && e[0] != "") {
				return true
			}
		}
	}
	return false
}

func memoFiles(t *testing.T, m *Memo, docs []Doc) []File {
	files, err := m.Files("ru", docs)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func clone(files []File) []File {
	out := slices.Clone(files)
	for i := range out {
		out[i].Data = slices.Clone(out[i].Data)
	}
	return out
}

func TestBadLanguage(t *testing.T) {
	if _, err := Files("../x", nil); err == nil {
		t.Error("a language that climbs out of the site was accepted")
	}
}

// TestMarshalStrings checks the short way of writing a list of strings
// against encoding/json's, on random strings of letters and of anything.
func TestMarshalStrings(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	alphabet := []rune("aяё0_-!\"\\<>&\u2028\u2029\ufffd\x00\x1f é")
	for range 2000 {
		var list []string
		for range 1 + r.Intn(4) {
			var b []byte
			for range r.Intn(6) {
				if r.Intn(20) == 0 {
					b = append(b, 0xff) // not UTF-8
				} else {
					b = utf8.AppendRune(b, alphabet[r.Intn(len(alphabet))])
				}
			}
			list = append(list, string(b))
		}
		if got, want := marshalStrings(list), marshal(list); !bytes.Equal(got, want) {
			t.Fatalf("%q: %s, want %s", list, got, want)
		}
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("гуманитарное право, ", 20)
	got := Snippet(long)
	kept := strings.TrimSuffix(got, "…")
	if n := utf8.RuneCountInString(got); n > snippetLen || n < snippetLen-20 || kept == got ||
		!strings.HasPrefix(long, kept) || !strings.ContainsAny(long[len(kept):len(kept)+1], " ,") {
		t.Errorf("snippet of %d letters: %q (%d letters)", utf8.RuneCountInString(long), got, n)
	}
	if got := Snippet("short."); got != "short." {
		t.Errorf("a short summary became %q", got)
	}
	word := strings.Repeat("я", 300)
	if got := Snippet(word); utf8.RuneCountInString(got) != snippetLen || !strings.HasSuffix(got, "я…") {
		t.Errorf("one long word: %q", got)
	}
}

// sameDoc sees every field of a Doc: a field it missed would leave a
// result showing what its story no longer says.
func TestSameDocSeesEveryField(t *testing.T) {
	base := Doc{Title: "t", Summary: "s", Href: "h", Date: "d", DateISO: "i", Lang: "en",
		Countries: []string{"A"}, CountryHrefs: []string{"/a/"}, CountryNames: []string{"Б"}}
	v := reflect.ValueOf(&base).Elem()
	for i := range v.NumField() {
		changed := base
		changed.Countries, changed.CountryHrefs, changed.CountryNames = slices.Clone(base.Countries), slices.Clone(base.CountryHrefs), slices.Clone(base.CountryNames)
		f := reflect.ValueOf(&changed).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "x")
		case reflect.Slice:
			f.Index(0).SetString(f.Index(0).String() + "x")
		default:
			t.Fatalf("field %s of a kind the test does not change", v.Type().Field(i).Name)
		}
		if sameDoc(&base, &changed) {
			t.Errorf("sameDoc misses a change of %s", v.Type().Field(i).Name)
		}
	}
	if !sameDoc(&base, &base) {
		t.Error("a Doc differs from itself")
	}
}

// TestNounsSnowballReadsAsVerbs: Russian Snowball takes -ен and -ит of
// some nouns for verb endings (йемен → йем, визит → виз, but йемене →
// йемен, визита → визит); every form of such a noun finds every story
// with any other.
func TestNounsSnowballReadsAsVerbs(t *testing.T) {
	docs := []Doc{
		{Title: "Визит президента МККК в Йемен", Summary: "Президент прибыл.", Href: "/ru/a/", Date: "3 сентября 2025", DateISO: "2025-09-03", Lang: "ru"},
		{Title: "Итоги визита делегации в Йемене", Summary: "Делегация вернулась.", Href: "/ru/b/", Date: "2 сентября 2025", DateISO: "2025-09-02", Lang: "ru"},
		{Title: "О визите в Сану и помощи Йемену", Summary: "Помощь прибыла.", Href: "/ru/c/", Date: "1 сентября 2025", DateISO: "2025-09-01", Lang: "ru"},
	}
	c := newClient(t, "ru", build(t, "ru", docs))
	for _, q := range []string{"визит", "визита", "визите", "Йемен", "Йемене", "Йемену", "Йеменом"} {
		if got := titles(t, c, q, false); len(got) != 3 {
			t.Errorf("%q finds %q, want all three", q, got)
		}
	}
}
