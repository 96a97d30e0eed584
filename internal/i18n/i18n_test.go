package i18n

import (
	"os"
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
