// Package testproject makes projects on disk for tests: the repository's
// templates and static files, and content from a txtar archive.
package testproject

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// Repo is the repository's root folder.
func Repo() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// New writes a project into a temporary folder and returns the folder.
func New(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, src := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, src), os.DirFS(filepath.Join(Repo(), src))); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		Write(t, filepath.Join(dir, f.Name), string(f.Data))
	}
	return dir
}

// Write writes a file, making its folder.
func Write(t testing.TB, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Read reads a file.
func Read(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Tree returns every file under dir with the hash of its bytes.
func Tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Paths returns the sorted paths of a tree.
func Paths(files map[string]string) []string {
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

// Eventually waits, up to a deadline, for cond to hold, checking often.
func Eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// SameTree reports every difference between two trees made by Tree.
func SameTree(t testing.TB, got, want map[string]string) {
	t.Helper()
	for p, sum := range want {
		if g, ok := got[p]; !ok {
			t.Errorf("%s is missing", p)
		} else if g != sum {
			t.Errorf("%s differs", p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s should not be there", p)
		}
	}
}

// MemoryDir returns a new temporary folder in memory (/dev/shm) where the
// system has one, else on disk, removed when the test ends: for tests that
// write many sites, which a virtual machine's disk writes and deletes
// slowly.
func MemoryDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("/dev/shm", "briefings-test-")
	if err != nil {
		return t.TempDir()
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
