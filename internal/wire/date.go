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

// dated is the date a text gives, where from, and the dateline's tag.
type dated struct {
	date     time.Time
	yearless bool // the year is a guess: the text gives none
	inLead   bool // a date the lead names, which may be another day than the news's
	how      string
	notes    []string
	tag      found
	at       int    // the line the dateline was on, or -1
	place    string // the dateline, which names where the news is from: "ДУШАНБЕ, 2 дек — Sputnik."
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
		if m := telegramHead.FindStringSubmatch(l); m != nil && i < headLines && !op.hasTimestamp {
			// "Tengrinews.kz, [02.12.2026 14:35]": a post copied from a
			// Telegram channel, with its name and time.
			if w, ok := findWhen(m[2]); ok {
				op.timestamp, op.hasTimestamp = w, true
				if f, agency := agencyLine(m[1], ag); agency && !d.tag.ok() {
					d.tag = f
					d.tag.how = "from the Telegram channel's name " + quote(m[1])
				}
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
			if d.at < 0 && len(out) < 6 { // under a masthead, a rubric and the headline
				if x, ok := findDateline(l, ag); ok {
					op.dateline, d.at, d.tag = x, len(out), x.tag
					if l = x.rest; l == "" || byline.MatchString(l) {
						continue // "BAKU, Dec. 2. By Leyla Aliyeva – Trend:": the author's line closes the dateline
					}
					if m := authorAfterTag.FindStringSubmatch(l); m != nil && x.tag.ok() {
						l = l[len(m[0])-len(m[1]):] // "… КазТАГ – Мадина Алимханова. Международный …": the author goes
					}
				}
			}
		}
		out = append(out, l)
	}
	d.read(op, out, today)
	return d, out
}

// telegramHead is the line a post copied from Telegram opens with: the
// channel's name and the post's time in brackets.
var telegramHead = regexp.MustCompile(`^(.{1,60}?),?\s*\[(\d{1,2}\.\d{1,2}\.\d{2,4})\s+\d{1,2}:\d{2}(?::\d{2})?\]$`)

// authorAfterTag is an author's name, two or three words, that an
// agency puts between its tag and the lead: "Мадина Алимханова. МККК …".
var authorAfterTag = regexp.MustCompile(`^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}\.\s+(\p{Lu})`)

// read dates a text by what its first lines hold.
func (d *dated) read(op opening, out []string, today time.Time) {
	dl, ts := op.dateline, op.timestamp
	d.place = dl.text
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
				return
			}
		}
		// "… the delegation said on December 2": a day without its year,
		// the latest such day, as a dateline's is read.
		for _, l := range out[:min(len(out), 3)] {
			if w, ok := findWhen(runePrefix(l, 1000)); ok {
				if t, how := w.date(today); !t.IsZero() {
					d.date, d.inLead, d.yearless = t, true, true
					d.how = "from the lead (" + w.Text + "); " + how + ": check that it is the date of the news"
					return
				}
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
		for _, f := range slices.Concat(slices.Collect(maps.Values(c.Names)), c.Match, c.Places) {
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
