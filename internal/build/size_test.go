package build

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"briefings/internal/write"
)

// siteBytes sums what the build wrote: every file of the output but the
// marker, which says whose it is and is no part of the site.
func siteBytes(t *testing.T, out string) int64 {
	t.Helper()
	var n int64
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == write.Marker {
			return err
		}
		info, err := d.Info()
		n += info.Size()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A build that makes every file says what the site weighs, photos and
// static files counted, and warns when that is more than GitHub Pages
// publishes; a rebuild that made only some of the files says nothing.
func TestSiteSize(t *testing.T) {
	root := photoProject(t)
	writeFile(t, filepath.Join(root, "static", "report.pdf"), strings.Repeat("%PDF-1.4 ", 500))
	out := filepath.Join(root, "public")
	rep := mustBuild(t, Options{Root: root})
	if want := siteBytes(t, out); rep.Size != want || want == 0 {
		t.Fatalf("Size = %d, the files written weigh %d", rep.Size, want)
	}
	if again := mustBuild(t, Options{Root: root}); again.Size != rep.Size || again.Written != 0 {
		t.Errorf("a build into the same output: Size %d, %d written; want %d, 0", again.Size, again.Written, rep.Size)
	}
	if dry := mustBuild(t, Options{Root: root, DryRun: true}); dry.Size != rep.Size {
		t.Errorf("check: Size %d, want %d", dry.Size, rep.Size)
	}
	b := New(Options{Root: root})
	if first, err := b.Build(); err != nil || first.Size != rep.Size {
		t.Fatalf("first build of a Builder: Size %d, %v", first.Size, err)
	}
	writeFile(t, filepath.Join(root, "static", "report.pdf"), "changed")
	if next, err := b.Build(); err != nil || next.Size != 0 {
		t.Errorf("a rebuild that wrote some files: Size %d, %v; want 0, not known", next.Size, err)
	}

	defer func(limit int64) { pagesLimit = limit }(pagesLimit)
	rep = mustBuild(t, Options{Root: root})
	for _, c := range []struct {
		limit int64
		warn  bool
	}{{rep.Size, false}, {rep.Size - 1, true}} {
		pagesLimit = c.limit
		got := mustBuild(t, Options{Root: root}).Warnings
		if c.warn != (len(got) == 1) {
			t.Fatalf("limit %d, site %d bytes: warnings %v", c.limit, rep.Size, got)
		}
		if c.warn {
			if msg := got[0].String(); !strings.HasPrefix(msg, "public: warning: the site's files weigh "+Bytes(rep.Size)+" ("+thousands(rep.Size)+" bytes), more than the 1 GB ("+thousands(c.limit)+" bytes) GitHub Pages publishes") {
				t.Errorf("warning = %q", msg)
			}
		}
	}
}

func TestBytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KB", 1536: "1.5 KB",
		5 << 20: "5.0 MB", 1<<30 - 1<<19: "1023.5 MB", 1 << 30: "1.00 GB", 1<<30 + 1<<28: "1.25 GB"} {
		if got := Bytes(n); got != want {
			t.Errorf("Bytes(%d) = %q, want %q", n, got, want)
		}
	}
}
