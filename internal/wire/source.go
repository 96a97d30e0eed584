package wire

import (
	"regexp"
	"strings"
)

var (
	// "АрмИнфо. По решению…": an agency's name opening the text.
	openingTag = regexp.MustCompile(`^([\p{L}][\p{L}\p{N}\-]*(?:\.[\p{L}]{2,})?)\.\s+(\p{Lu})`)
	// "Источник: МИД РК", "Source: ICRC": a paragraph of its own.
	sourceLine = regexp.MustCompile(`^(?i:источник|source)\s*:\s*(.{2,60})$`)
	// ", передает BAQ.KZ.", ", News.Az reports.": a tag inside a sentence.
	inlineTags = []*regexp.Regexp{
		regexp.MustCompile(`,?\s+(?:передает|передаёт|сообщает|пишет)\s+([\p{Lu}][\p{L}\p{N}\-]*(?:\.[\p{L}]{2,})?)`),
		regexp.MustCompile(`,?\s+([\p{Lu}][\p{L}\p{N}\-]*(?:\.[\p{L}]{2,})?)\s+(?:reports|reported)\b`),
	}
)

// findSource finds the agency the text names as its source, and takes its
// tag out of the text.
func findSource(paras []string) (string, []string) {
	out := make([]string, 0, len(paras))
	source := ""
	for i, p := range paras {
		if m := sourceLine.FindStringSubmatch(p); m != nil {
			source = strings.TrimRight(strings.TrimSpace(m[1]), ".")
			continue
		}
		if i == 0 {
			if m := openingTag.FindStringSubmatchIndex(p); m != nil && source == "" {
				source = p[m[2]:m[3]]
				p = p[m[4]:]
			}
		}
		for _, re := range inlineTags {
			if m := re.FindStringSubmatchIndex(p); m != nil && source == "" {
				source = p[m[2]:m[3]]
				p = p[:m[0]] + p[m[1]:]
			}
		}
		out = append(out, p)
	}
	return source, out
}
