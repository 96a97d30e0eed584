// Command floor is the bare loop a generator cannot beat: read each article,
// convert its Markdown with goldmark, write it to a page of its own
// folder, as the site's article URLs need. No templates, indexes or feeds.
//
//	go run ./bench/floor -root PROJECT -out DIR
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/yuin/goldmark"
)

func main() {
	root := flag.String("root", ".", "project folder")
	out := flag.String("out", "", "output folder (must not exist)")
	flag.Parse()
	start := time.Now()
	md := goldmark.New()
	n := 0
	err := filepath.WalkDir(filepath.Join(*root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := md.Convert(src, &buf); err != nil {
			return err
		}
		rel, _ := filepath.Rel(*root, p)
		dir := filepath.Join(*out, strings.TrimSuffix(rel, ".md"))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		n++
		return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d articles in %v\n", n, time.Since(start))
}
