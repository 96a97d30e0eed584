package load

import (
	"bytes"
	"slices"
	"strings"
	"time"

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
	reportBidi(path, body, bodyLine(src, body), &errs)
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
