package build

import (
	"strings"
	"testing"

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
