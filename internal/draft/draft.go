// Package draft writes new article files: for briefings new and import.
package draft

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"briefings/internal/load"
	"briefings/internal/wire"
)

// Article is what a new article file holds.
type Article struct {
	Lang           string
	Title          string
	Date           time.Time
	Countries      []string
	Summary        string
	Source         string
	SourceURL      string
	TranslationKey string
	Draft          bool
	Body           string // Markdown
}

// fromResult is the draft a wire text makes.
func fromResult(r wire.Result) Article {
	return Article{Lang: r.Lang, Title: r.Title, Date: r.Date, Countries: r.Countries, Source: r.Source,
		SourceURL: r.SourceURL, Body: r.Body, Draft: true}
}

// frontMatter is the order fields are written in.
type frontMatter struct {
	Title          string   `yaml:"title"`
	Date           day      `yaml:"date"`
	Countries      []string `yaml:"countries,flow"`
	Summary        string   `yaml:"summary,omitempty"`
	Source         string   `yaml:"source,omitempty"`
	SourceURL      string   `yaml:"source_url,omitempty"`
	TranslationKey string   `yaml:"translation_key,omitempty"`
	Draft          bool     `yaml:"draft,omitempty"`
}

// day is a date written as editors write it, 2026-03-06, unquoted.
type day string

func (d day) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: string(d)}, nil
}

// File is the article file's bytes: YAML front matter, then the body.
func (a Article) File() []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	// Encoding a struct of strings cannot fail.
	_ = enc.Encode(frontMatter{Title: a.Title, Date: day(a.Date.Format(time.DateOnly)), Countries: a.Countries,
		Summary: a.Summary, Source: a.Source, SourceURL: a.SourceURL, TranslationKey: a.TranslationKey, Draft: a.Draft})
	_ = enc.Close()
	b.WriteString("---\n")
	if body := strings.TrimSpace(a.Body); body != "" {
		b.WriteString(body)
		b.WriteString("\n")
	}
	return b.Bytes()
}

// Path is where the editors' convention puts it: content/{lang}/{yyyy}/{slug}.md.
func (a Article) Path() string {
	return path.Join("content", a.Lang, a.Date.Format("2006"), load.MakeSlug(a.Title, a.Lang)+".md")
}

// ErrExists is returned when the file is already there: nothing is overwritten.
var ErrExists = errors.New("already exists")

// Create writes the article under the project root and returns its path,
// slash-separated from the root. It never overwrites a file.
func Create(root string, a Article) (string, error) {
	if load.MakeSlug(a.Title, a.Lang) == "" {
		return "", fmt.Errorf("the title %q has no letters or digits to make a file name of", a.Title)
	}
	rel := a.Path()
	full := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s %w (change the title, or edit that file)", rel, ErrExists)
	}
	if err != nil {
		return "", err
	}
	_, err = f.Write(a.File())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(full)
		return "", err
	}
	return rel, nil
}

// AddTranslationKey writes "translation_key: key" into an article file's
// front matter, before its closing line; the rest stays byte for byte.
func AddTranslationKey(file, key string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	lines := strings.SplitAfter(string(src), "\n")
	if len(lines) == 0 || strings.TrimRight(strings.TrimPrefix(lines[0], "\uFEFF"), " \t\r\n") != "---" {
		return fmt.Errorf("%s has no front matter", file)
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t\r\n") == "---" {
			value, _ := yaml.Marshal(key)
			line := "translation_key: " + strings.TrimSpace(string(value)) + nl
			out := strings.Join(lines[:i], "") + line + strings.Join(lines[i:], "")
			return os.WriteFile(file, []byte(out), 0o644)
		}
	}
	return fmt.Errorf("%s: front matter is not closed", file)
}
