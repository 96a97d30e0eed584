package load

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gosimple/slug"
	"go.yaml.in/yaml/v3"

	"briefings/internal/diag"
)

// Front matter fields: each one's value read and checked, with the
// line it is on.

// field reads one front matter field into the article, or says what is
// wrong with it and how to mend it.
func (a *Article) field(key string, line int, v *yaml.Node, errs *diag.List) {
	text := func() (string, bool) { return scalarText(a.Path, key, line, v, errs) }
	switch key {
	case "title":
		a.Lines.Title = line
		if s, ok := text(); ok {
			a.Title = s
		}
	case "date":
		a.Lines.Date = line
		if s, ok := text(); ok {
			a.Date, a.dayOnly.date = parseDate(a.Path, key, line, s, errs)
		}
	case "updated":
		if s, ok := text(); ok {
			a.Updated, a.dayOnly.updated = parseDate(a.Path, key, line, s, errs)
		}
	case "countries":
		a.Lines.Countries = line
		a.Countries, a.countryLines = parseCodes(a.Path, line, v, errs)
	case "summary":
		a.Lines.Summary = line
		a.Summary, _ = text()
	case "source":
		a.Source, _ = text()
	case "source_url":
		if s, ok := text(); ok {
			a.SourceURL = s
			if why := addressProblem(s); why != "" {
				errs.Add(a.Path, line, "source_url %q %s", s, why)
			}
		}
	case "translation_key":
		a.Lines.TranslationKey = line
		a.TranslationKey, _ = text()
	case "slug":
		a.Lines.Slug = line
		if s, ok := text(); ok {
			a.Slug = s
			if !slug.IsSlug(s) {
				errs.Add(a.Path, line, "slug %q may hold only lower-case letters a-z, digits, hyphens and underscores, neither first nor last (no slashes or dots)", s)
			} else if len(s) > MaxSlug {
				errs.Add(a.Path, line, "slug is %d characters long: shorten it to %d at most", len(s), MaxSlug)
			}
		}
	case "draft":
		if v.Kind != yaml.ScalarNode || (v.Value != "true" && v.Value != "false") {
			errs.Add(a.Path, line, "draft must be true or false")
			return
		}
		a.Draft = v.Value == "true"
	default:
		errs.Add(a.Path, line, "unknown field %q%s", key, suggest(key, knownFields))
	}
}

// scalarText returns a non-empty single-line text value.
func scalarText(path, key string, line int, v *yaml.Node, errs *diag.List) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		errs.Add(path, line, "%s must be text, not a list or a mapping", key)
		return "", false
	}
	if bad := Invisible(key, v.Value); bad != "" {
		errs.Add(path, line, "%s", bad)
		return "", false
	}
	s := oneLine(v.Value)
	if s == "" || v.Tag == "!!null" {
		if strings.HasPrefix(v.LineComment, "#") && v.Value == "" {
			errs.Add(path, line, "%s is empty: in YAML # starts a comment, so a %s starting with # must be in double quotes", key, key)
			return "", false
		}
		errs.Add(path, line, "%s is empty", key)
		return "", false
	}
	return s, true
}

// PlausibleYear says whether a briefing can be of year y. Year 1 is Go's
// "no time", and no briefing is older than 1900: such a year is a typo.
// import and new hold dates to the same rule, so what they write builds.
func PlausibleYear(y int) bool { return y >= 1900 && y <= 9999 }

// parseDate reads a day (YYYY-MM-DD) or a time (RFC 3339), and says
// whether it was a day alone. The year is checked as written: the zone
// of 1900-01-01T00:00:00+14:00 does not make it 1899.
func parseDate(path, key string, line int, s string, errs *diag.List) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	dayOnly := err == nil
	if err != nil {
		t, err = time.Parse(time.RFC3339, s)
	}
	if err == nil && !dayOnly {
		if zone := badOffset(s); zone != "" {
			errs.Add(path, line, "%s %q: %s is no time zone offset: its hours go up to 23 and its minutes up to 59, like +05:00", key, s, zone)
			return time.Time{}, false
		}
	}
	if err == nil && !PlausibleYear(t.Year()) {
		errs.Add(path, line, "%s %q: the year %d cannot be right; write the date of publication, like 2025-09-03", key, s, t.Year())
		return time.Time{}, false
	}
	if err == nil {
		return t, dayOnly
	}
	errs.Add(path, line, "%s %q is not a date: write YYYY-MM-DD (2025-09-03) or RFC 3339 (2025-09-03T14:30:00+05:00)", key, s)
	return time.Time{}, false
}

// badOffset is the zone offset of an RFC 3339 time out of its range,
// "" when it is in range: Go's parser takes +24:00, and +05:60 as +06:00.
func badOffset(s string) string {
	if len(s) < 6 || s[len(s)-6] != '+' && s[len(s)-6] != '-' {
		return "" // "Z"
	}
	zone := s[len(s)-6:]
	if zone[1:3] > "23" || zone[4:6] > "59" {
		return zone
	}
	return ""
}

// parseCodes reads "countries": a list of codes, or one code, and the
// line of each.
func parseCodes(path string, line int, v *yaml.Node, errs *diag.List) ([]string, []int) {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	if v.Kind == yaml.ScalarNode && strings.ContainsAny(v.Value, ", ") && strings.Trim(v.Value, ", ") != "" {
		fields := strings.FieldsFunc(v.Value, func(r rune) bool { return r == ',' || r == ' ' })
		errs.Add(path, line, "countries %q: write several codes as a list, countries: [%s]", v.Value, strings.Join(fields, ", "))
		return nil, nil
	}
	var codes []string
	var lines []int
	seen := map[string]bool{}
	for _, it := range items {
		if it.Kind != yaml.ScalarNode || (it.Tag == "!!null" && v.Kind == yaml.SequenceNode) {
			errs.Add(path, it.Line+1, "countries must be a list of country codes, like [AZ, KZ]")
			return nil, nil
		}
		c := strings.ToUpper(strings.TrimSpace(it.Value))
		if c == "" || it.Tag == "!!null" {
			continue
		}
		if seen[c] {
			errs.Add(path, it.Line+1, "country %s is listed twice", c)
			continue
		}
		seen[c] = true
		codes, lines = append(codes, c), append(lines, it.Line+1)
	}
	if len(codes) == 0 {
		errs.Add(path, line, "countries is empty: name at least one country code, like [AZ]")
	}
	return codes, lines
}

// countryLine is the file line of the article's i-th country code.
func (a *Article) countryLine(i int) int {
	if i < len(a.countryLines) {
		return a.countryLines[i]
	}
	return a.Lines.Countries
}

// otherNames are the fields other generators' articles name otherwise:
// Hugo's, Zola's and Jekyll's.
var otherNames = map[string]string{
	"description": "summary", "lastmod": "updated", "last_modified_at": "updated", "modified": "updated",
	"publishdate": "date", "pubdate": "date", "url": "slug", "permalink": "slug",
}

// suggest names the closest known field, or lists them all.
func suggest(key string, known []string) string {
	if ours, ok := otherNames[strings.ToLower(key)]; ok && slices.Contains(known, ours) {
		return fmt.Sprintf("; did you mean %q?", ours)
	}
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; known fields: " + strings.Join(known, ", ")
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// WebAddress reports whether s is an absolute http(s) URL with a host: what
// source_url must be.
func WebAddress(s string) bool { return addressProblem(s) == "" }

// addressProblem says what keeps s from being an absolute http(s) URL a
// page can give readers, "" when nothing does.
func addressProblem(s string) string {
	if !utf8.ValidString(s) {
		return "is not UTF-8"
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return "cannot be read: " + unreadable(err)
	case u.Scheme != "https" && u.Scheme != "http":
		return "is not an absolute http(s) URL"
	case u.Host == "":
		return "has no host: write " + u.Scheme + "://, then the host, like " + u.Scheme + "://www.icrc.org/"
	case u.User != nil:
		return "has a user name or password before the host, which every reader would see: give the host alone"
	}
	return ""
}
