package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func start(t *testing.T, root string) <-chan Batch {
	t.Helper()
	w, err := New(root, "content", "static")
	if err != nil {
		t.Fatal(err)
	}
	w.Quiet = 100 * time.Millisecond // generous, so that a loaded machine still sees one burst
	ctx, cancel := context.WithCancel(context.Background())
	batches := make(chan Batch, 8)
	done := make(chan struct{})
	go func() { w.Run(ctx, batches, func(err error) { t.Error(err) }); close(done) }()
	t.Cleanup(func() { cancel(); <-done; w.Close() })
	return batches
}

func nextBatch(t *testing.T, batches <-chan Batch) Batch {
	t.Helper()
	select {
	case b := <-batches:
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch")
		return Batch{}
	}
}

// TestEditorSave: vim's save (a test file, a backup, the file written
// anew) and a write-and-rename save each come out as one batch naming the
// article, with the scratch files left out.
func TestEditorSave(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "content/en/a.md"), "old")
	batches := start(t, root)

	dir := filepath.Join(root, "content/en")
	write(t, filepath.Join(dir, "4913"), "")
	os.Remove(filepath.Join(dir, "4913"))
	os.Rename(filepath.Join(dir, "a.md"), filepath.Join(dir, "a.md~"))
	write(t, filepath.Join(dir, "a.md"), "new")
	os.Remove(filepath.Join(dir, "a.md~"))
	write(t, filepath.Join(dir, ".a.md.swp"), "swap")
	b := nextBatch(t, batches)
	if !slices.Equal(b.Paths, []string{"content/en/a.md"}) || b.Waited < 100*time.Millisecond {
		t.Errorf("vim's save: %+v", b)
	}

	write(t, filepath.Join(dir, "b.md.tmp"), "new b")
	os.Rename(filepath.Join(dir, "b.md.tmp"), filepath.Join(dir, "b.md"))
	if b := nextBatch(t, batches); !slices.Equal(b.Paths, []string{"content/en/b.md"}) {
		t.Errorf("write and rename: %+v", b)
	}

	// Outside the source folders, nothing.
	write(t, filepath.Join(root, "notes.txt"), "x")
	write(t, filepath.Join(dir, "c.md"), "c")
	if b := nextBatch(t, batches); !slices.Equal(b.Paths, []string{"content/en/c.md"}) {
		t.Errorf("after a file outside the sources: %+v", b)
	}
}

// TestNewFolders: folders made after the start are watched, with what they
// held when they appeared; so is a source folder that did not exist.
func TestNewFolders(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "content/site.yaml"), "x")
	batches := start(t, root)

	staged := filepath.Join(t.TempDir(), "2026")
	write(t, filepath.Join(staged, "deep/a.md"), "a")
	if err := os.Rename(staged, filepath.Join(root, "content/2026")); err != nil {
		t.Fatal(err)
	}
	b := nextBatch(t, batches)
	if !slices.Contains(b.Paths, "content/2026/deep/a.md") {
		t.Errorf("moved-in folder: %+v", b)
	}
	write(t, filepath.Join(root, "content/2026/deep/deeper/b.md"), "b")
	if b := nextBatch(t, batches); !slices.Contains(b.Paths, "content/2026/deep/deeper/b.md") {
		t.Errorf("folder made inside a new one: %+v", b)
	}
	// A folder renamed in the tree stays watched.
	if err := os.Rename(filepath.Join(root, "content/2026"), filepath.Join(root, "content/y2026")); err != nil {
		t.Fatal(err)
	}
	nextBatch(t, batches)
	write(t, filepath.Join(root, "content/y2026/deep/a.md"), "edited after the rename")
	if b := nextBatch(t, batches); !slices.Contains(b.Paths, "content/y2026/deep/a.md") {
		t.Errorf("an edit in a renamed folder: %+v", b)
	}
	write(t, filepath.Join(root, "static/style.css"), "css")
	if b := nextBatch(t, batches); !slices.Contains(b.Paths, "static/style.css") {
		t.Errorf("a source folder made after the start: %+v", b)
	}
}

// TestLinkedSourceFolder: a source folder that is a link is watched
// through it, and its changes are named by the link's paths, as the
// build reads them.
func TestLinkedSourceFolder(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "shared-content/en/a.md"), "old")
	if err := os.Symlink("shared-content", filepath.Join(root, "content")); err != nil {
		t.Skipf("no links here: %v", err)
	}
	batches := start(t, root)
	write(t, filepath.Join(root, "shared-content/en/a.md"), "new")
	if b := nextBatch(t, batches); !slices.Equal(b.Paths, []string{"content/en/a.md"}) {
		t.Errorf("an edit through the link: %v", b.Paths)
	}
	write(t, filepath.Join(root, "shared-content/ru/b.md"), "new folder")
	if b := nextBatch(t, batches); !slices.Contains(b.Paths, "content/ru/b.md") {
		t.Errorf("a new folder through the link: %v", b.Paths)
	}
	write(t, filepath.Join(root, "shared-content/ru/c.md"), "in the new folder")
	if b := nextBatch(t, batches); !slices.Equal(b.Paths, []string{"content/ru/c.md"}) {
		t.Errorf("an edit in the new folder: %v", b.Paths)
	}
}

// TestWellKnown: static/.well-known is published as the build copies it
// (security.txt, the files a host checks a domain by), so its folder and
// files are watched like the rest of static/, though its name is hidden;
// hidden files inside it, and a .well-known of content/, are not read.
func TestWellKnown(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "static/style.css"), "css")
	write(t, filepath.Join(root, "static/.well-known/old.txt"), "there at the start")
	write(t, filepath.Join(root, "content/site.yaml"), "x")
	batches := start(t, root)

	write(t, filepath.Join(root, "static/.well-known/old.txt"), "edited")
	if b := nextBatch(t, batches); !slices.Equal(b.Paths, []string{"static/.well-known/old.txt"}) {
		t.Errorf("an edit in a .well-known watched from the start: %v", b.Paths)
	}
	write(t, filepath.Join(root, "static/a/.well-known/security.txt"), "Contact: mailto:a@example.org")
	if b := nextBatch(t, batches); !slices.Contains(b.Paths, "static/a/.well-known/security.txt") {
		t.Errorf("a new .well-known folder: %v", b.Paths)
	}
	write(t, filepath.Join(root, "static/a/.well-known/.notes.swp"), "scratch")
	write(t, filepath.Join(root, "content/.well-known/x.md"), "not read")
	write(t, filepath.Join(root, "static/a/.well-known/security.txt"), "Contact: mailto:b@example.org")
	if b := nextBatch(t, batches); !slices.Equal(b.Paths, []string{"static/a/.well-known/security.txt"}) {
		t.Errorf("an edit in the new .well-known: %v", b.Paths)
	}
}

// TestPermissionChange: a change of permissions alone comes out as the
// file's attributes, apart from its changes: a build that failed to read
// it may read it now.
func TestPermissionChange(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "content/en/a.md")
	write(t, file, "text")
	batches := start(t, root)
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}
	if b := nextBatch(t, batches); len(b.Paths) != 0 || !slices.Equal(b.Attrs, []string{"content/en/a.md"}) {
		t.Errorf("chmod: %+v", b)
	}
	write(t, file, "new text")
	os.Chmod(file, 0o644)
	if b := nextBatch(t, batches); !slices.Equal(b.Paths, []string{"content/en/a.md"}) || len(b.Attrs) != 0 {
		t.Errorf("write and chmod: %+v", b)
	}
}

// TestLinkInsideNotFollowed: a link to a folder made inside a source
// folder is reported, for the build to refuse, and nothing through it is
// watched: it may lead to a tree of any size anywhere.
func TestLinkInsideNotFollowed(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	write(t, filepath.Join(outside, "deep/er/file.txt"), "x")
	write(t, filepath.Join(root, "static/style.css"), "x")
	w, err := New(root, "content", "static")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	link := filepath.Join(root, "static/usr")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	ev := fsnotify.Event{Name: link, Op: fsnotify.Create}
	if got := w.event(ev); !slices.Equal(got, []string{"static/usr"}) {
		t.Errorf("the link's creation: %v", got)
	}
	for _, p := range w.fsw.WatchList() {
		if strings.HasPrefix(p, link) || strings.HasPrefix(p, outside) {
			t.Errorf("watching %s, through the link", p)
		}
	}
}
