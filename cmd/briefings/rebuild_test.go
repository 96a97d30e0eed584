package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefings/internal/testproject"
)

// TestRebuildsAsFreshBuilds edits a project under serve (watch rebuilds
// by the same code, without the server) as an editor would: after each rebuild the output is exactly what a fresh
// build of the same files writes, and a rebuild that fails (here over the
// page budget) changes no byte of it. Files turn into folders and back in
// static/ (a link to a folder of the project) and content/, and a folder of someone else's beside the output,
// named like one a build might use, is kept.
func TestRebuildsAsFreshBuilds(t *testing.T) {
	bin := briefingsCommand(t)
	for _, mode := range []string{"serve"} {
		t.Run(mode, func(t *testing.T) {
			root := t.TempDir()
			// static/ is a link to a folder of the project, followed and
			// watched as a folder.
			if err := os.CopyFS(filepath.Join(root, "assets"), os.DirFS(filepath.Join(testproject.Repo(), "static"))); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("assets", filepath.Join(root, "static")); err != nil {
				t.Skipf("no links here: %v", err)
			}
			writeProject(t, root, "Old", 12)
			theirs := filepath.Join(root, ".public.old-photos", "cat.jpg")
			testproject.Write(t, theirs, "a photo")
			runOK(t, bin, "build", "--root", root)
			p := startLive(t, bin, mode, root)
			defer p.stop()
			out := filepath.Join(root, "public")
			story := filepath.Join(root, "content/en/2024/story-0.md")
			steps := []struct {
				what string
				edit func()
			}{
				{"a static file", func() { testproject.Write(t, filepath.Join(root, "static/extra"), "a file") }},
				{"the static file turned folder", func() {
					os.Remove(filepath.Join(root, "static/extra"))
					testproject.Write(t, filepath.Join(root, "static/extra/inner.txt"), "in a folder")
				}},
				{"the static folder turned file", func() {
					os.RemoveAll(filepath.Join(root, "static/extra"))
					testproject.Write(t, filepath.Join(root, "static/extra"), "a file again")
				}},
				{"an article over the page budget", func() {
					testproject.Write(t, story, testproject.Read(t, story)+strings.Repeat("A long paragraph. ", 3000)+"\n")
				}},
				{"an article folder", func() {
					os.Remove(story)
					testproject.Write(t, filepath.Join(root, "content/en/2024/story-0.md/inner.md"), "---\ntitle: Inner\ndate: 2024-01-01\ncountries: [AZ]\n---\nInside.\n")
				}},
				{"the folder turned back into the article", func() {
					os.RemoveAll(story)
					writeProject(t, root, "Old", 12)
				}},
			}
			for _, step := range steps {
				before := testproject.Tree(t, out)
				step.edit()
				line := p.settled(t, p.waitForAny(t, "rebuilt after", "failed with"))
				scratch := filepath.Join(t.TempDir(), "site")
				fresh := exec.Command(bin, "build", "--root", root, "--out", scratch).Run() == nil
				if failed := strings.Contains(line, "failed with"); failed == fresh {
					t.Fatalf("%s: a fresh build succeeds: %v; %s: %s", step.what, fresh, mode, line)
				}
				if !fresh {
					testproject.SameTree(t, testproject.Tree(t, out), before)
					continue
				}
				testproject.SameTree(t, testproject.Tree(t, out), testproject.Tree(t, scratch))
			}
			if got := testproject.Read(t, theirs); got != "a photo" {
				t.Errorf("the folder beside the output of someone else's lost its file")
			}
		})
	}
}

// TestFullDiskDuringRebuild: a rebuild whose files cannot be written (a
// file size limit, as on a full disk) fails with one line for them all,
// and the site stays as it was, byte for byte.
func TestFullDiskDuringRebuild(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to set a file size limit with")
	}
	bin := briefingsCommand(t)
	root := t.TempDir()
	writeProject(t, root, "Old", 12)
	runOK(t, bin, "build", "--root", root)
	before := testproject.Tree(t, filepath.Join(root, "public"))
	// The first build writes nothing but the marker: the site is there.
	p := startLiveIn(t, "watching", "sh", "-c", `ulimit -f 4 && exec "$0" watch --root "$1"`, bin, root)
	defer p.stop()
	writeProject(t, root, "New", 12) // every page changes
	var problems []string
	for {
		line := p.waitForAny(t, "", "")
		if strings.Contains(line, "failed with") {
			if !strings.Contains(line, "failed with 1 problem; the last good site stays") {
				t.Errorf("the rebuild's line: %s", line)
			}
			break
		}
		if strings.HasPrefix(line, "rebuilt after") {
			t.Fatalf("the rebuild succeeded with files over the limit: %s", line)
		}
		problems = append(problems, line)
	}
	if len(problems) != 2 || !strings.Contains(problems[0], " files could not be written: file too large (") ||
		!strings.HasPrefix(problems[1], "the site in ") {
		t.Errorf("the problems of a full disk, in %d lines:\n%s", len(problems), strings.Join(problems, "\n"))
	}
	testproject.SameTree(t, testproject.Tree(t, filepath.Join(root, "public")), before)
	besideOutput(t, root, true)
}

// startLiveIn starts a command that runs serve or watch, and waits for
// its line saying it is ready.
func startLiveIn(t *testing.T, ready, name string, args ...string) *liveProcess {
	t.Helper()
	p := &liveProcess{cmd: exec.Command(name, args...), lines: make(chan string, 100)}
	p.start(t)
	p.waitFor(t, ready)
	return p
}

// settled returns the last of the rebuilds' lines, from line on, once no
// line came for a while: an edit of two steps may rebuild twice.
func (p *liveProcess) settled(t *testing.T, line string) string {
	t.Helper()
	for {
		select {
		case l, ok := <-p.lines:
			if !ok {
				t.Fatal("the process ended")
			}
			if strings.HasPrefix(l, "rebuilt after") {
				line = l
			}
		case <-time.After(400 * time.Millisecond): // more than a batch's longest wait
			return line
		}
	}
}

// waitForAny waits for a line holding one of two strings ("" matches any
// line) and returns it.
func (p *liveProcess) waitForAny(t *testing.T, a, b string) string {
	t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				t.Fatalf("the process ended before printing %q or %q", a, b)
			}
			if strings.Contains(line, a) || strings.Contains(line, b) {
				return line
			}
		case <-timeout:
			t.Fatalf("no %q or %q line in a minute", a, b)
		}
	}
}

// TestOneWriterAnOutput: while serve or watch writes a project's output,
// a second serve, watch or build of it is refused, naming the first, and
// writes nothing; once the first ends, however it ends, the next runs.
func TestOneWriterAnOutput(t *testing.T) {
	bin := briefingsCommand(t)
	root := t.TempDir()
	writeProject(t, root, "Old", 3)
	p := startLive(t, bin, "serve", root)
	for _, cmd := range [][]string{{"build"}, {"watch"}, {"serve", "--addr", "127.0.0.1:0"}} {
		out, err := exec.Command(bin, append(cmd, "--root", root)...).CombinedOutput()
		want := fmt.Sprintf("briefings: public is being written by briefings serve (process %d): stop it first, or write this one elsewhere with --out", p.cmd.Process.Pid)
		if err == nil || strings.TrimSpace(string(out)) != want {
			t.Errorf("briefings %s beside a serve: %v\n%s", cmd[0], err, out)
		}
	}
	runOK(t, bin, "build", "--root", root, "--out", filepath.Join(root, "elsewhere"))
	os.RemoveAll(filepath.Join(root, "elsewhere"))
	p.stop() // killed: its lock goes with it
	runOK(t, bin, "build", "--root", root)
	besideOutput(t, root)
}
