package search

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// script is the browser's half of the search, which these tests run in
// node: testdata/run.js gives it as much of a page as it reads.
const script = "../../static/search.js"

// node runs testdata/run.js with args, in as JSON, and decodes what it
// prints into out. Without node the tests are skipped, but not in CI,
// which has it.
func node(t *testing.T, in, out any, args ...string) {
	t.Helper()
	bin, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no node, and CI must run the script's tests")
		}
		t.Skip("no node on this machine: the script's tests need it")
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append([]string{"testdata/run.js"}, args...)...)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	if err := json.Unmarshal(got, out); err != nil {
		t.Fatalf("node %s printed %q: %v", strings.Join(args, " "), got, err)
	}
}

// TestScriptCutsAsWords: the script cuts a query into the words the
// index was made of, for every string words is tested with and more: a
// word folded another way is looked for in another shard, and not found.
func TestScriptCutsAsWords(t *testing.T) {
	var in []string
	for _, tc := range folded {
		in = append(in, tc.in)
	}
	in = append(in, "ǅemal ǄEMAL", "ﬁnance", "Å Ω K", "Ⅻ century", "ꞌ", "ᾼ ᾈ", "한국 조선", "ﾃｽﾄ テスト", "שָׁלוֹם", "مُحَمَّد",
		"हिन्दी", "e\u0301\u0301 \u0301e", "ı\u0307", "Ɨ Ɵ", "ǰ ẖ", "ŉ", "IJssel ĳ", "ŀl", "Ħ ħ Đ đ Ð ð Þ þ Ŧ ŧ", "ẞ ß", "ſ",
		"ΣΑΣ σας", "Ӓ ӓ ў Ї ї ѓ ѐ", "Ёё\u0301 И\u0306\u0301", "x\u200dy", "١٢٣ ٤٥", "𝐀𝐁𝐂 𝔸𝔹")
	// And strings made at random of letters and marks that fold.
	pool := []rune("aAzZ09 -'’.İIıiSsßẞæÆøØłŁþΣσςΆάЁёЕеЙйИиЎўЇїѓÀàÅåŉǅǄﬁ한가̀\u0301\u0306\u0307\u0308\u0327\u0323\u0338\u064e\u0651\u05b0\u200d")
	r := rand.New(rand.NewSource(1))
	for range 3000 {
		w := make([]rune, 1+r.Intn(8))
		for i := range w {
			w[i] = pool[r.Intn(len(pool))]
		}
		in = append(in, string(w))
	}
	want := make([][]string, len(in))
	for i, s := range in {
		words(s, func(w []byte) { want[i] = append(want[i], string(w)) })
	}
	var got [][]string
	node(t, in, &got, "words", script)
	for i := range in {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("%q: the script cuts %q, the index %q", in[i], got[i], want[i])
		}
	}
}

// shownPage is what the search page shows once a query is typed.
type shownPage struct {
	Status string
	Titles []string
	Browse bool
}

// searchPage types each query into the search page of an index of docs,
// in node, and returns what the page then shows.
func searchPage(t *testing.T, lang string, docs []Doc, queries []string) []shownPage {
	t.Helper()
	root := t.TempDir()
	for _, f := range build(t, lang, docs) {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []shownPage
	node(t, queries, &got, "search", script, root, lang)
	return got
}

// scriptDocs are news with stories whose words are written with accents,
// ё and capitals.
var scriptDocs = slices.Concat([]Doc{
	{Title: "İstanbul talks on Türkiye's earthquake", Href: "/briefings/en/2025/02/istanbul/", Date: "2 February 2025", DateISO: "2025-02-02", Lang: "en"},
	{Title: "Ёлки для детей в Йемене", Href: "/briefings/ru/2025/01/elki/", Date: "1 января 2025", DateISO: "2025-01-01", Lang: "ru"},
	{Title: "UN and ICRC in São Tomé", Href: "/briefings/en/2024/12/sao/", Date: "1 December 2024", DateISO: "2024-12-01", Lang: "en"},
}, news)

type pageCase struct {
	q    string
	want shownPage
}

func checkPage(t *testing.T, lang string, docs []Doc, cases []pageCase) {
	t.Helper()
	var qs []string
	for _, tc := range cases {
		qs = append(qs, tc.q)
	}
	got := searchPage(t, lang, docs, qs)
	for i, tc := range cases {
		if g := got[i]; g.Status != tc.want.Status || !slices.Equal(g.Titles, tc.want.Titles) || g.Browse != tc.want.Browse {
			t.Errorf("%q shows %+v, want %+v", tc.q, got[i], tc.want)
		}
	}
}

// TestScriptSearches types queries into the search page and reads what
// it shows: the script finds stories by their words however they are
// typed.
func TestScriptSearches(t *testing.T) {
	istanbul, elki, sao := scriptDocs[0].Title, scriptDocs[1].Title, scriptDocs[2].Title
	checkPage(t, "ru", scriptDocs, []pageCase{
		{"istanbul", shownPage{"1 result", []string{istanbul}, false}},
		{"İSTANBUL", shownPage{"1 result", []string{istanbul}, false}},
		{"turkiye", shownPage{"1 result", []string{istanbul}, false}},
		{"TÜRKİYE", shownPage{"1 result", []string{istanbul}, false}},
		{"елки", shownPage{"1 result", []string{elki}, false}},
		{"\u0435\u0308лки \u0438\u0306емене", shownPage{"1 result", []string{elki}, false}},
		{"sao tome", shownPage{"1 result", []string{sao}, false}},
		{"ICRC", shownPage{"3 results", []string{sao, news[2].Title, news[3].Title}, false}},
		{"несуществующее", shownPage{"0 results", nil, true}},
		{"  ", shownPage{"", nil, true}}, // nothing typed
	})
}

// TestScriptShortWords: while the word being typed is shorter than a
// shard's key, the script can find only the words of that length; when
// it finds none, it says how many letters to type rather than that
// nothing was found.
func TestScriptShortWords(t *testing.T) {
	sao := scriptDocs[2].Title
	checkPage(t, "ru", scriptDocs, []pageCase{
		{"UN", shownPage{"1 result", []string{sao}, false}},            // a word of two letters, whole
		{"ic", shownPage{"at least 3 letters", nil, true}},             // the beginning of one
		{"Ба", shownPage{"at least 3 letters", nil, true}},             //
		{"б", shownPage{"at least 3 letters", nil, true}},              // one letter
		{"МККК ба", shownPage{"at least 3 letters", nil, true}},        // the last word is short
		{"ба ", shownPage{"0 results", nil, true}},                     // a whole word no story has
		{"ба,", shownPage{"0 results", nil, true}},                     //
		{"б ", shownPage{"", nil, true}},                               // no word
		{"bak", shownPage{"1 result", []string{news[2].Title}, false}}, // three letters
	})
}
