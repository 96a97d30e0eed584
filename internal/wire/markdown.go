package wire

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// markdown writes the paragraphs as Markdown: quoted speech standing as
// paragraphs of its own becomes a blockquote, a quotation over several
// paragraphs one blockquote, list items a list, rows of cells a table;
// characters Markdown would read are escaped.
func markdown(paras []string) string {
	marks := make([]quoteMarks, len(paras))
	for i, p := range paras {
		marks[i] = countMarks(p)
	}
	var b strings.Builder
	list, plain := "", 0 // the marker of the list just written; the end of lines that are no list
	for i := 0; i < len(paras); i++ {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if n := tableEnd(paras, i); n > i {
			writeTable(&b, paras[i:n+1])
			i, list = n, ""
			continue
		}
		if i >= plain {
			end, run := listRun(paras, i)
			plain = run // past the list, lines of direct speech: no item among them starts one
			if end > i {
				list = writeList(&b, paras[i:end], list)
				i = end - 1
				continue
			}
		}
		list = ""
		if !opensQuote(paras[i]) || !speech(paras[i]) {
			b.WriteString(escape(paras[i]))
			continue
		}
		end := quoteEnd(marks, i)
		for j := i; j <= end; j++ {
			if j > i {
				b.WriteString("\n>\n")
			}
			b.WriteString("> " + escape(paras[j]))
		}
		i = end
	}
	return b.String()
}

// tableEnd is the last row of the table whose first row is paragraph
// i, or i when no table starts there.
func tableEnd(paras []string, i int) int {
	n, end := len(cells(paras[i])), i
	for n > 0 && end+1 < len(paras) && len(cells(paras[end+1])) == n {
		end++
	}
	return end
}

// writeTable writes rows as a GFM table, the first row its header, as a
// table of figures in a wire text has. Rules between rows, as a table
// pasted as Markdown has under its header ("|---|:--:|"), are left out:
// the table written has its own.
func writeTable(b *strings.Builder, rows []string) {
	i := 0
	for _, row := range rows {
		cs := cells(row)
		if !slices.ContainsFunc(cs, func(c string) bool { return !ruleCell.MatchString(c) }) {
			continue
		}
		if i > 0 {
			b.WriteString("\n")
		}
		for j, c := range cs {
			cs[j] = escape(c)
		}
		b.WriteString("| " + strings.Join(cs, " | ") + " |")
		if i == 0 {
			b.WriteString("\n|" + strings.Repeat(" --- |", len(cs)))
		}
		i++
	}
}

// ruleCell is a cell of a rule between a table's rows: dashes, with the
// colons of Markdown's alignment.
var ruleCell = regexp.MustCompile(`^:?-+:?$`)

// quoteEnd is the paragraph that closes the quotation opening paragraph
// i, or i when none does. Counting marks per paragraph keeps a long text
// of unclosed quotations from being read over and over.
func quoteEnd(marks []quoteMarks, i int) int {
	var sum quoteMarks
	for end := i; end < len(marks); end++ {
		sum.opens += marks[end].opens
		sum.closes += marks[end].closes
		sum.straight += marks[end].straight
		if sum.balanced() {
			return end
		}
	}
	return i
}

// speech says whether a paragraph opening with a quotation mark is
// quoted speech: the quotation runs on past it, or closes on a stop, a
// comma or a dash ("«…», — сказал он", "“…,” he said"). A name in
// quotation marks opening a sentence, "«Казахстан Темир Жолы» и МККК
// подписали …", is not.
func speech(p string) bool {
	open, n := utf8.DecodeRuneInString(p)
	closer := map[rune]string{'«': "»", '“': "”", '„': "“”", '"': `"`}[open]
	depth := 0
	for i, r := range p[n:] {
		switch {
		case r == open && open != '"':
			depth++
		case strings.ContainsRune(closer, r) && depth > 0:
			depth--
		case strings.ContainsRune(closer, r):
			before, _ := utf8.DecodeLastRuneInString(p[:n+i])
			after := strings.TrimLeft(p[n+i+utf8.RuneLen(r):], " ")
			return strings.ContainsRune(".,!?…", before) || after == "" || strings.ContainsAny(firstRune(after), ".,!?…:;–—-")
		}
	}
	return true
}

func opensQuote(p string) bool { return strings.ContainsAny(firstRune(p), "\"«“„") }

type quoteMarks struct{ opens, closes, straight int }

func countMarks(s string) quoteMarks {
	return quoteMarks{opens: strings.Count(s, "«") + strings.Count(s, "“") + strings.Count(s, "„"),
		closes: strings.Count(s, "»") + strings.Count(s, "”"), straight: strings.Count(s, "\"")}
}

// balanced reports whether the quotation marks of a text balance.
func (m quoteMarks) balanced() bool {
	return m.opens == m.closes && m.straight%2 == 0 && (m.opens > 0 || m.straight > 0)
}

func firstRune(s string) string {
	for _, c := range s {
		return string(c)
	}
	return ""
}

var (
	inlineMarkup = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`, "[", `\[`,
		"~", `\~`, "&", `\&`)
	// A list item, a thematic break or a quotation at the start of a paragraph.
	blockStart = regexp.MustCompile(`^(?:#|>|[-+](?:\s|$)|-+\s|---)`) // "-- -" is a thematic break too
	// "1. " and "1) " start a list: the escape goes on the point.
	listNumber = regexp.MustCompile(`^(\d+)([.)](?:\s|$))`)
	wwwAddress = regexp.MustCompile(`^www(?:\.[A-Za-z0-9-]+){2,}(?:[/?#][\w/?#=&%.-]*[\w/=&%-])?$`)
	// an address with its scheme inside a word, up to what an autolink
	// may not hold
	embedded = regexp.MustCompile(`https?://[\w.-]+(?:[/?#][^\s<>\\]*)?`)
)

// splitAddress finds a web address inside a word, between the
// punctuation around it: "(https://…)," is "(", the address, "),". The
// address ends as a reader reads it: without the stops, quotation marks
// and unpaired closing brackets after it.
func splitAddress(w string) (pre, addr, post string) {
	loc := embedded.FindStringIndex(w)
	if loc == nil || len(w) > loc[1] && w[loc[1]] == '\\' {
		return "", "", ""
	}
	addr = w[loc[0]:loc[1]]
	end := len(addr)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(addr[:end])
		unpaired := r == ')' && strings.Count(addr[:end], "(") < strings.Count(addr[:end], ")") ||
			r == ']' && strings.Count(addr[:end], "[") < strings.Count(addr[:end], "]")
		if !unpaired && !strings.ContainsRune(".,;:!?'\"»”’›*_~", r) {
			break
		}
		end -= n
	}
	if end <= len("https://") || strings.IndexByte(addr[:end], '.') < 0 {
		return "", "", ""
	}
	return w[:loc[0]], addr[:end], addr[end:] + w[loc[1]:]
}

// escape keeps wire text literal in Markdown. A web address is written
// as an autolink, <https://…>, which says where it ends: an escape inside
// a bare one would end its link there, and punctuation around it would be
// guessed at. An address without its scheme is left whole for goldmark
// to link, when it is one goldmark links all of.
func escape(p string) string {
	words := strings.Split(p, " ")
	for i, w := range words {
		switch pre, addr, post := splitAddress(w); {
		case addr != "":
			words[i] = inlineMarkup.Replace(pre) + "<" + addr + ">" + inlineMarkup.Replace(post)
		case wwwAddress.MatchString(w):
		default:
			words[i] = inlineMarkup.Replace(w)
		}
	}
	p = strings.Join(words, " ")
	if blockStart.MatchString(p) {
		return `\` + p
	}
	return listNumber.ReplaceAllString(p, `$1\$2`)
}
