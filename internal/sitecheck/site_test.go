package sitecheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"briefings/internal/build"
	"briefings/internal/testproject"
)

// Base is the URL the real site is checked under: a project site, as
// GitHub Pages serves it, so every link must carry the /briefings/ path.
const Base = "https://example.github.io/briefings/"

var (
	once     sync.Once
	builtDir string
	buildErr error
)

// site builds the repository's real content once for all checks.
func site(t *testing.T) string {
	t.Helper()
	once.Do(func() {
		dir, err := os.MkdirTemp("", "sitecheck-")
		if err != nil {
			buildErr = err
			return
		}
		builtDir = filepath.Join(dir, "public")
		_, buildErr = build.Build(build.Options{Root: testproject.Repo(), Out: builtDir, BaseURL: Base})
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtDir
}

// files lists the built files with the given suffix, slash-separated.
func files(t *testing.T, dir, suffix string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, suffix) {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtDir != "" {
		os.RemoveAll(filepath.Dir(builtDir))
	}
	os.Exit(code)
}
