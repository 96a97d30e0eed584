package build

import (
	"testing"

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
