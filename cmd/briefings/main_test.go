package main

import (
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
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

// serve on a port another program holds says so, and how to serve on
// another.
func TestServeOnBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("no loopback here:", err)
	}
	defer ln.Close()
	var stderr strings.Builder
	root := t.TempDir()
	if code := run([]string{"serve", "--root", root, "--addr", ln.Addr().String()}, io.Discard, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr.String())
	}
	if got := stderr.String(); !strings.Contains(got, "address already in use") || !strings.Contains(got, "on another port with --addr") {
		t.Errorf("stderr:\n%s", got)
	}
}
