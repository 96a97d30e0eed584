package build

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// stopAfter is a context that is done from its nth look on: a build that
// looks before each file it makes stops at a point that the test chooses.
type stopAfter struct {
	context.Context
	n atomic.Int64
}

func (c *stopAfter) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestStoppedBuildLeavesSite stops builds at points spread over the whole
// of them, from before the first file to after the commit, into an old
// site and into none: each leaves the old site, byte for byte, and says
// so, or the whole new one, and nothing beside the output.
func TestStoppedBuildLeavesSite(t *testing.T) {
	root := newProject(t, siteArchive)
	siteYAML := filepath.Join(root, "content", "site.yaml")
	titles := []string{readFile(t, siteYAML), strings.Replace(readFile(t, siteYAML), "title: Briefings", "title: New Briefings", 1)}
	var sites [2]map[string]string
	for i, text := range titles {
		writeFile(t, siteYAML, text)
		scratch := filepath.Join(t.TempDir(), "site")
		mustBuild(t, Options{Root: root, Out: scratch})
		sites[i] = tree(t, scratch)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	opts := Options{Root: root, Out: out}
	beside := func(when string) {
		t.Helper()
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "public" {
				t.Errorf("%s, beside the output: %s", when, e.Name())
			}
		}
	}

	// Into no site: nothing, or the whole site.
	writeFile(t, siteYAML, titles[0])
	for n := int64(0); ; n = n*2 + 1 {
		ctx := &stopAfter{Context: context.Background()}
		ctx.n.Store(n)
		_, err := BuildContext(ctx, opts)
		if err == nil {
			sameTree(t, tree(t, out), sites[0])
			break
		}
		if !errors.Is(err, context.Canceled) || Left(err) != "nothing was written to "+out {
			t.Fatalf("a first build stopped at look %d: %v", n, err)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("a first build stopped at look %d left the output folder", n)
		}
		beside("after a first build stopped")
	}

	// Into the old site: the old one, or the new.
	writeFile(t, siteYAML, titles[1])
	stopped := 0
	for n := int64(0); ; n = n*2 + 1 {
		ctx := &stopAfter{Context: context.Background()}
		ctx.n.Store(n)
		_, err := BuildContext(ctx, opts)
		got := tree(t, out)
		beside("after a build stopped")
		if err == nil {
			if !maps.Equal(got, sites[1]) {
				t.Fatalf("a build stopped at look %d succeeded, and the output is not the new site", n)
			}
			break
		}
		stopped++
		if !errors.Is(err, context.Canceled) || Left(err) != "the site in "+out+" was left as it was" {
			t.Fatalf("a build stopped at look %d: %v", n, err)
		}
		if !maps.Equal(got, sites[0]) {
			t.Fatalf("a build stopped at look %d changed the site", n)
		}
	}
	t.Logf("%d builds into the old site stopped, at looks 0 to %d", stopped, 1<<stopped-1)
	if stopped < 5 {
		t.Errorf("only %d builds were stopped before they ended: the build looks at its context too seldom", stopped)
	}
}
