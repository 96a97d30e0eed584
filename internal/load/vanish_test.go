package load

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// vanishing is a tree whose named files are listed but gone when opened:
// deleted between the build's listing and its reading, as a bulk delete
// or a checkout does during a rebuild.
type vanishing struct {
	fstest.MapFS
	gone map[string]bool
}

func (v vanishing) Open(name string) (fs.File, error) {
	if v.gone[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return v.MapFS.Open(name)
}

func (v vanishing) ReadFile(name string) ([]byte, error) {
	if v.gone[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return v.MapFS.ReadFile(name)
}

// TestFileDeletedWhileRead: an article deleted after the tree was listed
// is left out as a deleted one is, not reported as a problem.
func TestFileDeletedWhileRead(t *testing.T) {
	article := "---\ntitle: T %s\ndate: 2025-09-03\ncountries: [AZ]\n---\nText.\n"
	fsys := vanishing{fstest.MapFS{
		SitePath:                   {Data: []byte("base_url: https://x.org/\ndefault_language: en\nlanguages: {en: {name: E, title: T}}\n")},
		CountriesPath:              {Data: []byte("AZ: {en: Azerbaijan}\n")},
		"content/en/2025/stays.md": {Data: []byte(strings.Replace(article, "%s", "stays", 1))},
		"content/en/2025/gone.md":  {Data: []byte(strings.Replace(article, "%s", "gone", 1))},
	}, map[string]bool{"content/en/2025/gone.md": true}}
	c, errs := Load(fsys, nil)
	if len(errs) > 0 {
		t.Fatalf("problems: %v", errs)
	}
	if len(c.Articles) != 1 || c.Articles[0].Path != "content/en/2025/stays.md" {
		t.Errorf("articles: %v", c.Articles)
	}
}
