package load

import (
	"bytes"
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

// Article is one Markdown file under content/{lang}/, parsed and converted.
type Article struct {
	Path           string // slash-separated, from the project root: content/ru/2025/x.md
	Lang           string // the first folder under content/
	Title          string
	Date           time.Time
	Updated        time.Time // zero when not given
	Countries      []string  // ISO codes as written, upper-cased
	Summary        string    // plain text: front matter, else the first paragraph
	Source         string
	SourceURL      string
	TranslationKey string
	Slug           string // from front matter, else made from the title
	Draft          bool
	Static         bool       // a page of the site under content/{lang}/pages/, not news: no date, countries, lists or feeds
	HTML           string     // the body as ParseArticle renders it; "" once Load has stored it: read it with Body
	Empty          bool       // the body shows nothing
	Links          []Link     // links to other articles and site paths, to be resolved when URLs are known
	Lead           *PhotoRef  // the lead photo, from front matter; nil when there is none
	Photos         []PhotoRef // the photos in the body, in order; see PhotoRef.Placeholder
	Dropped        diag.List  // warnings for the links and raw HTML the body lost
	Lines          FieldLines
	countryLines   []int                        // the line of each of Countries
	dayOnly        struct{ date, updated bool } // given as YYYY-MM-DD, without a time
	Hash           uint64                       // of the path and bytes, all ParseArticle reads: pages digest an article by it
	stored         *storedBody                  // where Load put HTML; nil: in HTML
}

// FieldLines are the file lines of front matter fields, for messages that
// later stages report against a field.
type FieldLines struct {
	Title, Date, Countries, TranslationKey, Slug, Summary int
}

// Link is a Markdown link from an article's body to another article file,
// like [see](../2024/x.md#part), or to a path of the site, like
// [see](/en/countries/kazakhstan/). HTML holds Placeholder where its URL goes.
type Link struct {
	Target      string // the file linked to: content/en/2024/x.md; or "" and Site set
	Site        string // the site path linked to, from its root: /en/countries/kazakhstan/
	Fragment    string // "#part", "?q=1#part", or ""
	Line        int
	Placeholder string
}

var knownFields = []string{"title", "date", "countries", "summary", "source", "source_url",
	"translation_key", "slug", "updated", "draft", "image", "image_alt", "image_caption", "image_credit"}

// ParseArticle parses one article file. It is a pure function of its
// arguments; path names the file in messages and gives the language.
// When there are errors the article is nil, or, if its front matter could
// be split from the body, the fields that were valid and the body, so
// that the body's problems and checks against other files are reported
// in the same run.
func ParseArticle(path string, src []byte) (*Article, diag.List) {
	return parseArticle(path, src, HashBytes([]byte(path), src))
}

// parseArticle is ParseArticle given HashBytes(path, src), which Load has
// made already.
func parseArticle(path string, src []byte, hash uint64) (*Article, diag.List) {
	var errs diag.List
	src, ok := checkText(path, src, &errs)
	if !ok {
		return nil, errs
	}
	fm, body, ok := splitFrontMatter(path, src, &errs)
	if !ok {
		return nil, errs
	}
	a := &Article{Path: path, Lang: langOf(path), Static: IsStaticPage(path), Hash: hash}
	a.parseFrontMatter(fm, &errs)
	a.makeSlug(&errs)
	if !guard(path, body, bodyLine(src, body), &errs) {
		return a, errs
	}
	b := convertBody(path, body, bodyLine(src, body), a.Summary, hash)
	a.HTML, a.Summary, a.Links, a.Photos, a.Dropped = b.html, b.summary, b.links, b.photos, b.dropped
	a.Empty = strings.TrimSpace(b.html) == ""
	errs.Append(b.errs)
	return a, errs
}

// makeSlug gives the article its slug, from the title when it has none of
// its own, and checks it.
func (a *Article) makeSlug(errs *diag.List) {
	switch {
	case a.Static:
		a.staticSlug(errs)
	case a.Slug == "" && a.Title != "":
		a.Slug = MakeSlug(a.Title, a.Lang)
		if a.Slug == "" {
			errs.Add(a.Path, a.Lines.Title, "title %q gives an empty slug; add a slug: field", a.Title)
		} else if bad := WindowsName(a.Slug); bad != "" {
			errs.Add(a.Path, a.Lines.Title, "the title gives a slug Windows cannot hold, as %s; add a slug: field with another", bad)
		}
	case a.Slug != "":
		if bad := WindowsName(a.Slug); bad != "" {
			errs.Add(a.Path, a.Lines.Slug, "slug %s; choose another", bad)
		}
	}
}

// MakeSlug makes the URL slug of a title: lower-case ASCII letters, digits
// and hyphens. gosimple/slug transliterates Cyrillic as ICAO Doc 9303 (the
// Russian passport standard) does, but for the soft and hard signs, which
// it turns into apostrophes and so into hyphens: "правительства" would be
// "pravitel-stva". ICAO drops ь and writes ъ as "ie"; so do we.
//
// Kazakh letters and Azerbaijani ə, in names that Russian and English
// titles carry, are not in gosimple/slug's tables: it dropped Ә and ə and
// split the word at them and the other Kazakh letters ("Қазақстан" was
// "k-azak-stan", "Bərdə" "b-rd"). They are written as the letters they
// sound nearest to, ə as e, as search reads it.
func MakeSlug(title, lang string) string {
	if lang == "ru" {
		title = russianSigns.Replace(title)
	}
	title = regionLetters.Replace(title)
	s := slug.MakeLang(title, lang)
	if len(s) > MaxSlug {
		s = s[:MaxSlug+1]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i] // a whole word
		}
		s = strings.TrimRight(s[:min(len(s), MaxSlug)], "-_") // a slug may not end in either
	}
	return s
}

// MaxSlug is the longest slug, in bytes: a slug is a folder's name in the
// site, and file systems refuse names past 255 bytes.
const MaxSlug = 200

var regionLetters = strings.NewReplacer("Ә", "А", "ә", "а", "Ғ", "Г", "ғ", "г", "Қ", "К", "қ", "к", "Ң", "Н", "ң", "н",
	"Ө", "О", "ө", "о", "Ұ", "У", "ұ", "у", "Ү", "У", "ү", "у", "Һ", "Х", "һ", "х", "І", "И", "і", "и", "Ə", "E", "ə", "e")

var russianSigns = strings.NewReplacer("ь", "", "Ь", "", "ъ", "ie", "Ъ", "IE", "&", " и ")

// langOf returns the first folder under content/.
func langOf(path string) string {
	parts := strings.Split(path, "/")
	if len(parts) < 3 {
		return ""
	}
	return parts[1]
}

// checkText accepts UTF-8 text, dropping a byte-order mark and turning
// CRLF and lone CR line ends into LF, so that lines count as editors show them.
// Control characters are reported and read as spaces, so that the file's
// other problems are listed too.
func checkText(path string, src []byte, errs *diag.List) ([]byte, bool) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if len(bytes.TrimSpace(src)) == 0 {
		errs.Add(path, 1, "empty file: an article needs front matter (title, date, countries) and a body")
		return nil, false
	}
	if bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) {
		errs.Add(path, 1, "the file is saved as UTF-16: save it as UTF-8")
		return nil, false
	}
	if bytes.IndexByte(src, '\r') >= 0 { // most files have none: no copies then
		src = bytes.ReplaceAll(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		errs.Add(path, lineAt(src, i), "not a text file (it holds a NUL byte): save it as UTF-8 text, or keep it out of content/")
		return nil, false
	}
	if !utf8.Valid(src) {
		errs.Add(path, lineAt(src, invalidUTF8At(src)), "invalid UTF-8: save the file as UTF-8")
		return nil, false
	}
	if hasControl(src) {
		return blankControls(path, src, errs), true
	}
	return src, true
}

// hasControl reports whether valid UTF-8 text holds a rune textRune
// refuses. It reads bytes, not runes: run on every article of every build,
// decoding runes took a sixth of the parsing (cpu profile). Looking each
// byte up in controlLead first made it three times as fast again.
func hasControl[T string | []byte](b T) bool {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case !controlLead[c]:
		case c == 0xc2:
			if i+1 < len(b) && b[i+1] <= 0x9f { // U+0080–U+009F
				return true
			}
		case c == 0xef:
			if i+2 < len(b) && b[i+1] == 0xbf && b[i+2] >= 0xbe { // U+FFFE, U+FFFF
				return true
			}
		default: // a control character below space but tab and line feed, or DEL
			return true
		}
	}
	return false
}

// controlLead marks the bytes that start what hasControl looks for: the
// ASCII controls but tab and line feed, and the first bytes of U+0080–U+009F
// and of U+FFFE and U+FFFF.
var controlLead = func() (t [256]bool) {
	for c := range t {
		t[c] = c < 0x20 && c != '\t' && c != '\n' || c == 0x7f || c == 0xc2 || c == 0xef
	}
	return t
}()

// blankControls reports the lines holding control characters and returns
// the text with spaces in their place.
func blankControls(path string, src []byte, errs *diag.List) []byte {
	out := make([]byte, 0, len(src))
	reported := 0
	for i, r := range string(src) {
		if textRune(r) {
			out = utf8.AppendRune(out, r)
			continue
		}
		if line := lineAt(src, i); line != reported {
			reported = line
			errs.Add(path, line, "invisible control character %U: delete it (pages and feeds cannot carry it)", r)
		}
		out = append(out, ' ')
	}
	return out
}

// textRune reports whether r may stand in an article: control characters
// other than tab and line feed, and the non-characters U+FFFE and U+FFFF,
// are not allowed in XML, so not in feeds.
func textRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return true
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return false
	}
	return r != 0xfffe && r != 0xffff
}

// bidiControl reports the characters that set the direction of the text
// after them (embeddings, overrides, isolates): in a title or a name they
// reach past it, into what a page writes beside it.
func bidiControl(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// lineAt is the 1-based line of byte offset i.
func lineAt(b []byte, i int) int { return bytes.Count(b[:min(i, len(b))], []byte("\n")) + 1 }

// bodyLine is the file line the body starts on.
func bodyLine(src, body []byte) int { return lineAt(src, len(src)-len(body)) }

// splitFrontMatter cuts "---\n…\n---\n" off the top. Front matter lines are
// file lines minus one.
func splitFrontMatter(path string, src []byte, errs *diag.List) (fm, body []byte, ok bool) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) == "+++" {
		errs.Add(path, 1, `front matter in TOML (+++) is not read: write it in YAML between lines "---", title: T rather than title = "T"`)
		return nil, nil, false
	}
	if string(bytes.TrimRight(first, " \t")) != "---" {
		errs.Add(path, 1, "missing front matter: the file must start with a line \"---\", then title, date and countries, then \"---\"")
		return nil, nil, false
	}
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest) + 1
		if end >= 0 {
			next = off + end + 1
		}
		l := rest[off:min(next-1, len(rest))]
		if string(bytes.TrimRight(l, " \t")) == "---" {
			return rest[:off], rest[min(next, len(rest)):], true
		}
		off = next
	}
	errs.Add(path, 1, "front matter is not closed: add a line \"---\" after the last field")
	return nil, nil, false
}

// parseFrontMatter decodes the YAML between the "---" lines, field by field,
// so that every problem is reported with its own line. File line = YAML line + 1.
func (a *Article) parseFrontMatter(src []byte, errs *diag.List) {
	const offset = 1
	var doc yaml.Node
	if err := decodeFrontMatter(src, &doc); err != nil {
		AddYAMLError(errs, a.Path, offset, err)
		return
	}
	if len(doc.Content) == 0 {
		errs.Add(a.Path, 1, "front matter is empty: title, date and countries are required")
		return
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		errs.Add(a.Path, m.Line+offset, "front matter must be \"key: value\" lines")
		return
	}
	seen := map[string]int{}
	photo := map[string]photoField{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			errs.Add(a.Path, k.Line+offset, "field %q is given twice (first on line %d)", k.Value, first)
			continue
		}
		seen[k.Value] = k.Line + offset
		if v.LineComment == "" { // yaml.v3 gives "key: # …" to the key
			v.LineComment = k.LineComment
		}
		if strings.HasPrefix(k.Value, "image") && slices.Contains(knownFields, k.Value) {
			s, _ := scalarText(a.Path, k.Value, k.Line+offset, v, errs) // "" when reported
			photo[k.Value] = photoField{s, k.Line + offset}
			continue
		}
		a.field(k.Value, k.Line+offset, v, errs)
	}
	a.leadPhoto(photo, errs)
	required := []string{"title", "date", "countries"}
	if a.Static {
		required = []string{"title"}
		for _, k := range []string{"date", "updated", "countries", "source", "source_url"} {
			if seen[k] > 0 {
				errs.Add(a.Path, seen[k], "a page of the site (under %s/pages/) has no %s: it is not news; remove the field, or move the file out of pages/ to make it an article", a.Lang, k)
			}
		}
	}
	for _, req := range required {
		if seen[req] == 0 {
			errs.Add(a.Path, 1, "missing required field %q", req)
		}
	}
	if !a.Updated.IsZero() && !a.Date.IsZero() && a.updatedBeforeDate() {
		errs.Add(a.Path, seen["updated"], "updated (%s) is before date (%s): an update comes after publication; correct one of them",
			asWritten(a.Updated, a.dayOnly.updated), asWritten(a.Date, a.dayOnly.date))
	}
}

// PublishAt is when the article is published: the instant its date gives
// with its time, or, for a date without a time, when that day begins in
// the site's time zone.
func (a *Article) PublishAt(loc *time.Location) time.Time {
	return instant(a.Date, a.dayOnly.date, loc)
}

// asWritten is a date as the editor gave it: the day alone, or with its time.
func asWritten(t time.Time, dayOnly bool) string {
	if dayOnly {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// UpdatedAt is when the article was updated, as PublishAt reads its date;
// zero if it gives no update.
func (a *Article) UpdatedAt(loc *time.Location) time.Time {
	return instant(a.Updated, a.dayOnly.updated && !a.Updated.IsZero(), loc)
}

// instant is a date as written: a day alone begins at midnight in loc
// (UTC when nil), a date with its time is that time.
func instant(t time.Time, dayOnly bool, loc *time.Location) time.Time {
	if !dayOnly {
		return t
	}
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

// updatedBeforeDate compares the dates as the editor wrote them: when
// either is a day without a time, by the days written; else as instants.
func (a *Article) updatedBeforeDate() bool {
	if a.dayOnly.date || a.dayOnly.updated {
		return a.Updated.Format(time.DateOnly) < a.Date.Format(time.DateOnly)
	}
	return a.Updated.Before(a.Date)
}

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
			if !WebAddress(s) {
				errs.Add(a.Path, line, "source_url %q is not an absolute http(s) URL", s)
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
				errs.Add(a.Path, line, "slug %q may hold only lower-case letters a-z, digits and single hyphens (no slashes or dots)", s)
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

// Invisible says what is wrong with a text value holding a control
// character or a direction control, or "" if it holds neither. A YAML
// escape in quotes ("\x1b", "\u202e") is how either gets in.
func Invisible(key, value string) string {
	if i := strings.IndexFunc(value, func(r rune) bool { return !textRune(r) && r != '\r' }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(value[i:])
		return fmt.Sprintf("%s holds the control character %U (an escape in quotes?): delete it", key, r)
	}
	if i := strings.IndexFunc(value, bidiControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(value[i:])
		return fmt.Sprintf("%s holds the direction control %U, which turns the text after it around, on the page and past it (the site's name in the tab's title, a list's dates): delete it", key, r)
	}
	return ""
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
func WebAddress(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}
