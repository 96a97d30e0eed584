package wire

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"briefings/internal/load"
)

var months = map[string]time.Month{
	"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
	"июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

const monthNames = `января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|` +
	`January|February|March|April|May|June|July|August|September|October|November|December`

var (
	// "date 2026-03-06", as the portal's own paste tool writes, at the start of a line.
	dateLine = regexp.MustCompile(`^(?i:date)\s*:?\s*(\d{4}-\d{2}-\d{2})\s*`)
	// "Астана, 14 ноября 2025 г. –", "Baku, 12 February 2026 –", "BAKU, February 12, 2026 -"
	dateline = regexp.MustCompile(`^([\p{Lu}][\p{L}\-. ]{1,40}),\s+(?:(\d{1,2})\s+(` + monthNames + `)\s+(\d{4})|(` +
		monthNames + `)\s+(\d{1,2}),?\s+(\d{4}))(?:\s*(?:г\.|года))?\s*(?:[–—-]|/[^/]*/)?\s*`)
	// "3 сентября 2025 года", "12 February 2026": a full date anywhere in a paragraph.
	fullDate = regexp.MustCompile(`(?i)\b(\d{1,2})\s+(` + monthNames + `)\s+(\d{4})`)
)

// findDate takes the date from --date, a date line, a dateline, or a full
// date in the first paragraph, in that order; it removes a date line or
// dateline from the text. how says where the date came from, for the
// editor, when it was not given.
func findDate(paras []string, given time.Time) (time.Time, string, []string) {
	first := paras[0]
	var found time.Time
	var how string
	if m := dateLine.FindStringSubmatch(first); m != nil {
		if t, err := time.Parse(time.DateOnly, m[1]); err == nil && load.PlausibleYear(t.Year()) {
			found = t
		}
		first, how = strings.TrimSpace(first[len(m[0]):]), "from the text's date line"
	} else if m := dateline.FindStringSubmatch(first); m != nil {
		day, month, year := m[2], m[3], m[4]
		if day == "" {
			day, month, year = m[6], m[5], m[7]
		}
		found = date(year, month, day)
		if !found.IsZero() {
			first, how = capitalise(strings.TrimSpace(first[len(m[0]):])), "from the dateline ("+strings.TrimSpace(m[0])+")"
		}
	} else if m := fullDate.FindStringSubmatch(first); m != nil {
		found, how = date(m[3], m[2], m[1]), "from the first paragraph ("+m[0]+"): check that it is the date of the news"
	}
	paras = append([]string{first}, paras[1:]...)
	if first == "" {
		paras = paras[1:]
	}
	if !given.IsZero() {
		return given, "", paras
	}
	return found, how, paras
}

func date(year, month, day string) time.Time {
	y, _ := strconv.Atoi(year)
	d, _ := strconv.Atoi(day)
	m := months[strings.ToLower(month)]
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if m == 0 || t.Day() != d || !load.PlausibleYear(y) {
		return time.Time{}
	}
	return t
}

func capitalise(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}
