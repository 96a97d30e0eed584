package i18n

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func strings_(t *testing.T, lang string) *Strings {
	t.Helper()
	src, err := os.ReadFile("../../templates/i18n/" + lang + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(lang, src)
	if err != nil {
		t.Fatalf("%s.yaml: %v", lang, err)
	}
	return s
}

func TestDates(t *testing.T) {
	en, ru := strings_(t, "en"), strings_(t, "ru")
	cases := []struct {
		date   string
		en, ru string
	}{
		{"2025-09-03", "3 September 2025", "3 сентября 2025"},
		{"2026-03-06", "6 March 2026", "6 марта 2026"},
		{"2024-01-31", "31 January 2024", "31 января 2024"},
		{"2023-05-01", "1 May 2023", "1 мая 2023"},
		{"2023-12-25", "25 December 2023", "25 декабря 2023"},
	}
	for _, c := range cases {
		d, _ := time.Parse(time.DateOnly, c.date)
		if got := en.Date(d); got != c.en {
			t.Errorf("en %s = %q, want %q", c.date, got, c.en)
		}
		if got := ru.Date(d); got != c.ru {
			t.Errorf("ru %s = %q, want %q", c.date, got, c.ru)
		}
	}
	if got := ru.MonthYear(2025, 9); got != "Сентябрь 2025" {
		t.Errorf("ru month = %q", got)
	}
	if got := en.MonthYear(2025, 9); got != "September 2025" {
		t.Errorf("en month = %q", got)
	}
}

func TestPlurals(t *testing.T) {
	en, ru := strings_(t, "en"), strings_(t, "ru")
	cases := []struct {
		n      int
		en, ru string
	}{
		{0, "0 articles", "0 статей"},
		{1, "1 article", "1 статья"},
		{2, "2 articles", "2 статьи"},
		{4, "4 articles", "4 статьи"},
		{5, "5 articles", "5 статей"},
		{11, "11 articles", "11 статей"},
		{12, "12 articles", "12 статей"},
		{14, "14 articles", "14 статей"},
		{21, "21 articles", "21 статья"},
		{22, "22 articles", "22 статьи"},
		{25, "25 articles", "25 статей"},
		{101, "101 articles", "101 статья"},
		{111, "111 articles", "111 статей"},
		{112, "112 articles", "112 статей"},
		{1004, "1004 articles", "1004 статьи"},
	}
	for _, c := range cases {
		if got := en.ArticleCount(c.n); got != c.en {
			t.Errorf("en %d = %q, want %q", c.n, got, c.en)
		}
		if got := ru.ArticleCount(c.n); got != c.ru {
			t.Errorf("ru %d = %q, want %q", c.n, got, c.ru)
		}
	}
}

func TestParseStrict(t *testing.T) {
	src, _ := os.ReadFile("../../templates/i18n/ru.yaml")
	if _, err := Parse("ru", append(src, "colour: red\n"...)); err == nil || !strings.Contains(err.Error(), "colour") {
		t.Errorf("an unknown key: err = %v", err)
	}
	cut := strings.Replace(string(src), "few: \"{n} статьи\", ", "", 1)
	if _, err := Parse("ru", []byte(cut)); err == nil || !strings.Contains(err.Error(), "articles.few") {
		t.Errorf("a missing plural form: err = %v", err)
	}
}

// TestFill checks fill against strings.Replacer, which it replaces, on
// every string of up to six characters over an alphabet of braces and
// parts of names.
func TestFill(t *testing.T) {
	pairs := []string{"d", "1", "dd", "<2>", "y", "{d}"}
	var args []string
	for i := 0; i < len(pairs); i += 2 {
		args = append(args, "{"+pairs[i]+"}", pairs[i+1])
	}
	want := strings.NewReplacer(args...)
	alphabet := []string{"{", "}", "d", "y", " "}
	var try func(s string, depth int)
	try = func(s string, depth int) {
		if got, w := fill(s, pairs...), want.Replace(s); got != w {
			t.Fatalf("fill(%q) = %q, want %q", s, got, w)
		}
		if depth == 6 {
			return
		}
		for _, c := range alphabet {
			try(s+c, depth+1)
		}
	}
	try("", 0)
}

// TestParseInvisible: a string holding a control character or a
// direction control, which a page would write as it is, is refused at
// its line, every one of them and with what else is wrong.
func TestParseInvisible(t *testing.T) {
	src, _ := os.ReadFile("../../templates/i18n/ru.yaml")
	lines := strings.Split(string(src), "\n")
	at := map[string]int{}
	for i, l := range lines {
		key, _, _ := strings.Cut(l, ":")
		switch key {
		case "home":
			lines[i] = `home: "Глав\u202eная"` // an escape in quotes
		case "months":
			lines[i] = strings.Replace(l, "Март", `"Ма\x1bрт"`, 1)
		case "articles":
			lines[i] = strings.Replace(l, `few: "`, "few: \"\u2066", 1)
		case "go_home":
			lines[i] = ""
		case "not_found_text":
			lines[i] = "not_found_text: \"Нет\u200fстраницы\"" // a mark, not a control: allowed
		}
		at[key] = i + 1
	}
	_, err := Parse("ru", []byte(strings.Join(lines, "\n")))
	var problems Problems
	if !errors.As(err, &problems) {
		t.Fatalf("err = %v, want Problems", err)
	}
	want := Problems{
		{at["home"], "home holds the direction control U+202E, which turns the text after it around, on the page and past it (the site's name in the tab's title, a list's dates): delete it"},
		{at["months"], "months (item 3) holds the control character U+001B (an escape in quotes?): delete it"},
		{at["articles"], "articles.few holds the direction control U+2066, which turns the text after it around, on the page and past it (the site's name in the tab's title, a list's dates): delete it"},
		{0, "missing: go_home; add each with its text, as in the templates/i18n files that come with this version (a file from an earlier one lacks what newer pages say)"},
	}
	if !slices.Equal(problems, want) {
		t.Errorf("problems:\n%q\nwant:\n%q", problems, want)
	}
}

// TestParseControls: a control character written as it is, which YAML
// refuses without a line, is refused at its line, each one.
func TestParseControls(t *testing.T) {
	src, _ := os.ReadFile("../../templates/i18n/en.yaml")
	bad := strings.Replace(strings.Replace(string(src), "home: Home", "home: Ho\x1bme", 1), "older: Older", "older: Old\x7fer", 1)
	_, err := Parse("en", []byte(bad))
	var problems Problems
	if !errors.As(err, &problems) {
		t.Fatalf("err = %v, want Problems", err)
	}
	lines := strings.Split(bad, "\n")
	want := Problems{
		{slices.Index(lines, "home: Ho\x1bme") + 1, "the control character U+001B: delete it"},
		{slices.Index(lines, "older: Old\x7fer") + 1, "the control character U+007F: delete it"},
	}
	if want[0].Line == 0 || !slices.Equal(problems, want) {
		t.Errorf("problems:\n%q\nwant:\n%q", problems, want)
	}
}

// TestParseDecodeProblems: unknown keys and values of the wrong type are
// each refused at their line, in the editor's words, all at once.
func TestParseDecodeProblems(t *testing.T) {
	src, _ := os.ReadFile("../../templates/i18n/en.yaml")
	bad := strings.Replace(string(src), "home: Home", "home: [Home]", 1) + "colour: red\nshade: dark\n"
	_, err := Parse("en", []byte(bad))
	var problems Problems
	if !errors.As(err, &problems) {
		t.Fatalf("err = %v, want Problems", err)
	}
	lines := strings.Split(bad, "\n")
	want := Problems{
		{slices.Index(lines, "home: [Home]") + 1, "expected text, not a list"},
		{slices.Index(lines, "colour: red") + 1, `unknown field "colour"`},
		{slices.Index(lines, "shade: dark") + 1, `unknown field "shade"`},
	}
	if want[0].Line == 0 || !slices.Equal(problems, want) {
		t.Errorf("problems:\n%q\nwant:\n%q", problems, want)
	}
}
