package load

import (
	"regexp"
	"strings"
	"testing"

	"briefings/internal/markupcheck"
)

// TestTableAlignment: each aligned column's cells, header included, carry
// the class the stylesheet aligns them by, and no style or align
// attribute, which the pages' Content-Security-Policy or HTML refuse; a
// column without alignment has no class.
func TestTableAlignment(t *testing.T) {
	a, errs := ParseArticle(at, article("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| 5 |"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{`<th class="l">a</th>`, `<th class="c">b</th>`, `<th class="r">c</th>`, "<th>d</th>",
		`<td class="l">1</td>`, `<td class="c">2</td>`, `<td class="r">3</td>`, "<td>4</td>", `<td class="l">5</td>`} {
		if !strings.Contains(a.HTML, want) {
			t.Errorf("table lacks %s:\n%s", want, a.HTML)
		}
	}
	if !strings.HasPrefix(a.HTML, "<div class=\"table\">\n<table>\n") || !strings.HasSuffix(a.HTML, "</table>\n</div>\n") {
		t.Errorf("the table is not in its scrolling box:\n%s", a.HTML)
	}
	for _, bad := range []string{"style=", "align="} {
		if strings.Contains(a.HTML, bad) {
			t.Errorf("table holds %s:\n%s", bad, a.HTML)
		}
	}
	if err := markupcheck.HTML([]byte(a.HTML), markupcheck.BodyElements); err != nil {
		t.Error(err)
	}
}

// TestFootnotes: references and notes link to each other by ids made of
// letters, digits and dashes, unique in the body, each link's target
// there; a note referred to twice has a back link to each reference;
// headings still move one level down; and the summary, made of the first
// paragraph, carries no footnote marker.
func TestFootnotes(t *testing.T) {
	a, errs := ParseArticle(at, article("# Visits\n\nThe delegation[^d] met families[^f], again[^d], and [^missing].\n\n"+
		"[^d]: Of the ICRC.\n\n[^f]: Of the missing.\n\n    ## More\n\n    A second paragraph."))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{"<h2>Visits</h2>", "<h3>More</h3>",
		`<sup id="fnref-1"><a href="#fn-1" class="footnote-ref" role="doc-noteref" aria-label="Сноска 1">1</a></sup>`,
		`<sup id="fnref-2"><a href="#fn-2" class="footnote-ref" role="doc-noteref" aria-label="Сноска 2">2</a></sup>`,
		`<sup id="fnref-1-2"><a href="#fn-1" class="footnote-ref" role="doc-noteref" aria-label="Сноска 1">1</a></sup>`,
		`<div class="footnotes" role="doc-endnotes">`, `<li id="fn-1">`, `<li id="fn-2">`,
		`<a href="#fnref-1" class="footnote-backref" role="doc-backlink" aria-label="Назад к тексту: сноска 1">`, `<a href="#fnref-1-2" class="footnote-backref"`,
		`<a href="#fnref-2" class="footnote-backref"`, "[^missing]"} {
		if !strings.Contains(a.HTML, want) {
			t.Errorf("body lacks %s:\n%s", want, a.HTML)
		}
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`id="([^"]*)"`).FindAllStringSubmatch(a.HTML, -1) {
		if ids[m[1]] || !regexp.MustCompile(`^[a-z][a-z0-9-]*$`).MatchString(m[1]) {
			t.Errorf("id %q twice or not a plain name", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`href="#([^"]*)"`).FindAllStringSubmatch(a.HTML, -1) {
		if !ids[m[1]] {
			t.Errorf("a link to #%s, which the body lacks", m[1])
		}
	}
	if len(ids) != 5 {
		t.Errorf("%d ids, want 5: %v", len(ids), ids)
	}
	if want := "The delegation met families, again, and [^missing]."; a.Summary != want {
		t.Errorf("summary = %q, want %q", a.Summary, want)
	}
	if err := markupcheck.HTML([]byte(a.HTML), markupcheck.BodyElements); err != nil {
		t.Error(err)
	}
}

// TestFootnoteNames: a screen reader names a reference and each back link
// in the article's language, by the note they lead to; in a language
// the site has no names for, they stay unnamed rather than named in
// another.
func TestFootnoteNames(t *testing.T) {
	src := article("Families[^1] wait[^1].\n\n[^1]: Of the missing.")
	for path, want := range map[string][]string{
		"content/en/2025/a.md": {`role="doc-noteref" aria-label="Footnote 1">1</a>`,
			`role="doc-backlink" aria-label="Back to text: footnote 1">`, `role="doc-backlink" aria-label="Back to text: footnote 1, reference 2">`},
		"content/ru/2025/a.md": {`role="doc-noteref" aria-label="Сноска 1">1</a>`,
			`role="doc-backlink" aria-label="Назад к тексту: сноска 1">`, `role="doc-backlink" aria-label="Назад к тексту: сноска 1, ссылка 2">`},
		"content/kk/2025/a.md": {`role="doc-noteref">1</a>`, `role="doc-backlink">`},
	} {
		a, errs := ParseArticle(path, src)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for _, w := range want {
			if !strings.Contains(a.HTML, w) {
				t.Errorf("%s lacks %s:\n%s", path, w, a.HTML)
			}
		}
		if n, named := strings.Count(a.HTML, "aria-label="), len(want) > 2; named && n != 4 || !named && n != 0 {
			t.Errorf("%s: %d names:\n%s", path, n, a.HTML)
		}
		if err := markupcheck.HTML([]byte(a.HTML), markupcheck.BodyElements); err != nil {
			t.Error(err)
		}
	}
}

// A % that begins no escape is written %25, and nothing around it moves.
func TestEscapeStrayPercent(t *testing.T) {
	for in, want := range map[string]string{"100%": "100%25", "a%zz": "a%25zz", "%41": "%41", "x%4": "x%254",
		"%%41": "%25%41", "https://example.org/100%/x?q=50%&r=%2F": "https://example.org/100%25/x?q=50%25&r=%2F", "": ""} {
		if got := escapeStrayPercent(in); got != want {
			t.Errorf("escapeStrayPercent(%q) = %q, want %q", in, got, want)
		}
	}
}
