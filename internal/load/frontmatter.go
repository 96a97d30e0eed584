package load

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Decoding each article's few lines of front matter with yaml.v3 was a
// fifth of parsing an article, and of what parsing allocated, most of it
// the decoder's own buffers (profiles of BenchmarkParseArticle on the
// bench corpus); reading them as below, a sixteenth. Nearly every front
// matter is lines of three shapes, key: "text", key: plain text and
// key: [CODE, CODE], which plainFields reads to the nodes yaml.v3 makes
// of them; anything else, every error included, yaml.v3 reads.
// TestPlainFieldsAsYAML and FuzzFrontMatter hold the two to the same nodes.

// decodeFrontMatter is yaml.Unmarshal(src, doc), by plainFields when it can.
func decodeFrontMatter(src []byte, doc *yaml.Node) error {
	if m := plainFields(src); m != nil {
		*doc = yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{m}}
		return nil
	}
	return yaml.Unmarshal(src, doc)
}

// plainFields reads front matter whose every line is key: value, the key
// of lower-case letters and _, the value of a shape below; nil for any
// other.
func plainFields(src []byte) *yaml.Node {
	if len(src) == 0 {
		return nil
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	n := 0
	for l := range bytes.Lines(src) {
		n++
		key, value, ok := bytes.Cut(bytes.TrimSuffix(l, []byte("\n")), []byte(": "))
		if !ok || !fieldName(key) || nullWord(key) {
			return nil
		}
		v := plainValue(value, n, len(key)+3)
		if v == nil {
			return nil
		}
		m.Content = append(m.Content, plainScalar(string(key), n, 1), v)
	}
	return m
}

func fieldName(b []byte) bool {
	for _, c := range b {
		if (c < 'a' || c > 'z') && c != '_' {
			return false
		}
	}
	return len(b) > 0
}

// plainValue reads a value at line and column as yaml.v3 does, if it is
// "text" without \ or ", a list of letter codes [AZ, KZ], or plain text
// starting with a letter or digit, without ": ", " #", a : or space at
// its end or a null's spelling; nil for any other.
func plainValue(b []byte, line, col int) *yaml.Node {
	switch {
	case len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"':
		text := b[1 : len(b)-1]
		if bytes.ContainsAny(text, "\"\\") || !plainRunes(text) {
			return nil
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Tag: "!!str", Value: string(text), Line: line, Column: col}
	case len(b) >= 3 && b[0] == '[' && b[len(b)-1] == ']':
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: line, Column: col}
		at := col + 1
		for code := range bytes.SplitSeq(b[1:len(b)-1], []byte(", ")) {
			if !letters(code) || nullWord(code) {
				return nil
			}
			seq.Content = append(seq.Content, plainScalar(string(code), line, at))
			at += len(code) + 2
		}
		return seq
	case len(b) > 0 && (isLetterOrDigit(b[0]) || b[0] >= utf8.RuneSelf) && b[len(b)-1] != ':' && b[len(b)-1] != ' ' &&
		!bytes.Contains(b, []byte(": ")) && !bytes.Contains(b, []byte(" #")) && !nullWord(b) && plainRunes(b):
		return plainScalar(string(b), line, col)
	}
	return nil
}

// plainScalar is an unquoted scalar as yaml.v3 makes it, its tag the one
// its text resolves to (!!str, !!int, !!timestamp…).
func plainScalar(value string, line, col int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: value, Line: line, Column: col}
	n.Tag = n.ShortTag()
	return n
}

// plainRunes reports whether b holds only what yaml.v3 reads as itself on
// one line: printable ASCII, and runes from U+00A0 to U+FFFD but for the
// line and paragraph separators and the byte-order mark, in UTF-8.
func plainRunes(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r < 0xa0 || r > 0xfffd || r == 0x2028 || r == 0x2029 || r == 0xfeff || n == 1 { // n == 1: not UTF-8
			return false
		}
		i += n
	}
	return true
}

func letters(b []byte) bool {
	for _, c := range b {
		if c|0x20 < 'a' || c|0x20 > 'z' {
			return false
		}
	}
	return len(b) > 0
}

func isLetterOrDigit(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' }

// nullWord reports the plain spellings of YAML's null.
func nullWord(b []byte) bool {
	switch string(b) {
	case "~", "null", "Null", "NULL":
		return true
	}
	return false
}
