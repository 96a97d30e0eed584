package load

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

var slowShapes = flag.Bool("slowshapes", false, "time every slow Markdown shape, guarded and not, and print the table")

// slow are shapes of Markdown that goldmark reads in more than linear
// time, each made to n repeats. Each is named by what it strains.
var slow = []struct {
	name string
	make func(n int) string
}{
	{"link address to the end of the line: [a](", func(n int) string { return strings.Repeat("[a](", n) }},
	{"link address in <>: [a](<b", func(n int) string { return strings.Repeat("[a](<b", n) }},
	{"link address unclosed: [a](b", func(n int) string { return strings.Repeat("[a](b", n) }},
	{"link on its own line: [a](\\n", func(n int) string { return strings.Repeat("[a](\n", n) }},
	{"link title unclosed: [a](b '\\n", func(n int) string { return strings.Repeat("[a](b '\n", n) }},
	{"reference definitions: [a]: b\\n", func(n int) string { return strings.Repeat("[a]: b\n", n) }},
	{"nested brackets: [[[a]]]", func(n int) string { return strings.Repeat("[", n) + "a" + strings.Repeat("]", n) }},
	{"nested images: ![![a]]", func(n int) string { return strings.Repeat("![", n) + "a" + strings.Repeat("]", n) }},
	{"nested lists: - - - a", func(n int) string { return strings.Repeat("- ", n) + "a" }},
	{"nested ordered lists: 1. 1. a", func(n int) string { return strings.Repeat("1. ", n) + "a" }},
	{"nested tab lists: -\\t-\\ta", func(n int) string { return strings.Repeat("-\t", n) + "a" }},
	{"nested quotes: > > > a", func(n int) string { return strings.Repeat("> ", n) + "a" }},
	{"quotes and lists: > - > - a", func(n int) string { return strings.Repeat("> - ", n) + "a" }},
	{"mismatched emphasis: *a_ ", func(n int) string { return strings.Repeat("*a_ ", n) }},
	{"emphasis a multiple of 3: a**b c* c* ", func(n int) string { return "a**b" + strings.Repeat("c* ", n) }},
	{"strikethrough: ~~a  a~", func(n int) string { return strings.Repeat("~~a ", n/2) + strings.Repeat("a~", n/2) }},
	{"footnotes: [^1]: a\\n\\n… [^x] [^x]", func(n int) string {
		var b strings.Builder
		for i := range n / 2 {
			fmt.Fprintf(&b, "[^%d]: a\n\n", i)
		}
		return b.String() + strings.Repeat("[^x] ", n/2)
	}},
	{"table cells: wide header, many rows", func(n int) string {
		k := n / 3
		return strings.Repeat("|", k) + "\n" + strings.Repeat("-|", k) + "\n" + strings.Repeat("a\n", k)
	}},
}

// sized repeats a shape to about size bytes.
func sized(make func(int) string, size int) string {
	n := 1
	for len(make(n)) < size {
		n *= 2
	}
	lo, hi := n/2, n
	for lo < hi {
		if m := (lo + hi) / 2; len(make(m)) < size {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return make(lo)
}

func article(body string) []byte {
	return []byte("---\ntitle: T\ndate: 2025-01-01\ncountries: [AZ]\n---\n" + body + "\n")
}

// TestGuardRefusesSlowShapes: every slow shape, at the default size limit
// and embedded in ordinary text, is refused at a line of the body.
func TestGuardRefusesSlowShapes(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 1))
	for _, s := range slow {
		prose := strings.Repeat("Ordinary words of a briefing.\n\n", rng.IntN(20))
		body := prose + sized(s.make, DefaultMaxArticleKB<<10-1024-len(prose))
		_, errs := ParseArticle(at, article(body))
		if len(errs) == 0 {
			t.Errorf("%s: accepted", s.name)
			continue
		}
		if !strings.Contains(errs[0].Message, "too long") && !strings.Contains(errs[0].Message, "cells") {
			t.Errorf("%s: not the guard: %v", s.name, errs)
		}
		if line := strings.Count(prose, "\n") + 6; errs[0].Line < line {
			t.Errorf("%s: reported at line %d, before the shape's first line %d: %v", s.name, errs[0].Line, line, errs)
		}
	}
}

// TestGuardAcceptsBriefings: what briefings hold, however much of it, is not refused:
// many links, lists, quotes, emphasis and tables of ordinary sizes, within the limit.
func TestGuardAcceptsBriefings(t *testing.T) {
	parts := []string{
		"The [delegation](https://example.org/a_(b)_c \"title\") met *families* of the **missing**, [again](x.md#p).",
		"- one\n  - two\n    - three\n      1. four\n         > five *and* ~~six~~",
		"| Country | Visits | Note |\n|:--|--:|:-:|\n| AZ | 3 | *fine* |\n| KZ | 4 | [a](b.md) |",
		"> A quote with a [reference][r] and snake_case_names_in_text.\n>\n> > nested",
		"[r]: https://example.org/ref",
		"A figure of the delegation[^1] and a second note[^note].\n\n[^1]: As of September.\n\n[^note]: The families.",
		"```\n- - - - - code is not a list\n```",
		"---",
		"- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -",
		"Line one\nline two with 3 * 4 * 5 and a_b_c\nline three ![a map](i.png)",
	}
	rng := rand.New(rand.NewPCG(17, 2))
	var b strings.Builder
	for b.Len() < DefaultMaxArticleKB<<10-2048 {
		b.WriteString(parts[rng.IntN(len(parts))])
		b.WriteString([]string{"\n\n", "\n"}[rng.IntN(2)])
	}
	if _, errs := ParseArticle(at, article(b.String())); len(errs) > 0 {
		t.Fatalf("refused: %v", errs[:min(3, len(errs))])
	}
	oneBlock := strings.Repeat("A wire text pasted as one paragraph, with a [link](https://example.org/x) and *stress*.\n", 900)
	if _, errs := ParseArticle(at, article(oneBlock)); len(errs) > 0 {
		t.Fatalf("one long paragraph refused: %v", errs[:min(3, len(errs))])
	}
}

// TestSlowShapesTimes prints, with -slowshapes, how long goldmark alone and
// the whole parse (guard first) take for each shape at growing sizes.
func TestSlowShapesTimes(t *testing.T) {
	if !*slowShapes {
		t.Skip("-slowshapes not given")
	}
	for _, s := range slow {
		line := fmt.Sprintf("%-45s", s.name)
		for _, kb := range []int{8, 25, 50, 100, 1024} {
			body := []byte(sized(s.make, kb<<10))
			guarded := timeIt(func() { ParseArticle(at, article(string(body))) })
			bare := "-"
			if kb <= 100 && (kb <= 8 || !strings.HasPrefix(s.name, "table")) {
				bare = timeIt(func() { markdown.Convert(body, &strings.Builder{}) }).String()
			}
			line += fmt.Sprintf(" | %d KB: %s bare, %s guarded", kb, bare, guarded)
		}
		// The worst the guard lets through: paragraphs of the shape each
		// as large as it accepts, to the size limit.
		k := acceptedRepeats(s.make)
		para := s.make(k) + "\n\n"
		for _, kb := range []int{DefaultMaxArticleKB, MaxArticleKB} {
			body := strings.Repeat(para, kb<<10/len(para))
			var errs []string
			took := timeIt(func() {
				if _, e := ParseArticle(at, article(body)); len(e) > 0 {
					errs = append(errs, e[0].String())
				}
			})
			line += fmt.Sprintf(" | accepted %d-byte paragraphs to %d KB: %s %v", len(para), kb, took, errs)
		}
		fmt.Fprintln(os.Stdout, line)
	}
}

// acceptedRepeats is the most repeats of a shape that one paragraph may hold.
func acceptedRepeats(make func(int) string) int {
	lo, hi := 0, 1<<16
	for lo < hi {
		m := (lo + hi + 1) / 2
		if _, errs := ParseArticle(at, article(make(m))); len(errs) == 0 {
			lo = m
		} else {
			hi = m - 1
		}
	}
	return lo
}

// timeIt is the best of three runs, each after a garbage collection.
func timeIt(f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		runtime.GC()
		start := time.Now()
		f()
		best = min(best, time.Since(start))
	}
	return best.Round(time.Millisecond)
}

// TestGuardNestingDepth: the depth the guard reports is the number of
// markers, whatever the spaces after each quote's ">"; it refuses just
// past MaxNesting, not before.
func TestGuardNestingDepth(t *testing.T) {
	for _, sep := range []string{"> ", ">"} {
		for _, n := range []int{MaxNesting - 1, MaxNesting, MaxNesting + 1} {
			_, errs := ParseArticle(at, article(strings.Repeat(sep, n)+"deep"))
			if refused := len(errs) > 0; refused != (n > MaxNesting) {
				t.Errorf("%d quotes written %q: refused %v: %v", n, sep, refused, errs)
			}
		}
	}
	for _, n := range []int{MaxNesting, MaxNesting + 1} {
		_, errs := ParseArticle(at, article(strings.Repeat("- ", n)+"deep"))
		if refused := len(errs) > 0; refused != (n > MaxNesting) {
			t.Errorf("%d list markers: refused %v: %v", n, refused, errs)
		}
	}
}
