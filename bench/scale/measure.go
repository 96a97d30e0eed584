package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// sample is what one run of one tool cost.
type sample struct {
	Wall     time.Duration
	CPU      time.Duration // user + system
	PeakKB   int64         // peak resident set, from rusage's maxrss
	Files    int           // files in the output folder
	Bytes    int64         // their total size
	TextByte int64         // the same without images
	// OtherCPU is the CPU time the rest of the machine used meanwhile: all
	// processors' busy time over the run, less the run's own CPU time.
	OtherCPU time.Duration
	// SpawnerKB is the peak RSS of the process that started the run, a
	// lower bound the kernel puts on PeakKB (see usage).
	SpawnerKB int64
}

// usage is what the kernel says one process cost.
type usage struct {
	Wall, CPU time.Duration
	PeakKB    int64 // rusage's maxrss
	// SpawnerKB is the peak resident set of the process that started it.
	// Linux starts a process by sharing its parent's memory until it runs
	// the new program, and counts the parent's peak into the new process's
	// maxrss then: a maxrss at or under SpawnerKB may be the spawner's.
	SpawnerKB int64
}

// spawn runs the command, its output thrown away and its errors to
// stderr, and returns its cost.
func spawn(stderr io.Writer, name string, args ...string) (usage, error) {
	cmd := exec.Command(name, args...)
	cmd.Stderr = stderr
	u := usage{SpawnerKB: selfPeakKB()}
	start := time.Now()
	err := cmd.Run()
	u.Wall = time.Since(start)
	if err != nil {
		return u, err
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		u.PeakKB = ru.Maxrss // kilobytes on Linux
	}
	return u, nil
}

// selfPeakKB is this process's own peak resident set (VmHWM), or 0.
func selfPeakKB() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscan(rest, &kb)
			return kb
		}
	}
	return 0
}

// spawnMain is this program run with -exec: it runs the command and
// prints its usage as JSON. The harness, whose own memory grows with the
// corpus, starts every measured tool through it, so that a tool's maxrss
// is counted from a small process's.
func spawnMain(args []string) {
	if len(args) == 0 {
		fatalf("-exec needs a command")
	}
	u, err := spawn(os.Stderr, args[0], args[1:]...)
	if err != nil {
		fatalf("%s: %v", args[0], err)
	}
	if err := json.NewEncoder(os.Stdout).Encode(u); err != nil {
		fatalf("%v", err)
	}
}

// run starts the command through this program's -exec, as a process of
// its own, reads its cost, then measures what it wrote to out.
func run(self, out string, name string, args ...string) (sample, error) {
	cmd := exec.Command(self, append([]string{"-exec", "--", name}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	busy0, busyOK := cpuBusy()
	err := cmd.Run()
	busy1, _ := cpuBusy()
	if err != nil {
		return sample{}, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, tail(stderr.String(), 20))
	}
	var u usage
	if err := json.Unmarshal(stdout.Bytes(), &u); err != nil {
		return sample{}, fmt.Errorf("%s: reading its usage: %v", filepath.Base(name), err)
	}
	s := sample{Wall: u.Wall, CPU: u.CPU, PeakKB: u.PeakKB, SpawnerKB: u.SpawnerKB}
	if busyOK {
		s.OtherCPU = max(busy1-busy0-s.CPU, 0)
	}
	s.Files, s.Bytes, s.TextByte, err = written(out)
	return s, err
}

// cpuBusy is the time all processors have been busy since boot, from
// /proc/stat (user, nice, system, irq, softirq and steal, in ticks of
// 1/100 s, the USER_HZ of every Linux port in use).
func cpuBusy() (time.Duration, bool) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, false
	}
	return parseCPUBusy(string(b))
}

func parseCPUBusy(stat string) (time.Duration, bool) {
	line, _, _ := strings.Cut(stat, "\n")
	f := strings.Fields(line)
	if len(f) < 9 || f[0] != "cpu" {
		return 0, false
	}
	var ticks int64
	for _, i := range []int{1, 2, 3, 6, 7, 8} { // user nice system (idle iowait) irq softirq steal
		var v int64
		if _, err := fmt.Sscan(f[i], &v); err != nil {
			return 0, false
		}
		ticks += v
	}
	return time.Duration(ticks) * 10 * time.Millisecond, true
}

// imageExt are the file kinds counted as images, left out of text bytes.
var imageExt = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true,
	".webp": true, ".avif": true, ".svg": true, ".ico": true}

// written counts the files under dir and their bytes, all and without images.
func written(dir string) (files int, all, text int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files++
		all += info.Size()
		if !imageExt[strings.ToLower(filepath.Ext(p))] {
			text += info.Size()
		}
		return nil
	})
	return files, all, text, err
}

func tail(s string, lines int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > lines {
		l = l[len(l)-lines:]
	}
	return strings.Join(l, "\n")
}

// median of xs, the mean of the middle two for an even count; 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// ratio is a/b, or 0 when b is 0 (no measurement).
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// summary is the medians of a tool's samples at one size.
type summary struct {
	Runs                       int
	Wall, CPU                  float64 // seconds
	MinWall                    float64
	SpawnerMB                  float64 // the largest SpawnerKB: peaks at or under it are not the tool's
	OtherCores                 float64 // median of the runs' OtherCPU over their wall time
	PeakMB                     float64 // median of the runs' peaks
	MaxPeakMB                  float64
	Files                      int
	KBPerArticle, TextKBPerArt float64
}

func summarize(ss []sample, articles int) summary {
	if len(ss) == 0 {
		return summary{}
	}
	var wall, cpu, peak, files, bytes, text, other []float64
	var maxPeak, spawner int64
	for _, s := range ss {
		wall = append(wall, s.Wall.Seconds())
		cpu = append(cpu, s.CPU.Seconds())
		peak = append(peak, float64(s.PeakKB)/1024)
		maxPeak = max(maxPeak, s.PeakKB)
		spawner = max(spawner, s.SpawnerKB)
		files = append(files, float64(s.Files))
		bytes = append(bytes, float64(s.Bytes))
		text = append(text, float64(s.TextByte))
		other = append(other, ratio(s.OtherCPU.Seconds(), s.Wall.Seconds()))
	}
	return summary{
		Runs: len(ss), Wall: median(wall), MinWall: slices.Min(wall), CPU: median(cpu),
		OtherCores: median(other), SpawnerMB: float64(spawner) / 1024,
		PeakMB: median(peak), MaxPeakMB: float64(maxPeak) / 1024,
		Files:        int(median(files)),
		KBPerArticle: ratio(median(bytes), float64(articles)) / 1024,
		TextKBPerArt: ratio(median(text), float64(articles)) / 1024,
	}
}

// settle waits until the disk is idle: tasks stalled on IO under 10% of
// the last 10 s by Linux's pressure stall information, at most two
// minutes, or 10 s where that is not available. A folder of many files
// deleted just before a run slows it down on a disk with online discard.
func settle() {
	syscall.Sync()
	for range 120 {
		b, err := os.ReadFile("/proc/pressure/io")
		if err != nil {
			time.Sleep(10 * time.Second)
			return
		}
		if some, ok := ioSome(string(b)); ok && some < 10 {
			return
		}
		time.Sleep(time.Second)
	}
}

// ioSome reads avg10 of the "some" line of /proc/pressure/io.
func ioSome(psi string) (float64, bool) {
	for _, line := range strings.Split(psi, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || f[0] != "some" || !strings.HasPrefix(f[1], "avg10=") {
			continue
		}
		var v float64
		if _, err := fmt.Sscanf(strings.TrimPrefix(f[1], "avg10="), "%g", &v); err == nil {
			return v, true
		}
	}
	return 0, false
}
