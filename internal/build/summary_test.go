package build

import (
	"html"
	"math/rand"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// A summary is shown whole in lists and as the home page's lead; a page's
// description, for search engines and link previews, is its first 160
// letters, cut after a word, as search results show it.
func TestSummaryWhereShown(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	words := []string{"delegation", "water", "Кыргызстан", "детей", "aid", "a", "conventions,", "«помощь»", "law."}
	for run := range 20 {
		var b strings.Builder
		for b.Len() < 100+rng.Intn(900) {
			b.WriteString(words[rng.Intn(len(words))] + " ")
		}
		summary := strings.TrimSpace(b.String())
		root := newProject(t, `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages:
  en: {name: English, title: Briefings}
-- content/countries.yaml --
AZ: {en: Azerbaijan}
-- content/en/old.md --
---
title: Old
date: 2025-09-01
countries: [AZ]
summary: "`+summary+`"
---
Body.
-- content/en/new.md --
---
title: New
date: 2025-09-05
countries: [AZ]
summary: "`+summary+`"
---
Body.
`)
		out := filepath.Join(t.TempDir(), "public")
		mustBuild(t, Options{Root: root, Out: out})
		escaped := html.EscapeString(summary)
		cut := utf8.RuneCountInString(summary) > 160

		page := readFile(t, filepath.Join(out, "en/2025/09/old/index.html"))
		desc := regexp.MustCompile(`<meta name="description" content="([^"]*)">`).FindStringSubmatch(page)
		if desc == nil {
			t.Fatalf("run %d: no description", run)
		}
		shown := html.UnescapeString(desc[1])
		checkCut(t, run, "description", summary, shown, cut)

		country := readFile(t, filepath.Join(out, "en/countries/azerbaijan/index.html"))
		items := regexp.MustCompile(`(?s)<li>\n<h2>.*?</h2>\n<p class="meta">.*?</p>\n<p>([^<]*)</p>`).FindAllStringSubmatch(country, -1)
		if len(items) != 2 {
			t.Fatalf("run %d: %d entries with summaries on the country page", run, len(items))
		}
		if got := html.UnescapeString(items[0][1]); got != summary {
			t.Errorf("run %d: the list entry shows %q, want the whole summary", run, got)
		}

		home := readFile(t, filepath.Join(out, "en/index.html"))
		if !strings.Contains(home, ">"+escaped+"</p>") {
			t.Errorf("run %d: the home page's lead lacks its whole summary", run)
		}
	}
}

// checkCut checks that shown is summary, or its start of at most 160
// letters ending after a whole word with an ellipsis.
func checkCut(t *testing.T, run int, where, summary, shown string, cut bool) {
	t.Helper()
	if !cut {
		if shown != summary {
			t.Errorf("run %d: %s %q, want the whole summary", run, where, shown)
		}
		return
	}
	start, ok := strings.CutSuffix(shown, "…")
	if !ok || utf8.RuneCountInString(shown) > 160 || !strings.HasPrefix(summary, start) {
		t.Errorf("run %d: %s %q is not the summary's start", run, where, shown)
	}
	if next, _ := utf8.DecodeRuneInString(summary[len(start):]); next != ' ' && next != ',' && next != '.' && next != '»' {
		t.Errorf("run %d: %s %q cuts a word (next %q)", run, where, shown, next)
	}
}
