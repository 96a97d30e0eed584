package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// testdata/project holds three articles of the shared generator's corpus
// (seed 1, 1,000 articles) with its site.yaml and countries.yaml, and
// testdata/hugo the same articles as the generator writes them with
// -layout hugo: the converter must give Hugo the same front matter.
func TestToHugoMatchesGeneratorsHugoLayout(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	n, err := toHugo("testdata/project", site)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("converted %d articles, want 3", n)
	}
	checked := 0
	err = filepath.WalkDir("testdata/hugo", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("testdata/hugo", p)
		wantFM, wantBody := readArticle(t, p)
		gotFM, gotBody := readArticle(t, filepath.Join(site, "content", rel))
		if !reflect.DeepEqual(gotFM, wantFM) {
			t.Errorf("%s: front matter\n got %v\nwant %v", rel, gotFM, wantFM)
		}
		if !bytes.Equal(gotBody, wantBody) {
			t.Errorf("%s: body differs", rel)
		}
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked != 3 {
		t.Errorf("checked %d articles, want 3", checked)
	}
}

// readArticle parses an article's front matter as Hugo would read it:
// dates as dates, quoted or not.
func readArticle(t *testing.T, path string) (map[string]any, []byte) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fm, body, err := splitFrontMatter(src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(fm, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m, body
}

func TestHugoArticleTranslatesFrontMatter(t *testing.T) {
	countries := map[string]countryNames{"KZ": {En: "Kazakhstan", Ru: "Казахстан"}, "CD": {En: "DR Congo", Ru: "ДР Конго"}}
	src := "---\ntitle: \"ICRC: \\\"Aid\\\" in Kazakhstan\"\ndate: 2024-05-03T09:30:00Z\ncountries: [KZ, CD]\n" +
		"translation_key: kz-aid-2024-00001\nupdated: 2024-05-20\ndraft: true\n---\nBody *text*.\n"
	name, out, err := hugoArticle("en", "2024/05/icrc-aid-in-kazakhstan.md", []byte(src), countries)
	if err != nil {
		t.Fatal(err)
	}
	if want := "en/articles/2024/05/icrc-aid-in-kazakhstan.md"; name != want {
		t.Errorf("path %q, want %q", name, want)
	}
	fm, body, err := splitFrontMatter(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != "Body *text*.\n" {
		t.Errorf("body %q", body)
	}
	var got map[string]any
	if err := yaml.Unmarshal(fm, &got); err != nil {
		t.Fatalf("%v\n%s", err, fm)
	}
	want := map[string]any{
		"title":          `ICRC: "Aid" in Kazakhstan`,
		"date":           time.Date(2024, 5, 3, 9, 30, 0, 0, time.UTC),
		"slug":           "icrc-aid-in-kazakhstan", // from the file name
		"countries":      []any{"Kazakhstan", "DR Congo"},
		"years":          []any{"2024"},
		"months":         []any{"2024-05"},
		"translationKey": "kz-aid-2024-00001",
		"lastmod":        time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC),
		"draft":          true,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("front matter\n got %v\nwant %v", got, want)
	}

	if _, _, err := hugoArticle("en", "a.md", []byte("---\ntitle: x\ndate: 2024-05-03\ncountries: [XX]\n---\n"), countries); err == nil ||
		!strings.Contains(err.Error(), "XX") {
		t.Errorf("unknown country: err %v", err)
	}
}

func TestHugoConfigAndBranches(t *testing.T) {
	var cfg siteConfig
	if err := readYAML("testdata/project/content/site.yaml", &cfg); err != nil {
		t.Fatal(err)
	}
	var got struct {
		DefaultContentLanguage string
		Languages              map[string]struct {
			Weight     int
			ContentDir string `yaml:"contentDir"`
		}
		Taxonomies map[string]string
		Pagination struct {
			PagerSize int `yaml:"pagerSize"`
		}
	}
	if err := yaml.Unmarshal(hugoConfig(cfg), &got); err != nil {
		t.Fatal(err)
	}
	if got.Languages["en"].Weight != 1 || got.Languages["ru"].Weight != 2 || got.Languages["ru"].ContentDir != "content/ru" {
		t.Errorf("languages %+v", got.Languages)
	}
	if got.Taxonomies["country"] != "countries" || got.Pagination.PagerSize != 20 {
		t.Errorf("taxonomies %v, pager size %d", got.Taxonomies, got.Pagination.PagerSize)
	}
	b := hugoBranches(cfg, map[string]countryNames{"TR": {En: "Türkiye", Ru: "Турция"}})
	if s := string(b["ru/countries/turkiye/_index.md"]); !strings.Contains(s, `title: "Турция"`) {
		t.Errorf("ru term page %q", s)
	}
	if s := string(b["en/countries/turkiye/_index.md"]); !strings.Contains(s, `title: "Türkiye"`) {
		t.Errorf("en term page %q", s)
	}
}

func TestMedianAndRatio(t *testing.T) {
	for _, c := range []struct {
		xs   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}, {[]float64{2, 2, 9, 1, 2}, 2}} {
		if got := median(c.xs); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.xs, got, c.want)
		}
	}
	xs := []float64{3, 1, 2}
	median(xs)
	if xs[0] != 3 {
		t.Error("median sorted its argument")
	}
	if got := ratio(3, 4); got != 0.75 {
		t.Errorf("ratio(3, 4) = %v", got)
	}
	if got := ratio(1, 0); got != 0 {
		t.Errorf("ratio(1, 0) = %v, want 0 (no measurement)", got)
	}
	if fmtRatio(1, 0) != "–" || fmtRatio(3, 2) != "1.50" {
		t.Errorf("fmtRatio: %q %q", fmtRatio(1, 0), fmtRatio(3, 2))
	}
}

func TestSummarize(t *testing.T) {
	ss := []sample{
		{Wall: 3 * time.Second, CPU: 5 * time.Second, PeakKB: 300 << 10, Files: 10, Bytes: 4 << 20, TextByte: 3 << 20},
		{Wall: 1 * time.Second, CPU: 2 * time.Second, PeakKB: 100 << 10, Files: 10, Bytes: 4 << 20, TextByte: 3 << 20},
		{Wall: 2 * time.Second, CPU: 4 * time.Second, PeakKB: 200 << 10, Files: 10, Bytes: 4 << 20, TextByte: 3 << 20},
	}
	s := summarize(ss, 1024)
	if s.Wall != 2 || s.MinWall != 1 || s.CPU != 4 || s.PeakMB != 200 || s.MaxPeakMB != 300 || s.Files != 10 ||
		s.KBPerArticle != 4 || s.TextKBPerArt != 3 || s.Runs != 3 {
		t.Errorf("summary %+v", s)
	}
}

func TestIOSome(t *testing.T) {
	psi := "some avg10=12.50 avg60=3.00 avg300=1.00 total=123\nfull avg10=1.00 avg60=0.00 avg300=0.00 total=45\n"
	if v, ok := ioSome(psi); !ok || v != 12.5 {
		t.Errorf("ioSome = %v, %v", v, ok)
	}
	if _, ok := ioSome(""); ok {
		t.Error("ioSome of nothing is ok")
	}
}

func TestFloorWritesOnePagePerArticle(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	n, err := floor("testdata/project", out, 2)
	if err != nil || n != 3 {
		t.Fatalf("floor: %d, %v", n, err)
	}
	files, _, _, err := written(out)
	if err != nil || files != 3 {
		t.Fatalf("%d files, %v", files, err)
	}
	page, err := os.ReadFile(filepath.Join(out, "en/2019/09/the-national-society-delivers-international-hospitals-across-kyrgyzstan/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte("translation_key")) || !bytes.HasPrefix(page, []byte("<p>")) {
		t.Errorf("page starts %q", page[:min(80, len(page))])
	}
}

func TestParseCPUBusy(t *testing.T) {
	// user nice system idle iowait irq softirq steal guest guest_nice
	got, ok := parseCPUBusy("cpu  100 5 40 9000 30 2 3 1 0 0\ncpu0 50 2 20 4500 15 1 1 0 0 0\n")
	if want := 151 * 10 * time.Millisecond; !ok || got != want {
		t.Errorf("parseCPUBusy = %v, %v, want %v", got, ok, want)
	}
	if _, ok := parseCPUBusy("intr 1 2 3\n"); ok {
		t.Error("parseCPUBusy of no cpu line is ok")
	}
}

func TestSpawnReportsTheChild(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	u, err := spawn(io.Discard, sh, "-c", "exit 0")
	if err != nil || u.Wall <= 0 || u.PeakKB <= 0 {
		t.Errorf("spawn: %+v, %v", u, err)
	}
	if _, err := spawn(io.Discard, sh, "-c", "exit 3"); err == nil {
		t.Error("a failed command is no error")
	}
}
