package wire

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The longest headline proposed from a lead, in characters.
const maxHeadline = 150

// findHeadline takes a first line that is a headline, short and not a
// sentence, and drops later repeats of it.
func findHeadline(paras []string) (string, []string) {
	first := paras[0]
	n := utf8.RuneCountInString(first)
	if len(paras) < 2 || n > 200 || len(strings.Fields(first)) < 2 || strings.ContainsAny(lastRune(first), ".,;:—–-") {
		return "", paras
	}
	if strings.ContainsAny(lastRune(first), "!?…") && len(strings.Fields(first)) > 20 {
		return "", paras
	}
	rest := slices.DeleteFunc(slices.Clone(paras[1:]), func(p string) bool { return p == first })
	return first, rest
}

// stoppedHeadline is a line that reads as a headline but for its full
// stop: one short sentence.
func stoppedHeadline(l string) bool {
	n := len(strings.Fields(l))
	if n < 2 || n > 20 || !strings.HasSuffix(l, ".") || strings.HasSuffix(l, "..") {
		return false
	}
	first := firstSentence(l)
	if first == strings.TrimSuffix(l, ".") {
		return true
	}
	// Two short sentences: "Токаев принял главу МККК. Обсуждены гуманитарные вопросы."
	second := strings.TrimSpace(strings.TrimPrefix(l, first))
	second = strings.TrimSpace(strings.TrimPrefix(second, "."))
	return n <= 16 && len(strings.Fields(first)) >= 2 && len(strings.Fields(second)) >= 2 &&
		len(sentenceEnd.FindAllStringIndex(second, -1)) == 1
}

var (
	sentenceEnd = regexp.MustCompile(`[.!?…]+["»”]?(?:\s|$)`)
	// A clause starts at a comma, a dash, a colon or a semicolon, or at
	// one of these words.
	clauseStart = regexp.MustCompile(`(?i)[,;:]\s|\s[—–-]\s|\s(?:который|которая|которое|которые|которого|которой|которых|которым|чтобы|где|когда|после того как|в то время как|а также|однако|but|which|who|whose|where|when|while|after|as well as|in order to|so that)\s`)
	// reportedBy is the clause closing a sentence that says who reported
	// it: ", сообщает Trend", ", сообщила пресс-служба МИД РК", ", the
	// State Commission said on Monday", ", according to the ministry".
	reportedBy = regexp.MustCompile(`,\s+(?:(?:сообщает|сообщают|сообщил[аио]?|передает|передаёт|пишет|заявил[аио]?|говорится|информирует|according to)\s|` +
		`(?:the\s+|a\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+|[\p{Ll}'’-]+\s+){0,5}(?:said|says|reported|reports|told|announced|informs)(?:\s|$))[^,]*$`)
	// Words a headline does not end on: prepositions, conjunctions, articles.
	danglers = map[string]bool{}
	// Danglers that bind to the word before them: no phrase starts there.
	tight = map[string]bool{"of": true, "the": true, "a": true, "an": true, "and": true, "or": true, "и": true, "или": true,
		"а": true, "как": true, "же": true, "ли": true, "не": true, "its": true, "their": true, "his": true, "her": true, "than": true, "but": true, "но": true, "что": true, "that": true}
)

func init() {
	for _, w := range strings.Fields(`в во на с со по о об обо к ко для из от до за при про под над без у и а но или что
		как же ли не the a an of in on at to for with by from and or but as that into about than its their his her`) {
		danglers[w] = true
	}
}

// proposeHeadline is the lead's first sentence; a long one is cut at the
// last clause boundary that leaves a headline, never inside a word.
func proposeHeadline(para string) string {
	s := firstSentence(para)
	if utf8.RuneCountInString(s) > maxHeadline {
		s = cutAtClause(s)
	}
	if !strings.HasSuffix(s, "..") {
		s = strings.TrimSuffix(s, ".") // a lead of one sentence, ending on "МИД РК." or "Dec. 2."
	}
	if loc := reportedBy.FindStringIndex(s); loc != nil && words(s[:loc[0]]) >= 4 {
		s = s[:loc[0]] // ", сообщает Trend со ссылкой на …": who said it is the lead's, not the headline's
	}
	return strings.TrimRight(s, " ,;:—–-")
}

// firstSentence ends at the first stop that ends a sentence: not the
// point of "Б.Милошевич", "1949 г." or "Nov.", nor one of the first
// three words.
func firstSentence(para string) string {
	fourth := wordStart(para, 4)
	for _, m := range sentenceEnd.FindAllStringIndex(para, -1) {
		before := strings.TrimRightFunc(para[:m[0]], unicode.IsSpace)
		last := before[strings.LastIndexFunc(before, unicode.IsSpace)+1:]
		if fourth < m[0] && utf8.RuneCountInString(last) > 2 && !abbreviation[strings.ToLower(strings.Trim(last, "(\"«"))] &&
			balanced(para[:m[0]]) {
			end := m[1]
			return strings.TrimRightFunc(strings.TrimRight(strings.TrimRightFunc(para[:end], unicode.IsSpace), "."), unicode.IsSpace)
		}
	}
	return para
}

var abbreviation = map[string]bool{"nov": true, "dec": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "янв": true, "фев": true, "февр": true, "апр": true,
	"авг": true, "сент": true, "окт": true, "нояб": true, "дек": true, "mr": true, "mrs": true, "dr": true,
	"st": true, "ул": true, "им": true, "тыс": true, "млн": true, "млрд": true, "руб": true, "долл": true,
	"corp": true, "inc": true, "ltd": true, "vs": true, "etc": true, "т.е": true, "т.д": true, "т.п": true}

// cutAtClause cuts s at a boundary of its clauses, a comma, a dash or a
// word like "which", or else before a phrase a preposition opens: the
// last within a headline's length, or the first a little past it; a
// sentence with neither is cut at its last whole word.
func cutAtClause(s string) string {
	var clause, phrase []int
	for _, m := range clauseStart.FindAllStringIndex(s, -1) {
		clause = append(clause, m[0])
	}
	for i, r := range s {
		if w := strings.ToLower(strings.Fields(s[i:] + " x")[0]); r == ' ' && danglers[w] && !tight[w] {
			phrase = append(phrase, i)
		}
	}
	fits := func(i, most int) bool {
		n := utf8.RuneCountInString(s[:i])
		return n >= 40 && n <= most && balanced(s[:i])
	}
	pick := func(cuts []int, most int, last bool) int {
		best := 0
		for _, c := range cuts {
			if fits(c, most) && (last || best == 0) {
				best = c
			}
		}
		return best
	}
	cut := cmp.Or(pick(clause, maxHeadline, true), pick(phrase, maxHeadline, true),
		pick(slices.Sorted(slices.Values(append(slices.Clone(clause), phrase...))), maxHeadline+50, false))
	if cut == 0 {
		if utf8.RuneCountInString(s) <= maxHeadline+50 {
			return s
		}
		limit := len(runePrefix(s, maxHeadline))
		if cut = strings.LastIndex(s[:limit], " "); cut <= 0 {
			return s[:limit]
		}
	}
	words := strings.Fields(s[:cut])
	for len(words) > 3 && danglers[strings.ToLower(strings.Trim(words[len(words)-1], ",;:"))] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// balanced says whether s closes every bracket and quotation it opens.
func balanced(s string) bool {
	m := countMarks(s)
	return strings.Count(s, "(") == strings.Count(s, ")") && m.opens == m.closes && m.straight%2 == 0
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

// wordStart is where the nth word of s starts, or len(s).
func wordStart(s string, n int) int {
	in := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in, n = true, n-1
			if n == 0 {
				return i
			}
		}
	}
	return len(s)
}

func capitalise(s string) string {
	s = strings.TrimSpace(s)
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// quote shows a piece of text in a message: in quotation marks, cut to
// a readable length.
func quote(s string) string {
	if utf8.RuneCountInString(s) > 80 {
		s = runePrefix(s, 77) + "…"
	}
	return "\"" + s + "\""
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

// recase writes a headline set in capitals, "МККК И АЗЕРБАЙДЖАН
// ПОДПИСАЛИ …", in the case the text writes its words in: an acronym
// stays, a name keeps its capital ("Азербайджана" gives "Азербайджан"),
// any other word is lower case; the first word takes a capital.
func recase(title string, body []string) (string, bool) {
	if strings.ContainsFunc(title, unicode.IsLower) || len(strings.Fields(title)) < 3 {
		return title, false
	}
	forms := caseForms(body)
	var b strings.Builder
	last := 0
	for _, m := range wordRE.FindAllStringIndex(title, -1) {
		between := title[last:m[0]]
		b.WriteString(between)
		// A word opens the headline, a sentence, or a quotation after a
		// colon: "МККК: «Нормы МГП …»".
		first := last == 0 || strings.ContainsAny(between, ".!?") || strings.Contains(between, ":") && strings.ContainsAny(between, "«\"“„")
		b.WriteString(recaseWord(title[m[0]:m[1]], forms, first))
		last = m[1]
	}
	b.WriteString(title[last:])
	return b.String(), true
}

// recaseWord writes a word of a headline in capitals in the case the
// body writes it in; first, as a sentence's first word is written.
func recaseWord(w string, forms map[string]wordCase, first bool) string {
	lw := strings.ToLower(w)
	f, ok := forms[lw]
	for n := utf8.RuneCountInString(lw) - 1; !ok && n >= 4 && n >= utf8.RuneCountInString(lw)-3; n-- {
		f, ok = forms[runePrefix(lw, n)+"…"] // another ending of the word
	}
	switch {
	case ok && f == caseUpper && utf8.RuneCountInString(w) > 1, !ok && !strings.ContainsAny(lw, vowels):
		// an acronym: "МККК", or a word with no vowel the text does not spell
	case ok && f == caseTitle || first:
		w = capitalise(lw)
	default:
		w = lw
	}
	return w
}

// vowels are the Latin and Cyrillic ones: a word without any is an acronym.
const vowels = "aeiouyаеёиоуыэюяәөүұі"

type wordCase int

const (
	caseLower wordCase = iota + 1
	caseTitle
	caseUpper
)

// caseForms are the cases the body writes its words in, by the word and
// by its stems ("азербайдж…"), a word opening a sentence not counted: its
// capital is the sentence's. Lower case wins over a capital, which wins
// over capitals.
func caseForms(body []string) map[string]wordCase {
	forms := map[string]wordCase{}
	note := func(k string, c wordCase) {
		if old, ok := forms[k]; !ok || c < old {
			forms[k] = c
		}
	}
	for _, p := range body {
		for _, loc := range wordRE.FindAllStringIndex(p, -1) {
			w := p[loc[0]:loc[1]]
			before := strings.TrimRightFunc(p[:loc[0]], unicode.IsSpace)
			opens := before == "" || strings.ContainsAny(lastRune(before), ".!?…\"«“")
			c := caseLower
			switch r, _ := utf8.DecodeRuneInString(w); {
			case !strings.ContainsFunc(w, unicode.IsLower) && utf8.RuneCountInString(w) > 1:
				c = caseUpper // an acronym, wherever it stands: "ICRC said …"
			case opens:
				continue
			case !strings.ContainsFunc(w, unicode.IsLower):
				c = caseUpper
			case unicode.IsUpper(r):
				c = caseTitle
			}
			lw := strings.ToLower(w)
			note(lw, c)
			for n := utf8.RuneCountInString(lw) - 1; n >= 4 && n >= utf8.RuneCountInString(lw)-3; n-- {
				note(runePrefix(lw, n)+"…", c)
			}
		}
	}
	return forms
}
