package write

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"briefings/internal/testproject"
)

// output makes an output folder as a first build would.
func output(t *testing.T, files map[string]string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	tx, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		if err := tx.Put(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return out
}

func stat(t *testing.T, name string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

func TestSyncWritesOnlyChanges(t *testing.T) {
	out := output(t, map[string]string{"same.html": "same", "en/changed.html": "old", "old/deep/gone.html": "x"})
	testproject.Write(t, filepath.Join(out, "en/.briefings-123.tmp"), "left by a killed build")
	same, marker := stat(t, filepath.Join(out, "same.html")), stat(t, filepath.Join(out, Marker))

	s, err := StartSync(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, put := range []struct {
		path, data string
		changed    bool
	}{{"same.html", "same", false}, {"en/changed.html", "new", true}, {"new/folder/page.html", "fresh", true}} {
		if changed, err := s.Put(put.path, []byte(put.data)); err != nil || changed != put.changed {
			t.Errorf("Put(%s) = %v, %v; want %v", put.path, changed, err, put.changed)
		}
	}
	if _, err := s.Put("../escape.html", nil); err == nil {
		t.Errorf("Put wrote outside the output")
	}
	gone, err := s.Commit([]string{"same.html", "en/changed.html", "new/folder/page.html"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(gone, []string{"old/deep/gone.html"}) || s.Written() != 2 {
		t.Errorf("removed %v, wrote %d", gone, s.Written())
	}
	want := output(t, map[string]string{"same.html": "same", "en/changed.html": "new", "new/folder/page.html": "fresh"})
	testproject.SameTree(t, testproject.Tree(t, out), testproject.Tree(t, want))
	if _, err := os.Stat(filepath.Join(out, "old")); !os.IsNotExist(err) {
		t.Errorf("the emptied folder old/ is still there")
	}
	if !os.SameFile(same, stat(t, filepath.Join(out, "same.html"))) {
		t.Errorf("an unchanged file was written again")
	}
	if os.SameFile(marker, stat(t, filepath.Join(out, Marker))) {
		t.Errorf("the marker was not replaced: a builder would not see the folder changed")
	}
}

func TestSyncAbortLeavesFolder(t *testing.T) {
	out := output(t, map[string]string{"index.html": "old", "en/page.html": "old"})
	before := testproject.Tree(t, out)
	s, err := StartSync(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html", "en/page.html", "new/deeper/page.html"} {
		if _, err := s.Put(p, []byte("new")); err != nil {
			t.Fatal(err)
		}
	}
	s.Abort()
	testproject.SameTree(t, testproject.Tree(t, out), before)
	if _, err := os.Stat(filepath.Join(out, "new")); !os.IsNotExist(err) {
		t.Errorf("the folder made for a new page is still there")
	}
}

func TestSyncRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	testproject.Write(t, filepath.Join(dir, "notes.txt"), "mine")
	if _, err := StartSync(dir); err == nil {
		t.Errorf("a folder without the marker was opened for writing")
	}
}
