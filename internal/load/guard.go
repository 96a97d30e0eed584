package load

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefings/internal/diag"
)

// goldmark reads some shapes of Markdown in more than linear time (see
// the measurements in the tests): each link's address is looked for to
// the end of its line, each closing bracket reads every line of its
// paragraph and every bracket inside it, each emphasis mark looks back
// over every unmatched one of its paragraph, each nested list or quote
// reads the rest of its line again, a table gives every row as many
// cells as its header, and each footnote reference ([^1]) is looked up
// among every footnote definition. guard reads a body once, before
// goldmark does, and refuses what would cost more than a linear amount,
// at its line; no briefing comes near these bounds.
const (
	// MaxNesting bounds lists and quotes inside each other on one line,
	// counting four columns of indentation as one more level.
	MaxNesting = 32
	// MaxTableCells bounds the cells of an article's tables, rows × columns
	// of each: a row short of cells is given the header's number.
	MaxTableCells = 10000
	// MaxFootnotes bounds an article's footnote definitions ([^1]: …).
	MaxFootnotes = 500
	// linkWork is how much goldmark may read for the brackets, link
	// addresses and emphasis of a paragraph beyond 4 times its length.
	linkWork = 1 << 12
)

// guard reports the first shape of each kind in body that goldmark would
// read in more than linear time; first is the file line of the body's
// first line. It returns false if it found one.
func guard(path string, body []byte, first int, errs *diag.List) bool {
	n := len(*errs)
	lines := bytes.SplitAfter(body, []byte("\n"))
	reported := map[string]bool{}
	report := func(kind string, line int, format string, args ...any) {
		if !reported[kind] {
			reported[kind] = true
			errs.Add(path, first+line, format, args...)
		}
	}
	// where[i] is where line i starts in body: a paragraph is read in
	// place, where joining its lines was a tenth of the guard's time.
	where := make([]int, len(lines)+1)
	for i, l := range lines {
		where[i+1] = where[i] + len(l)
	}
	cells, notes := 0, 0
	for start := 0; start < len(lines); {
		if isBlank(lines[start]) {
			start++
			continue
		}
		end := start
		for end < len(lines) && !isBlank(lines[end]) {
			end++
		}
		c, n := guardBlock(lines[start:end], body[where[start]:where[end]], start, report)
		if cells += c; cells > MaxTableCells {
			report("table", start, "the tables up to here have %d cells, more than the %d an article's page can show; split them", cells, MaxTableCells)
		}
		if notes += n; notes > MaxFootnotes {
			report("footnotes", start, "more than %d footnotes: looking each reference up among so many takes too long; keep to %d", MaxFootnotes, MaxFootnotes)
		}
		start = end
	}
	return len(*errs) == n
}

// guardBlock checks one paragraph-like run of non-blank lines, block
// their bytes; at is the index of its first line in the body. It returns the cells of its
// tables and the footnotes it defines.
func guardBlock(lines [][]byte, block []byte, at int, report func(kind string, line int, format string, args ...any)) (cells, notes int) {
	for i, l := range lines {
		rest, depth := containers(l)
		if depth > MaxNesting {
			report("nesting", at+i, "lists and quotes nested %d deep on one line: Markdown this deep takes too long to read; keep to %d levels", depth, MaxNesting)
		}
		if bytes.HasPrefix(bytes.TrimLeft(rest, " "), []byte("[^")) && footnoteDef.Match(rest) {
			notes++
		}
		if cols := tableColumns(rest); cols > 0 && i > 0 {
			cells += cols * (len(lines) - i + 1) // at most: the rows to the paragraph's end
		}
	}
	if line, ok := emphasis(block); !ok {
		report("emphasis", at+line, "a paragraph whose emphasis marks take too long to read (many *, _ or ~ that open and never close?): put a blank line between paragraphs, or a backslash before marks that are not emphasis (\\*)")
	}
	if line, ok := links(block, len(lines)); !ok {
		report("links", at+line, "a paragraph whose brackets and links take too long to read (unclosed [ or ( after ]?): put a blank line between paragraphs, or a backslash before brackets that are not links (\\[)")
	}
	return cells, notes
}

func isBlank(l []byte) bool { return len(bytes.TrimSpace(l)) == 0 }

// containers skips the quote and list markers a line starts with, and
// returns the rest and how deep they nest, with indentation.
func containers(l []byte) ([]byte, int) {
	if startsWith(l, "-*_") && thematicBreak.Match(l) {
		return l, 0
	}
	depth, cols := 0, 0
	for {
		i := 0
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			if l[i] == '\t' {
				cols += 4
			} else {
				cols++
			}
			i++
		}
		l = l[i:]
		var m []byte
		if startsWith(l, "-+*0123456789") {
			m = listMarker.Find(l)
		}
		switch {
		case len(l) > 0 && l[0] == '>':
			l = l[1:]
			if len(l) > 0 && l[0] == ' ' {
				l = l[1:] // the space after ">" is the marker's, not indentation
			}
		case m != nil:
			l = l[len(m):]
		default:
			return l, depth + cols/4
		}
		depth++
	}
}

// startsWith tells whether l's first byte after spaces is one of these:
// the regular expressions below match only such lines, and running them
// on every line was a third of the guard's time.
func startsWith(l []byte, first string) bool {
	l = bytes.TrimLeft(l, " ")
	return len(l) > 0 && strings.IndexByte(first, l[0]) >= 0
}

var (
	thematicBreak = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})\n?$`)
	listMarker    = regexp.MustCompile(`^(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|\n|$)`)
	footnoteDef   = regexp.MustCompile(`^ {0,3}\[\^[^\]]+\]:`)
	delimiterRow  = regexp.MustCompile(`^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\n?$`)
)

// tableColumns is the number of columns a table's delimiter row (|---|:-:|)
// gives, or 0 if the line is not one.
func tableColumns(l []byte) int {
	// A delimiter row has no byte but these: trimming them off a table's
	// rows first spares most of the matching, which was over a quarter
	// of the guard's time.
	if !bytes.ContainsRune(l, '|') || len(bytes.Trim(l, "|-: \t\n")) > 0 || !delimiterRow.Match(l) {
		return 0
	}
	cells := bytes.Split(bytes.Trim(bytes.TrimSpace(l), "|"), []byte("|"))
	return len(cells)
}

// plainRun is how many bytes b starts with that emphasis reads as text:
// none of \\, a line's end or a mark.
func plainRun(b []byte) int {
	for i, c := range b {
		switch c {
		case '\\', '\n', '*', '_', '~':
			return i
		}
	}
	return len(b)
}

// emphasis follows goldmark's matching of emphasis marks in a paragraph:
// each mark that could close looks back over the marks still open for
// one of its kind. It returns the line it got to and false once that
// passes a linear budget.
func emphasis(b []byte) (int, bool) {
	budget := 4*len(b) + linkWork
	// Each run of marks looks back over at most the runs before it: n
	// marks take fewer than n² steps. Most paragraphs have a few, or none;
	// counting them spared the reading below, which was half the guard's time.
	marks := bytes.Count(b, []byte("*")) + bytes.Count(b, []byte("_")) + bytes.Count(b, []byte("~"))
	if marks*marks <= budget {
		return 0, true
	}
	type mark struct {
		c                 byte
		n                 int
		canOpen, canClose bool
	}
	var open []mark
	line := 0
	before := '\n'
	for i := 0; i < len(b); {
		// Text between marks is skipped byte by byte, its last letter
		// decoded once: a quarter less time than decoding every letter.
		if k := plainRun(b[i:]); k > 0 {
			before, _ = utf8.DecodeLastRune(b[i : i+k])
			i += k
			continue
		}
		c := b[i]
		if c == '\\' && i+1 < len(b) {
			if b[i+1] == '\n' {
				line++
			}
			before, i = rune(b[i+1]), i+2
			continue
		}
		if c == '\n' {
			line++
		}
		if c != '*' && c != '_' && c != '~' {
			before, i = rune(c), i+1
			continue
		}
		j := i
		for j < len(b) && b[j] == c {
			j++
		}
		after := '\n'
		if j < len(b) {
			after, _ = utf8.DecodeRune(b[j:])
		}
		m := mark{c: c, n: j - i}
		m.canOpen, m.canClose = flanking(c, before, after)
		before, i = rune(c), j
		found, maybe := false, false
		if m.canClose {
			for k := len(open) - 1; k >= 0 && !found; k-- {
				budget--
				o := open[k]
				if !o.canOpen || o.c != c {
					continue
				}
				maybe = true
				if (o.canClose || m.canOpen) && (o.n+m.n)%3 == 0 && m.n%3 != 0 {
					continue // the rule of three: not a pair
				}
				found, open = true, open[:k]
			}
		}
		if budget < 0 {
			return line, false
		}
		if !found && (m.canOpen || maybe) {
			open = append(open, m)
		}
	}
	return 0, true
}

// flanking tells whether a run of c between before and after could open
// or close, by CommonMark's rules.
func flanking(c byte, before, after rune) (canOpen, canClose bool) {
	space := func(r rune) bool { return unicode.IsSpace(r) }
	punct := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
	left := !space(after) && (!punct(after) || space(before) || punct(before))
	right := !space(before) && (!punct(before) || space(after) || punct(after))
	if c == '_' {
		return left && (!right || punct(before)), right && (!left || punct(after))
	}
	return left, right
}

// links adds up what goldmark reads for the brackets of a paragraph of
// nlines lines: for each ], the text since its [, every line of the
// paragraph, and the address after "](" as far as goldmark looks for its
// end. It gives up, with the line it got to, past a linear budget.
func links(b []byte, nlines int) (int, bool) {
	budget := 4*len(b) + linkWork
	// Each ] reads at most the paragraph twice (to its [ and on in its
	// address) and the lines: when the ]s cannot spend the budget so,
	// there is nothing to add up, as in most paragraphs.
	if bytes.Count(b, []byte("]"))*(2*len(b)+nlines/8) <= budget {
		return 0, true
	}
	var open []int
	line := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\\':
			if i++; i < len(b) && b[i] == '\n' {
				line++
			}
		case '\n':
			line++
		case '[':
			open = append(open, i)
		case ']':
			if len(open) == 0 {
				continue
			}
			budget -= i - open[len(open)-1] + nlines/8 // reading a line costs less than a byte's test
			open = open[:len(open)-1]
			if i+1 < len(b) && b[i+1] == '(' {
				budget -= destination(b[i+2:])
			}
		}
		if budget < 0 {
			return line, false
		}
	}
	return 0, true
}

// destination is how far goldmark reads an address and title after "](",
// whether or not it finds their end: an address to a space or unmatched
// ) on its line, or in <…> to the >; a title to its closing quote.
func destination(b []byte) int {
	i := skipSpace(b, 0)
	if i < len(b) && b[i] == '<' {
		for i < len(b) && b[i] != '>' && b[i] != '\n' {
			i++
		}
		return i
	}
	for depth := 0; i < len(b); i++ {
		c := b[i]
		if c == '\\' {
			i++
			continue
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			if depth--; depth < 0 {
				return i
			}
		} else if c == ' ' || c == '\t' || c == '\n' {
			break
		}
	}
	i = skipSpace(b, i)
	if i < len(b) && (b[i] == '"' || b[i] == '\'' || b[i] == '(') {
		closer := b[i]
		if closer == '(' {
			closer = ')'
		}
		if j := bytes.IndexByte(b[i+1:], closer); j >= 0 {
			return i + 1 + j
		}
		return len(b)
	}
	return i
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n') {
		i++
	}
	return i
}
