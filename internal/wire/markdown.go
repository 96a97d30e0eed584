package wire

import (
	"regexp"
	"strings"
)

// markdown writes the paragraphs as Markdown: quoted speech standing as
// paragraphs of its own becomes a blockquote, a quotation over several
// paragraphs one blockquote; characters Markdown would read are escaped.
func markdown(paras []string) string {
	var b strings.Builder
	for i := 0; i < len(paras); i++ {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if !opensQuote(paras[i]) {
			b.WriteString(escape(paras[i]))
			continue
		}
		// The quotation runs to the paragraph that closes it.
		end := i
		for end < len(paras)-1 && !closesQuote(strings.Join(paras[i:end+1], " ")) {
			end++
		}
		if !closesQuote(strings.Join(paras[i:end+1], " ")) {
			end = i // never closed: quote this paragraph alone
		}
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

func opensQuote(p string) bool { return strings.ContainsAny(firstRune(p), "\"«“„") }

// closesQuote reports whether the quotation marks of a text balance.
func closesQuote(s string) bool {
	opens := strings.Count(s, "«") + strings.Count(s, "“") + strings.Count(s, "„")
	closes := strings.Count(s, "»") + strings.Count(s, "”")
	straight := strings.Count(s, "\"")
	return opens == closes && straight%2 == 0 && (opens > 0 || straight > 0)
}

func firstRune(s string) string {
	for _, c := range s {
		return string(c)
	}
	return ""
}

var (
	inlineMarkup = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`, "[", `\[`)
	blockStart   = regexp.MustCompile(`^(#|>|[-+] |\d+[.)] )`)
)

// escape keeps wire text literal in Markdown.
func escape(p string) string {
	p = inlineMarkup.Replace(p)
	if blockStart.MatchString(p) {
		p = `\` + p
	}
	return p
}
