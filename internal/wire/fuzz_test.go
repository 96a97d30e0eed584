package wire

import (
	"bytes"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"briefings/internal/load"
	"briefings/internal/markupcheck"
)

// The corpora in testdata/fuzz hold the launch wire texts and hostile ones.

func FuzzParse(f *testing.F) {
	f.Add("Астана, 14 ноября 2025 г. – Казахстан и МККК.\n\nВторой абзац.", false, "")
	f.Add("Headline\n\nBaku, 12 February 2026 – Text about Azerbaijan.", true, "KZ,XX")
	cs := countriesYAML(f)
	f.Fuzz(func(t *testing.T, text string, dated bool, force string) {
		opts := Options{Countries: cs, Languages: []string{"en", "ru"}}
		if dated {
			opts.Date = day("2026-02-10")
		}
		for _, c := range strings.Split(force, ",") {
			if c != "" && !slices.Contains(opts.Force, c) {
				opts.Force = append(opts.Force, c)
			}
		}
		r, err := Parse(text, opts)
		if err != nil {
			return
		}
		if r.Lang != "en" && r.Lang != "ru" || r.Date.IsZero() || r.Body == "" {
			t.Fatalf("accepted an incomplete result: %+v", r)
		}
		if dated && !r.Date.Equal(opts.Date) {
			t.Fatalf("--date %s gave %s", opts.Date.Format(time.DateOnly), r.Date)
		}
		if !utf8.ValidString(r.Title) || strings.ContainsAny(r.Title, "\r\n") {
			t.Fatalf("title %q: not one line of text", r.Title)
		}
		for i, c := range r.Countries {
			if slices.Contains(r.Countries[:i], c) || cs[c] == nil && !slices.Contains(opts.Force, c) {
				t.Fatalf("countries %v: %s twice or unknown", r.Countries, c)
			}
		}
		checkBody(t, r.Body)
	})
}

// FuzzMarkdown checks that wire text stays text: the body written from
// its paragraphs renders to the same words, in paragraphs, quotations,
// tables and lists, with no markup the text did not hold.
func FuzzMarkdown(f *testing.F) {
	f.Add("# not a heading\n\n- not a list\n\n«Quoted\n\nspeech» ends.")
	f.Add("*a* _b_ `c` <b>d</b> [e](f) ~~g~~ &amp; \\h ---")
	f.Add("Страна | Семьи\nКазахстан | *120* \\\n- a | 1. b\n«Казахстан Темир Жолы» и МККК.")
	f.Add("a Telegram channel (https://t.me/icrc_az_ru) for families, «https://t.me/a_b_c», \"https://www.icrc.org/ru/a_b\", [https://x.org/a_(b)_c].")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		paras := lines(text)
		got := shownWords(checkBody(t, markdown(paras)))
		want := shownWords(strings.Join(paras, " "))
		if got != want {
			t.Fatalf("the words changed:\n got %q\nwant %q\nfrom Markdown %q", got, want, markdown(paras))
		}
	})
}

// shownWords are the words of a text whether its lines are paragraphs,
// list items or a table's rows: without the bars between cells, and
// without the bullets, dashes and numbers that open items, which a list
// shows as its own markers. It reads the text alone, and decides nothing
// about which lines a list holds.
func shownWords(s string) string {
	var out []string
	for _, w := range strings.Fields(strings.ReplaceAll(s, "|", " ")) {
		w = strings.TrimLeft(w, "•·▪◦●■")
		if w == "" || itemMarker.MatchString(w) {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// itemMarker is a word that may open a list item: a dash or a star, a
// number with its point or bracket.
var itemMarker = regexp.MustCompile(`^(?:[-–—*]|\d{1,3}[.)])$`)

// checkBody renders a body as an article's and returns its text. It may
// hold only markupcheck.ImportElements.
func checkBody(t *testing.T, body string) string {
	t.Helper()
	src := "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\n---\n" + body + "\n"
	a, errs := load.ParseArticle("content/en/x.md", []byte(src))
	if len(errs) > 0 {
		t.Fatalf("the body does not load: %v\n%q", errs, body)
	}
	if err := markupcheck.HTML([]byte(a.HTML), markupcheck.ImportElements); err != nil {
		t.Fatalf("body: %v\nMarkdown %q\nHTML %s", err, body, a.HTML)
	}
	var words bytes.Buffer
	href, inLink := "", false
	z := html.NewTokenizer(strings.NewReader(a.HTML))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		switch tt {
		case html.StartTagToken:
			if tok := z.Token(); tok.Data == "a" {
				href, inLink = tok.Attr[0].Val, true
			}
		case html.EndTagToken:
			inLink = false
			continue
		case html.TextToken:
			text := string(z.Text())
			// A bare address links to itself, all of it.
			if inLink && !sameAddress(href, text) {
				t.Fatalf("the link to %q reads %q\nMarkdown %q", href, text, body)
			}
			if r := firstRuneIn(text); !inLink && href != "" && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '%') {
				t.Fatalf("the link to %q stops inside its address: %q follows\nMarkdown %q", href, text, body)
			}
			href = ""
			words.WriteString(text)
		}
	}
	if z.Err() != io.EOF {
		t.Fatal(z.Err())
	}
	return strings.Join(strings.Fields(words.String()), " ")
}

// FuzzPage checks that a saved web page import accepts gives a complete
// result whose title and body the build accepts.
func FuzzPage(f *testing.F) {
	for _, name := range []string{"kazinform-ru.html", "trend-en.html"} {
		src, err := os.ReadFile(filepath.Join("testdata", "pages", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(`<html><head><meta property="og:title" content="T&#1;itle"><script type="application/ld+json">[{"datePublished":"2026-01-02"}]</script></head><body><p>Baku, 3 March - Text about Azerbaijan.</p></body></html>`))
	f.Add([]byte(`<!doctype html><title>x</title><meta charset="windows-1251"><p>` + "\xc1\xe0\xea\xf3" + `</p>`))
	cs := countriesYAML(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := ParsePage(src, Options{Countries: cs, Languages: []string{"en", "ru"}, Today: day("2026-12-01")})
		if err != nil {
			return
		}
		if r.Date.IsZero() || r.Body == "" || r.Title == "" || !utf8.ValidString(r.Title) || strings.ContainsAny(r.Title, "\r\n") {
			t.Fatalf("accepted an incomplete result: %+v", r)
		}
		checkBody(t, r.Body)
	})
}

// sameAddress says whether a link's href is the address its text shows,
// percent-encoded or not, a stray % written %25; an e-mail address links
// to itself as mailto:.
func sameAddress(href, text string) bool {
	h, err := url.PathUnescape(href)
	for _, t := range []string{text, "http://" + text, "mailto:" + text, strayEscaped(text)} {
		x, err2 := url.PathUnescape(t)
		if href == t || err == nil && (h == t || err2 == nil && h == x) {
			return true
		}
	}
	return false
}

// strayEscaped is s with each % that begins no escape written %25, as
// goldmark writes an address.
func strayEscaped(s string) string {
	hex := func(c byte) bool { return strings.IndexByte("0123456789abcdefABCDEF", c) >= 0 }
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && !(i+2 < len(s) && hex(s[i+1]) && hex(s[i+2])) {
			b.WriteString("%25")
		} else {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func firstRuneIn(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
