package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkParseArticle parses every article of a corpus made by
// bench/run.sh (or any project), one after another: the load stage's
// processor time, without the reading of files and the other cores.
// BRIEFINGS_CORPUS=/path/to/project go test -bench ParseArticle ./internal/load/
func BenchmarkParseArticle(b *testing.B) {
	root := os.Getenv("BRIEFINGS_CORPUS")
	if root == "" {
		b.Skip("BRIEFINGS_CORPUS is not set; bench/run.sh sets it")
	}
	type file struct {
		path string
		src  []byte
	}
	var files []file
	size := 0
	err := filepath.WalkDir(filepath.Join(root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files = append(files, file{filepath.ToSlash(rel), src})
		size += len(src)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			ParseArticle(f.path, f.src)
		}
	}
}
