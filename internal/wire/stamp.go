package wire

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// pasteDate is "date 2026-03-06", as the portal's own paste tool writes
// it, at the start of a line.
var pasteDate = regexp.MustCompile(`^(?i:date)\s*:?\s*(\d{4}-\d{2}-\d{2})\s*`)

// stampWords may stand beside a date on a timestamp line: zones,
// weekdays, and words like "Updated".
var stampWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`utc gmt msk мск ast t z понедельник вторник среда четверг пятница суббота
		воскресенье пн вт ср чт пт сб вс monday tuesday wednesday thursday friday saturday sunday mon tue wed
		thu fri sat sun дүйсенбі сейсенбі сәрсенбі бейсенбі жұма сенбі жексенбі опубликовано обновлено выпущено issued дата
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
