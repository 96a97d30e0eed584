package main

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"briefings/internal/testproject"
)

// TestInterruptedBuild sends SIGINT, as Ctrl-C does, and SIGTERM to
// `briefings build` and `check` at moments spread over builds of a
// 2,000-article site whose every page changes, into the old site and
// into none, and to `watch` during such a rebuild. Each build stops with
// status 130 (143 for SIGTERM) and one line saying what it left: the old
// site byte for byte, or, when the commit had begun, the whole new one;
// never a staging folder, never a mix. watch ends as Ctrl-C always ends
// it, with "stopped" and status 0, its site the old or the new.
func TestInterruptedBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 2,000-article site some 20 times")
	}
	const articles = 2000
	bin := briefingsCommand(t)
	root := generatedProject(t, articles)
	// A new site title changes every page: the commit renames them all.
	siteYAML := filepath.Join(root, "content", "site.yaml")
	original := testproject.Read(t, siteYAML)
	if !strings.Contains(original, "title: ") {
		t.Fatal("site.yaml has no title")
	}
	versions := []string{original, strings.Replace(original, "title: ", "title: Renamed ", 1)}
	var sites [2]map[string]string
	for i, text := range versions {
		testproject.Write(t, siteYAML, text)
		scratch := filepath.Join(t.TempDir(), "site")
		runOK(t, bin, "build", "--root", root, "--out", scratch)
		sites[i] = testproject.Tree(t, scratch)
	}
	out := filepath.Join(root, "public")
	testproject.Write(t, siteYAML, versions[0])
	runOK(t, bin, "build", "--root", root)
	testproject.Write(t, siteYAML, versions[1])
	start := time.Now()
	runOK(t, bin, "build", "--root", root)
	span := time.Since(start) // a rebuild of every page, into the old site
	cur := 1                  // the version the output holds

	outcomes := map[string]int{}
	var waits []time.Duration // from the signal to the end, of builds stopped
	try := func(cmd string, sig syscall.Signal, delay time.Duration) {
		t.Helper()
		var before map[string]string // nil: no site
		if _, err := os.Stat(out); err == nil {
			before = sites[cur]
		}
		testproject.Write(t, siteYAML, versions[1-cur])
		outcome, wait := interruptAt(t, bin, cmd, root, sig, delay, before, sites[1-cur])
		outcomes[cmd+", "+outcome]++
		if strings.HasPrefix(outcome, "interrupted") {
			waits = append(waits, wait)
		}
		if got := siteIn(t, out); maps.Equal(got, sites[1-cur]) {
			cur = 1 - cur
		}
		besideOutput(t, root)
	}
	const points = 6
	for i := range points {
		try("build", syscall.SIGINT, span*time.Duration(i+1)/points)
	}
	try("build", syscall.SIGTERM, span/3)
	try("check", syscall.SIGINT, span/4)
	for _, at := range []time.Duration{span / 4, span / 2} {
		os.RemoveAll(out)
		try("build", syscall.SIGINT, at)
	}
	if _, err := os.Stat(out); err != nil {
		runOK(t, bin, "build", "--root", root)
		cur = 1 - cur
	}
	for _, at := range []time.Duration{span / 4, span / 2} {
		watchInterrupted(t, bin, root, versions[1-cur], at, sites[cur], sites[1-cur])
		if maps.Equal(siteIn(t, out), sites[1-cur]) {
			cur = 1 - cur
		}
		besideOutput(t, root)
	}
	testproject.Write(t, siteYAML, versions[cur])
	runOK(t, bin, "build", "--root", root)
	testproject.SameTree(t, testproject.Tree(t, out), sites[cur])

	slices.Sort(waits)
	t.Logf("over rebuilds of %v: %v; from the signal to the end, %v", span.Round(time.Millisecond), outcomes, waits)
	if len(waits) == 0 {
		t.Fatal("no build was interrupted")
	}
	// How promptly they stopped is logged above, not judged: a test does
	// not time the machine it runs on.
}

// interruptAt starts `briefings cmd`, sends it sig after delay and checks
// how it ended against the site the output held before (nil: none) and
// the one the build makes. It returns what happened and how long the
// process took to end after the signal.
func interruptAt(t *testing.T, bin, cmd, root string, sig syscall.Signal, delay time.Duration, before, after map[string]string) (string, time.Duration) {
	t.Helper()
	out := filepath.Join(root, "public")
	var stdout, stderr bytes.Buffer
	c := exec.Command(bin, cmd, "--root", root)
	c.Stdout, c.Stderr = &stdout, &stderr
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(delay)
	signalled := time.Now()
	c.Process.Signal(sig)
	err := c.Wait()
	wait := time.Since(signalled)
	code := 0
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		code = exit.ExitCode() // -1 if the signal ended it
	} else if err != nil {
		t.Fatal(err)
	}
	got := siteIn(t, out)
	said := strings.TrimSpace(stderr.String())
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s sent %v at %v: %s\nstatus %d, stderr:\n%s", cmd, sig, delay, fmt.Sprintf(format, args...), code, said)
	}
	if code == 0 {
		want := after
		if cmd == "check" {
			want = before
		}
		if !maps.Equal(got, want) {
			fail("it ended before the signal, and the output is not the site it builds")
		}
		return "finished before the signal", wait
	}
	if want := 128 + int(sig); code != want {
		fail("want status %d", want)
		return "wrong status", wait
	}
	prefix := "briefings " + cmd + ": interrupted; "
	switch {
	case cmd == "check" && said == prefix+"the check was not finished":
		if !maps.Equal(got, before) {
			fail("check changed the site")
		}
		return "interrupted, nothing checked", wait
	case said == prefix+"the site in "+out+" was left as it was" && before != nil:
		if !maps.Equal(got, before) {
			fail("the site is not the old one, byte for byte")
		}
		return "interrupted, old site", wait
	case said == prefix+"nothing was written to "+out && before == nil:
		if got != nil {
			fail("it left an output folder")
		}
		return "interrupted, nothing written", wait
	case said == prefix+"the site in "+out+" was fully updated":
		if !maps.Equal(got, after) {
			fail("the site is not the new one, byte for byte")
		}
		return "interrupted, new site", wait
	}
	fail("not the line of an interrupted build")
	return "unexplained", wait
}

// watchInterrupted starts `briefings watch` on a site, saves text as the
// site's settings, which every page shows, and sends SIGINT after delay,
// during the rebuild.
func watchInterrupted(t *testing.T, bin, root, text string, delay time.Duration, before, after map[string]string) {
	t.Helper()
	p := startLive(t, bin, "watch", root)
	testproject.Write(t, filepath.Join(root, "content", "site.yaml"), text)
	time.Sleep(delay)
	p.cmd.Process.Signal(syscall.SIGINT)
	var lines []string
	for line := range p.lines {
		lines = append(lines, line)
	}
	if err := p.cmd.Wait(); err != nil {
		t.Errorf("watch interrupted at %v: %v", delay, err)
	}
	if len(lines) == 0 || lines[len(lines)-1] != "stopped" {
		t.Errorf("watch interrupted at %v said %q, not stopped last", delay, lines)
	}
	got := siteIn(t, filepath.Join(root, "public"))
	interrupted := slices.ContainsFunc(lines, func(l string) bool {
		return strings.HasSuffix(l, ": interrupted; the site in "+filepath.Join(root, "public")+" was left as it was")
	})
	switch {
	case maps.Equal(got, before):
	case maps.Equal(got, after) && !interrupted:
	default:
		t.Errorf("watch interrupted at %v left neither site, or not the one it said; it said %q", delay, lines)
	}
}

// siteIn is the files of an output folder; nil when there is none.
func siteIn(t *testing.T, out string) map[string]string {
	t.Helper()
	if _, err := os.Stat(out); err != nil {
		return nil
	}
	return testproject.Tree(t, out)
}
