// Command briefings builds the humanitarian-briefings portal from content/.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"briefings/internal/build"
	"briefings/internal/diag"
)

const usage = `briefings builds the bilingual briefings portal from content/.

Usage:
  briefings build [--root DIR] [--out DIR] [--base-url URL] [--drafts]
  briefings check [--root DIR] [--drafts]

Commands:
  build   turn content/ into the site in public/ (a failed build leaves the old site)
  check   validate content and templates without writing anything

Run "briefings COMMAND -h" for a command's flags.
`

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is the whole program, testable without a process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr, false)
	case "check":
		return runBuild(args[1:], stdout, stderr, true)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "briefings: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func runBuild(args []string, stdout, stderr io.Writer, check bool) int {
	name := "build"
	if check {
		name = "check"
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	opts := build.Options{DryRun: check}
	fs.StringVar(&opts.Root, "root", ".", "the project folder")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include articles marked draft: true")
	if !check {
		fs.StringVar(&opts.Out, "out", "", "the output folder (default ROOT/public)")
		fs.StringVar(&opts.BaseURL, "base-url", "", "the site's URL, replacing site.yaml's base_url")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefings %s: unexpected argument %q\n", name, fs.Arg(0))
		return 2
	}
	rep, err := build.Build(opts)
	for _, w := range rep.Warnings {
		fmt.Fprintln(stderr, w)
	}
	if err != nil {
		return report(stderr, err)
	}
	if check {
		fmt.Fprintf(stdout, "ok: %d articles, %d files would be written\n", rep.Articles, rep.Files)
		return 0
	}
	out := opts.Out
	if out == "" {
		out = filepath.Join(opts.Root, "public")
	}
	fmt.Fprintf(stdout, "built %d articles into %d files in %s (%s)\n", rep.Articles, rep.Files, out,
		rep.Took.Round(time.Millisecond))
	return 0
}

// report prints content problems one a line, and other failures with the
// program's name; it returns the exit status.
func report(stderr io.Writer, err error) int {
	var list diag.List
	if errors.As(err, &list) {
		for _, d := range list {
			fmt.Fprintln(stderr, d)
		}
		fmt.Fprintf(stderr, "%d %s; nothing was written\n", len(list), plural(len(list), "problem", "problems"))
		return 1
	}
	fmt.Fprintln(stderr, "briefings:", err)
	return 1
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
