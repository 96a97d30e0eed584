package load

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefings/internal/diag"
)

const at = "content/ru/2025/a.md"

func TestParseArticleErrors(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string // every diagnostic, in order
	}{
		{"empty", "", []string{at + ":1: empty file: an article needs front matter (title, date, countries) and a body"}},
		{"blank lines only", "\n\n  \n", []string{at + ":1: empty file: an article needs front matter (title, date, countries) and a body"}},
		{"binary", "---\ntitle: x\n\x00\x01", []string{at + ":3: not a text file (it holds a NUL byte): save it as UTF-8 text, or keep it out of content/"}},
		{"invalid UTF-8", "---\ntitle: ok\ndate: 2025-01-01\ncountries: [AZ]\n---\nbad \xff byte\n",
			[]string{at + ":6: invalid UTF-8: save the file as UTF-8"}},
		{"no front matter", "# Title\n\nBody\n",
			[]string{at + `:1: missing front matter: the file must start with a line "---", then title, date and countries, then "---"`}},
		{"unclosed front matter", "---\ntitle: x\ndate: 2025-01-01\n",
			[]string{at + `:1: front matter is not closed: add a line "---" after the last field`}},
		{"empty front matter", "---\n---\nBody\n",
			[]string{at + ":1: front matter is empty: title, date and countries are required"}},
		{"not a mapping", "---\n- a\n- b\n---\n", []string{at + `:2: front matter must be "key: value" lines`}},
		{"missing fields", "---\nsummary: s\n---\nBody\n", []string{
			at + `:1: missing required field "countries"`,
			at + `:1: missing required field "date"`,
			at + `:1: missing required field "title"`}},
		{"unknown field with suggestion", "---\ntitel: T\ndate: 2025-01-01\ncountries: [AZ]\n---\n", []string{
			at + `:1: missing required field "title"`,
			at + `:2: unknown field "titel"; did you mean "title"?`}},
		{"unknown field far from any", "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\nauthor: me\n---\n", []string{
			at + `:5: unknown field "author"; known fields: title, date, countries, summary, source, source_url, translation_key, slug, updated, draft, image, image_alt, image_caption, image_credit`}},
		// Names and forms another generator's articles bring.
		{"Hugo's and Jekyll's names", "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\ndescription: d\nlastmod: 2025-01-02\nlast_modified_at: 2025-01-02\npublishDate: 2025-01-01\n---\n", []string{
			at + `:5: unknown field "description"; did you mean "summary"?`,
			at + `:6: unknown field "lastmod"; did you mean "updated"?`,
			at + `:7: unknown field "last_modified_at"; did you mean "updated"?`,
			at + `:8: unknown field "publishDate"; did you mean "date"?`}},
		{"TOML front matter", "+++\ntitle = \"T\"\ndate = 2025-01-01\n+++\nBody\n", []string{
			at + `:1: front matter in TOML (+++) is not read: write it in YAML between lines "---", title: T rather than title = "T"`}},
		{"countries as one line of text", "---\ntitle: T\ndate: 2025-01-01\ncountries: AZ, KZ\n---\n", []string{
			at + `:4: countries "AZ, KZ": write several codes as a list, countries: [AZ, KZ]`}},
		{"text after a closing quote", "---\ntitle: \"ICRC\" visit\ndate: 2025-01-01\ncountries: [AZ]\n---\n", []string{
			at + `:2: YAML: did not find expected key (a line indented unlike the others, or text after a closing quote? Start each field at the line's start, and put a value that holds quotes in the other kind: title: 'ICRC "visit"', title: "ICRC's visit")`}},
		{"a line indented unlike the others", "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\n  summary: S\n---\n", []string{
			at + `:5: YAML: did not find expected key (a line indented unlike the others, or text after a closing quote? Start each field at the line's start, and put a value that holds quotes in the other kind: title: 'ICRC "visit"', title: "ICRC's visit")`}},
		{"a title that opens a bracket", "---\ntitle: [Update] ICRC visit\ndate: 2025-01-01\ncountries: [AZ]\n---\n", []string{
			at + `:2: YAML: did not find expected key (a line indented unlike the others, or text after a closing quote? Start each field at the line's start, and put a value that holds quotes in the other kind: title: 'ICRC "visit"', title: "ICRC's visit")`}},
		{"bad date", "---\ntitle: T\ndate: 03.09.2025\ncountries: [AZ]\n---\n", []string{
			at + `:3: date "03.09.2025" is not a date: write YYYY-MM-DD (2025-09-03) or RFC 3339 (2025-09-03T14:30:00+05:00)`}},
		{"impossible date", "---\ntitle: T\ndate: 2025-02-30\ncountries: [AZ]\n---\n", []string{
			at + `:3: date "2025-02-30" is not a date: write YYYY-MM-DD (2025-09-03) or RFC 3339 (2025-09-03T14:30:00+05:00)`}},
		{"zone offset out of range", "---\ntitle: T\ndate: 2025-02-10T10:00:00+24:00\nupdated: 2025-02-11T10:00:00-05:60\ncountries: [AZ]\n---\n", []string{
			at + `:3: date "2025-02-10T10:00:00+24:00": +24:00 is no time zone offset: its hours go up to 23 and its minutes up to 59, like +05:00`,
			at + `:4: updated "2025-02-11T10:00:00-05:60": -05:60 is no time zone offset: its hours go up to 23 and its minutes up to 59, like +05:00`}},
		{"updated before date", "---\ntitle: T\ndate: 2025-02-10\nupdated: 2025-02-01\ncountries: [AZ]\n---\n", []string{
			at + `:4: updated (2025-02-01) is before date (2025-02-10): an update comes after publication; correct one of them`}},
		{"updated before date on the same day", "---\ntitle: T\ndate: 2025-11-18T10:00:00+05:00\nupdated: 2025-11-18T09:00:00+05:00\ncountries: [AZ]\n---\n", []string{
			at + `:4: updated (2025-11-18T09:00:00+05:00) is before date (2025-11-18T10:00:00+05:00): an update comes after publication; correct one of them`}},
		{"empty title", "---\ntitle:\ndate: 2025-01-01\ncountries: [AZ]\n---\n", []string{at + ":2: title is empty"}},
		{"title as list", "---\ntitle: [a, b]\ndate: 2025-01-01\ncountries: [AZ]\n---\n",
			[]string{at + ":2: title must be text, not a list or a mapping"}},
		{"countries empty", "---\ntitle: T\ndate: 2025-01-01\ncountries: []\n---\n",
			[]string{at + ":4: countries is empty: name at least one country code, like [AZ]"}},
		{"countries mapping", "---\ntitle: T\ndate: 2025-01-01\ncountries: {a: b}\n---\n",
			[]string{at + ":4: countries must be a list of country codes, like [AZ, KZ]"}},
		{"country twice", "---\ntitle: T\ndate: 2025-01-01\ncountries:\n  - AZ\n  - az\n---\n",
			[]string{at + ":6: country AZ is listed twice"}},
		{"slug leaves folder", "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\nslug: ../../etc\n---\n", []string{
			at + `:5: slug "../../etc" may hold only lower-case letters a-z, digits, hyphens and underscores, neither first nor last (no slashes or dots)`}},
		{"slug with slash", "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\nslug: a/b\n---\n", []string{
			at + `:5: slug "a/b" may hold only lower-case letters a-z, digits, hyphens and underscores, neither first nor last (no slashes or dots)`}},
		{"source_url javascript", "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\nsource_url: javascript:alert(1)\n---\n", []string{
			at + `:5: source_url "javascript:alert(1)" is not an absolute http(s) URL`}},
		{"draft not bool", "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\ndraft: yes\n---\n",
			[]string{at + ":5: draft must be true or false"}},
		{"duplicate key", "---\ntitle: T\ntitle: U\ndate: 2025-01-01\ncountries: [AZ]\n---\n",
			[]string{at + `:3: field "title" is given twice (first on line 2)`}},
		{"colon in title", "---\ntitle: ICRC: delegation closes\ndate: 2025-01-01\ncountries: [AZ]\n---\n",
			[]string{at + `:2: YAML: mapping values are not allowed in this context (a value with ": " in it must be in double quotes, title: "ICRC: …"; or a line above lacks its colon)`}},
		{"title starting with #", "---\ntitle: #1 priority\ndate: 2025-01-01\ncountries: [AZ]\n---\n",
			[]string{at + ":2: title is empty: in YAML # starts a comment, so a title starting with # must be in double quotes"}},
		{"title starting with @", "---\ntitle: @ICRC says\ndate: 2025-01-01\ncountries: [AZ]\n---\n",
			[]string{at + ":2: YAML: found character that cannot start any token (a value starting with @, ` or %, or a tab, must be in double quotes; indent with spaces)"}},
		{"unclosed list", "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ\n---\n",
			[]string{at + ":4: YAML: did not find expected ',' or ']' (a value that starts with [ or { is read as a list or a mapping up to its closing bracket: close it, countries: [AZ, KZ], or put text in double quotes, title: \"[Update] …\")"}},
		{"tab indentation", "---\ntitle: T\n\tdate: 2025-01-01\ncountries: [AZ]\n---\n",
			[]string{at + ":3: YAML: found a tab character that violates indentation"}},
		{"title without letters", "---\ntitle: «—»\ndate: 2025-01-01\ncountries: [AZ]\n---\n",
			[]string{at + `:2: title "«—»" gives an empty slug; add a slug: field`}},
		{"every problem at once", "---\ntitle:\ndate: soon\ncountries: AZ\nslug: A B\ncolour: red\n---\n", []string{
			at + ":2: title is empty",
			at + `:3: date "soon" is not a date: write YYYY-MM-DD (2025-09-03) or RFC 3339 (2025-09-03T14:30:00+05:00)`,
			at + `:5: slug "A B" may hold only lower-case letters a-z, digits, hyphens and underscores, neither first nor last (no slashes or dots)`,
			at + `:6: unknown field "colour"; known fields: title, date, countries, summary, source, source_url, translation_key, slug, updated, draft, image, image_alt, image_caption, image_credit`}},
		{"front matter and body problems together", "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\nsumary: s\n---\n![a](https://elsewhere.example/t.png)\n", []string{
			at + `:5: unknown field "sumary"; did you mean "summary"?`,
			at + ":7: image: a picture from another site cannot be published: a remote image lets that site track every reader, in pages and feeds alike; save the photo under content/ (content/media/ for one that articles in several languages share) and give its path relative to this file, like ../../media/seminar.jpg"}},
		{"unreadable YAML, body still read", "---\ntitle: ICRC: x\n---\n![a](https://elsewhere.example/t.png)\n", []string{
			at + `:2: YAML: mapping values are not allowed in this context (a value with ": " in it must be in double quotes, title: "ICRC: …"; or a line above lacks its colon)`,
			at + ":4: image: a picture from another site cannot be published: a remote image lets that site track every reader, in pages and feeds alike; save the photo under content/ (content/media/ for one that articles in several languages share) and give its path relative to this file, like ../../media/seminar.jpg"}},
		{"slug too long for a folder name", "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\nslug: " + strings.Repeat("a", 201) + "\n---\n",
			[]string{at + ":5: slug is 201 characters long: shorten it to 200 at most"}},
		{"control characters, with the other problems", "---\ntitle: T\x01\ndate: 2025-01-01\ncountries: [AZ]\nsumary: x\n---\nA \x1b[31m red\x0c page.\n", []string{
			at + ":2: invisible control character U+0001: delete it (pages and feeds cannot carry it)",
			at + `:5: unknown field "sumary"; did you mean "summary"?`,
			at + ":7: invisible control character U+001B: delete it (pages and feeds cannot carry it)"}},
		{"control character as a YAML escape", "---\ntitle: \"T\\x01\"\ndate: 2025-01-01\ncountries: [AZ]\n---\n",
			[]string{at + ":2: title holds the control character U+0001 (an escape in quotes?): delete it"}},
		{"links whose address cannot be read", "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\n---\nThe [report](a%zz), [a file](100%)\nand [a host](http://[::1).\n\n[Colon](2024:report) [port](https://example.org:port/) [host](<https://exa mple.org/>)\n[v6](http://[::1]:80/) [share](https://example.org/100%zz?q=50%)\n", []string{
			at + `:6: link to 100%: a relative link can lead only to an article's .md file; link to a full https:// address, a path of the site (/en/countries/azerbaijan/) or an article's .md file`,
			at + `:6: link to a%zz: a relative link can lead only to an article's .md file; link to a full https:// address, a path of the site (/en/countries/azerbaijan/) or an article's .md file`,
			at + `:7: link to http://[::1: the address cannot be read: a page cannot link to a host written as an IPv6 address ([…]); link to the host by its name`,
			at + `:9: link to 2024:report: the address cannot be read: it is not a full address (a colon comes before any /); give the full address, like https://example.org/2024:report, a path of the site or an article's .md file`,
			at + `:9: link to https://exa mple.org/: the address cannot be read: invalid character " " in host name; correct the host`,
			at + `:9: link to https://example.org:port/: the address cannot be read: invalid port ":port" after host; correct the port, or leave it out`,
			at + `:10: link to http://[::1]:80/: a page cannot link to a host written as an IPv6 address ([…]); link to the host by its name`}},
		{"UTF-16", "\xff\xfe-\x00-\x00-\x00\n\x00", []string{at + ":1: the file is saved as UTF-16: save it as UTF-8"}},
		{"old Mac line ends", "---\rtitle: T\rdate: soon\rcountries: [AZ]\r---\r", []string{
			at + `:3: date "soon" is not a date: write YYYY-MM-DD (2025-09-03) or RFC 3339 (2025-09-03T14:30:00+05:00)`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := ParseArticle(at, []byte(c.src))
			var got []string
			for _, d := range errs.Sort() {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestParseArticle(t *testing.T) {
	src := "\uFEFF---\r\ntitle: «МККК»  закрывает\r\n  делегацию\r\ndate: 2025-09-03T10:30:00+04:00\r\n" +
		"countries: [az, KZ]\r\nsource: АрмИнфо\r\nsource_url: https://example.org/a\r\ntranslation_key: k1\r\n" +
		"updated: 2025-09-04\r\ndraft: false\r\n---\r\n# Heading\r\n\r\nFirst *paragraph*, with `code`\r\nand a [link](https://example.org).\r\n\r\n" +
		"<script>alert(1)</script>\r\n\r\n[bad](javascript:alert(1)) <javascript:x()> <b onclick=\"z\">raw</b>\r\n"
	a, errs := ParseArticle(at, []byte(src))
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	want := Article{Path: at, Lang: "ru", Title: "«МККК» закрывает делегацию", Countries: []string{"AZ", "KZ"},
		Source: "АрмИнфо", SourceURL: "https://example.org/a", TranslationKey: "k1",
		Slug: "mkkk-zakryvaet-delegatsiiu", Summary: "First paragraph, with code and a link."}
	if a.Title != want.Title || a.Lang != want.Lang || strings.Join(a.Countries, ",") != "AZ,KZ" ||
		a.Source != want.Source || a.SourceURL != want.SourceURL || a.TranslationKey != want.TranslationKey ||
		a.Slug != want.Slug || a.Summary != want.Summary || a.Draft {
		t.Errorf("got %+v\nwant %+v", *a, want)
	}
	if got := a.Date.Format(time.RFC3339); got != "2025-09-03T10:30:00+04:00" {
		t.Errorf("date = %s", got)
	}
	if got := a.Updated.Format(time.DateOnly); got != "2025-09-04" {
		t.Errorf("updated = %s", got)
	}
	for _, bad := range []string{"<script", `="javascript`, "vbscript:", "onclick", "<b", `href=""`, `src=""`, "<!--", "\r"} {
		if strings.Contains(a.HTML, bad) {
			t.Errorf("body HTML holds %q:\n%s", bad, a.HTML)
		}
	}
	for _, good := range []string{"<h2>Heading</h2>", "<em>paragraph</em>", `<a href="https://example.org">link</a>`,
		"<p>bad javascript:x() raw</p>"} {
		if !strings.Contains(a.HTML, good) {
			t.Errorf("body HTML lacks %q:\n%s", good, a.HTML)
		}
	}
	if a.Lines != (FieldLines{Title: 2, Date: 4, Countries: 5, TranslationKey: 8}) {
		t.Errorf("lines = %+v", a.Lines)
	}
}

// TestSummaryText: a summary made from the first paragraph reads as the
// page shows it, escapes and character references resolved.
func TestSummaryText(t *testing.T) {
	src := "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\n---\nA \\*star\\*, AT&amp;T &copy; &#0; `a&amp;b`\n"
	a, errs := ParseArticle(at, []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if want := "A *star*, AT&T © \uFFFD a&amp;b"; a.Summary != want {
		t.Errorf("summary = %q, want %q", a.Summary, want)
	}
	if strings.Contains(a.HTML, "\x00") {
		t.Errorf("&#0; put a control character in the page: %q", a.HTML)
	}
}

// TestBodyControls: a direction control in the body, as it is or as a
// character reference, and a control character given by a reference,
// are errors at their lines, wherever in the body they stand; so that no
// summary, feed or search result made of the body carries one.
func TestBodyControls(t *testing.T) {
	head := "---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\n---\nFirst line.\n\n"
	for _, c := range []struct{ body, want string }{
		{"The ICRC \u202eexe.txt said.\n", ":8: direction control U+202E"},
		{"- item\n- an \u2066isolate\n", ":9: direction control U+2066"},
		{"```\nif x \u202d{ }\n```\n", ":9: direction control U+202D"},
		{"A `code \u202a` span.\n", ":8: direction control U+202A"},
		{"A reference &#x202E; here.\n", ":8: a character reference gives the direction control U+202E"},
		{"A [link &#8238;](https://example.org).\n", "gives the direction control U+202E"},
		{"> quoted\n> an escape &#x1b;[31m\n", ":9: a character reference gives the control character U+001B"},
		{"Tab &#9; and &#127; delete.\n", "gives the control character U+007F"},
	} {
		_, errs := ParseArticle(at, []byte(head+c.body))
		if len(errs) != 1 || !strings.Contains(errs[0].String(), c.want) || errs[0].Severity != diag.Error {
			t.Errorf("%q: %v, want one error with %q", c.body, errs, c.want)
		}
	}
	// Marks that set no direction beyond themselves stay: LRM, RLM, ALM.
	if _, errs := ParseArticle(at, []byte(head+"Quoted \u200f\u061c\u200e text &lrm; &#x200F;.\n")); len(errs) > 0 {
		t.Errorf("direction marks refused: %v", errs)
	}
}

func TestMakeSlug(t *testing.T) {
	cases := []struct{ title, lang, want string }{
		{"МККК закрывает делегацию в Азербайджане", "ru", "mkkk-zakryvaet-delegatsiiu-v-azerbaidzhane"},
		{"По решению правительства", "ru", "po-resheniiu-pravitelstva"},
		{"Подъезд к Ханкенди", "ru", "podieezd-k-khankendi"},
		{"Щёлково & Жуковский: «итоги» — 2025", "ru", "shchiolkovo-i-zhukovskii-itogi-2025"},
		{"Azerbaijan: Activity highlights for the first half of 2024", "en", "azerbaijan-activity-highlights-for-the-first-half-of-2024"},
		{"Aid & access: \"ICRC\" — Türkiye", "en", "aid-and-access-icrc-turkiye"},
		{"  Spaces   everywhere  ", "en", "spaces-everywhere"},
		{"Токаев посетил Қызылорду и Жаңаөзен", "ru", "tokaev-posetil-kyzylordu-i-zhanaozen"},
		{"Visit to Әлемтану and Ұлытау", "en", "visit-to-alemtanu-and-ulytau"},
		{"Shelling near Bərdə and Tərtər; Gəncə, Şəki, Ağdam, İsmayıllı", "en", "shelling-near-berde-and-terter-gence-seki-agdam-ismayilli"},
		{"ƏLİ", "en", "eli"},
	}
	long := strings.Repeat("Заголовок ", 40)
	if got := MakeSlug(long, "ru"); len(got) > MaxSlug || !strings.HasPrefix(got, "zagolovok-zagolovok") || strings.HasSuffix(got, "-") {
		t.Errorf("MakeSlug of a 400-letter title = %q: want at most %d bytes, cut at a hyphen", got, MaxSlug)
	}
	for _, c := range cases {
		if got := MakeSlug(c.title, c.lang); got != c.want {
			t.Errorf("MakeSlug(%q, %s) = %q, want %q", c.title, c.lang, got, c.want)
		}
	}
}

// Year 1 is how Go writes "no time": a date in it, or of any year no
// briefing can have, is an error at its line, not an article without a date.
func TestImplausibleYears(t *testing.T) {
	for _, date := range []string{"0001-01-01", "1899-12-31", "0001-01-01T00:30:00+01:00"} {
		_, errs := ParseArticle("content/en/a.md", []byte("---\ntitle: A\ndate: "+date+"\ncountries: [AZ]\n---\nText.\n"))
		want := "content/en/a.md:3: date \"" + date + "\": the year"
		if len(errs) != 1 || !strings.HasPrefix(errs[0].String(), want) {
			t.Errorf("date %s: %v", date, errs)
		}
	}
	if _, errs := ParseArticle("content/en/a.md", []byte("---\ntitle: A\ndate: 1900-01-01\ncountries: [AZ]\n---\nText.\n")); errs != nil {
		t.Errorf("1900-01-01: %v", errs)
	}
}

// Dates are compared as the editor wrote them: the year in the date's own
// zone, and a day without a time by the day written.
func TestDatesAsWritten(t *testing.T) {
	src := func(date, updated string) []byte {
		s := "---\ntitle: A\ndate: " + date + "\ncountries: [AZ]\n"
		if updated != "" {
			s += "updated: " + updated + "\n"
		}
		return []byte(s + "---\nText.\n")
	}
	for _, c := range []struct{ date, updated string }{
		{"1900-01-01T00:00:00+14:00", ""},
		{"9999-12-31T23:59:59-12:00", ""},
		{"2025-01-01", "2025-01-01"},
		{"2025-01-01T10:00:00+05:00", "2025-01-01"},
		{"2025-01-01", "2025-01-01T00:00:00+14:00"},
		{"2025-01-01T23:30:00-10:00", "2025-01-01"},
		{"2025-01-01T10:00:00+05:00", "2025-01-01T10:00:00+05:00"},
		{"2025-01-01T10:00:00+05:00", "2025-01-01T06:00:00Z"},
	} {
		if _, errs := ParseArticle("content/en/a.md", src(c.date, c.updated)); errs != nil {
			t.Errorf("date %s, updated %s: %v", c.date, c.updated, errs)
		}
	}
	for _, c := range []struct{ date, updated string }{
		{"2025-01-02", "2025-01-01"},
		{"2025-01-02T00:00:00+14:00", "2025-01-01"},
		{"2025-01-01T10:00:00+05:00", "2025-01-01T04:59:59Z"},
		{"1899-12-31T23:59:59-12:00", ""},
	} {
		if _, errs := ParseArticle("content/en/a.md", src(c.date, c.updated)); len(errs) != 1 {
			t.Errorf("date %s, updated %s: want one error, got %v", c.date, c.updated, errs)
		}
	}
}

// A body's highest heading is an h2, under the page's h1, however the
// editor began: no level is skipped.
func TestHeadingLevels(t *testing.T) {
	t.Run("random", testHeadingLevelsRandom)
	for body, want := range map[string]string{
		"# A\n\n## B":                        "<h2>A</h2>\n<h3>B</h3>",
		"## A\n\n### B":                      "<h2>A</h2>\n<h3>B</h3>",
		"### A\n\n## B":                      "<h2>A</h2>\n<h2>B</h2>",
		"#### A\n\n#### B":                   "<h2>A</h2>\n<h2>B</h2>",
		"## A\n\n#### B":                     "<h2>A</h2>\n<h3>B</h3>",
		"## A\n\n##### B\n\n#### C\n\n### D": "<h2>A</h2>\n<h3>B</h3>\n<h3>C</h3>\n<h3>D</h3>",
	} {
		a, errs := ParseArticle(at, []byte("---\ntitle: T\ndate: 2025-09-03\ncountries: [AZ]\n---\n"+body+"\n"))
		if len(errs) > 0 || !strings.Contains(a.HTML, want) {
			t.Errorf("%q gives %q (%v), want %q", body, a.HTML, errs, want)
		}
	}
}

var headingTag = regexp.MustCompile(`<h(\d)>`)

// Of random runs of headings, the first is an h2, none is more than one
// level below the one before it, a deeper one in Markdown is one level
// deeper, one at the same level stays so, and a higher one is not deeper.
func testHeadingLevelsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		md := make([]int, 1+rng.IntN(8))
		var body strings.Builder
		for i := range md {
			md[i] = 1 + rng.IntN(6)
			fmt.Fprintf(&body, "%s H%d\n\n", strings.Repeat("#", md[i]), i)
		}
		a, errs := ParseArticle(at, []byte("---\ntitle: T\ndate: 2025-09-03\ncountries: [AZ]\n---\n"+body.String()))
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		var got []int
		for _, m := range headingTag.FindAllStringSubmatch(a.HTML, -1) {
			n, _ := strconv.Atoi(m[1])
			got = append(got, n)
		}
		ok := len(got) == len(md) && got[0] == 2
		for i := 1; ok && i < len(md); i++ {
			switch {
			case got[i] < 2 || got[i] > got[i-1]+1:
				ok = false
			case md[i] > md[i-1]:
				ok = got[i] == min(got[i-1]+1, 6)
			case md[i] == md[i-1]:
				ok = got[i] == got[i-1]
			default:
				ok = got[i] <= got[i-1]
			}
		}
		if !ok {
			t.Fatalf("Markdown levels %v give %v", md, got)
		}
	}
}
