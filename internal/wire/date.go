package wire

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefings/internal/load"
)

// monthForms are the ways agencies write a month: Russian (genitive,
// nominative, abbreviated), English (full and abbreviated) and Kazakh
// (with the locative endings a Kazakh date takes, "қарашада").
var monthForms = map[time.Month][]string{
	1:  {"января", "январь", "янв", "january", "jan", "қаңтар"},
	2:  {"февраля", "февраль", "февр", "фев", "february", "feb", "ақпан"},
	3:  {"марта", "март", "мар", "march", "mar", "наурыз"},
	4:  {"апреля", "апрель", "апр", "april", "apr", "сәуір"},
	5:  {"мая", "май", "may", "мамыр"},
	6:  {"июня", "июнь", "июн", "june", "jun", "маусым"},
	7:  {"июля", "июль", "июл", "july", "jul", "шілде"},
	8:  {"августа", "август", "авг", "august", "aug", "тамыз"},
	9:  {"сентября", "сентябрь", "сент", "сен", "september", "sept", "sep", "қыркүйек"},
	10: {"октября", "октябрь", "окт", "october", "oct", "қазан"},
	11: {"ноября", "ноябрь", "нояб", "ноя", "november", "nov", "қараша"},
	12: {"декабря", "декабрь", "дек", "december", "dec", "желтоқсан"},
}

var monthOf = map[string]time.Month{}

// The date expressions, each with a year or without: day month [year],
// month day[, year], the Kazakh year-first form, numeric and ISO dates.
var (
	monthRE  string
	dayMonth *regexp.Regexp // 14 ноября 2025 г., 14 Nov 2025, 14th of November, 14 қараша
	monthDay *regexp.Regexp // Nov. 14, 2025; November 14
	yearKaz  *regexp.Regexp // 2025 жылғы 14 қараша
	numeric  *regexp.Regexp // 14.11.2025, 14/11/25, 14-11-2025
	iso      *regexp.Regexp // 2025-11-14, 2025/11/14, 2025-11-14T10:00:00+05:00
	clock    = regexp.MustCompile(`^\d{1,2}:\d{2}(?::\d{2})?`)
)

func init() {
	var forms []string
	for m, fs := range monthForms {
		for _, f := range fs {
			monthOf[f] = m
			forms = append(forms, regexp.QuoteMeta(f))
		}
	}
	// Longest first, so that "ноября" is not read as "ноя".
	slices.SortFunc(forms, func(a, b string) int { return len(b) - len(a) })
	monthRE = `(` + strings.Join(forms, "|") + `)(?:да|де|та|те|дағы|дегі|тағы|тегі)?\.?`
	end := `(?:[^\p{L}\p{N}]|$)`
	year := `(?:,?\s*(\d{4})(?:\s*(?:г\.|года|год|гг\.|ж\.|жыл\p{L}*))?)?`
	dayMonth = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(\d{1,2})(?:-?го|st|nd|rd|th)?(?:\s+of)?\s+` + monthRE + year + end)
	monthDay = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?` + year + end)
	yearKaz = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(\d{4})\s*(?:жылғы|жылы|ж\.)\s*(\d{1,2})\s+` + monthRE + end)
	numeric = regexp.MustCompile(`(?:^|[^\p{L}\p{N}.])(\d{1,2})([./-])(\d{1,2})([./-])(\d{4}|\d{2})(?:\s*(?:г\.|года|ж\.))?(?:[^\p{L}\p{N}]|$)`)
	iso = regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(\d{4})[-/.](\d{2})[-/.](\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?:[^\p{L}\p{N}]|$)`)
}

// when is a date as a text gives it: Year 0 when it gives none.
type when struct {
	Year       int
	Month      time.Month
	Day        int
	Start, End int    // where the text says it, in bytes
	Text       string // what the text says
}

// findWhen finds the first date in s: the earliest of each form's first
// match. Impossible dates, like 31 February, are not dates.
func findWhen(s string) (when, bool) {
	var best when
	if !strings.ContainsAny(s, "0123456789") {
		return best, false // every date has a digit
	}
	found := false
	try := func(w when, ok bool) {
		if ok && (!found || w.Start < best.Start) {
			best, found = w, true
		}
	}
	try(matchWhen(dayMonth, s, 1, 2, 3))
	try(matchWhen(monthDay, s, 2, 1, 3))
	try(matchWhen(yearKaz, s, 2, 3, 1))
	try(matchWhen(iso, s, 3, 2, 1))
	if m := numeric.FindStringSubmatchIndex(s); m != nil && s[m[4]:m[5]] == s[m[8]:m[9]] {
		try(whenAt(s, m, 1, 3, 5))
	}
	return best, found
}

func matchWhen(re *regexp.Regexp, s string, day, month, year int) (when, bool) {
	m := re.FindStringSubmatchIndex(s)
	if m == nil {
		return when{}, false
	}
	return whenAt(s, m, day, month, year)
}

// whenAt reads the groups of a match: day, month (a name or a number)
// and year (may be missing, or two digits).
func whenAt(s string, m []int, day, month, year int) (when, bool) {
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	w := when{Start: m[0], End: m[1]}
	w.Day, _ = strconv.Atoi(group(day))
	if n, err := strconv.Atoi(group(month)); err == nil {
		w.Month = time.Month(n)
	} else {
		w.Month = monthOf[strings.ToLower(group(month))]
	}
	if y := group(year); y != "" {
		w.Year, _ = strconv.Atoi(y)
		if len(y) == 2 {
			w.Year += 2000
		}
	}
	// The match may start at the character before the date and end at the
	// one after it: the text of the date is what lies between.
	w.Text = strings.Trim(s[w.Start:w.End], " ,.;:()/[]–—-|")
	if w.Month < 1 || w.Month > 12 || w.Day < 1 || w.Day > 31 {
		return w, false
	}
	if w.Year != 0 && !load.PlausibleYear(w.Year) {
		return w, false
	}
	y := w.Year
	if y == 0 {
		y = 2024 // a leap year: 29 February is a date in some year
	}
	if time.Date(y, w.Month, w.Day, 0, 0, 0, 0, time.UTC).Day() != w.Day {
		return w, false
	}
	return w, true
}

// date is the date a when names. A date without a year takes the latest
// year that puts it not after today: an editor imports this week's wire.
func (w when) date(today time.Time) (time.Time, string) {
	if w.Year != 0 {
		return time.Date(w.Year, w.Month, w.Day, 0, 0, 0, 0, time.UTC), ""
	}
	y := today.Year()
	t := time.Date(y, w.Month, w.Day, 0, 0, 0, 0, time.UTC)
	// 29 February takes the last leap year, at most eight years back.
	for i := 0; i < 8 && (t.After(today) || t.Day() != w.Day); i++ {
		y--
		t = time.Date(y, w.Month, w.Day, 0, 0, 0, 0, time.UTC)
	}
	if t.After(today) || t.Day() != w.Day || !load.PlausibleYear(y) {
		return time.Time{}, "" // no clock to read it by
	}
	return t, fmt.Sprintf("it gives no year: took %d, the latest %d %s not after today (%s)",
		y, w.Day, w.Month, today.Format(time.DateOnly))
}

// sameDay says whether two whens can be one date: a yearless one matches
// any year.
func (w when) sameDay(o when) bool {
	return w.Month == o.Month && w.Day == o.Day && (w.Year == 0 || o.Year == 0 || w.Year == o.Year)
}

// pasteDate is "date 2026-03-06", as the portal's own paste tool writes
// it, at the start of a line.
var pasteDate = regexp.MustCompile(`^(?i:date)\s*:?\s*(\d{4}-\d{2}-\d{2})\s*`)

// stampWords may stand beside a date on a timestamp line: zones,
// weekdays, and words like "Updated".
var stampWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`utc gmt msk мск ast t z понедельник вторник среда четверг пятница суббота
		воскресенье пн вт ср чт пт сб вс monday tuesday wednesday thursday friday saturday sunday mon tue wed
		thu fri sat sun дүйсенбі сейсенбі сәрсенбі бейсенбі жұма сенбі жексенбі опубликовано обновлено дата
		публикации published updated posted last on at в от news release press пресс релиз новости статья
		article date время time жарияланды жаңартылды г года ж жылы am pm
		views view reads просмотров просмотра просмотр просмотры comments комментариев комментария комментарий
		көрілім көрілді пікір`) { // a counter beside the date: "14:05 | 1523 views"
		stampWords[w] = true
	}
}

// authorBeside is the separator before an author's line that follows a
// timestamp on its line.
var authorBeside = regexp.MustCompile(`\s*(?:[·•|/]|\s[–—-]|,)\s*(?:By|BY|Автор|Авторы|Author|Authors)[\s:]`)

// stamp reads a timestamp line: a date with at most times, zones,
// weekdays and words like "Updated" beside it, like "12.03.2026 14:05",
// "2026-03-12T14:05:00+05:00" or "Published: 14 November 2025, 10:12".
func stamp(line string) (when, bool) {
	if utf8.RuneCountInString(line) > 80 {
		return when{}, false
	}
	if m := authorBeside.FindStringIndex(line); m != nil && byline.MatchString(strings.TrimLeft(line[m[0]:], " ·•|/–—-,")) {
		line = line[:m[0]] // "02.12.2026 14:05 · Автор: …": the author beside the time
	}
	if w, ok := stampPart(line); ok {
		return w, true
	}
	// "02.12.2026 | 14:05 | Общество", "Астана • 2 декабря 2026 • 14:05":
	// the date beside a place, a topic, a time, a counter or another date.
	parts := stampSeparator.Split(line, -1)
	if len(parts) < 2 {
		return when{}, false
	}
	var w when
	dated, at := false, 0
	for _, p := range parts {
		at = strings.Index(line[at:], p) + at
		if pw, ok := stampPart(p); ok {
			if !dated {
				w, dated = pw, true
				w.Start, w.End = pw.Start+at, pw.End+at
			}
		} else if !besideStamp(p) {
			return when{}, false
		}
		at += len(p)
	}
	return w, dated
}

// stampSeparator stands between the parts of a timestamp line.
var stampSeparator = regexp.MustCompile(`\s+[|•·]\s+`)

// stampPart reads a date with at most times, zones, weekdays and words
// like "Updated" beside it.
func stampPart(line string) (when, bool) {
	w, ok := findWhen(line)
	if !ok {
		return w, false
	}
	for _, word := range tokens(line[:w.Start] + " " + line[w.End:]) {
		if !stampWords[word] && strings.Trim(word, "0123456789") != "" {
			return w, false
		}
	}
	return w, true
}

// besideStamp is what may stand beside a date on a timestamp line: a
// time, a counter ("1523 views"), a place or a topic, an author.
func besideStamp(p string) bool {
	if clock.MatchString(p) && strings.Trim(clock.ReplaceAllString(p, ""), " ") == "" || topicLike(p) || byline.MatchString(p) {
		return true
	}
	named := false
	for _, word := range tokens(p) {
		if !stampWords[word] && strings.Trim(word, "0123456789") != "" {
			return false
		}
		named = named || strings.Trim(word, "0123456789") != ""
	}
	return named
}

// dated is the date a text gives, where from, and the dateline's tag.
type dated struct {
	date     time.Time
	yearless bool // the year is a guess: the text gives none
	inLead   bool // a date the lead names, which may be another day than the news's
	how      string
	notes    []string
	tag      found
	at       int // the line the dateline was on, or -1
}

// The first lines, where agencies put the headline, timestamps and the
// dateline.
const headLines = 8

// opening is what findDate finds in a text's first lines.
type opening struct {
	dateline     dateline
	timestamp    when // the first timestamp line, or the UN News date line
	other        when // a later timestamp that disagrees
	hasTimestamp bool
	dateLine     bool   // the timestamp is a UN News date line above the headline
	topic        string // beside that date line, dropped
	beside       string // beside it, an agency or a place, which stays the source or the dateline's
	masthead     int    // the masthead lines above that date line
}

// findDate finds the date in a text's first lines: its dateline, a
// timestamp line, or a full date in the lead, in that order; a dateline
// beats a timestamp that disagrees. It takes timestamp lines out and
// the dateline off its line. Places are countries.yaml's.
func findDate(ls []string, today time.Time, ag *agencies, places map[string]*load.Country) (dated, []string) {
	d := dated{at: -1}
	var op opening
	out := make([]string, 0, len(ls))
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if i < headLines && !op.hasTimestamp && d.at < 0 && (len(out) == 0 || masthead(out)) {
			if w, beside, n, ok := datedTopic(ls[i:], masthead(out)); ok {
				op.timestamp, op.hasTimestamp, op.dateLine = w, true, true
				op.masthead, d.tag = len(out), mastheadAgency(out, ag)
				switch f, agency := agencyLine(beside, ag); {
				case beside == "":
				case agency:
					op.beside, d.tag = beside, f
					d.tag.how = "from the agency " + quote(beside) + " beside the date line"
				case placeName(beside, places, ls[i+n:]):
					op.beside = beside
				default:
					op.topic = beside
				}
				out = out[:0]
				i += n - 1
				continue
			}
		}
		if i < headLines {
			if w, ok := stamp(l); ok {
				if !op.hasTimestamp {
					op.timestamp, op.hasTimestamp = w, true
				} else if !op.timestamp.sameDay(w) && op.other.Month == 0 {
					op.other = w
				}
				continue
			}
			if d.at < 0 && len(out) < 4 {
				if x, ok := findDateline(l, ag); ok {
					op.dateline, d.at, d.tag = x, len(out), x.tag
					if l = x.rest; l == "" || byline.MatchString(l) {
						continue // "BAKU, Dec. 2. By Leyla Aliyeva – Trend:": the author's line closes the dateline
					}
				}
			}
		}
		out = append(out, l)
	}
	d.read(op, out, today)
	return d, out
}

// read dates a text by what its first lines hold.
func (d *dated) read(op opening, out []string, today time.Time) {
	dl, ts := op.dateline, op.timestamp
	switch {
	case dl.dated:
		d.date, d.how = dl.when.date(today)
		d.yearless = dl.when.Year == 0
		d.how = joinHow("from the dateline "+quote(dl.text), d.how)
		if op.hasTimestamp && dl.when.Year == 0 && ts.Year != 0 && ts.sameDay(dl.when) {
			d.date, d.yearless = time.Date(ts.Year, dl.when.Month, dl.when.Day, 0, 0, 0, 0, time.UTC), false
			d.how = "from the dateline " + quote(dl.text) + ", the year from the timestamp " + quote(ts.Text)
		} else if op.hasTimestamp && !ts.sameDay(dl.when) {
			t, _ := ts.date(today)
			d.notes = append(d.notes, fmt.Sprintf("the timestamp %s says %s: the dateline wins", quote(ts.Text), t.Format(time.DateOnly)))
		}
	case op.hasTimestamp:
		d.byTimestamp(op, today)
	default:
		for _, l := range out[:min(len(out), 3)] {
			if w, ok := findWhen(runePrefix(l, 1000)); ok && w.Year != 0 {
				d.date, _ = w.date(today)
				d.inLead = true
				d.how = "from the lead (" + w.Text + "): check that it is the date of the news"
				break
			}
		}
	}
}

// byTimestamp dates a text by its timestamp line, or its UN News date
// line.
func (d *dated) byTimestamp(op opening, today time.Time) {
	ts := op.timestamp
	d.date, d.how = ts.date(today)
	d.yearless = ts.Year == 0
	switch {
	case op.topic != "":
		d.how = joinHow("from the date line "+quote(ts.Text)+" above the headline; its topic "+quote(op.topic)+" dropped", d.how)
	case op.beside != "" && d.tag.ok():
		d.how = joinHow("from the date line "+quote(ts.Text+" "+op.beside)+" above the headline, the agency beside it the source", d.how)
	case op.beside != "":
		d.how = joinHow("from the dateline "+quote(ts.Text+" "+op.beside)+" above the headline", d.how)
	case op.dateLine:
		d.how = joinHow("from the date line "+quote(ts.Text)+" above the headline", d.how)
	default:
		d.how = joinHow("from the timestamp line "+quote(ts.Text), d.how)
	}
	if op.dateLine && op.masthead > 0 {
		d.how += fmt.Sprintf(", and the %d lines above it, the site's masthead", op.masthead)
	}
	if t, _ := op.other.date(today); op.other.Month != 0 && !t.IsZero() {
		d.notes = append(d.notes, fmt.Sprintf("the text also gives the date %s (%s): check which is the date of the news", quote(op.other.Text), t.Format(time.DateOnly)))
	}
}

// relativeDay reads a site's relative date: today, yesterday, a few
// minutes, hours or days ago.
var relativeDay = regexp.MustCompile(`(?i)(today|сегодня|бүгін|just now|только что)|(yesterday|вчера|кеше)|(?:^|[^\p{L}\p{N}])(\d{1,3}|an?|one)\s+(?:(seconds?|secs?|minutes?|mins?|hours?|hrs?|секунд\p{L}*|минут\p{L}*|мин\.?|час\p{L}*|ч\.|сағат)|(days?|дн\p{L}*|день|күн)|(weeks?|недел\p{L}*))\s+(?:ago|назад|бұрын)`)

// byRelative dates a text that gives no date but the site's relative
// one, counted back from the clock: from the time it was copied, which
// import cannot know, so it says to check it. Hours and minutes ago
// may be yesterday where the site is.
func (d *dated) byRelative(line string, opts Options) {
	m := relativeDay.FindStringSubmatch(line)
	if m == nil || opts.Today.IsZero() {
		return
	}
	n, err := strconv.Atoi(m[3])
	if err != nil {
		n = 1 // "an hour ago", "a day ago"
	}
	from := opts.Today.Format(time.DateOnly)
	switch {
	case m[2] != "":
		d.date = opts.Today.AddDate(0, 0, -1)
	case m[4] != "" && !opts.Now.IsZero():
		now := opts.Now
		if opts.Location != nil {
			now = now.In(opts.Location)
		}
		from = now.Format("2006-01-02 15:04 -07:00")
		at := now.Add(-time.Duration(n) * unitOf(m[4]))
		d.date = time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC)
	case m[5] != "":
		d.date = opts.Today.AddDate(0, 0, -n)
	case m[6] != "":
		d.date = opts.Today.AddDate(0, 0, -7*n)
	default:
		d.date = opts.Today
	}
	d.how = fmt.Sprintf("from the site's relative date %s, counted from now (%s)", quote(line), from)
	d.notes = append(d.notes, fmt.Sprintf("the text is dated only by %s, as the site showed it when it was copied: "+
		"if that was not %s, give the date with --date", quote(line), from))
}

// bySent dates a forwarded or saved e-mail whose text gives no date by
// the day it was sent, which may be later than the news: import says to
// check it.
func (d *dated) bySent(fw forward) {
	d.date = fw.sent
	d.how = "from the e-mail's header " + quote(fw.when) + ": when it was sent"
	d.notes = append(d.notes, fmt.Sprintf("the text is dated only by when the e-mail was sent (%s): "+
		"check that it is the date of the news, or give the date with --date", fw.sent.Format(time.DateOnly)))
}

// unitOf is the length of a relative date's unit under a day: seconds,
// minutes or hours, in the words relativeDay reads.
func unitOf(word string) time.Duration {
	w := strings.ToLower(word)
	switch {
	case strings.HasPrefix(w, "s"), strings.HasPrefix(w, "секунд"):
		return time.Second
	case strings.HasPrefix(w, "m"), strings.HasPrefix(w, "мин"):
		return time.Minute
	}
	return time.Hour
}

func joinHow(a, b string) string {
	if b == "" {
		return a
	}
	return a + "; " + b
}

// topicSep may stand between a date and its topic: "1 December 2026 | Health".
const topicSep = " |·•—–-,"

// datedTopic reads the date line a UN News story opens with, above its
// headline: the date and the story's topic, "1 December 2026 Peace and
// Security", or the date with the topic on the line under it, or, under
// the site's masthead, the date alone. A headline must follow, or the
// line is a headline opening with a date. It gives the date, what
// stands beside it (a topic, or an agency or a place, which findDate
// tells apart) and the lines they take.
func datedTopic(ls []string, underMasthead bool) (when, string, int, bool) {
	w, ok := findWhen(ls[0])
	if !ok || w.Start != 0 || w.Year == 0 {
		return w, "", 0, false
	}
	topic, n := strings.TrimLeft(ls[0][w.End:], topicSep), 1
	if topic == "" && len(ls) > 1 {
		topic, n = ls[1], 2
	}
	if !topicLike(topic) && underMasthead && n == 2 {
		topic, n = "", 1 // "1 December 2026" and the headline
	}
	if len(ls) <= n+1 || topic != "" && !topicLike(topic) || isStamp(ls[n]) {
		return w, "", 0, false // another date under it: timestamps ("Posted", "Originally published"), not a headline
	}
	if t, _ := findHeadline(ls[n : n+2]); t == "" {
		return w, "", 0, false
	}
	return w, topic, n, true
}

// placeName says whether a word beside a date is a place: a country's
// name or form in countries.yaml, a name in capitals as datelines write
// them, or a name the text after it says something is in ("in Baku", "в
// Баку").
func placeName(s string, places map[string]*load.Country, after []string) bool {
	words := tokens(s)
	if len(words) == 0 {
		return false
	}
	for _, c := range places {
		for _, f := range append(slices.Collect(maps.Values(c.Names)), c.Match...) {
			if slices.Equal(tokens(f), words) {
				return true
			}
		}
	}
	if strings.ToUpper(s) == s && len(words) == 1 && utf8.RuneCountInString(s) >= 4 {
		return true
	}
	name := strings.Join(words, " ")
	for _, l := range after[:min(len(after), headLines)] {
		ts := tokens(l)
		for i := 0; i+len(words) < len(ts); i++ {
			if (ts[i] == "in" || ts[i] == "в" || ts[i] == "во") && strings.Join(ts[i+1:i+1+len(words)], " ") == name {
				return true
			}
		}
	}
	return false
}

// topicLike is a section's name: a few words, the first capitalised,
// without the digits and punctuation of a sentence or a headline.
func topicLike(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	n := len(strings.Fields(s))
	return n >= 1 && n <= 5 && utf8.RuneCountInString(s) <= 40 && unicode.IsUpper(r) &&
		!strings.ContainsFunc(s, func(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune(".,;:!?…«»\"()/", r) })
}

// masthead is what a pasted page shows above a story's date line: its
// name, motto and menus, short lines that are no sentences. A headline
// above a date line is one line.
func masthead(ls []string) bool {
	for _, l := range ls {
		if len(strings.Fields(l)) > 6 || strings.ContainsAny(lastRune(l), ".!?…:;") {
			return false
		}
	}
	return len(ls) >= 2
}

// mastheadAgency is the agency a masthead names on a line of its own,
// "UN News": the source.
func mastheadAgency(ls []string, ag *agencies) found {
	for _, l := range ls {
		if f, ok := agencyLine(l, ag); ok {
			return f
		}
	}
	return found{}
}
