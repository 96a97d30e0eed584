package wire

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse reads an agency text with the real tables, as import does.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "agencies", "tass-ru.txt"))
	if err != nil {
		b.Fatal(err)
	}
	opts := Options{Countries: countriesYAML(b), Sources: sourcesYAML(b), Today: today}
	for b.Loop() {
		if _, err := Parse(string(src), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParsePage reads a saved agency page.
func BenchmarkParsePage(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "pages", "kazinform-ru.html"))
	if err != nil {
		b.Fatal(err)
	}
	opts := Options{Countries: countriesYAML(b), Sources: sourcesYAML(b), Today: today}
	for b.Loop() {
		if _, err := ParsePage(src, opts); err != nil {
			b.Fatal(err)
		}
	}
}
