package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Pages are written to the staging folder as they are planned; a problem
// found only once every page is planned, or while one is made, must still
// leave the site, and the folder around it, exactly as they were.
func TestFailureAfterPagesWereStaged(t *testing.T) {
	cases := []struct{ name, file, text, want string }{
		{"a link to no page", "content/en/late.md", "---\ntitle: Late\ndate: 2025-01-05\ncountries: [AZ]\n---\nSee [nothing](/en/no-such-page/).\n",
			"content/en/late.md:6: link to /en/no-such-page/"},
		{"a static file where a page goes", "static/en/index.html", "<p>mine</p>\n",
			"static/en/index.html: collides with a page the site generates at /en/index.html"},
		{"a template that fails on articles", "templates/article.html", `{{define "main"}}{{.Article.Nothing}}{{end}}`,
			"templates/article.html"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := newProject(t, baseArchive)
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			mustBuild(t, Options{Root: root, Out: out})
			before := tree(t, out)
			for _, fresh := range []bool{false, true} {
				dest := out
				if fresh {
					dest = filepath.Join(parent, "new")
				}
				writeFile(t, filepath.Join(root, c.file), c.text)
				_, err := Build(Options{Root: root, Out: dest})
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("fresh %v: err = %v, want %q", fresh, err, c.want)
				}
				if !mapsEqual(tree(t, out), before) {
					t.Errorf("fresh %v: the failed build changed the site", fresh)
				}
				entries, _ := os.ReadDir(parent)
				if len(entries) != 1 || entries[0].Name() != "public" {
					var names []string
					for _, e := range entries {
						names = append(names, e.Name())
					}
					t.Errorf("fresh %v: beside the site after a failed build: %v", fresh, names)
				}
			}
		})
	}
}

// The problems of a build whose templates fail on many pages, made on
// every core as they are planned, read the same from one build to the
// next: one problem at the template's line, naming the first page.
func TestPlanningErrorsInOrder(t *testing.T) {
	root := newProject(t, baseArchive)
	for i := range 40 {
		writeFile(t, filepath.Join(root, fmt.Sprintf("content/en/a%02d.md", i)),
			fmt.Sprintf("---\ntitle: Story %d\ndate: 2025-01-%02d\ncountries: [AZ]\n---\nBody.\n", i, 1+i%28))
	}
	writeFile(t, filepath.Join(root, "templates/article.html"), `{{define "main"}}{{index .Alternates 99}}{{end}}`)
	out := filepath.Join(t.TempDir(), "public")
	var first string
	for run := range 5 {
		_, err := Build(Options{Root: root, Out: out})
		if err == nil {
			t.Fatal("the build succeeded")
		}
		if run == 0 {
			first = err.Error()
		} else if err.Error() != first {
			t.Fatalf("run %d gave its problems in another order:\n%s\nthen\n%s", run, first, err)
		}
	}
	want := "templates/article.html:1: executing \"main\" at <index .Alternates 99>: error calling index: index out of range: 99 (rendering /en/2025/01/a-good-article/ and 40 other pages)"
	if first != want {
		t.Errorf("got\n%s\nwant\n%s", first, want)
	}
}

// Pages are weighed as they are planned: a page over budget does not hide
// a problem found once all are planned.
func TestBudgetAndLinkProblemsTogether(t *testing.T) {
	root := newProject(t, budgetArchive)
	writeFile(t, filepath.Join(root, "content/en/a.md"), "---\ntitle: First\ndate: 2025-09-03\ncountries: [AZ]\nsummary: Short.\n---\n"+
		strings.Repeat("A long paragraph. ", 1000)+"\n\nSee [nothing](/en/no-such-page/).\n")
	_, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
	wantProblems(t, err, "content/en/a.md:9: link to /en/no-such-page/", "content/en/a.md:1: its page weighs ")
}
