package load

import (
	"bufio"
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

// copyWriter writes every text as goldmark's own writer does.
func TestCopyWriterWritesAsGoldmark(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	pieces := []string{"a", "word ", "Ж", "\x00", "\"", "&", "<", ">", "\\", "\\*", "\\ ", "&amp;", "&#1;", "&#x41;", "&copy;", "&nosuch;", "#", ";", "x", "\n", "'"}
	write := func(f func(util *bufio.Writer, b []byte), b []byte) string {
		var out bytes.Buffer
		w := bufio.NewWriter(&out)
		f(w, b)
		w.Flush()
		return out.String()
	}
	ours := copyWriter{html.DefaultWriter}
	for run := range 20000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		src := []byte(b.String())
		for _, pair := range []struct {
			name      string
			got, want func(*bufio.Writer, []byte)
		}{
			{"Write", func(w *bufio.Writer, b []byte) { ours.Write(w, b) }, func(w *bufio.Writer, b []byte) { html.DefaultWriter.Write(w, b) }},
			{"RawWrite", func(w *bufio.Writer, b []byte) { ours.RawWrite(w, b) }, func(w *bufio.Writer, b []byte) { html.DefaultWriter.RawWrite(w, b) }},
			{"SecureWrite", func(w *bufio.Writer, b []byte) { ours.SecureWrite(w, b) }, func(w *bufio.Writer, b []byte) { html.DefaultWriter.SecureWrite(w, b) }},
		} {
			if got, want := write(pair.got, src), write(pair.want, src); got != want {
				t.Fatalf("run %d: %s(%q) = %q, goldmark's writer %q", run, pair.name, src, got, want)
			}
		}
	}
}
