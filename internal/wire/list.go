package wire

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// A list item pasted as a line of its own: a bullet, a dash or a star,
	// a number or a letter with its point or bracket, then the item.
	listItem = regexp.MustCompile(`^(?:([•·▪◦●■□○◆◇♦❖★☆✔✓☑➢➤►▶▸‣⁃→])\s*|([-–—*])\s+|(\d{1,3})([.)])\s+|([a-zа-я])\)\s+)(\S.*)$`)
	// "— …, — сказал он": direct speech, its author after a second dash.
	attribution = regexp.MustCompile(`[,!?…]\s+[-–—]\s+\p{L}`)
	// "Добрый день. Мы вернулись вчера.": a line of speech, not an item.
	twoSentences = regexp.MustCompile(`\p{Ll}{3}[.!?…]\s+\p{Lu}`)
)

// item is a list item: its marker, the number or letter that orders it,
// and its text, which keeps a letter ("а) …") for the text to refer to.
type item struct {
	marker string // the bullet or dash; "1." or "1)" for numbers, "а)" for letters
	n      int
	text   string
}

func listItemOf(p string) (item, bool) {
	m := listItem.FindStringSubmatch(p)
	switch {
	case m == nil:
		return item{}, false
	case m[1] != "" || m[2] != "":
		return item{marker: m[1] + m[2], text: m[6]}, true
	case m[3] != "":
		n, _ := strconv.Atoi(m[3])
		return item{marker: "1" + m[4], n: n, text: m[6]}, true
	}
	r, _ := utf8.DecodeRuneInString(m[5])
	if r < utf8.RuneSelf {
		return item{marker: "a)", n: int(r), text: p}, true
	}
	return item{marker: "а)", n: int(r), text: p}, true
}

// follows says whether an item continues the list prev is in: the same
// marker, the next number, a later letter.
func (it item) follows(prev item) bool {
	switch {
	case it.marker != prev.marker:
		return false
	case it.ordered():
		return it.n == prev.n+1
	}
	return it.n == 0 || it.n > prev.n
}

func (it item) ordered() bool { return strings.HasPrefix(it.marker, "1") }

func (it item) dash() bool { return it.marker == "-" || it.marker == "–" || it.marker == "—" }

// listRun reads the run of items starting at paragraph i: list is where
// the list it starts ends, i when it starts none, and run where the run
// ends. A list is two items or more, and dashes that are not direct
// speech; once speech begins in a run of dashes, the rest of the run is
// speech too, a dialogue, and stays paragraphs.
func listRun(paras []string, i int) (list, run int) {
	prev, ok := listItemOf(paras[i])
	if !ok {
		return i, i
	}
	first := prev
	for run = i + 1; run < len(paras); run++ {
		it, ok := listItemOf(paras[run])
		if !ok || !it.follows(prev) {
			break
		}
		prev = it
	}
	if !first.dash() {
		if run-i >= 2 {
			return run, run
		}
		return i, run
	}
	// Items can run straight into the direct speech after them, dashes
	// both: the list is the longest run before the speech.
	for e := run; e-i >= 2; e-- {
		if dashList(paras, i, e) {
			return e, run
		}
	}
	return i, run
}

// dashList says whether lines opening with a dash are a list rather than
// direct speech: none names its speaker after a second dash, ends with a
// question or an exclamation or says two sentences, and either a colon introduces them (but
// for sentences in Cyrillic, which is how Russian sets speech after a
// colon), or each but the last ends without a stop, as items do.
func dashList(paras []string, i, end int) bool {
	sentences := true
	for _, p := range paras[i:end] {
		it, _ := listItemOf(p)
		last := lastRune(strings.TrimRight(p, "»”\")"))
		if attribution.MatchString(p) || strings.ContainsAny(last, "?!") || twoSentences.MatchString(it.text) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(it.text)
		sentences = sentences && unicode.IsUpper(r) && unicode.Is(unicode.Cyrillic, r) && strings.ContainsAny(last, ".…")
	}
	if i > 0 && strings.HasSuffix(paras[i-1], ":") {
		return !sentences
	}
	for _, p := range paras[i : end-1] {
		if strings.ContainsAny(lastRune(p), ".…") {
			return false
		}
	}
	return true
}

// writeList writes items as a Markdown list, ordered when numbered, with
// the other bullet or point than a list just before it, so that the two
// stay two lists. It returns the marker it wrote.
func writeList(b *strings.Builder, paras []string, before string) string {
	first, _ := listItemOf(paras[0])
	marker := "-"
	if first.ordered() {
		marker = "."
	}
	if marker == before {
		marker = map[string]string{"-": "*", ".": ")"}[marker]
	}
	for j, p := range paras {
		it, _ := listItemOf(p)
		if j > 0 {
			b.WriteString("\n")
		}
		if it.ordered() {
			b.WriteString(strconv.Itoa(it.n) + marker + " " + escape(it.text))
		} else {
			b.WriteString(marker + " " + escape(it.text))
		}
	}
	return marker
}
