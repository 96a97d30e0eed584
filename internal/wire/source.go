package wire

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"briefings/internal/load"
)

// agencies finds the agencies of sources.yaml in text, by any of their
// spellings, ignoring case; the longest spelling wins.
type agencies struct {
	forms  []agencyForm // longest first
	any    *regexp.Regexp
	inline []*regexp.Regexp
}

type agencyForm struct {
	form string
	src  *load.Source
}

// A name an agency may go by that is not in the table: "BAQ.KZ", "24.kg".
const genericName = `[\p{Lu}\p{N}][\p{L}\p{N}\-]*(?:\.[\p{L}]{2,})?`

// compiled keeps the last table's agencies: one import reads many texts
// against the same table, and compiling its spellings is most of the cost
// of reading one.
var compiled struct {
	sync.Mutex
	sources []*load.Source
	ag      *agencies
}

func newAgencies(sources []*load.Source) *agencies {
	compiled.Lock()
	defer compiled.Unlock()
	if compiled.ag != nil && slices.Equal(compiled.sources, sources) {
		return compiled.ag
	}
	compiled.sources, compiled.ag = slices.Clone(sources), compileAgencies(sources)
	return compiled.ag
}

func compileAgencies(sources []*load.Source) *agencies {
	a := &agencies{}
	seen := map[string]bool{}
	for _, s := range sources {
		for _, f := range s.Forms() {
			if k := strings.ToLower(f); f != "" && !seen[k] {
				seen[k] = true
				a.forms = append(a.forms, agencyForm{f, s})
			}
		}
	}
	slices.SortStableFunc(a.forms, func(x, y agencyForm) int { return len(y.form) - len(x.form) })
	quoted := make([]string, len(a.forms))
	for i, f := range a.forms {
		quoted[i] = regexp.QuoteMeta(f.form)
	}
	// name ends a pattern, so it reads the character after a spelling to
	// know the spelling ends there; before a verb, the space does that.
	name, before := genericName, genericName
	if len(quoted) > 0 {
		name = `(?i:` + strings.Join(quoted, "|") + `)(?:[^\p{L}\p{N}]|$)|` + genericName
		before = `(?i:` + strings.Join(quoted, "|") + `)|` + genericName
		a.any = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(` + strings.Join(quoted, "|") + `)(?:[^\p{L}\p{N}]|$)`)
	}
	a.inline = []*regexp.Regexp{
		// ", передает BAQ.KZ", "сообщает корреспондент Kazinform", "по данным ТАСС"
		regexp.MustCompile(`(?:,\s*|\s+)(?i:передает|передаёт|сообщает|пишет|информирует|по данным|по информации|со ссылкой на)\s+` +
			`(?i:(?:собственный\s+)?корреспондент(?:а)?\s+|агентств[оа]\s+|ИА\s+|информагентств[оа]\s+|издани[ея]\s+|сайт\s+|портал\s+)?` +
			`(` + name + `)`),
		// ", News.Az reports", "Kazinform correspondent reports", "Report informs"
		regexp.MustCompile(`(?:,\s*|^|\s+)(` + before + `)(?:'s)?\s+(?i:(?:correspondent|reporter)\s+)?(?i:reports|reported|informs|informed|writes|wrote)\b`),
	}
	return a
}

// at is the agency whose spelling starts s, and its length in bytes.
func (a *agencies) at(s string) (*load.Source, int) {
	s = runePrefix(s, 100) // longer than any spelling
	for _, f := range a.forms {
		n := len(f.form)
		if n <= len(s) && strings.EqualFold(s[:n], f.form) && !letterAt(s, n) {
			return f.src, n + domainTail(s[n:])
		}
		// Case folding may change a spelling's length in bytes: compare runes.
		if r := utf8.RuneCountInString(f.form); r <= utf8.RuneCountInString(s) {
			if p := runePrefix(s, r); len(p) != n && strings.EqualFold(p, f.form) && !letterAt(s, len(p)) {
				return f.src, len(p) + domainTail(s[len(p):])
			}
		}
	}
	return nil, 0
}

// domainTail is the length of the domain an agency's name goes on
// with, ".KZ" of "INTERFAX.KZ": the name is its site's.
func domainTail(s string) int {
	if len(s) < 3 || s[0] != '.' {
		return 0
	}
	n := 1
	for n < len(s) && n <= 4 && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z') {
		n++
	}
	if n < 3 || letterAt(s, n) {
		return 0
	}
	return n
}

// in finds an agency named anywhere in s.
func (a *agencies) in(s string) *load.Source {
	if a.any == nil {
		return nil
	}
	if m := a.any.FindStringSubmatch(s); m != nil {
		src, _ := a.at(m[1])
		return src
	}
	return nil
}

// named is the agency a name found in a text means: from the table, or
// the name as written.
func (a *agencies) named(name string) found {
	name = strings.TrimRight(strings.TrimSpace(name), ".,:;")
	if src, n := a.at(name); src != nil && n == len(name) {
		return found{src: src}
	}
	if src := a.in(name); src != nil {
		return found{src: src}
	}
	return found{name: name}
}

// byHost is the agency whose site a URL is on.
func (a *agencies) byHost(u string) *load.Source {
	p, err := url.Parse(u)
	if err != nil {
		return nil
	}
	return a.onHost(strings.TrimPrefix(strings.ToLower(p.Hostname()), "www."), true)
}

// onHost is the agency whose site is on a host; with paths, one whose
// site is a path on a shared host (gov.kz/…/mfa) too.
func (a *agencies) onHost(host string, paths bool) *load.Source {
	if host == "" {
		return nil
	}
	for _, f := range a.forms {
		for _, site := range f.src.Sites {
			site, path, _ := strings.Cut(strings.ToLower(site), "/")
			if (paths || path == "") && (host == site || strings.HasSuffix(host, "."+site)) {
				return f.src
			}
		}
	}
	return nil
}

// bySender is the agency whose site is the host of an e-mail's sender:
// a site of its own, not a path on a shared one (gov.kz/…/mfa).
func (a *agencies) bySender(host string) *load.Source { return a.onHost(host, false) }

// found is a source: an agency of the table, or a name as the text writes it.
type found struct {
	src  *load.Source
	name string
	how  string
}

func (f found) nameIn(lang string) string {
	if f.src != nil {
		return f.src.NameIn(lang)
	}
	return f.name
}

func (f found) ok() bool { return f.src != nil || f.name != "" }

var (
	// "Источник: МИД РК", "Source: ICRC": a line of its own.
	sourceLine = regexp.MustCompile(`^(?i:источник|source|sources|дереккөз|первоисточник)\s*:\s*(.{2,200})$`)
	// "АрмИнфо. По решению…": an agency's name opening the text.
	openingTag = regexp.MustCompile(`^(` + genericName + `)\.\s+(\p{Lu})`)
	// ", передает корреспондент агентства": the agency's own tag, unnamed.
	anonymousTag = regexp.MustCompile(`,\s*(?i:передает|передаёт|сообщает)\s+(?i:собственный\s+)?(?i:корреспондент|корр\.)\s+(?i:агентства|издания|портала|нашего агентства)`)
	moreLink     = regexp.MustCompile(`^(?i:подробнее|читать далее|читать полностью|read more|more|full story|ссылка|link|оригинал|original|полный текст|full text)\s*[:—–-]?\s*(https?://\S+)$`)
	webLink      = regexp.MustCompile(`https?://[^\s<>"«»()]+[^\s<>"«»().,;:!?]`)
)

// findSource finds the agency a text names as its source, in the
// positions agencies put it, and takes the tag out of the text; a link
// to the agency's site, or one on a line of its own, is its source_url.
// knownAgency says whether name is all of an agency's spelling.
func knownAgency(name string, ag *agencies) bool {
	src, n := ag.at(name)
	return src != nil && n == len(name)
}

func findSource(paras []string, tag found, ag *agencies) (found, string, []string) {
	src := tag
	var link string
	out := make([]string, 0, len(paras))
	for i, p := range paras {
		if m := sourceLine.FindStringSubmatch(p); m != nil {
			value := strings.TrimSpace(m[1])
			if u := webLink.FindString(value); u != "" {
				link = u
				value = strings.TrimSpace(strings.Replace(value, u, "", 1))
				if s := ag.byHost(u); s != nil && value == "" {
					value = s.Name
				}
			}
			if value != "" && !src.ok() {
				src = ag.named(value)
				src.how = "from the line " + quote(p)
			}
			continue
		}
		if m := moreLink.FindStringSubmatch(p); m != nil {
			link = m[1] // "Подробнее: https://…", "Read more: https://…"
			continue
		}
		if u := webLink.FindString(p); u == strings.TrimSpace(p) {
			link = u // a link on a line of its own
			continue
		}
		if tag, ok := agencyLine(p, ag); ok && (i > 0 || len(paras) > 2) { // first, it is the masthead above the headline
			if !src.ok() {
				src = tag
			}
			continue
		}
		if i <= 1 && !src.ok() {
			// Opening the text, or, an agency of sources.yaml, its lead
			// under the headline.
			if m := openingTag.FindStringSubmatchIndex(p); m != nil && (i == 0 || knownAgency(p[m[2]:m[3]], ag)) {
				src = ag.named(p[m[2]:m[3]])
				src.how = "from the tag opening the text (" + p[m[2]:m[3]] + ".)"
				p = p[m[4]:]
			}
		}
		src, p = ag.takeInline(p, src)
		if strings.Contains(p, "корр") {
			p = tidy(anonymousTag.ReplaceAllString(p, ""))
		}
		if p != "" {
			out = append(out, p)
		}
	}
	if link == "" && src.src != nil {
		for _, p := range out {
			for _, u := range webLink.FindAllString(p, -1) {
				if ag.byHost(u) == src.src && link == "" {
					link = u
				}
			}
		}
	}
	return src, link, out
}

// siteName is a site's name as agencies write it under a text: "Vlast.kz".
var siteName = regexp.MustCompile(`^\p{L}[\p{L}\p{N}-]*\.\p{L}{2,}$`)

// agencyLine is a line that only names an agency, "APA", "Report.az", as
// sites put their tag under the text or between its paragraphs: an agency
// of the table, or a site's name.
func agencyLine(p string, ag *agencies) (found, bool) {
	name := strings.Trim(p, " .,:;/|–—-()[]")
	for _, n := range []string{name, agencyWords.ReplaceAllString(name, "")} {
		if src, end := ag.at(n); src != nil && end == len(n) {
			return found{src: src, how: "from the line " + quote(p)}, true
		}
	}
	if siteName.MatchString(name) {
		return found{name: name, how: "from the line " + quote(p)}, true
	}
	return found{}, false
}

// agencyWords say what an agency is, beside its name: "AKIpress News
// Agency", "Информационное агентство Кабар".
var agencyWords = regexp.MustCompile(`(?i)^(?:(?:международное |национальное )?(?:информационное агентство|информагентство|агентство|ИА|news agency)\s+)|\s+(?:news agency|information agency|news|ақпарат агенттігі|агентство)$`)

// takeInline finds the agency a paragraph's sentences name as their
// source. A tag that ends its sentence (", Trend reports.", ", передает
// BAQ.") is taken out; a name elsewhere ("As Kazinform reports, …") is
// left where it is, and counts only if it is an agency of the table: a
// capitalised word there is as often a ministry.
func (ag *agencies) takeInline(p string, src found) (found, string) {
	for _, re := range ag.inline {
		if !hasInlineVerb(p) {
			break
		}
		for _, m := range re.FindAllStringSubmatchIndex(p, -1) {
			// The name's pattern reads the character after it: give it back.
			for m[3] > m[2] && !isWordRune(lastRuneOf(p[m[2]:m[3]])) {
				_, n := utf8.DecodeLastRuneInString(p[:m[3]])
				if m[1] == m[3] {
					m[1] -= n
				}
				m[3] -= n
			}
			named := ag.named(p[m[2]:m[3]])
			end := tagEnd.FindStringSubmatchIndex(p[m[1]:])
			clause := end != nil && strings.HasPrefix(p[m[0]:], ",") // ", X reports."
			if !clause && named.src == nil || src.ok() && (named.src == nil || named.src != src.src) {
				continue // a word of the sentence, or another agency quoted
			}
			if !src.ok() {
				src = named
				src.how = "from the text: " + quote(strings.TrimLeft(p[m[0]:m[1]], ", "))
			}
			if clause {
				p = tidy(p[:m[0]] + p[m[1]+end[3]:])
			}
			break
		}
	}
	return src, p
}

// tagEnd is what follows a tag that ends its sentence: the name's closing
// quote, if any, then the sentence's stop or the paragraph's end.
var tagEnd = regexp.MustCompile(`^(\s*[»"”]?)\s*(?:[.!…]+(?:\s|$)|$)`)

// tidy mends the punctuation a tag taken out of a sentence leaves.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, r := range []struct{ from, to string }{{" .", "."}, {",.", "."}, {" ,", ","}, {" :", ":"}} {
		s = strings.ReplaceAll(s, r.from, r.to)
	}
	return strings.TrimLeft(s, " .,;:")
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func runePrefix(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// inlineVerbs are the verbs of the tags in a sentence: a cheap look
// before the costly one.
var inlineVerbs = strings.Fields("передае передаё сообща пишет информир данным информации ссылкой report inform writes wrote")

func hasInlineVerb(p string) bool {
	p = strings.ToLower(p)
	return slices.ContainsFunc(inlineVerbs, func(v string) bool { return strings.Contains(p, v) })
}
