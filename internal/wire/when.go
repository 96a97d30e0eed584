package wire

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"briefings/internal/load"
)

// The date expressions agencies write, in the region's languages.

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
