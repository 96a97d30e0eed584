// Package wire turns raw wire text, as pasted from an agency's site, into
// an article: it finds the language, headline, date, countries and source,
// and strips the site's boilerplate. It is a pure function of the text.
package wire

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefings/internal/load"
)

// Options are what the editor says on the command line.
type Options struct {
	Countries map[string]*load.Country // countries.yaml, whose match forms find countries
	Date      time.Time                // --date; zero: find it in the text
	Force     []string                 // --country codes, put first
}

// Result is the article found in a text.
type Result struct {
	Lang      string
	Title     string
	Date      time.Time
	Countries []string
	Source    string
	Body      string   // Markdown
	Notes     []string // what the editor should check
}

// ErrNoDate is returned when neither the text nor --date gives a date.
var ErrNoDate = errors.New("no date: the text has no date line or dateline; give one with --date YYYY-MM-DD")

// Parse reads one wire text.
func Parse(text string, opts Options) (Result, error) {
	var r Result
	if !utf8.ValidString(text) {
		return r, errors.New("the text is not UTF-8: save it as UTF-8 (it may be in Windows-1251 or another old encoding)")
	}
	paras := paragraphs(text)
	if len(paras) == 0 {
		return r, errors.New("the text is empty, or all boilerplate")
	}
	r.Lang = language(strings.Join(paras, " "))
	date, how, paras := findDate(paras, opts.Date)
	if date.IsZero() {
		return r, ErrNoDate
	}
	r.Date = date
	if how != "" {
		r.Notes = append(r.Notes, "date "+date.Format(time.DateOnly)+" "+how)
	}
	r.Source, paras = findSource(paras)
	if len(paras) == 0 { // only a date line, a dateline or a source
		return r, errors.New("the text has no headline and no body, only its date or source: paste the whole article")
	}
	r.Title, paras = findHeadline(paras)
	if r.Title == "" {
		r.Title = proposeHeadline(paras[0])
		if r.Title == "" {
			return r, errors.New("the text has no headline, and its first sentence has no words to make one of: put the headline on the first line")
		}
		r.Notes = append(r.Notes, fmt.Sprintf("the text has no headline; proposed one from its first sentence: %q", r.Title))
	}
	if len(paras) == 0 {
		return r, errors.New("the text has a headline but no body")
	}
	r.Countries = countries(r.Title+"\n"+strings.Join(paras, "\n"), opts.Countries, opts.Force)
	if len(r.Countries) == 0 {
		r.Notes = append(r.Notes, "no country of countries.yaml is named in the text; give one with --country XX")
	}
	r.Body = markdown(paras)
	return r, nil
}

// boilerplate are lines of agency sites, not of the news: whole lines, or
// the start of lines ending in "…".
var boilerplate = []string{
	"close", "leave a reply", "your email address will not be published…", "required fields are marked…",
	"you might also like", "related posts", "share this article", "share", "tweet", "print",
	"читайте также…", "подписывайтесь…", "поделиться", "комментарии", "источник фото…",
}

func isBoilerplate(line string) bool {
	l := strings.ToLower(strings.Trim(line, " \t*:.!"))
	for _, b := range boilerplate {
		if prefix, ok := strings.CutSuffix(b, "…"); ok {
			if strings.HasPrefix(l, prefix) {
				return true
			}
		} else if l == b {
			return true
		}
	}
	return false
}

// paragraphs splits the text at blank lines, without boilerplate, with
// lines inside a paragraph joined.
func paragraphs(text string) []string {
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u00a0", " ").Replace(text)
	text = strings.Map(dropControl, text)
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		switch {
		case line == "":
			flush()
		case isBoilerplate(line):
			flush()
		default:
			cur = append(cur, line)
		}
	}
	flush()
	return paras
}

// dropControl drops the invisible control characters pasted text can
// carry, which articles may not hold; tabs and line ends stay.
func dropControl(r rune) rune {
	if r == '\t' || r == '\n' || r >= 0x20 && r < 0x7f || r > 0x9f && r != 0xfffe && r != 0xffff {
		return r
	}
	return -1
}

// language is ru when the text is mostly Cyrillic, else en.
func language(text string) string {
	cyr, lat := 0, 0
	for _, c := range text {
		switch {
		case unicode.Is(unicode.Cyrillic, c):
			cyr++
		case unicode.Is(unicode.Latin, c):
			lat++
		}
	}
	if cyr > lat {
		return "ru"
	}
	return "en"
}

// findHeadline takes a first paragraph that is a short line and not a
// sentence, and drops later repeats of it.
func findHeadline(paras []string) (string, []string) {
	first := paras[0]
	if len(paras) < 2 || len([]rune(first)) > 160 || strings.ContainsAny(lastRune(first), ".!?…;,") {
		return "", paras
	}
	rest := slices.DeleteFunc(slices.Clone(paras[1:]), func(p string) bool { return p == first })
	return first, rest
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

// wordStart is where the nth word of s starts, or len(s).
func wordStart(s string, n int) int {
	in := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in, n = true, n-1
			if n == 0 {
				return i
			}
		}
	}
	return len(s)
}

var sentenceEnd = regexp.MustCompile(`[.!?…](?:\s|$)`)

// proposeHeadline is the first sentence, cut to a headline's length.
func proposeHeadline(para string) string {
	s := para
	fourth := wordStart(para, 4)
	for _, m := range sentenceEnd.FindAllStringIndex(para, -1) {
		// "Б. Милошевич", "1949 г.": a short word before the point is not a
		// sentence's end, nor is one of the first three words.
		before := strings.TrimRightFunc(para[:m[0]], unicode.IsSpace)
		last := before[strings.LastIndexFunc(before, unicode.IsSpace)+1:]
		if fourth < m[0] && utf8.RuneCountInString(last) > 2 {
			s = para[:m[0]]
			break
		}
	}
	const most = 140
	if len([]rune(s)) > most {
		s = string([]rune(s)[:most])
		if i := strings.LastIndex(s, " "); i > 0 {
			s = s[:i] // a whole word
		}
		if i := strings.LastIndex(s, " "); i > 0 && len([]rune(s[i+1:])) < 3 {
			s = s[:i] // no dangling "в", "и"
		}
	}
	return strings.TrimRight(s, " ,;:—-–")
}
