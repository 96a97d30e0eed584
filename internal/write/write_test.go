package write

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCommitReplacesAndCleansUp(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	// What a killed build leaves behind.
	for _, left := range []string{".public.new-123", ".public.old-456"} {
		if err := os.MkdirAll(filepath.Join(dir, left, "en"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for i, page := range []string{"first", "second"} {
		tx, err := Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Put("en/index.html", []byte(page)); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if err := tx.Put("gone.html", []byte("x")); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Put("../escape.html", nil); err == nil {
			t.Errorf("Put wrote outside the output")
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(filepath.Join(out, "en/index.html")); string(b) != page {
			t.Errorf("build %d: page = %q", i, b)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "gone.html")); !os.IsNotExist(err) {
		t.Errorf("a file of the previous build survived")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "public" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the output: %v, want public alone", names)
	}
}

func TestAbortKeepsOld(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	tx, _ := Begin(out)
	tx.Put("index.html", []byte("old"))
	tx.Commit()
	tx, _ = Begin(out)
	tx.Put("index.html", []byte("new"))
	tx.Abort()
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "old" {
		t.Errorf("after an abort the page is %q", b)
	}
}
