package build

import (
	"math/rand/v2"
	"path"
	"slices"
	"strings"
	"testing"

	"briefings/internal/load"
	"briefings/internal/render"
)

// Two outputs planned at one path would be one file, the second
// overwriting the first: the plan is refused, naming the path, while
// pages in one folder, and a page with its folder, are not.
func TestOutputsAtOnePath(t *testing.T) {
	out := func(paths ...string) []render.Output {
		var os []render.Output
		for _, p := range paths {
			os = append(os, render.Output{Path: p})
		}
		return os
	}
	err := collisions(out("en/index.html", "en/2018/12/index.html", "en/2018/index.html", "en/2018/12/index.html"), nil)
	if err == nil || !strings.Contains(err.Error(), "two pages are generated at /en/2018/12/index.html") {
		t.Errorf("two outputs at one path: %v", err)
	}
	if err := collisions(out("en/index.html", "en/2018/12/index.html", "en/2018/index.html", "en/2018/12/a/index.html"), nil); err != nil {
		t.Errorf("distinct paths: %v", err)
	}
}

// portable refuses a set of paths exactly when two of their files or
// folders are spelt apart and one on Windows and macOS, or a name is one
// Windows cannot hold: checked against every pair of spellings, on seeded
// random paths of cased, composed and decomposed letters.
func TestPortableMatchesPairs(t *testing.T) {
	parts := []string{"a", "A", "en", "EN", "\u00e9", "e\u0301", "\u00c9", "con", "x.", "2018", "index.html", "Index.html"}
	key := load.Folder()
	for seed := int64(1); seed <= 400; seed++ {
		rng := rand.New(rand.NewPCG(uint64(seed), 0))
		var outputs, statics []render.Output
		for n := 1 + rng.IntN(5); n > 0; n-- {
			segs := make([]string, 1+rng.IntN(3))
			for i := range segs {
				segs[i] = parts[rng.IntN(len(parts))] + parts[rng.IntN(len(parts))]
			}
			o := render.Output{Path: strings.Join(segs, "/")}
			if rng.IntN(3) == 0 {
				statics = append(statics, o)
			} else {
				outputs = append(outputs, o)
			}
		}
		spelt := map[string]map[string]bool{} // key → spellings
		files := map[string]int{}             // generated pages by path
		bad := false
		for i, o := range append(slices.Clone(outputs), statics...) {
			if i < len(outputs) {
				files[o.Path]++
				bad = bad || files[o.Path] > 1
			}
			for j := 1; j <= len(o.Path); j++ {
				if j < len(o.Path) && o.Path[j] != '/' {
					continue
				}
				p := o.Path[:j]
				bad = bad || load.WindowsName(path.Base(p)) != ""
				if spelt[key(p)] == nil {
					spelt[key(p)] = map[string]bool{}
				}
				spelt[key(p)][p] = true
			}
		}
		for _, s := range spelt {
			bad = bad || len(s) > 1
		}
		if got := portable(outputs, statics); (len(got) > 0) != bad {
			t.Errorf("seed %d: outputs %q, statics %q: portable says %v, pairs say refused=%v", seed, pathsOf(outputs), pathsOf(statics), got, bad)
		}
	}
}

func pathsOf(outputs []render.Output) []string {
	var ps []string
	for _, o := range outputs {
		ps = append(ps, o.Path)
	}
	return ps
}
