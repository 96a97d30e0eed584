package load

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// plainFields reads what it reads to the nodes yaml.v3 makes, and reads
// the front matter of the site's articles and of most random ones.
func TestPlainFieldsAsYAML(t *testing.T) {
	var fms []string
	files, _ := filepath.Glob("../../content/*/*/*.md")
	more, _ := filepath.Glob("../../content/*/*/*/*.md")
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if fm, body, ok := splitFrontMatter(f, src, nil); ok && body != nil {
			fms = append(fms, string(fm))
		}
	}
	read := 0
	for _, fm := range fms {
		if checkPlainFields(t, []byte(fm)) {
			read++
		}
	}
	if len(fms) < 10 || read < len(fms)*3/4 {
		t.Fatalf("plainFields read %d of %d articles' front matter", read, len(fms))
	}
	rng := rand.New(rand.NewSource(9))
	keys := []string{"title", "date", "countries", "summary", "slug", "x", "null", "true", "a_b", "Title", "k1", ""}
	values := []string{"T", "a b", "a  b", "Жж «x»", "a: b", "a:b", "a:", "a #b", "a#b", "a ", " a", "\"q\"", "\"\"", "\"a\\tb\"", "\"a\"b\"", "\"x", "x\"",
		"[AZ]", "[AZ, KZ]", "[AZ,KZ]", "[]", "[null]", "[AZ, ~]", "[ AZ ]", "[A1]", "null", "~", "Null", "true", "1e3", "0x1F", "2025-01-02",
		"2025-01-02T10:00:00+05:00", "https://x.org/a?b=c", "-a", "?a", "&a", "*a", "!a", "|", ">", "'q'", "%a", "@a", "`a", "a\u2028b", "a\ufeffb",
		"a\u00a0b", "\u00a0a", "😀", "a\x7fb", "é", "a, b", "a [b] {c}", "\"a # b\"", "\"  a  \"", "\"Ж\u0085\"", "a\tb", "<<"}
	for range 100000 {
		var b strings.Builder
		for range 1 + rng.Intn(4) {
			switch rng.Intn(20) {
			case 0:
				b.WriteString("\n")
			case 1:
				b.WriteString("# comment\n")
			default:
				fmt.Fprintf(&b, "%s: %s\n", keys[rng.Intn(len(keys))], values[rng.Intn(len(values))])
			}
		}
		if checkPlainFields(t, []byte(b.String())) {
			read++
		}
	}
	if read < 5000 {
		t.Fatalf("plainFields read only %d random front matters", read)
	}
}

// checkPlainFields fails the test if plainFields reads src otherwise than
// yaml.v3 does, and reports whether it read it.
func checkPlainFields(t *testing.T, src []byte) bool {
	t.Helper()
	m := plainFields(src)
	if m == nil {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatalf("plainFields read %q, which yaml.v3 refuses: %v", src, err)
	}
	if len(doc.Content) != 1 {
		t.Fatalf("plainFields read %q, in which yaml.v3 finds %d documents", src, len(doc.Content))
	}
	if diff := nodeDiff(m, doc.Content[0]); diff != "" {
		t.Fatalf("plainFields reads %q otherwise than yaml.v3: %s", src, diff)
	}
	return true
}

func nodeDiff(got, want *yaml.Node) string {
	switch {
	case got.Kind != want.Kind || got.Style != want.Style || got.Value != want.Value:
		return fmt.Sprintf("kind, style, value %v %v %q, want %v %v %q", got.Kind, got.Style, got.Value, want.Kind, want.Style, want.Value)
	case got.Tag != want.Tag || got.Anchor != want.Anchor || got.Alias != want.Alias:
		return fmt.Sprintf("%q: tag %q, want %q", got.Value, got.Tag, want.Tag)
	case got.Line != want.Line || got.Column != want.Column:
		return fmt.Sprintf("%q at %d:%d, want %d:%d", got.Value, got.Line, got.Column, want.Line, want.Column)
	case got.HeadComment != want.HeadComment || got.LineComment != want.LineComment || got.FootComment != want.FootComment:
		return fmt.Sprintf("%q: comments differ", got.Value)
	case len(got.Content) != len(want.Content):
		return fmt.Sprintf("%q: %d nodes in it, want %d", got.Value, len(got.Content), len(want.Content))
	}
	for i := range got.Content {
		if d := nodeDiff(got.Content[i], want.Content[i]); d != "" {
			return d
		}
	}
	return ""
}
