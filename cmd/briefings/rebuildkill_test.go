package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefings/internal/testproject"
)

var fullKills = flag.Bool("kills.full", false, "kill rebuilds at 24 points each over a 2,000-article site (minutes)")

// TestKilledRebuildKeepsSite edits an article's title and kills, with
// SIGKILL, `serve`, `watch` and `build` at moments spread over the
// rebuild that follows. After each kill the output is the old site or the
// new one, or, killed while a commit renamed files already written, a site
// with a journal that the next command finishes; and the next command,
// whatever it is, leaves exactly what a fresh build of the sources writes.
func TestKilledRebuildKeepsSite(t *testing.T) {
	articles, points, timings := 150, 3, 1
	if *fullKills {
		articles, points, timings = 2000, 24, 3
	}
	bin := briefingsCommand(t)
	root := generatedProject(t, articles)
	article := newestArticle(t, root)
	original := testproject.Read(t, article)
	titles := []string{original, retitle(t, original, "A title edited while the site rebuilds")}
	out := filepath.Join(root, "public")
	// The fresh site of each version of the article.
	var sites [2]map[string]string
	for i, text := range titles {
		testproject.Write(t, article, text)
		scratch := filepath.Join(t.TempDir(), "site")
		runOK(t, bin, "build", "--root", root, "--out", scratch)
		sites[i] = testproject.Tree(t, scratch)
	}
	runOK(t, bin, "build", "--root", root)
	cur := 1 // the version in the sources and the output

	outcomes := map[string]int{}
	next := []string{"build", "check", "new", "build"}
	for _, mode := range []string{"serve", "watch", "build"} {
		// The median of a few rebuilds: on a busy machine one may be far off.
		var spans []time.Duration
		for range timings {
			spans = append(spans, rebuildTime(t, bin, mode, root, article, titles, &cur))
		}
		slices.Sort(spans)
		span := spans[len(spans)/2]
		for i := range points {
			delay := span * time.Duration(i) * 3 / (2 * time.Duration(points))
			outcome := killRebuild(t, bin, mode, root, article, titles[1-cur], delay, sites[cur], sites[1-cur])
			cur = 1 - cur
			outcomes[mode+", "+outcome]++
			cmd := next[i%len(next)]
			runNext(t, bin, cmd, root)
			if cmd == "build" {
				testproject.SameTree(t, testproject.Tree(t, out), sites[cur])
			} else if got := testproject.Tree(t, out); !maps.Equal(got, sites[cur]) && !maps.Equal(got, sites[1-cur]) {
				t.Errorf("after %s killed at %v and `briefings %s`, the output is neither site", mode, delay, cmd)
			}
			runOK(t, bin, "build", "--root", root)
			testproject.SameTree(t, testproject.Tree(t, out), sites[cur])
			besideOutput(t, root)
		}
		t.Logf("%s: rebuild of a title edit, save to done, %v", mode, span.Round(time.Millisecond))
	}
	t.Logf("%d kills over %d articles: %v", 3*points, articles, outcomes)
}

// rebuildTime times a title edit's rebuild, from the save to the end, in
// one mode, leaving the output at the edited version.
func rebuildTime(t *testing.T, bin, mode, root, article string, titles []string, cur *int) time.Duration {
	t.Helper()
	*cur = 1 - *cur
	if mode == "build" {
		testproject.Write(t, article, titles[*cur])
		start := time.Now()
		runOK(t, bin, "build", "--root", root)
		return time.Since(start)
	}
	p := startLive(t, bin, mode, root)
	defer p.stop()
	testproject.Write(t, article, titles[*cur])
	start := time.Now()
	p.waitFor(t, "rebuilt after")
	return time.Since(start)
}

// killRebuild saves text as the article and kills the command delay
// later: serve and watch, started before the save, rebuild; build starts
// at the save. It returns how the output was left.
func killRebuild(t *testing.T, bin, mode, root, article, text string, delay time.Duration, before, after map[string]string) string {
	t.Helper()
	var cmd *exec.Cmd
	if mode == "build" {
		testproject.Write(t, article, text)
		cmd = exec.Command(bin, "build", "--root", root)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
	} else {
		p := startLive(t, bin, mode, root)
		cmd = p.cmd
		testproject.Write(t, article, text)
	}
	time.Sleep(delay)
	cmd.Process.Kill()
	err := cmd.Wait()
	how := "finished"
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) && !exit.Exited() {
		how = "killed"
	}
	got := testproject.Tree(t, filepath.Join(root, "public"))
	// A staging folder is made inside the output, marked, and moved beside
	// it, so that a kill never leaves an unmarked folder; a kill in that
	// instant leaves it inside, to the next command, which removes it.
	staging := withoutStaging(got)
	switch {
	case maps.Equal(got, before):
		return how + ": old site"
	case len(staging) < len(got) && maps.Equal(staging, before):
		return how + ": old site, a staging folder inside for the next command"
	case maps.Equal(got, after):
		return how + ": new site"
	case journalBeside(root):
		return how + ": in the commit, finished by the next command"
	}
	t.Errorf("%s %s at %v left a mixed site with no journal to finish it", mode, how, delay)
	return how + ": mixed"
}

// withoutStaging is an output's files less those of staging folders in
// it, which their marker tells.
func withoutStaging(files map[string]string) map[string]string {
	marked := map[string]bool{}
	for p := range files {
		if dir, name := path.Split(p); name == ".briefings-staging" && strings.Count(dir, "/") == 1 {
			marked[dir] = true
		}
	}
	out := map[string]string{}
	for p, sum := range files {
		if dir, _, _ := strings.Cut(p, "/"); !marked[dir+"/"] {
			out[p] = sum
		}
	}
	return out
}

// journalBeside reports whether a staging folder beside the output holds
// a journal.
func journalBeside(root string) bool {
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(root, e.Name(), ".briefings-journal")); err == nil {
			return true
		}
	}
	return false
}

// besideOutput fails if anything but the project's folders is there.
func besideOutput(t *testing.T, root string, running ...bool) {
	t.Helper()
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if len(running) > 0 && e.Name() == ".briefings-public.lock" {
			continue // held by the command still running
		}
		if !slices.Contains([]string{"content", "templates", "static", "public", "assets", ".public.old-photos"}, e.Name()) {
			t.Errorf("left beside the output: %s", e.Name())
		}
	}
}

// runNext runs a command of each kind after a kill; new adds a draft,
// removed again, so that the sources stay as they were.
func runNext(t *testing.T, bin, cmd, root string) {
	t.Helper()
	switch cmd {
	case "new":
		b, err := exec.Command(bin, "new", "--root", root, "--lang", "en", "--country", "TM", "A draft after a kill").Output()
		if err != nil {
			t.Fatalf("briefings new: %v", err)
		}
		os.Remove(strings.TrimSpace(string(b))) // printed as reached from here
	case "check":
		exec.Command(bin, "check", "--root", root).Run() // the corpus may warn; only the output matters
	default:
		runOK(t, bin, cmd, "--root", root)
	}
}

// liveProcess is a serve or watch process whose output is read as it comes.
type liveProcess struct {
	cmd   *exec.Cmd
	lines chan string
}

func startLive(t *testing.T, bin, mode, root string) *liveProcess {
	t.Helper()
	args := []string{mode, "--root", root}
	if mode == "serve" {
		args = append(args, "--addr", "127.0.0.1:0")
	}
	p := &liveProcess{cmd: exec.Command(bin, args...), lines: make(chan string, 100)}
	p.start(t)
	p.waitFor(t, map[string]string{"serve": "serving http", "watch": "watching"}[mode])
	return p
}

func (p *liveProcess) start(t *testing.T) {
	t.Helper()
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.cmd.Stderr = io.Discard
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		s := bufio.NewScanner(stdout)
		for s.Scan() {
			p.lines <- s.Text()
		}
		close(p.lines)
	}()
}

func (p *liveProcess) waitFor(t *testing.T, prefix string) {
	t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				t.Fatalf("the process ended before printing %q", prefix)
			}
			if strings.HasPrefix(line, prefix) {
				return
			}
		case <-timeout:
			t.Fatalf("no %q line in a minute", prefix)
		}
	}
}

func (p *liveProcess) stop() {
	p.cmd.Process.Kill()
	p.cmd.Wait()
}

func runOK(t *testing.T, bin string, args ...string) {
	t.Helper()
	if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("briefings %s: %v\n%s", strings.Join(args, " "), err, b)
	}
}

// newestArticle is the newest English article: on the home page and in
// the feeds, so its title is on many pages.
func newestArticle(t *testing.T, root string) string {
	t.Helper()
	var all []string
	filepath.WalkDir(filepath.Join(root, "content", "en"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			all = append(all, p)
		}
		return nil
	})
	if len(all) == 0 {
		t.Fatal("the corpus has no English article")
	}
	slices.Sort(all)
	return all[len(all)-1]
}

func retitle(t *testing.T, text, title string) string {
	t.Helper()
	start := strings.Index(text, "\ntitle: ")
	if start < 0 {
		t.Fatal("the article has no title line")
	}
	end := start + 1 + strings.IndexByte(text[start+1:], '\n')
	return text[:start] + "\ntitle: \"" + title + "\"" + text[end:]
}

// generatedProject is a project of n articles made by the shared corpus
// generator, with the repository's templates and static files; the test
// is skipped where the generator is not beside the project.
func generatedProject(t *testing.T, n int) string {
	t.Helper()
	gen := filepath.Join(testproject.Repo(), "..", "shared", "bench", "gencorpus", "main.go")
	if _, err := os.Stat(gen); err != nil {
		t.Skipf("no corpus generator beside the project: %v", err)
	}
	root := t.TempDir()
	if b, err := exec.Command("go", "run", gen, "-n", fmt.Sprint(n), "-out", filepath.Join(root, "content")).CombinedOutput(); err != nil {
		t.Fatalf("gencorpus: %v\n%s", err, b)
	}
	for _, dir := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join(testproject.Repo(), dir))); err != nil {
			t.Fatal(err)
		}
	}
	return root
}
