package main

import (
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
			for to, from := range copies {
				if err := os.CopyFS(filepath.Join(env.WorkDir, to), os.DirFS(filepath.Join(repo, from))); err != nil {
					return err
				}
			}
			return nil
		},
	})
}
