package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// floorMarkdown converts as briefings does: the same extensions, and the
// default renderer, which leaves raw HTML out.
var floorMarkdown = goldmark.New(goldmark.WithExtensions(
	extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList))

// floor is the work no generator of this site can skip: read every
// article file under root's content/, convert its body with goldmark and
// write it as one HTML file, OUT/LANG/YYYY/MM/NAME/index.html, with jobs
// articles at a time. No templates, lists, feeds or search index.
func floor(root, out string, jobs int) (int, error) {
	content := filepath.Join(root, "content")
	var paths []string
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	work := make(chan string)
	errs := make(chan error, jobs)
	var wg sync.WaitGroup
	for range max(jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range work {
				if err := floorOne(content, out, p, &buf); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		return 0, err
	default:
	}
	return len(paths), nil
}

func floorOne(content, out, p string, buf *bytes.Buffer) error {
	src, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	_, body, err := splitFrontMatter(src)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	buf.Reset()
	if err := floorMarkdown.Convert(body, buf); err != nil {
		return err
	}
	rel, _ := filepath.Rel(content, p)
	dir := filepath.Join(out, strings.TrimSuffix(rel, ".md"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
}
