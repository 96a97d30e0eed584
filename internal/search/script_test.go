package search

import (
	"bytes"
	"encoding/json"
	"maps"
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
	// And strings drawn from where the letters that fold are, and the
	// compatibility forms a pasted text carries.
	for range 4000 {
		w := make([]rune, 1+r.Intn(8))
		for i := range w {
			span := foldRanges[r.Intn(len(foldRanges))]
			w[i] = span[0] + rune(r.Intn(int(span[1]-span[0]+1)))
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

// foldRanges are the blocks of the letters that fold, and of the
// compatibility forms and joiners that a pasted text carries.
var foldRanges = [][2]rune{
	{' ', '~'}, {0xa0, 0x24f}, {0x300, 0x36f}, {0x370, 0x3ff}, // ASCII, Latin and its marks, Greek
	{0x400, 0x4ff}, {0x400, 0x4ff}, // Cyrillic, with Kazakh, Tajik and Uzbek letters
	{0x200b, 0x2027}, {0x2060, 0x2060}, {0xfeff, 0xfeff}, // joiners, hyphens, spaces
	{0x2070, 0x209f}, {0x2100, 0x218f}, {0x2460, 0x24ff}, // super- and subscripts, letterlike, numbers
	{0xfb00, 0xfb06}, {0xfb50, 0xfdff}, {0xff00, 0xffef}, {0x1d400, 0x1d7ff}, // ligatures, full-width, styled
}

// TestScriptFolds: the script spells the letters of folds as the index
// does, every one of them.
func TestScriptFolds(t *testing.T) {
	var got map[string]string
	node(t, nil, &got, "folds", script)
	want := map[string]string{}
	for r, s := range folds {
		want[string(r)] = s
	}
	if !maps.Equal(got, want) {
		t.Errorf("the script folds %q, the index %q", got, want)
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

// TestScriptSearchesFolded: a story written in the region's letters, or
// pasted with full-width letters or soft hyphens, is found by what a
// reader types on a Russian or a Latin keyboard, and the other way.
func TestScriptSearchesFolded(t *testing.T) {
	docs := []Doc{
		{Title: "Қазақстан Қызыл Жарты Ай қоғамы", Href: "/ru/kz/", Date: "4", DateISO: "2025-01-04", Lang: "ru"},
		{Title: "Gəncədə və Şəkidə yardım", Href: "/en/az/", Date: "3", DateISO: "2025-01-03", Lang: "en"},
		{Title: "ＩＣＲＣ ｉｎ Ａｌｍａｔｙ", Href: "/en/wide/", Date: "2", DateISO: "2025-01-02", Lang: "en"},
		{Title: "Гумани\u00adтарная помощь в Тоҷикистоне", Href: "/ru/tj/", Date: "1", DateISO: "2025-01-01", Lang: "ru"},
	}
	kz, az, wide, tj := docs[0].Title, docs[1].Title, docs[2].Title, docs[3].Title
	checkPage(t, "ru", docs, []pageCase{
		{"казакстан кызыл", shownPage{"1 result", []string{kz}, false}},
		{"ҚАЗАҚСТАН", shownPage{"1 result", []string{kz}, false}},
		{"когамы", shownPage{"1 result", []string{kz}, false}},
		{"gencede sekide", shownPage{"1 result", []string{az}, false}},
		{"icrc almaty", shownPage{"1 result", []string{wide}, false}},
		{"ＡＬＭＡＴＹ", shownPage{"1 result", []string{wide}, false}},
		{"гуманитарная", shownPage{"1 result", []string{tj}, false}},
		{"точикистоне", shownPage{"1 result", []string{tj}, false}},
	})
}
