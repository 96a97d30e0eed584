package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"briefings/internal/draft"
	"briefings/internal/load"
	"briefings/internal/write"
)

// codes is a flag that takes country codes, repeated or separated by commas.
type codes []string

func (c *codes) String() string { return strings.Join(*c, ",") }

func (c *codes) Set(v string) error {
	for _, code := range strings.Split(v, ",") {
		if code = strings.ToUpper(strings.TrimSpace(code)); code != "" && !slices.Contains(*c, code) {
			*c = append(*c, code) // --country KZ --country kz is one country
		}
	}
	return nil
}

// dateFlag is a YYYY-MM-DD flag.
type dateFlag struct{ time.Time }

func (d *dateFlag) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

func (d *dateFlag) Set(v string) error {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return fmt.Errorf("%q is not a date like 2026-03-06", v)
	}
	if !load.PlausibleYear(t.Year()) {
		return fmt.Errorf("%q: the year %d cannot be right; write the date of publication, like 2026-03-06", v, t.Year())
	}
	d.Time = t
	return nil
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", ` "Title"`, stderr)
	root := rootFlag(fs)
	var req draft.Request
	var countries codes
	var date dateFlag
	fs.StringVar(&req.Lang, "lang", "", "the article's language, like ru (required)")
	fs.Var(&countries, "country", "a country code from content/countries.yaml; repeat, or separate by commas")
	fs.Var(&date, "date", "the date, YYYY-MM-DD (default today, or the original's when translating)")
	fs.StringVar(&req.TranslationOf, "translation-of", "", "the article file this one translates")
	rest, err := parseAnywhere(fs, args, stdout)
	if err != nil {
		return usageStatus(err)
	}
	if len(rest) != 1 {
		fmt.Fprintln(stderr, `briefings new: give the title as one argument, in quotes: briefings new --lang ru --country KZ "Заголовок"`)
		return 2
	}
	req.Title, req.Countries, req.Date = rest[0], countries, date.Time
	if err := write.Recover(filepath.Join(*root, "public")); err != nil {
		return exit(stderr, err)
	}
	p, err := draft.OpenProject(*root, false)
	if err != nil {
		return exit(stderr, err)
	}
	path, err := p.New(req, time.Now())
	if err != nil {
		if path == "" {
			err = fmt.Errorf("%w; nothing was written", err)
		}
		return exit(stderr, err)
	}
	fmt.Fprintln(stdout, fromHere(*root, path))
	return 0
}

// fromHere is a project path as the shell that ran the command reaches it,
// so that it can be handed to an editor: under --root when one is given.
func fromHere(root, path string) string { return filepath.Join(root, filepath.FromSlash(path)) }
