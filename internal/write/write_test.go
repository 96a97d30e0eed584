package write

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefings/internal/testproject"
)

// build writes files into out as a build would, and returns the stage
// committed.
func build(t *testing.T, out string, files map[string]string) *Stage {
	t.Helper()
	s := stage(t, out, files)
	if err := s.Commit(context.Background(), s.Gone(slices.Collect(mapsKeys(files))), nil); err != nil {
		t.Fatal(err)
	}
	return s
}

// stage stages files for out, not committed.
func stage(t *testing.T, out string, files map[string]string) *Stage {
	t.Helper()
	s, err := Begin(out, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range testproject.Paths(files) {
		if err := s.Put(p, []byte(files[p])); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// site is a tree as Tree gives it, with the marker every build writes.
func site(t *testing.T, files map[string]string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	for p, data := range files {
		testproject.Write(t, filepath.Join(dir, p), data)
	}
	testproject.Write(t, filepath.Join(dir, Marker), markerText)
	return testproject.Tree(t, dir)
}

// beside lists what is in the output's parent folder.
func beside(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func stat(t *testing.T, name string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

func TestFreshAndInPlace(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first := map[string]string{"same.html": "same", "en/changed.html": "old", "old/deep/gone.html": "x"}
	build(t, out, first)
	testproject.SameTree(t, testproject.Tree(t, out), site(t, first))
	same, marker := stat(t, filepath.Join(out, "same.html")), stat(t, filepath.Join(out, Marker))

	second := map[string]string{"same.html": "same", "en/changed.html": "new", "new/folder/page.html": "fresh"}
	s := stage(t, out, second)
	if err := s.Put("../escape.html", nil); err == nil {
		t.Errorf("Put wrote outside the output")
	}
	if err := s.Put(Marker, nil); err == nil {
		t.Errorf("Put wrote over the marker")
	}
	gone := s.Gone(testproject.Paths(second))
	if err := s.Commit(context.Background(), gone, nil); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(gone, []string{"old/deep/gone.html"}) || s.Written() != 2 {
		t.Errorf("removed %v, wrote %d; want old/deep/gone.html, 2", gone, s.Written())
	}
	testproject.SameTree(t, testproject.Tree(t, out), site(t, second))
	if _, err := os.Stat(filepath.Join(out, "old")); !os.IsNotExist(err) {
		t.Errorf("the emptied folder old/ is still there")
	}
	if !os.SameFile(same, stat(t, filepath.Join(out, "same.html"))) {
		t.Errorf("an unchanged file was written again")
	}
	if os.SameFile(marker, stat(t, filepath.Join(out, Marker))) {
		t.Errorf("the marker was not replaced: a builder would not see the folder changed")
	}
	if names := beside(t, out); !slices.Equal(names, []string{"public"}) {
		t.Errorf("beside the output: %v, want public alone", names)
	}
}

func TestAbortLeavesOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, map[string]string{"index.html": "old", "en/page.html": "old"})
	before := testproject.Tree(t, out)
	s := stage(t, out, map[string]string{"index.html": "new", "en/page.html": "new", "new/deeper/page.html": "new"})
	s.Abort()
	testproject.SameTree(t, testproject.Tree(t, out), before)
	if names := beside(t, out); !slices.Equal(names, []string{"public"}) {
		t.Errorf("beside the output after an abort: %v", names)
	}
	// Into no output: nothing at all.
	fresh := filepath.Join(t.TempDir(), "site")
	stage(t, fresh, map[string]string{"index.html": "new"}).Abort()
	if names := beside(t, fresh); len(names) != 0 {
		t.Errorf("an aborted first build left %v", names)
	}
}

// TestCancelledCommitChangesNothing: a commit whose context is done
// before its journal is written changes nothing, into an old site or into
// none, and says why.
func TestCancelledCommitChangesNothing(t *testing.T) {
	stop := errors.New("interrupt")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(stop)
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, map[string]string{"index.html": "old", "en/page.html": "old"})
	before := testproject.Tree(t, out)
	s := stage(t, out, map[string]string{"index.html": "new", "new/page.html": "new"})
	if err := s.Commit(ctx, []string{"en/page.html"}, nil); !errors.Is(err, stop) {
		t.Errorf("Commit = %v, want the context's cause", err)
	}
	testproject.SameTree(t, testproject.Tree(t, out), before)
	if names := beside(t, out); !slices.Equal(names, []string{"public"}) {
		t.Errorf("beside the output after a cancelled commit: %v", names)
	}
	fresh := filepath.Join(t.TempDir(), "site")
	if err := stage(t, fresh, map[string]string{"index.html": "new"}).Commit(ctx, nil, nil); !errors.Is(err, stop) {
		t.Errorf("Commit into no site = %v, want the context's cause", err)
	}
	if names := beside(t, fresh); len(names) != 0 {
		t.Errorf("a cancelled first build left %v", names)
	}
}

// TestFailedWritesChangeNothing: files that cannot be written fail the
// commit with one line naming the first few, and the output is as it was.
func TestFailedWritesChangeNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, map[string]string{"index.html": "old"})
	before := testproject.Tree(t, out)
	s := stage(t, out, map[string]string{"index.html": "new"})
	for i := range 5 {
		s.failed = append(s.failed, failure{fmt.Sprintf("en/%d.html", i), 2048, fmt.Errorf("no space left on device")})
	}
	s.tried += 5
	err := s.Commit(context.Background(), nil, nil)
	want := "5 of 6 files could not be written: no space left on device (en/0.html, en/1.html, en/2.html and 2 more; 10.0 KB in all)"
	if err == nil || err.Error() != want {
		t.Errorf("Commit = %v\nwant %s", err, want)
	}
	testproject.SameTree(t, testproject.Tree(t, out), before)
	if names := beside(t, out); !slices.Equal(names, []string{"public"}) {
		t.Errorf("beside the output: %v", names)
	}
}

func TestRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	testproject.Write(t, filepath.Join(dir, "notes.txt"), "mine")
	if _, err := Begin(dir, false); err == nil {
		t.Errorf("a folder without the marker was opened for writing")
	}
}

// TestOthersFoldersKept: folders beside the output are recognised by the
// marker a build wrote in them, never by their names, and a staging
// folder of another output, or of a build still running, is left alone.
func TestOthersFoldersKept(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	mine := map[string]string{
		".public.old-photos/cat.jpg":         "a photo",
		".public.new-draft/index.html":       "a draft",
		".public.staging-x/index.html":       "not a staging folder: no marker",
		".site.staging-1/" + stagingMarker:   stagingText("site"),
		".site.staging-1/index.html":         "another output's",
		".public.staging-2/" + stagingMarker: "This folder is mine.\n",
	}
	for p, data := range mine {
		testproject.Write(t, filepath.Join(dir, p), data)
	}
	running := stage(t, out, map[string]string{"index.html": "running"})
	build(t, out, map[string]string{"index.html": "one"})
	build(t, out, map[string]string{"index.html": "two"})
	for p, data := range mine {
		if got := testproject.Read(t, filepath.Join(dir, p)); got != data {
			t.Errorf("%s: %q, want %q", p, got, data)
		}
	}
	if _, err := os.Stat(filepath.Join(running.dir, "index.html")); err != nil {
		t.Errorf("the staging folder of a build still running was taken: %v", err)
	}
	running.lock.Close() // as when its process dies
	if err := Recover(out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(running.dir); !os.IsNotExist(err) {
		t.Errorf("a dead build's staging folder is still there")
	}
}

// TestFileBecomesFolder: a file of the old site where the new one has a
// folder, and the reverse, at several depths.
func TestFileBecomesFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, map[string]string{"a": "file", "b/c/d": "deep", "e/f": "file in folder", "g": "stays"})
	next := map[string]string{"a/x/y": "now a folder", "b/c": "now a file", "e": "file", "g": "stays"}
	build(t, out, next)
	testproject.SameTree(t, testproject.Tree(t, out), site(t, next))
	back := map[string]string{"a": "file again", "b/c/d": "deep again", "e/f": "folder again"}
	build(t, out, back)
	testproject.SameTree(t, testproject.Tree(t, out), site(t, back))
}

// TestKilledCommitRecovers kills commits between every two of their
// steps, over seeded random pairs of sites that turn files into folders
// and back: after Recover, the output is the new site; killed before the
// journal, the old one.
func TestKilledCommitRecovers(t *testing.T) {
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 13))
		old, next := randomSite(rng), randomSite(rng)
		oldSite, newSite := site(t, old), site(t, next)
		probe := filepath.Join(t.TempDir(), "public")
		build(t, probe, old)
		s := stage(t, probe, next)
		steps := len(plan(s.put, s.Gone(testproject.Paths(next)), s.out))
		s.Abort()
		for k := -1; k <= steps; k++ {
			out := filepath.Join(t.TempDir(), "public")
			build(t, out, old)
			s := stage(t, out, next)
			want := oldSite
			if k >= 0 {
				ops := plan(s.put, s.Gone(testproject.Paths(next)), s.out)
				if err := writeJournal(s.dir, journal{"public", ops}); err != nil {
					t.Fatal(err)
				}
				if err := apply(s.dir, out, ops[:k]); err != nil {
					t.Fatalf("seed %d, step %d: %v", seed, k, err)
				}
				want = newSite
			}
			s.lock.Close() // killed
			if err := Recover(out); err != nil {
				t.Fatalf("seed %d, killed after %d of %d steps: %v", seed, k, steps, err)
			}
			if got := testproject.Tree(t, out); !maps.Equal(got, want) {
				t.Fatalf("seed %d, killed after %d of %d steps:\nold  %v\nnew  %v\ngot  %v", seed, k, steps,
					testproject.Paths(old), testproject.Paths(next), testproject.Paths(got))
			}
			if names := beside(t, out); !slices.Equal(names, []string{"public"}) {
				t.Errorf("seed %d, step %d: beside the output after Recover: %v", seed, k, names)
			}
		}
	}
}

// TestKilledFreshCommitRecovers: a first build killed after its folder
// became the output, before its marker went.
func TestKilledFreshCommitRecovers(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"index.html": "new"}
	s := stage(t, out, files)
	os.Remove(filepath.Join(out, Marker))
	os.Remove(out)
	if err := os.Rename(s.dir, out); err != nil {
		t.Fatal(err)
	}
	s.lock.Close()
	if err := Recover(out); err != nil {
		t.Fatal(err)
	}
	testproject.SameTree(t, testproject.Tree(t, out), site(t, files))
}

// TestKilledWhileStaging: a build killed while it made its staging folder
// in the output, before moving it beside, leaves a folder Recover removes.
func TestKilledWhileStaging(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"index.html": "old"}
	build(t, out, files)
	testproject.Write(t, filepath.Join(out, ".briefings-staging-1", stagingMarker), "This folder")
	if err := os.Mkdir(filepath.Join(out, ".briefings-staging-2"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Recover(out); err != nil {
		t.Fatal(err)
	}
	testproject.SameTree(t, testproject.Tree(t, out), site(t, files))
	if entries, _ := os.ReadDir(out); len(entries) != 2 {
		t.Errorf("after Recover the output holds %d entries, want index.html and the marker", len(entries))
	}
}

// TestCommitHoldsLock: readers holding the lock see the old site or the new.
func TestCommitHoldsLock(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	old := map[string]string{"a.html": "old", "b/c.html": "old"}
	next := map[string]string{"a.html": "new", "b/c.html": "new", "d.html": "new"}
	build(t, out, old)
	s := stage(t, out, next)
	l := &watchedLock{t: t, out: out, before: site(t, old), after: site(t, next)}
	if err := s.Commit(context.Background(), nil, l); err != nil {
		t.Fatal(err)
	}
	if l.locks != 1 {
		t.Errorf("the commit took the lock %d times, want once", l.locks)
	}
}

type watchedLock struct {
	t             *testing.T
	out           string
	before, after map[string]string
	locks         int
}

func (l *watchedLock) Lock() {
	l.locks++
	if !maps.Equal(testproject.Tree(l.t, l.out), l.before) {
		l.t.Errorf("the output changed before the lock was taken")
	}
}

func (l *watchedLock) Unlock() {
	if !maps.Equal(testproject.Tree(l.t, l.out), l.after) {
		l.t.Errorf("the output is not the new site when the lock is let go")
	}
}

// randomSite is a few files over a small set of names, so that two sites
// often have a file where the other has a folder.
func randomSite(rng *rand.Rand) map[string]string {
	names := []string{"a", "b", "c"}
	files := map[string]string{}
	for range 1 + rng.IntN(8) {
		var parts []string
		for range 1 + rng.IntN(3) {
			parts = append(parts, names[rng.IntN(len(names))])
		}
		p := strings.Join(parts, "/")
		clash := false
		for q := range files {
			if strings.HasPrefix(q, p+"/") || strings.HasPrefix(p, q+"/") {
				clash = true
			}
		}
		if !clash {
			files[p] = fmt.Sprint(rng.IntN(3))
		}
	}
	return files
}

// A file staged as it is written is put in place as Put's are: written
// into a new folder, left alone in place when its bytes are the same,
// replaced when they differ. An error of what writes it is returned and
// stages nothing; one of the disk is said at Commit with the file's size.
func TestPutStream(t *testing.T) {
	text := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	out := filepath.Join(t.TempDir(), "public")
	s := stage(t, out, map[string]string{"index.html": "home"})
	big := strings.Repeat("<url>x</url>\n", 20000) // past the stream's buffer
	if err := s.PutStream("sitemap.xml", text(big)); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(context.Background(), nil, nil); err != nil {
		t.Fatal(err)
	}
	if got := testproject.Read(t, filepath.Join(out, "sitemap.xml")); got != big {
		t.Fatalf("a new site's sitemap has %d bytes, want %d", len(got), len(big))
	}

	s = stage(t, out, map[string]string{"index.html": "home"})
	if err := s.PutStream("sitemap.xml", text(big)); err != nil {
		t.Fatal(err)
	}
	if err := s.PutStream("feed.xml", text("new")); err != nil {
		t.Fatal(err)
	}
	if n := s.Written(); n != 1 {
		t.Errorf("in place, %d files staged, want the new one alone", n)
	}
	if err := s.Commit(context.Background(), nil, nil); err != nil {
		t.Fatal(err)
	}
	if got := testproject.Read(t, filepath.Join(out, "feed.xml")); got != "new" {
		t.Errorf("feed.xml = %q", got)
	}

	before := testproject.Tree(t, out)
	s = stage(t, out, map[string]string{"index.html": "home"})
	mine := errors.New("cannot encode")
	if err := s.PutStream("sitemap.xml", func(w io.Writer) error { io.WriteString(w, "half"); return mine }); err != mine {
		t.Errorf("PutStream = %v, want what its writer said", err)
	}
	if err := s.Put("a", []byte("a file where a folder must be")); err != nil {
		t.Fatal(err)
	}
	if err := s.PutStream("a/b.xml", text(strings.Repeat("b", 3000))); err != nil {
		t.Fatal(err)
	}
	err := s.Commit(context.Background(), nil, nil)
	if err == nil || !strings.Contains(err.Error(), "a/b.xml") {
		t.Errorf("Commit = %v, want the file the disk refused", err)
	}
	if len(s.failed) != 1 || s.failed[0].size != 3000 {
		t.Errorf("failed: %+v, want a/b.xml with its 3000 bytes", s.failed)
	}
	testproject.SameTree(t, testproject.Tree(t, out), before)
}

// A build interrupted by Ctrl-C leaves its staging folder beside public/
// until the next command removes it: the project's .gitignore keeps it
// out of a commit of everything, as it does public/ itself.
func TestStagingFolderIgnoredByGit(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Begin(filepath.Join(t.TempDir(), "public"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	name := filepath.Base(s.dir)
	for _, l := range strings.Split(string(src), "\n") {
		pattern := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(l), "/"), "/")
		if ok, _ := filepath.Match(pattern, name); ok && pattern != "" {
			return
		}
	}
	t.Errorf("no line of .gitignore ignores the staging folder %s", name)
}
