package load

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// emphasis skips the text between marks instead of decoding each letter;
// it must read every paragraph as a letter-by-letter reading does.
func TestEmphasisSkipsTextAsItReadsIt(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	pieces := []string{"*", "**", "_", "__", "~", "~~", "\\", "\\*", "\n", " ", "a", "word", "é", "Ж", "ый", "«", "»", ".", ",", "—", "\u00a0", "1", "(", ")", "!"}
	for run := range 20000 {
		var b strings.Builder
		for range rng.Intn(60) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if !utf8.ValidString(s) {
			continue
		}
		gotLine, gotOK := emphasis([]byte(s))
		wantLine, wantOK := emphasisByLetter([]byte(s))
		if gotLine != wantLine || gotOK != wantOK {
			t.Fatalf("run %d: %q: emphasis gives (%d, %v), letter by letter (%d, %v)", run, s, gotLine, gotOK, wantLine, wantOK)
		}
	}
	// Paragraphs whose marks pass the budget, on a line each reads the same.
	over := 0
	for run := range 300 {
		var b strings.Builder
		if run%2 == 1 {
			b.WriteString("a**b")
		}
		unit := []string{"*a_ ", "c* "}[run%2]
		for range 500 + rng.Intn(3000) {
			b.WriteString(unit)
			if rng.Intn(20) == 0 {
				b.WriteString([]string{"\n", "Жж ", "é"}[rng.Intn(3)])
			}
		}
		s := b.String()
		gotLine, gotOK := emphasis([]byte(s))
		wantLine, wantOK := emphasisByLetter([]byte(s))
		if gotLine != wantLine || gotOK != wantOK {
			t.Fatalf("long run %d: (%d, %v) against (%d, %v)", run, gotLine, gotOK, wantLine, wantOK)
		}
		if !gotOK {
			over++
		}
	}
	if over < 30 {
		t.Fatalf("only %d of 300 long paragraphs passed the budget: the test does not reach it", over)
	}
}

// emphasisByLetter is emphasis as it was, decoding every letter: the
// reference the faster one is held to.
func emphasisByLetter(b []byte) (int, bool) {
	type mark struct {
		c                 byte
		n                 int
		canOpen, canClose bool
	}
	var open []mark
	budget := 4*len(b) + linkWork
	line := 0
	before := '\n'
	for i := 0; i < len(b); {
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
			r, size := utf8.DecodeRune(b[i:])
			before, i = r, i+size
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
