package build

import (
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
