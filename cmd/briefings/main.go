// Command briefings builds the humanitarian-briefings portal from content/.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"briefings/internal/build"
	"briefings/internal/diag"
	"briefings/internal/load"
	"briefings/internal/render"
	"briefings/internal/write"
)

const usage = `briefings builds the bilingual briefings portal from content/.

Usage:
  briefings build [--root DIR] [--out DIR] [--base-url URL] [--drafts] [--future] [--photo-cache DIR]
  briefings check [--root DIR] [--drafts] [--future] [--format text|json]
  briefings watch [--root DIR] [--out DIR] [--base-url URL] [--drafts=false] [--future=false]
  briefings serve [--root DIR] [--out DIR] [--addr 127.0.0.1:1313] [--drafts=false] [--future=false]
  briefings new [--root DIR] --lang ru --country KZ [--date YYYY-MM-DD] "Title"
  briefings new [--root DIR] --translation-of content/en/….md --lang ru "Заголовок"
  briefings import [--root DIR] [--date YYYY-MM-DD] [--lang L] [--country XX] FILE…|-

Commands:
  build   turn content/ into the site in public/ (a failed build leaves the old site)
  check   validate content and templates without writing anything, with warnings
  watch   build, then rebuild on every change to content/, templates/ or static/
  serve   watch, and serve the site with open pages reloading after each build
  new     write a new article file, or the translation of one, with its front matter
  import  turn raw wire texts or saved web pages into draft article files

Run "briefings COMMAND -h" for a command's flags.
`

func main() {
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	load.DropBodies()
	os.Exit(code)
}

// run is the whole program, testable without a process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build", "check":
		return runBuild(args[0], args[1:], stdout, stderr)
	case "watch", "serve":
		return runLive(args[0], args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "briefings: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// newFlags is a command's flag set, its errors going to stderr. Its
// usage names the command and what follows its flags.
func newFlags(name, operands string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(flagOutput(stderr))
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: briefings %s [flags]%s\n\nFlags:\n", name, operands)
		fs.PrintDefaults()
	}
	return fs
}

// folderFlag is a folder a flag names, which an empty value would not:
// "--root=" read as the folder "" fails later, as a file that is not there.
type folderFlag string

func (f *folderFlag) String() string { return string(*f) }

func (f *folderFlag) Set(s string) error {
	if s == "" {
		return errors.New("it is empty: name the folder, or leave the flag out for the current one")
	}
	*f = folderFlag(s)
	return nil
}

// rootFlag is a command's --root: the project folder, "." unless given.
func rootFlag(fs *flag.FlagSet) *string {
	root := "."
	fs.Var((*folderFlag)(&root), "root", "the project `folder`")
	return &root
}

// usageStatus is the exit status of a command whose flags did not parse:
// 0 when its usage was asked for, 2 for a mistake.
func usageStatus(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// parseAnywhere parses flags wherever they stand among a command's
// arguments, as editors write them: import wire.txt --date 2025-09-03.
// After "--" every argument is one. Usage asked for with -h or --help
// is written to stdout, and returned as flag.ErrHelp.
func parseAnywhere(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, error) {
	var rest []string
	errOut := fs.Output()
	defer fs.SetOutput(errOut)
	for {
		var said bytes.Buffer
		fs.SetOutput(&said)
		err := fs.Parse(args)
		to := errOut
		if errors.Is(err, flag.ErrHelp) {
			to = flagOutput(stdout)
		}
		said.WriteTo(to)
		if err != nil {
			return nil, err
		}
		left := fs.Args()
		if len(left) == 0 {
			return rest, nil
		}
		if len(left) < len(args) && args[len(args)-len(left)-1] == "--" {
			return append(rest, left...), nil
		}
		rest, args = append(rest, left[0]), left[1:]
	}
}

// flagOutput is where a command's flag set writes its errors and usage:
// the flag package quotes neither a flag's name nor, in its usage, what
// it was given, so the control characters in them are escaped here.
func flagOutput(stderr io.Writer) io.Writer { return cleanWriter{stderr} }

// cleanWriter escapes what diag.Clean does in each write, keeping the
// line breaks and tabs of usage text.
type cleanWriter struct{ w io.Writer }

func (c cleanWriter) Write(p []byte) (int, error) {
	lines := strings.Split(string(p), "\n")
	for i, l := range lines {
		cells := strings.Split(l, "\t")
		for j, cell := range cells {
			cells[j] = diag.Clean(cell)
		}
		lines[i] = strings.Join(cells, "\t")
	}
	if _, err := io.WriteString(c.w, strings.Join(lines, "\n")); err != nil {
		return 0, err
	}
	return len(p), nil
}

// flags parses a command's flags into build options.
func flags(name string, args []string, stdout, stderr io.Writer, extra func(*flag.FlagSet)) (build.Options, int, bool) {
	fs := newFlags(name, "", stderr)
	opts := build.Options{DryRun: name == "check"}
	root := rootFlag(fs)
	preview := name == "serve" || name == "watch"
	fs.BoolVar(&opts.Drafts, "drafts", preview, "include articles marked draft: true, marked as drafts")
	fs.BoolVar(&opts.Future, "future", preview, "include articles dated later than now, marked as scheduled")
	if name != "check" {
		fs.StringVar(&opts.Out, "out", "", "the output folder (default ROOT/public)")
	}
	if name == "build" || name == "watch" {
		fs.StringVar(&opts.BaseURL, "base-url", "", "the site's URL, replacing site.yaml's base_url")
	}
	fs.StringVar(&opts.PhotoCache, "photo-cache", "", "the folder of processed photos, kept between builds (default ROOT/.cache/photos)")
	if extra != nil {
		extra(fs)
	}
	rest, err := parseAnywhere(fs, args, stdout)
	if err != nil {
		return opts, usageStatus(err), false
	}
	opts.Root = *root
	if len(rest) > 0 {
		// %q escapes control and direction characters itself, once.
		fmt.Fprintf(stderr, "briefings %s: unexpected argument %q\n", name, rest[0])
		return opts, 2, false
	}
	if opts.Out == "" {
		opts.Out = filepath.Join(opts.Root, "public")
	}
	return opts, 0, true
}

func runBuild(name string, args []string, stdout, stderr io.Writer) int {
	format := "text"
	opts, status, ok := flags(name, args, stdout, stderr, func(fs *flag.FlagSet) {
		if name == "check" {
			fs.StringVar(&format, "format", format, `"text", or "json" for editors' tools`)
		}
	})
	if !ok {
		return status
	}
	if format != "text" && format != "json" {
		fmt.Fprintf(stderr, "briefings check: --format is text or json, not %q\n", format)
		return 2
	}
	opts.Warn = opts.DryRun
	ctx, stop := onSignal()
	defer stop()
	if !opts.DryRun {
		release, err := write.Claim(opts.Out, opts.Root, name)
		if err != nil {
			return exit(stderr, err)
		}
		defer release()
	}
	if err := write.Recover(opts.Out); err != nil {
		return exit(stderr, err)
	}
	rep, err := build.BuildContext(ctx, opts)
	if sig := signalled(ctx); sig != nil && !errors.Is(err, write.ErrInterrupted) {
		return interrupted(stderr, name, opts, err, sig)
	}
	if format == "json" {
		return checkJSON(stdout, stderr, rep, err)
	}
	if err != nil {
		return report(stderr, err, rep.Warnings)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(stderr, w)
	}
	if opts.DryRun {
		fmt.Fprintf(stdout, "ok: %d articles, %d files%s would be written, %d %s\n", rep.Articles, rep.Files, size(rep),
			len(rep.Warnings), plural(len(rep.Warnings), "warning", "warnings"))
		listSkipped(rep, stdout)
		return 0
	}
	fmt.Fprintf(stdout, "built %d articles into %d files%s in %s: %d written, %d removed (%s)\n", rep.Articles, rep.Files, size(rep), diag.Clean(opts.Out),
		rep.Written, rep.Removed, rep.Took.Round(time.Millisecond))
	if rep.Photos > 0 {
		fmt.Fprintf(stdout, "%d %s shown: %d processed, %d from the photo cache\n", rep.Photos, plural(rep.Photos, "photo", "photos"),
			rep.Processed, rep.Photos-rep.Processed)
	}
	printWeights(stdout, rep)
	return 0
}

// onSignal returns a context that the first SIGINT or SIGTERM cancels,
// the signal its cause, so that a build stops at its next file and
// removes what it staged. A second signal ends the program at once, as a
// kill does: the next command finishes or undoes what it left.
func onSignal() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case sig := <-signals:
			signal.Stop(signals)
			cancel(signalError{sig})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(signals)
		cancel(nil)
	}
}

// signalError is the cause of a context a signal cancelled.
type signalError struct{ sig os.Signal }

func (e signalError) Error() string { return "interrupted by " + e.sig.String() }

// Is makes a build stopped by a signal one whose context was cancelled.
func (e signalError) Is(target error) bool { return target == context.Canceled }

// signalled is the signal that cancelled ctx, if one did.
func signalled(ctx context.Context) os.Signal {
	var e signalError
	if errors.As(context.Cause(ctx), &e) {
		return e.sig
	}
	return nil
}

// interrupted ends a build or check a signal stopped, with what it left:
// the site as it was, or, when the commit had begun, the whole new one.
// The status is the one shells give a program the signal ended, 128 and
// its number: 130 for Ctrl-C, 143 for SIGTERM.
func interrupted(stderr io.Writer, name string, opts build.Options, err error, sig os.Signal) int {
	left := build.Left(err)
	switch {
	case opts.DryRun:
		left = "the check was not finished"
	case err == nil:
		left = fmt.Sprintf("the site in %s was fully updated", opts.Out)
	case left == "":
		left = fmt.Sprintf("the site in %s was left as it was", opts.Out)
	}
	fmt.Fprintf(stderr, "briefings %s: interrupted; %s\n", name, diag.Clean(left))
	if n, ok := sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 130
}

// size is what the site's files weigh, to follow their count, when known.
func size(rep build.Report) string {
	if rep.Size == 0 {
		return ""
	}
	return " (" + build.Bytes(rep.Size) + ")"
}

// listenProblem says why serve cannot listen, and what to do when
// another program, often a serve left running, has the port.
func listenProblem(err error) string {
	msg := diag.CleanLines(err.Error()) // it quotes --addr
	if errors.Is(err, syscall.EADDRINUSE) {
		msg += "; another program, perhaps a briefings serve still running, listens there: stop it, or serve another project on another port with --addr 127.0.0.1:1314"
	}
	return msg
}

// printWeights shows what the pages made weigh, by kind, against the budget.
func printWeights(w io.Writer, rep build.Report) {
	if len(rep.Weights) == 0 {
		return
	}
	kb := func(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }
	fmt.Fprintf(w, "page weights with the stylesheet, median and heaviest (max_page_kb: %d", rep.Budget/1024)
	if rep.PhotoBudget > 0 && slices.ContainsFunc(rep.Weights, func(wt render.Weight) bool { return strings.HasSuffix(wt.Kind, " with a photo") }) {
		fmt.Fprintf(w, "; with the photos a phone loads first, max_photo_page_kb: %d", rep.PhotoBudget/1024)
	}
	fmt.Fprintln(w, "):")
	for _, wt := range rep.Weights {
		fmt.Fprintf(w, "  %-21s %8s %8s  %d %s\n", wt.Kind, kb(wt.Median), kb(wt.Most), wt.Pages, plural(wt.Pages, "page", "pages"))
	}
}

func exit(stderr io.Writer, err error) int {
	if err != nil {
		fmt.Fprintln(stderr, "briefings:", diag.CleanLines(err.Error()))
		return 1
	}
	return 0
}

// report prints content problems one a line, with the warnings among
// them in file order, and other failures with the program's name; it
// returns the exit status.
func report(stderr io.Writer, err error, warnings diag.List) int {
	var list diag.List
	if errors.As(err, &list) {
		for _, d := range append(slices.Clone(list), warnings...).Sort() {
			fmt.Fprintln(stderr, d)
		}
		fmt.Fprintf(stderr, "%d %s; nothing was written\n", len(list), plural(len(list), "problem", "problems"))
		return 1
	}
	fmt.Fprintln(stderr, "briefings:", diag.CleanLines(err.Error()))
	return 1
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
