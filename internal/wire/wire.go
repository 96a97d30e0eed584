// Package wire turns raw wire text, as pasted from an agency's site, or a
// saved web page, into an article: it finds the language, headline, date,
// countries and source, and strips the site's boilerplate. It is a pure
// function of the text and the options, the clock included.
package wire

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefings/internal/load"
)

// Options are what the project and the editor say.
type Options struct {
	Countries map[string]*load.Country // countries.yaml, whose forms find countries
	Sources   []*load.Source           // sources.yaml, whose spellings find agencies
	Languages []string                 // site.yaml's language codes; none: any
	Today     time.Time                // the clock's day where the site is: a date without a year is the latest not after it
	Now       time.Time                // the clock: "3 hours ago" counts back from it, in Location; zero: Today
	Date      time.Time                // --date; zero: find it in the text
	Lang      string                   // --lang; "": tell it from the text
	Force     []string                 // --country codes, put first
	Location  *time.Location           // site.yaml's time_zone: the day a page's timestamp falls on there; nil: its own
}

// Result is the article found in a text.
type Result struct {
	Lang      string
	Title     string
	Date      time.Time
	Countries []string
	Source    string
	SourceURL string
	Body      string    // Markdown
	Found     []Finding // what was found and what guessed, field by field
	Notes     []string  // what the editor should check
}

// Finding is one field import filled in, and where from.
type Finding struct{ Field, Value, How string }

func (f Finding) String() string {
	if f.How == "" {
		return f.Field + ": " + f.Value
	}
	return f.Field + ": " + f.Value + " (" + f.How + ")"
}

// ErrNoDate is returned when neither the text nor --date gives a date.
var ErrNoDate = errors.New("no date found: the text has no dateline, no timestamp line and no full date in its first lines; give one with --date YYYY-MM-DD")

// LanguageError refuses a text in a language the site does not have.
type LanguageError struct{ Lang, How, Site string }

func (e *LanguageError) Error() string {
	return fmt.Sprintf("the text is in %s (%s, by %s), which is not a language of site.yaml (%s); if it is in one of those, say which with --lang",
		LanguageName(e.Lang), e.Lang, e.How, e.Site)
}

// page is what a saved web page's metadata says; zero for a wire text.
type page struct {
	title, titleFrom string
	date             time.Time
	dateFrom         string
	shownOnly        bool  // the date is a <time> the page shows, not its metadata: the text's dateline beats it
	shown            dated // a timestamp shown near the headline, outside the text: when the text has none
	site, url        string
	lang             string
	story            bool // its metadata says it is one story: og:type article, a published time, a JSON-LD headline
}

// Parse reads one wire text, in UTF-8, or in UTF-16 or Windows-1251 as
// older tools save texts, or an e-mail as a mail program saves it.
func Parse(text string, opts Options) (Result, error) {
	if what := notText(text); what != "" {
		return Result{}, fmt.Errorf("the file is %s, not a text: copy its text into a text file (.txt), or save the agency's page (.html), and import that", what)
	}
	// A saved e-mail names its body's charset: read it so before guessing one.
	saved := isSavedMail(text)
	if saved {
		text = mailText(text)
	}
	text, enc := decodeText(text)
	if !saved && enc != "" && isSavedMail(text) {
		saved, text = true, mailText(text) // saved as UTF-16
	}
	r, err := parse(text, page{}, opts)
	if saved {
		r.Found = append([]Finding{{"e-mail", "its sender, subject and text", "a saved e-mail: its headers and encodings read"}}, r.Found...)
	}
	return withEncoding(r, enc, text), err
}

// withEncoding says what encoding a text not in UTF-8 was read from, and
// how many of its characters could not be read: a damaged file.
func withEncoding(r Result, enc, text string) Result {
	if enc == "" {
		return r
	}
	r.Found = append([]Finding{{"encoding", enc, "the text is not UTF-8: read as " + enc}}, r.Found...)
	if n := strings.Count(text, "\uFFFD"); n > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("%d %s of the %s file could not be read, and show as \uFFFD: compare the text with the original",
			n, plural(n, "character", "characters"), enc))
	}
	return r
}

func parse(text string, pg page, opts Options) (Result, error) {
	var r Result
	if !utf8.ValidString(text) {
		return r, errors.New("the text is not UTF-8, nor UTF-16, UTF-32 or Windows-1251 Cyrillic: save it as UTF-8")
	}
	ls, fw := mail(lines(text))
	ls, dropped, cut := clean(ls)
	if len(ls) == 0 {
		return r, errors.New("the text is empty, or all boilerplate")
	}
	if err := r.language(strings.Join(ls, " "), opts); err != nil {
		return r, err
	}
	ag := newAgencies(opts.Sources)
	today := opts.Today
	if !fw.sent.IsZero() && fw.sent.Before(today) {
		today = fw.sent // a date without a year is the latest before the mail was sent
	}
	d, ls := findDate(ls, today, ag, opts.Countries)
	if d.yearless && !today.Equal(opts.Today) {
		d.how = strings.Replace(d.how, "not after today", "not after the e-mail was sent", 1)
	}
	if d.date.IsZero() && pg.shown.date.IsZero() && dropped.relative != "" {
		d.byRelative(dropped.relative, opts)
	}
	if d.date.IsZero() && !fw.sent.IsZero() {
		d.bySent(fw)
	}
	if err := r.date(d, pg, opts); err != nil {
		return r, err
	}
	lead := "" // the line the dateline opens, wherever the lines above it go
	if d.at >= 0 && d.at < len(ls) {
		lead = ls[d.at]
	}
	if pg.title != "" {
		ls = pageFurniture(ls, pg.title, d.at)
	}
	if pg.title == "" && len(ls) > 1 {
		ls[0], d.tag = withoutSiteName(ls[0], d.tag, ag)
	}
	src, link, ls := findSource(ls, d.tag, ag)
	if s := ag.bySender(fw.sender); s != nil && !src.ok() && pg.site == "" {
		src = found{src: s, how: "from the e-mail's sender, at " + fw.sender}
	}
	r.source(src, link, pg, ag)
	if len(ls) == 0 {
		return r, errors.New("the text has no headline and no body, only its date or source: paste the whole article")
	}
	at := -1
	if lead != "" {
		at = slices.Index(ls, lead)
	}
	if ls = r.headline(ls, pg, at); r.Title == "" {
		return r, errors.New("the text has no headline, and its first sentence has no words to make one of: put the headline on the first line")
	}
	if len(ls) == 0 {
		return r, errors.New("the text has a headline but no body")
	}
	r.countries(d.place, ls, opts)
	r.Body = markdown(ls)
	if len(dropped.kinds) > 0 {
		var kinds []string
		for _, k := range slices.Sorted(maps.Keys(dropped.kinds)) {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, dropped.kinds[k]))
		}
		r.Found = append(r.Found, Finding{"dropped", strings.Join(kinds, ", "), "lines of the site, not of the news"})
	}
	if len(dropped.appeals) > 0 {
		shown := make([]string, len(dropped.appeals))
		for i, l := range dropped.appeals {
			shown[i] = quote(l)
		}
		r.Notes = append(r.Notes, fmt.Sprintf("left out as %s: %s; if one is news, put it back in the article",
			plural(len(shown), "a donation appeal", "donation appeals"), strings.Join(shown, ", ")))
	}
	if cut != nil && cut.left > 0 {
		what := fmt.Sprintf("the %d lines after %s were taken for readers' comments and left out: if they are news", cut.left, quote(cut.line))
		if cut.left == 1 {
			what = fmt.Sprintf("the line after %s was taken for a reader's comment and left out: if it is news", quote(cut.line))
		}
		r.Notes = append(r.Notes, what+", delete that line and import again")
	}
	return r, nil
}

// language is --lang, or the one the text is written in, which must be
// one of the site's.
func (r *Result) language(text string, opts Options) error {
	if opts.Lang != "" {
		r.Lang = opts.Lang
		r.Found = append(r.Found, Finding{"language", r.Lang, "from --lang"})
		return nil
	}
	lang, how := language(text)
	if len(opts.Languages) > 0 && !slices.Contains(opts.Languages, lang) {
		return &LanguageError{lang, how, strings.Join(opts.Languages, ", ")}
	}
	r.Lang = lang
	r.Found = append(r.Found, Finding{"language", lang, "guessed from " + how})
	return nil
}

// date is --date, the page's metadata, or the date the text gives.
func (r *Result) date(d dated, pg page, opts Options) error {
	switch {
	case !opts.Date.IsZero():
		r.Date = opts.Date
		r.Found = append(r.Found, Finding{"date", r.Date.Format(time.DateOnly), "from --date"})
		if !d.date.IsZero() && !d.sameDay(opts.Date) {
			r.Notes = append(r.Notes, fmt.Sprintf("the text says %s (%s); --date wins", d.date.Format(time.DateOnly), d.how))
		}
		return nil
	case !pg.date.IsZero() && pg.shownOnly && !d.date.IsZero() && !d.inLead && !d.sameDay(pg.date):
		r.Notes = append(r.Notes, fmt.Sprintf("the page shows the date %s (its %s); the text's wins", pg.date.Format(time.DateOnly), pg.dateFrom))
	case !pg.date.IsZero():
		r.Date = pg.date
		r.Found = append(r.Found, Finding{"date", r.Date.Format(time.DateOnly), "from the page's " + pg.dateFrom})
		if !d.date.IsZero() && !d.sameDay(pg.date) {
			r.Notes = append(r.Notes, fmt.Sprintf("the text says %s (%s); the page's metadata wins", d.date.Format(time.DateOnly), d.how))
		}
		return nil
	case d.date.IsZero() && !pg.shown.date.IsZero():
		d = pg.shown
	case d.date.IsZero():
		return ErrNoDate
	}
	r.Date = d.date
	r.Found = append(r.Found, Finding{"date", r.Date.Format(time.DateOnly), d.how})
	r.Notes = append(r.Notes, d.notes...)
	return nil
}

// sameDay says whether the text's date can be t: by its day and month
// alone when the text gives no year.
func (d dated) sameDay(t time.Time) bool {
	if d.yearless {
		return d.date.Month() == t.Month() && d.date.Day() == t.Day()
	}
	return d.date.Equal(t)
}

// source is the page's site name, or the agency the text names.
func (r *Result) source(src found, link string, pg page, ag *agencies) {
	if pg.site != "" {
		src = ag.named(pg.site)
		src.how = "from the page's site name"
	}
	if src.src == nil && pg.url != "" {
		if s := ag.byHost(pg.url); s != nil {
			src = found{src: s, how: "from the page's address"}
		}
	}
	if pg.url != "" {
		link = pg.url
	}
	if !load.WebAddress(link) {
		link = "" // the build would refuse it
	}
	r.Source, r.SourceURL = src.nameIn(r.Lang), link
	if r.Source != "" {
		how := src.how
		if src.src != nil && !strings.EqualFold(src.src.NameIn(r.Lang), src.name) {
			how += ", the agency " + src.src.Key + " of sources.yaml"
		}
		r.Found = append(r.Found, Finding{"source", r.Source, strings.TrimPrefix(how, ", ")})
	} else {
		r.Found = append(r.Found, Finding{"source", "none found", "add source: if the text is an agency's"})
	}
	if r.SourceURL != "" {
		r.Found = append(r.Found, Finding{"source_url", r.SourceURL, ""})
	}
}

// withoutSiteName takes the site's name off a headline copied from the
// browser's tab, "… - Kazinform", "… | Tengrinews.kz": an agency's name,
// which is the source when the text names none.
func withoutSiteName(headline string, tag found, ag *agencies) (string, found) {
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		i := strings.LastIndex(headline, sep)
		if i <= 0 {
			continue
		}
		tail := headline[i+len(sep):]
		if w, ok := findWhen(tail); ok && w.End == len(tail) && w.Start > 0 {
			tail = strings.TrimRight(tail[:w.Start], " ,") // "РИА Новости, 02.12.2026": the tab shows the day too
		}
		if f, ok := agencyLine(tail, ag); ok && words(headline[:i]) >= 2 {
			if !tag.ok() {
				tag = f
				tag.how = "from the site's name after the headline " + quote(headline)
			}
			return headline[:i], tag
		}
	}
	return headline, tag
}

// isRubric is a section's name above a headline, one word: "Общество".
// Two words may be a headline ("Baku floods").
func isRubric(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return len(strings.Fields(l)) == 1 && utf8.RuneCountInString(l) <= 30 && unicode.IsUpper(r) &&
		!strings.ContainsFunc(l, func(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune(".,;:!?…«»\"", r) }) ||
		sectionName(l)
}

// mastheadLines is how many lines of a site's masthead a pasted text
// opens with, above its headline: its name, rubrics, a menu, a language
// switch ("Tengrinews.kz", "Мир", "Қазақша Русский English"): short
// lines that end no sentence, at most five, and a headline after them.
func mastheadLines(ls []string) int {
	n := 0
	for n < min(len(ls)-2, 5) && len(strings.Fields(ls[n])) <= 3 && utf8.RuneCountInString(ls[n]) <= 40 &&
		!strings.ContainsAny(lastRune(ls[n]), ".!?…:;,—–-") {
		n++
	}
	return n
}

// headline is the page's title, the text's headline line (under a
// rubric or a site's masthead, if one stands above it), or one proposed
// from the lead.
// dateline is the line the dateline opened, or -1.
func (r *Result) headline(ls []string, pg page, dateline int) []string {
	for i := range ls[:min(len(ls), headLines)] {
		if _, item := listItemOf(ls[i]); !item {
			ls[i] = strings.TrimFunc(ls[i], pictograph) // "⚡️МККК откроет …", as a channel marks its posts
		}
	}
	return r.findHeadline(ls, pg, dateline)
}

// pictograph says whether r is an emoji or a sign a post decorates a
// line with, "⚡️", "🔴", "👉", or what joins or varies one; not "©" or "№".
func pictograph(r rune) bool {
	return unicode.Is(unicode.So, r) && r >= 0x2190 && !(r >= 0x2100 && r <= 0x214f) ||
		r == '\ufe0f' || r == '\u200d' || r >= 0x1f3fb && r <= 0x1f3ff || unicode.IsSpace(r)
}

func (r *Result) findHeadline(ls []string, pg page, dateline int) []string {
	if pg.title != "" {
		r.Title = pg.title
		r.Found = append(r.Found, Finding{"headline", "\"" + r.Title + "\"", "from the page's " + pg.titleFrom})
		return ls
	}
	if n := mastheadLines(ls); n > 0 {
		if title, rest := findHeadline(ls[n:]); title != "" && (n > 1 || isRubric(ls[0])) && (n == 1 || len(strings.Fields(title)) > 3) {
			what := "the rubric " + quote(ls[0])
			if n > 1 {
				what = "the site's masthead " + quote(strings.Join(ls[:n], " / "))
			}
			r.Title = title
			r.Found = append(r.Found, Finding{"headline", "\"" + r.Title + "\"", "found: the line under " + what + ", which is dropped"})
			return rest
		}
	}
	if r.Title, ls = findHeadline(ls); r.Title != "" {
		how := "found: the text's first line"
		if t, ok := recase(r.Title, ls); ok {
			r.Title, how = t, how+", in capitals: written in the case the text writes its words in; check it"
		}
		r.Found = append(r.Found, Finding{"headline", "\"" + r.Title + "\"", how})
		return ls
	}
	if dateline == 1 && stoppedHeadline(ls[0]) {
		// A dateline opens the lead: a sentence above it is the headline,
		// though it ends with a stop.
		r.Title = strings.TrimSuffix(ls[0], ".")
		r.Found = append(r.Found, Finding{"headline", "\"" + r.Title + "\"", "found: the text's first line, above the dateline"})
		return ls[1:]
	}
	how := "proposed from the lead: the text has no headline line; check it"
	if len(ls) > 1 && isRubric(ls[0]) {
		how = "proposed from the lead under the rubric " + quote(ls[0]) + ", which is dropped: the text has no headline line; check it"
		ls = ls[1:]
	}
	r.Title = proposeHeadline(ls[0])
	if r.Title != "" {
		r.Found = append(r.Found, Finding{"headline", "\"" + r.Title + "\"", how})
	}
	return ls
}

func (r *Result) countries(place string, ls []string, opts Options) {
	var counts map[string]int
	text := strings.Join(ls, "\n")
	r.Countries, counts = countries(r.Title, text, opts.Countries, opts.Force)
	if len(counts) == 0 && place != "" {
		// An agency writes from its city about others: the dateline's
		// place counts only when the text names no country.
		r.Countries, counts = countries(r.Title, place+"\n"+text, opts.Countries, opts.Force)
	}
	if len(r.Countries) == 0 {
		r.Found = append(r.Found, Finding{"countries", "none found", "no country of countries.yaml is named in the text; give one with --country XX"})
		return
	}
	var how []string
	for _, c := range r.Countries {
		if slices.Contains(opts.Force, c) {
			how = append(how, c+" from --country")
		} else {
			how = append(how, fmt.Sprintf("%s named %d %s", c, counts[c], times(counts[c])))
		}
	}
	r.Found = append(r.Found, Finding{"countries", strings.Join(r.Countries, ", "), strings.Join(how, ", ")})
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func times(n int) string {
	if n == 1 {
		return "time"
	}
	return "times"
}

// pageFurniture drops what a page shows above its lead, a category, the
// author, the headline again, once the title is known: short lines
// before the dateline, or before the first sentence.
func pageFurniture(ls []string, title string, dateline int) []string {
	ls = slices.DeleteFunc(ls, func(l string) bool { return strings.EqualFold(l, title) })
	i := 0
	for i < len(ls) && (i < dateline || dateline < 0) && len(strings.Fields(ls[i])) < 8 &&
		!strings.ContainsAny(lastRune(ls[i]), ".!?…»\"") {
		i++
	}
	if i == len(ls) {
		return ls
	}
	return ls[i:]
}
