package build

import (
	"errors"
	"strings"
	"testing"

	"briefings/internal/diag"

	"briefings/internal/testproject"
)

var (
	newProject  = testproject.New
	writeFile   = testproject.Write
	readFile    = testproject.Read
	tree        = testproject.Tree
	sortedPaths = testproject.Paths
	sameTree    = testproject.SameTree
)

func mustBuild(t *testing.T, opts Options) Report {
	t.Helper()
	rep, err := Build(opts)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return rep
}

// wantProblems checks that a build failed with problems, and that they
// hold each of wants.
func wantProblems(t *testing.T, err error, wants ...string) {
	t.Helper()
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want problems", err)
	}
	got := list.Error()
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}
