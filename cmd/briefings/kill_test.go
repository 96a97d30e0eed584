package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefings/internal/testproject"
)

// TestKilledBuildKeepsSite kills `briefings build` with SIGKILL at moments
// spread over whole builds, into a new output folder and into an existing
// one, and checks after each kill that the output is a complete site:
// every file whole, of the old build or the new. The next build must clean
// up what the killed one left and write exactly what a fresh build writes.
func TestKilledBuildKeepsSite(t *testing.T) {
	const stories = 150
	bin := briefingsCommand(t)
	root := t.TempDir()
	writeProject(t, root, "Old", stories)
	out := filepath.Join(root, "public")
	run := func(args ...string) time.Duration {
		t.Helper()
		start := time.Now()
		if b, err := exec.Command(bin, append(args, "--root", root)...).CombinedOutput(); err != nil {
			t.Fatalf("briefings %s: %v\n%s", strings.Join(args, " "), err, b)
		}
		return time.Since(start)
	}
	scratch := filepath.Join(t.TempDir(), "site")
	run("build", "--out", scratch)
	oldSite := testproject.Tree(t, scratch)
	writeProject(t, root, "New", stories-10) // every page changes; ten stories go
	run("build", "--out", scratch)
	newSite := testproject.Tree(t, scratch)

	// Each kind of build is timed as it runs, and the kills are spread
	// over one and a half times the last one's length.
	outcomes := map[string]int{}
	const points = 6
	var fresh, again time.Duration
	for i := range points {
		// Into a new folder: nothing, or the whole new site.
		os.RemoveAll(out)
		if i == 0 {
			fresh = run("build")
			os.RemoveAll(out)
		}
		outcomes["new folder, "+killAt(t, bin, root, fresh*time.Duration(i)*3/(2*points), out, nil, newSite)]++
		fresh = run("build")
		testproject.SameTree(t, testproject.Tree(t, out), newSite)
		// Into the old site: each file old or new, none missing.
		writeProject(t, root, "Old", stories)
		run("build")
		testproject.SameTree(t, testproject.Tree(t, out), oldSite)
		writeProject(t, root, "New", stories-10)
		if i == 0 {
			again = run("build")
			writeProject(t, root, "Old", stories)
			run("build")
			writeProject(t, root, "New", stories-10)
		}
		outcomes["old site, "+killAt(t, bin, root, again*time.Duration(i)*3/(2*points), out, oldSite, newSite)]++
		again = run("build")
		testproject.SameTree(t, testproject.Tree(t, out), newSite)
		besideOutput(t, root)
	}
	t.Logf("%d kills, spread over builds of %v (new folder) and %v (old site): %v", 2*points,
		fresh.Round(time.Millisecond), again.Round(time.Millisecond), outcomes)
	if outcomes["new folder, killed: nothing written"]+outcomes["old site, killed: old site whole"] == 0 {
		t.Error("no kill stopped a build before it finished")
	}
}

// killAt starts a build, kills it after delay, and checks the output
// against the site before (nil: no output) and the site the build makes.
func killAt(t *testing.T, bin, root string, delay time.Duration, out string, before, after map[string]string) string {
	t.Helper()
	cmd := exec.Command(bin, "build", "--root", root)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(delay)
	cmd.Process.Kill()
	err := cmd.Wait()
	var exit *exec.ExitError
	how := "finished"
	if errors.As(err, &exit) && !exit.Exited() {
		how = "killed"
	}
	// A first build makes the output folder, empty but for its marker,
	// before it stages the site beside it: that is no site, as before.
	var got map[string]string
	if _, err := os.Stat(out); err == nil {
		got = testproject.Tree(t, out)
	}
	if len(got) == 0 || len(got) == 1 && got[".briefings-output"] != "" {
		if before != nil || how == "finished" {
			t.Fatalf("after a build %s at %v the output folder is gone", how, delay)
		}
		return how + ": nothing written"
	}
	oldFiles, newFiles := 0, 0 // of the files the build changes
	for p, sum := range got {
		switch {
		case before != nil && before[p] == after[p] && sum == after[p]:
		case sum == after[p]:
			newFiles++
		case before != nil && sum == before[p]:
			oldFiles++
		default:
			t.Errorf("after a build %s at %v, %s is neither the old file nor the new", how, delay, p)
		}
	}
	// A file of the new site may be missing only if the old one did not have it.
	for p := range after {
		if _, ok := got[p]; !ok && (before == nil || before[p] != "") {
			t.Errorf("after a build %s at %v, %s is missing", how, delay, p)
		}
	}
	switch {
	case newFiles == 0:
		return how + ": old site whole"
	case oldFiles == 0:
		return how + ": new site whole"
	case !journalBeside(root):
		t.Errorf("after a build %s at %v, the site is part old, part new, with no journal to finish it", how, delay)
	}
	return how + ": in the commit, each file whole, old or new"
}

// writeProject writes a project of n stories, each in English and Russian,
// under a site title; the files of stories past n are removed.
func writeProject(t *testing.T, root, title string, n int) {
	t.Helper()
	files := map[string]string{
		"content/site.yaml": "base_url: https://example.github.io/briefings/\ndefault_language: en\nlanguages:\n" +
			"  en: {name: English, title: " + title + " Briefings, description: News.}\n" +
			"  ru: {name: Русский, title: " + title + " брифинги, description: Новости.}\n",
		"content/countries.yaml": "AZ: {en: Azerbaijan, ru: Азербайджан}\nKZ: {en: Kazakhstan, ru: Казахстан}\n",
	}
	for i := range 1000 {
		date := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*2).Format(time.DateOnly)
		country := [2]string{"AZ", "KZ"}[i%2]
		for _, lang := range []string{"en", "ru"} {
			name := fmt.Sprintf("content/%s/%s/story-%d.md", lang, date[:4], i)
			if i >= n {
				os.Remove(filepath.Join(root, name))
				continue
			}
			files[name] = fmt.Sprintf("---\ntitle: Story %d %s\ndate: %s\ncountries: [%s]\ntranslation_key: s%d\n---\nThe news.\n\n%s\n",
				i, lang, date, country, i, strings.Repeat("A paragraph of the briefing. ", 40))
		}
	}
	for name, data := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{"templates", "static"} {
		if _, err := os.Stat(filepath.Join(root, dir)); err == nil {
			continue
		}
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join("..", "..", dir))); err != nil {
			t.Fatal(err)
		}
	}
}

// briefingsCommand is this test binary under the name briefings, which
// TestMain runs as the command.
func briefingsCommand(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "briefings")
	if err := os.Symlink(self, bin); err != nil {
		t.Skipf("cannot link the test binary as briefings: %v", err)
	}
	return bin
}
