package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefings/internal/build"
	"briefings/internal/diag"
	"briefings/internal/draft"
	"briefings/internal/validate"
	"briefings/internal/wire"
	"briefings/internal/write"
)

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", " FILE…|-", stderr)
	root := rootFlag(fs)
	var countries codes
	var date dateFlag
	var opts wire.Options
	fs.Var(&countries, "country", "a country code to put first; repeat, or separate by commas")
	fs.Var(&date, "date", "the date, YYYY-MM-DD, when the text gives none (or another)")
	fs.StringVar(&opts.Lang, "lang", "", "the text's language, like ru, when import tells it wrong")
	files, err := parseAnywhere(fs, args, stdout)
	if err != nil {
		return usageStatus(err)
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "briefings import: name the text files or saved pages to import, or - for standard input: briefings import wire.txt")
		return 2
	}
	if err := write.Recover(filepath.Join(*root, "public")); err != nil {
		return exit(stderr, err)
	}
	p, err := draft.OpenProject(*root, true)
	if err != nil {
		return exit(stderr, err)
	}
	now := time.Now()
	opts.Date, opts.Force, opts.Today, opts.Now = date.Time, countries, p.Today(now), now
	status := 0
	for _, file := range files {
		if !importOne(p, *root, file, opts, stdout, stderr) {
			status = 1
		}
	}
	return status
}

// importOne imports one file, "-" being standard input, and prints the
// path written, then what import found and guessed, for the editor to
// review.
func importOne(p *draft.Project, root, file string, opts wire.Options, stdout, stderr io.Writer) bool {
	var src []byte
	var err error
	name := file
	if file == "-" {
		src, err = io.ReadAll(os.Stdin)
		name = "standard input"
	} else {
		src, err = os.ReadFile(file)
	}
	if err != nil {
		fmt.Fprintln(stderr, "briefings import:", printable(err.Error()))
		return false
	}
	path, r, err := p.Import(file, src, opts)
	for _, f := range r.Found {
		fmt.Fprintf(stderr, "%s: %s\n", printable(name), printable(f.String()))
	}
	for _, n := range r.Notes {
		fmt.Fprintf(stderr, "%s: check: %s\n", printable(name), printable(n))
	}
	if err != nil {
		problems := strings.Split(diag.CleanLines(err.Error()), "\n") // each on its own line
		for i, p := range problems {
			if i == len(problems)-1 {
				p += "; nothing was written"
			}
			fmt.Fprintf(stderr, "%s: %s\n", printable(name), p)
		}
		return false
	}
	fmt.Fprintln(stdout, fromHere(root, path))
	return true
}

// printable keeps a terminal safe from what a text holds: control
// characters become spaces.
func printable(s string) string { return diag.Clean(s) }

// listSkipped prints the drafts and scheduled articles a check left out,
// each with its file and, for a scheduled one, when it is published.
func listSkipped(rep build.Report, stdout io.Writer) {
	var drafts, scheduled []validate.Held
	for _, h := range rep.Skipped {
		if h.State == validate.Draft {
			drafts = append(drafts, h)
		} else {
			scheduled = append(scheduled, h)
		}
	}
	if len(drafts)+len(scheduled) == 0 {
		return
	}
	fmt.Fprintf(stdout, "skipped %d %s and %d scheduled %s:\n", len(drafts), plural(len(drafts), "draft", "drafts"),
		len(scheduled), plural(len(scheduled), "article", "articles"))
	for _, h := range drafts {
		fmt.Fprintf(stdout, "  draft      %s  %s (check --drafts includes it)\n", h.Article.Path, printable(h.Article.Title))
	}
	for _, h := range scheduled {
		fmt.Fprintf(stdout, "  scheduled  %s  %s, published %s (check --future includes it)\n", h.Article.Path,
			printable(h.Article.Title), h.At.Format("2006-01-02 15:04 -07:00"))
	}
}
