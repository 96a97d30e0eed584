package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"briefings": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line scenarios in testdata/script: each is a
// project as a txtar archive and the commands an editor would type. The
// repository's templates and static files are copied into each project;
// beside it, real/ is a copy of the whole real project and seeds/ holds
// the launch articles' wire texts as received.
func TestScripts(t *testing.T) {
	repo := filepath.Join("..", "..")
	copies := map[string]string{
		"templates": "templates", "static": "static", "seeds": "internal/wire/testdata/seeds",
		"real/content": "content", "real/templates": "templates", "real/static": "static",
	}
	testscript.Run(t, testscript.Params{
		Dir:       "testdata/script",
		Cmds:      scriptCmds,
		Condition: scriptCondition,
		Setup: func(env *testscript.Env) error {
			env.Setenv("ESC", "\x1b") // for names no script can spell
			for to, from := range copies {
				if err := os.CopyFS(filepath.Join(env.WorkDir, to), os.DirFS(filepath.Join(repo, from))); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

// The preview shows drafts and scheduled articles unless told not to;
// build and check never do unless told to.
func TestPreviewShowsHeldArticles(t *testing.T) {
	for _, c := range []struct {
		cmd           string
		args          []string
		drafts, later bool
	}{
		{"serve", nil, true, true},
		{"watch", nil, true, true},
		{"serve", []string{"--drafts=false", "--future=false"}, false, false},
		{"build", nil, false, false},
		{"check", nil, false, false},
		{"build", []string{"--drafts", "--future"}, true, true},
	} {
		opts, _, ok := flags(c.cmd, c.args, io.Discard, io.Discard, nil)
		if !ok || opts.Drafts != c.drafts || opts.Future != c.later {
			t.Errorf("%s %v: drafts %v, future %v; want %v, %v", c.cmd, c.args, opts.Drafts, opts.Future, c.drafts, c.later)
		}
	}
}
