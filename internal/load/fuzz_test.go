package load

import (
	"bytes"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/gosimple/slug"

	"briefings/internal/diag"
	"briefings/internal/markupcheck"
)

// The corpora in testdata/fuzz hold the launch articles of content/ and
// hostile files: raw HTML, script links in many spellings, invalid UTF-8,
// CRLF, byte-order marks, tabs in YAML, NUL bytes, empty files.

func FuzzParseArticle(f *testing.F) {
	f.Add([]byte("---\ntitle: T\ndate: 2025-01-02\ncountries: [AZ]\n---\nBody.\n"), false)
	f.Fuzz(func(t *testing.T, src []byte, ru bool) {
		checkParse(t, fuzzPath(ru), src)
	})
}

// FuzzFrontMatter mutates only what lies between the "---" lines, where
// the YAML decoder and the field checks are; plainFields must read what
// it reads as yaml.v3 does.
func FuzzFrontMatter(f *testing.F) {
	f.Add("title: T\ndate: 2025-01-02\ncountries: [AZ]", true)
	f.Fuzz(func(t *testing.T, fm string, ru bool) {
		checkParse(t, fuzzPath(ru), []byte("---\n"+fm+"\n---\nBody with [a link](other.md).\n"))
		checkPlainFields(t, []byte(fm+"\n"))
	})
}

func FuzzMakeSlug(f *testing.F) {
	for _, s := range []string{"МККК закрывает делегацию", "Объявление: подъезд", "ICRC & IHL", "../../etc",
		"a/b\\c", "%2e%2e", "", "\x00", "\xff\xfe", "Ёлка", "İstanbul", "ß", "日本語", "a\u0301"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, title string, ru bool) {
		lang := "en"
		if ru {
			lang = "ru"
		}
		s := MakeSlug(title, lang)
		if s == "" {
			return
		}
		if !slug.IsSlug(s) || url.PathEscape(s) != s || strings.Contains(s, "..") {
			t.Fatalf("MakeSlug(%q) = %q: not a URL segment of a-z, 0-9 and hyphens", title, s)
		}
		if again := MakeSlug(s, lang); again != s {
			t.Fatalf("MakeSlug(%q) = %q, but MakeSlug of that = %q", title, s, again)
		}
	})
}

func fuzzPath(ru bool) string {
	if ru {
		return "content/ru/2025/fuzz.md"
	}
	return "content/en/2025/fuzz.md"
}

// checkParse holds what every parse must keep to: messages on lines of the
// file, one line each; an accepted article complete, safe and the same
// every time.
func checkParse(t *testing.T, path string, src []byte) {
	a, errs := ParseArticle(path, src)
	checkDiags(t, path, src, errs)
	if again, errs2 := ParseArticle(path, src); !reflect.DeepEqual(a, again) || !reflect.DeepEqual(errs, errs2) {
		t.Fatalf("two parses of the same bytes differ")
	}
	if len(errs) > 0 {
		return
	}
	if a == nil {
		t.Fatal("no article and no problem")
	}
	lang := strings.Split(path, "/")[1]
	if a.Lang != lang || a.Title == "" || a.Date.IsZero() || len(a.Countries) == 0 {
		t.Fatalf("accepted an incomplete article: %+v", a)
	}
	if !slug.IsSlug(a.Slug) {
		t.Fatalf("accepted slug %q", a.Slug)
	}
	for _, s := range []string{a.Title, a.Summary, a.Source, a.TranslationKey, a.SourceURL} {
		if strings.ContainsFunc(s, func(r rune) bool { return !markupcheck.Char(r) || r == '\n' || r == '\r' }) {
			t.Fatalf("accepted a field with a line break or a control character: %q", s)
		}
	}
	if err := markupcheck.HTML([]byte(a.HTML), markupcheck.BodyElements); err != nil {
		t.Fatalf("body HTML: %v\n%s", err, a.HTML)
	}
	for _, l := range a.Links {
		if l.Line < 1 || l.Line > lines(src) || !strings.HasPrefix(l.Target, "content/") && !strings.HasPrefix(l.Site, "/") {
			t.Fatalf("link %+v: line or target outside the file's reach", l)
		}
		if !strings.Contains(a.HTML, `href="`+l.Placeholder+`"`) {
			t.Fatalf("link %+v: placeholder not in the body", l)
		}
	}
}

func checkDiags(t *testing.T, path string, src []byte, errs diag.List) {
	t.Helper()
	for _, d := range errs {
		if d.Path != path || d.Line < 0 || d.Line > lines(src) {
			t.Fatalf("%s: reported outside the file's %d lines", d, lines(src))
		}
		if d.Message == "" || strings.ContainsAny(d.Message, "\r\n") {
			t.Fatalf("%q: a message must be one line", d.Message)
		}
	}
}

// lines counts a file's lines as an editor numbers them: a line ends in
// LF, CRLF or CR.
func lines(src []byte) int {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 1
}
