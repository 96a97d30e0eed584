package build

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"briefings/internal/diag"
	"briefings/internal/render"
	"briefings/internal/write"
)

// A commit is one build's change to the output folder, by the one
// protocol of package write: when the last build's state says what the
// folder holds, the outputs whose keys changed are written; else every
// output, of which only those whose bytes differ from the folder's.
type commit struct {
	stage  *write.Stage // nil in a dry run
	keys   map[string]uint64
	known  bool // keys are what the folder holds
	writer *render.Writer
}

// begin starts the commit of a build, before its outputs are planned:
// pages are written as they are planned.
func (b *Builder) begin(ctx context.Context) (*commit, error) {
	if b.opts.DryRun {
		return &commit{writer: render.NewWriter(ctx, map[string]uint64{}, func(string, []byte) error { return nil },
			func(_ string, write func(io.Writer) error) error { return write(io.Discard) })}, nil
	}
	c := &commit{keys: maps.Clone(b.last.keys), known: b.last.keys != nil && b.sameOutput()}
	if !c.known {
		project := b.opts.Root
		if b.opts.FS != nil {
			project = "" // the sources are not on disk
		}
		if err := write.Check(b.opts.Out, project); err != nil {
			return nil, err
		}
		c.keys = map[string]uint64{}
	}
	stage, err := write.Begin(b.opts.Out, c.known)
	if err != nil {
		return nil, err
	}
	c.stage, c.writer = stage, render.NewWriter(ctx, c.keys, stage.Put, stage.PutStream)
	return c, nil
}

// abort drops what a failed build staged; the output stays as it was.
func (c *commit) abort(err error) error {
	if c.stage == nil {
		return err
	}
	c.stage.Abort()
	return err
}

// finish makes the outputs not made yet and commits them all. It returns
// what the folder then holds: each output's key, and its marker. Once ctx
// is done it stops at the next output, or before the commit: a commit
// that has begun to change the folder goes to its end.
func (b *Builder) finish(ctx context.Context, c *commit, outputs []render.Output, rep *Report) (map[string]uint64, os.FileInfo, error) {
	_, gone, err := c.writer.Finish(outputs)
	if !c.known { // every output was made
		rep.Size = c.writer.Size()
	}
	if c.stage == nil {
		return nil, nil, err
	}
	if err != nil {
		c.stage.Abort()
		return nil, nil, errors.Join(err, b.unchanged())
	}
	if !c.known {
		paths := make([]string, len(outputs))
		for i, o := range outputs {
			paths[i] = o.Path
		}
		gone = c.stage.Gone(paths)
	}
	if err := c.stage.Commit(ctx, gone, b.commits); err != nil {
		if errors.Is(err, write.ErrInterrupted) {
			return nil, nil, err
		}
		return nil, nil, errors.Join(err, b.unchanged())
	}
	rep.Written, rep.Removed = c.stage.Written(), len(gone)
	marker, _ := os.Stat(filepath.Join(b.opts.Out, write.Marker))
	return c.keys, marker, nil
}

// sameOutput reports whether the output folder is as the last build left
// it: each commit replaces its marker, so another build's shows.
func (b *Builder) sameOutput() bool {
	info, err := os.Stat(filepath.Join(b.opts.Out, write.Marker))
	return err == nil && b.last.marker != nil && os.SameFile(info, b.last.marker)
}

// HoldWhileCommitting makes every commit hold l while the output folder
// changes: the preview server holds it while it opens a file, so that it
// never serves a page of one build beside a page of another.
func (b *Builder) HoldWhileCommitting(l sync.Locker) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.commits = l
}

// unchanged says that a failed build left the output as it was.
func (b *Builder) unchanged() error {
	if _, err := os.Stat(b.opts.Out); err != nil {
		return unchangedError(fmt.Sprintf("nothing was written to %s", b.opts.Out))
	}
	return unchangedError(fmt.Sprintf("the site in %s was left as it was", b.opts.Out))
}

// unchangedError is what unchanged says: a note on a failure, not one.
type unchangedError string

// Left is what a failed build says it left in the output folder, "the
// site in public was left as it was" or "nothing was written to public";
// "" when the failure does not say.
func Left(err error) string {
	var note unchangedError
	if errors.As(err, &note) {
		return string(note)
	}
	return ""
}

func (e unchangedError) Error() string { return string(e) }

// templateProblems turns a failure of templates as they ran into
// problems at their template's line, one for each line and message
// whatever the number of pages that met it, naming the first page. A
// failure with anything else in it is returned as it is.
func templateProblems(err error) error {
	type at struct {
		path    string
		line    int
		message string
	}
	pages := map[at][]string{}
	var walk func(error) bool
	walk = func(e error) bool {
		switch e := e.(type) {
		case unchangedError:
			return true
		case *render.TemplateError:
			k := at{e.Path, e.Line, e.Message}
			pages[k] = append(pages[k], e.Page)
			return true
		case interface{ Unwrap() []error }:
			for _, e := range e.Unwrap() {
				if !walk(e) {
					return false
				}
			}
			return true
		}
		return false
	}
	if err == nil || !walk(err) || len(pages) == 0 {
		return err
	}
	var list diag.List
	for k, on := range pages {
		on = slices.DeleteFunc(slices.Compact(slices.Sorted(slices.Values(on))), func(p string) bool { return p == "" })
		msg := k.message
		switch len(on) {
		case 0:
		case 1:
			msg += " (rendering " + on[0] + ")"
		case 2:
			msg += " (rendering " + on[0] + " and 1 other page)"
		default:
			msg += fmt.Sprintf(" (rendering %s and %d other pages)", on[0], len(on)-1)
		}
		list.Add(k.path, k.line, "%s", msg)
	}
	return list.Sort().Err()
}
