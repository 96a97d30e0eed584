// Command scale compares briefings with the floor and with Hugo on
// synthetic corpora of growing size, and draws briefings' memory curve.
//
// For each size in -n it generates a corpus with the shared corpus
// generator, a project beside it with this repository's templates and
// static files, and the same articles as a Hugo site (see hugo.go). It
// builds briefings once, then runs, as separate processes and
// interleaved (each repetition runs every tool once, starting with the
// next tool each time), each into a fresh output folder:
//
//   - briefings build
//   - the floor: this program with -floor, which only reads every article,
//     converts its body with goldmark (briefings' extensions) and writes one
//     HTML file per article
//   - hugo --quiet, when a Hugo binary is found
//
// Each run's wall time, user+system CPU time and peak resident set come
// from the kernel (rusage), read by a small process of this program
// (-exec) that starts the tool: Linux counts a parent's peak into its
// child's, and the harness's own memory grows with the corpus. Bytes
// written are the sizes of the files in the output folder, and text bytes
// the same without images. Beside each figure it gives the CPU the rest
// of the machine used meanwhile, from /proc/stat: on a shared machine the
// absolute times move with it, the interleaved ratios much less. Before
// each run it waits until the disk is idle. It prints the medians and
// ratios as Markdown tables.
//
//	go run ./bench/scale -gencorpus ../shared/bench/gencorpus/main.go -n 1000,10000 -runs 3
//	go run ./bench/scale -memcurve -n 1000,10000,50000,100000
//
// -memcurve runs briefings alone and prints its peak resident set by size.
//
// Hugo 0.152 without the extended features (no Sass, no WebP encoding,
// which the comparison site does not use) builds with the Go toolchain
// alone, into a scratch folder outside the repository; its go.mod asks for
// Go 1.24 or later, which GOTOOLCHAIN=auto fetches if the local Go is older
// (Go 1.26 built it as it is):
//
//	GOBIN=$HOME/hugo-0.152 CGO_ENABLED=0 GOTOOLCHAIN=auto GOFLAGS=-mod=mod \
//	  go install github.com/gohugoio/hugo@v0.152.2
//	go run ./bench/scale -hugo $HOME/hugo-0.152/hugo ...
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

func main() {
	gen := flag.String("gencorpus", "../shared/bench/gencorpus/main.go", "the shared corpus generator's main.go")
	sizes := flag.String("n", "1000,10000,50000", "corpus sizes, comma-separated (with -memcurve: default 1000,10000,50000,100000)")
	runs := flag.Int("runs", 5, "repetitions of each tool at each size")
	hugo := flag.String("hugo", "", `Hugo binary (default: "hugo" on PATH; "none" leaves Hugo out)`)
	memcurve := flag.Bool("memcurve", false, "run briefings alone and print its peak resident set by size")
	repo := flag.String("repo", ".", "the briefings repository to build")
	workDir := flag.String("work", "", "folder for corpora and outputs (default: a new temporary folder, removed at the end)")
	keep := flag.Bool("keep", false, "keep the work folder")
	seed := flag.Int("seed", 1, "the corpus generator's seed")
	floorJobs := flag.Int("floorjobs", runtime.NumCPU(), "articles the floor converts at a time")
	noSettle := flag.Bool("nosettle", false, "do not wait for the disk to be idle before each run")
	floorMode := flag.Bool("floor", false, "be the floor: convert -root's articles into -out, and exit")
	execMode := flag.Bool("exec", false, "run the command given after the flags and print what it cost as JSON, and exit")
	root := flag.String("root", "", "with -floor: the project folder")
	out := flag.String("out", "", "with -floor: the output folder")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/scale [-gencorpus PATH] [-n 1000,10000,50000] [-runs 5] [-hugo PATH|none]\n"+
			"       go run ./bench/scale -memcurve [-n 1000,10000,50000,100000] [-runs 1]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *execMode {
		spawnMain(flag.Args())
		return
	}
	if *floorMode {
		if *root == "" || *out == "" {
			fatalf("-floor needs -root and -out")
		}
		if _, err := floor(*root, *out, *floorJobs); err != nil {
			fatalf("floor: %v", err)
		}
		return
	}
	set := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *memcurve && !set["n"] {
		*sizes = "1000,10000,50000,100000"
	}
	if *memcurve && !set["runs"] {
		*runs = 1
	}
	ns, err := parseSizes(*sizes)
	if err != nil || *runs < 1 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	h := &harness{gen: *gen, runs: *runs, seed: *seed, floorJobs: *floorJobs, settle: !*noSettle}
	if err := h.setup(*repo, *workDir, *hugo, *memcurve); err != nil {
		fatalf("%v", err)
	}
	if !*keep && *workDir == "" {
		defer os.RemoveAll(h.work)
	}
	if *memcurve {
		err = h.memCurve(ns)
	} else {
		err = h.compare(ns)
	}
	if err != nil {
		if !*keep && *workDir == "" {
			os.RemoveAll(h.work)
		}
		fatalf("%v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "scale: "+format+"\n", args...)
	os.Exit(1)
}

func parseSizes(s string) ([]int, error) {
	var ns []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(f, "_", "")))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad size %q", f)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

type harness struct {
	gen       string
	runs      int
	seed      int
	floorJobs int
	settle    bool

	repo      string // the briefings repository
	work      string
	briefings string // the binary built from repo
	self      string // this program, for -floor
	hugo      string // empty: no Hugo
	hugoNote  string // why there is no Hugo, or its version
}

func (h *harness) setup(repo, work, hugo string, memcurve bool) error {
	var err error
	if h.repo, err = filepath.Abs(repo); err != nil {
		return err
	}
	mod, err := os.ReadFile(filepath.Join(h.repo, "go.mod"))
	if err != nil || !strings.HasPrefix(string(mod), "module briefings\n") {
		return fmt.Errorf("%s is not the briefings repository (-repo)", h.repo)
	}
	if h.gen, err = filepath.Abs(h.gen); err != nil {
		return err
	}
	if _, err := os.Stat(h.gen); err != nil {
		return fmt.Errorf("no corpus generator: %v (-gencorpus)", err)
	}
	if work == "" {
		if h.work, err = os.MkdirTemp("", "briefings-scale-"); err != nil {
			return err
		}
	} else {
		if h.work, err = filepath.Abs(work); err != nil {
			return err
		}
		if err := os.MkdirAll(h.work, 0o755); err != nil {
			return err
		}
	}
	if h.self, err = os.Executable(); err != nil {
		return err
	}
	h.briefings = filepath.Join(h.work, "briefings")
	build := exec.Command("go", "build", "-o", h.briefings, "./cmd/briefings")
	build.Dir = h.repo
	if b, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/briefings: %v\n%s", err, b)
	}
	if memcurve {
		return nil
	}
	switch {
	case hugo == "none":
		h.hugoNote = "Hugo left out (-hugo none)"
	case hugo == "":
		if p, err := exec.LookPath("hugo"); err == nil {
			h.hugo = p
		} else {
			h.hugoNote = "Hugo skipped: no hugo on PATH (-hugo PATH)"
		}
	default:
		h.hugo = hugo
	}
	if h.hugo != "" {
		v, err := exec.Command(h.hugo, "version").Output()
		if err != nil {
			return fmt.Errorf("%s version: %v", h.hugo, err)
		}
		h.hugoNote = strings.TrimSpace(string(v))
	}
	return nil
}

// project generates the corpus of n articles and the project around it.
func (h *harness) project(n int) (string, error) {
	dir := filepath.Join(h.work, fmt.Sprintf("p%d-seed%d", n, h.seed))
	done := dir + ".done"
	if _, err := os.Stat(done); err == nil {
		return dir, nil // made whole by an earlier run with this -work
	}
	os.RemoveAll(dir)
	gen := exec.Command("go", "run", h.gen, "-n", strconv.Itoa(n), "-seed", strconv.Itoa(h.seed),
		"-out", filepath.Join(dir, "content"))
	if b, err := gen.CombinedOutput(); err != nil {
		return "", fmt.Errorf("gencorpus: %v\n%s", err, b)
	}
	for _, d := range []string{"templates", "static"} {
		if err := copyDir(filepath.Join(h.repo, d), filepath.Join(dir, d)); err != nil {
			return "", err
		}
	}
	return dir, os.WriteFile(done, nil, 0o644)
}

// tool is one way to build a size's corpus into a given output folder;
// clean, if set, removes what a run leaves outside it.
type tool struct {
	name  string
	args  func(out string) (string, []string)
	clean func() error
}

func (h *harness) briefingsTool(project string) tool {
	return tool{name: "briefings", args: func(out string) (string, []string) {
		return h.briefings, []string{"build", "--root", project, "--out", out}
	}}
}

func (h *harness) measure(n int, tools []tool) (map[string][]sample, error) {
	res := map[string][]sample{}
	for r := range h.runs {
		for i := range tools {
			t := tools[(r+i)%len(tools)]
			out := filepath.Join(h.work, "out")
			if err := os.RemoveAll(out); err != nil {
				return nil, err
			}
			if t.clean != nil {
				if err := t.clean(); err != nil {
					return nil, err
				}
			}
			if h.settle {
				settle()
			}
			name, args := t.args(out)
			s, err := run(h.self, out, name, args...)
			if err != nil {
				return nil, err
			}
			if s.Files == 0 {
				return nil, fmt.Errorf("%s wrote no files", t.name)
			}
			res[t.name] = append(res[t.name], s)
			fmt.Fprintf(os.Stderr, "%d articles, run %d/%d: %-9s %6.2f s  %6.0f MB  %d files  (others used %.2f cores)\n",
				n, r+1, h.runs, t.name, s.Wall.Seconds(), float64(s.PeakKB)/1024, s.Files, ratio(s.OtherCPU.Seconds(), s.Wall.Seconds()))
			if err := os.RemoveAll(out); err != nil {
				return nil, err
			}
		}
	}
	return res, nil
}

func (h *harness) compare(ns []int) error {
	fmt.Printf("%d cores, %s/%s, %s; %s; the floor converts %d articles at a time\n\n",
		runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, goVersion(), h.hugoNote, h.floorJobs)
	type row struct {
		n  int
		by map[string]summary
	}
	var rows []row
	spawner := 0.0
	names := []string{"briefings", "floor"}
	if h.hugo != "" {
		names = append(names, "hugo")
	}
	for _, n := range ns {
		project, err := h.project(n)
		if err != nil {
			return err
		}
		tools := []tool{h.briefingsTool(project), {name: "floor", args: func(out string) (string, []string) {
			return h.self, []string{"-floor", "-root", project, "-out", out, "-floorjobs", strconv.Itoa(h.floorJobs)}
		}}}
		if h.hugo != "" {
			site := filepath.Join(h.work, "hugo-"+filepath.Base(project))
			os.RemoveAll(site)
			if _, err := toHugo(project, site); err != nil {
				return fmt.Errorf("Hugo site: %w", err)
			}
			cache := filepath.Join(h.work, "hugo-cache")
			tools = append(tools, tool{name: "hugo", args: func(out string) (string, []string) {
				return h.hugo, []string{"--quiet", "--source", site, "-d", out, "--cacheDir", cache}
			}, clean: func() error { return os.RemoveAll(cache) }}) // a fresh cache each time, as on a fresh checkout
		}
		res, err := h.measure(n, tools)
		if err != nil {
			return err
		}
		r := row{n, map[string]summary{}}
		for name, ss := range res {
			r.by[name] = summarize(ss, n)
			spawner = max(spawner, r.by[name].SpawnerMB)
		}
		rows = append(rows, r)
	}
	fmt.Printf("Medians of %d runs each; peak RSS is the median of the runs' peaks%s.\n", h.runs, spawnerNote(spawner))
	fmt.Print("The last column is the CPU the rest of the machine used during the runs, in cores busy (median):\n" +
		"other work on the machine slows the runs it overlaps.\n\n")
	fmt.Println("| articles | tool | wall s | min wall s | CPU s | peak RSS MB | files | KB written / article | text KB / article | others' cores |")
	fmt.Println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		for _, name := range names {
			s := r.by[name]
			fmt.Printf("| %d | %s | %.2f | %.2f | %.2f | %.0f | %d | %.1f | %.1f | %.2f |\n",
				r.n, name, s.Wall, s.MinWall, s.CPU, s.PeakMB, s.Files, s.KBPerArticle, s.TextKBPerArt, s.OtherCores)
		}
	}
	fmt.Println()
	fmt.Println("| articles | briefings / Hugo wall | briefings / floor wall | briefings / Hugo CPU | briefings / Hugo peak RSS |")
	fmt.Println("|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		b, f, hu := r.by["briefings"], r.by["floor"], r.by["hugo"]
		fmt.Printf("| %d | %s | %s | %s | %s |\n", r.n, fmtRatio(b.Wall, hu.Wall), fmtRatio(b.Wall, f.Wall),
			fmtRatio(b.CPU, hu.CPU), fmtRatio(b.PeakMB, hu.PeakMB))
	}
	return nil
}

// spawnerNote says under which peak RSS a figure may be the measuring
// process's rather than the tool's.
func spawnerNote(mb float64) string {
	if mb == 0 {
		return ""
	}
	return fmt.Sprintf(" (a peak at or under %.0f MB may be the measuring process's own)", mb)
}

func fmtRatio(a, b float64) string {
	if r := ratio(a, b); r != 0 {
		return fmt.Sprintf("%.2f", r)
	}
	return "–"
}

func (h *harness) memCurve(ns []int) error {
	fmt.Printf("%d cores, %s/%s, %s; briefings alone\n\n", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, goVersion())
	fmt.Println("| articles | peak RSS MB (median) | peak RSS MB (max) | KB RSS / article | MB more per 1,000 more articles | wall s | others' cores |")
	fmt.Println("|---:|---:|---:|---:|---:|---:|---:|")
	prevN, prevMB, spawner := 0, 0.0, 0.0
	for _, n := range ns {
		project, err := h.project(n)
		if err != nil {
			return err
		}
		res, err := h.measure(n, []tool{h.briefingsTool(project)})
		if err != nil {
			return err
		}
		s := summarize(res["briefings"], n)
		slope := "–"
		if prevN > 0 && n > prevN {
			slope = fmt.Sprintf("%.1f", (s.PeakMB-prevMB)/float64(n-prevN)*1000)
		}
		fmt.Printf("| %d | %.0f | %.0f | %.1f | %s | %.2f | %.2f |\n", n, s.PeakMB, s.MaxPeakMB, s.PeakMB*1024/float64(n), slope, s.Wall, s.OtherCores)
		prevN, prevMB = n, s.PeakMB
		spawner = max(spawner, s.SpawnerMB)
	}
	if spawner > 0 {
		fmt.Printf("\nA peak at or under %.0f MB may be the measuring process's own.\n", spawner)
	}
	return nil
}

func goVersion() string {
	b, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return runtime.Version()
	}
	return strings.TrimSpace(string(b))
}
