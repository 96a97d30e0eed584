package build

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"

	"briefings/internal/render"
	"briefings/internal/write"
)

// write renders what changed and commits it to the output folder by the
// one protocol of package write: when the last build's state says what
// the folder holds, the outputs whose keys changed; else every output, of
// which only those whose bytes differ from the folder's are written. It
// returns what the folder then holds: each output's key, and its marker.
func (b *Builder) write(outputs []render.Output, rep *Report) (map[string]uint64, os.FileInfo, error) {
	if b.opts.DryRun {
		_, _, err := render.Run(outputs, map[string]uint64{}, func(string, []byte) error { return nil })
		return nil, nil, err
	}
	keys, known := maps.Clone(b.last.keys), b.last.keys != nil && b.sameOutput()
	if !known {
		project := b.opts.Root
		if b.opts.FS != nil {
			project = "" // the sources are not on disk
		}
		if err := write.Check(b.opts.Out, project); err != nil {
			return nil, nil, err
		}
		keys = make(map[string]uint64, len(outputs))
	}
	stage, err := write.Begin(b.opts.Out, known)
	if err != nil {
		return nil, nil, err
	}
	_, gone, err := render.Run(outputs, keys, stage.Put)
	if err != nil {
		stage.Abort()
		return nil, nil, errors.Join(err, b.unchanged())
	}
	if !known {
		paths := make([]string, len(outputs))
		for i, o := range outputs {
			paths[i] = o.Path
		}
		gone = stage.Gone(paths)
	}
	if err := stage.Commit(gone, b.commits); err != nil {
		if errors.Is(err, write.ErrInterrupted) {
			return nil, nil, err
		}
		return nil, nil, errors.Join(err, b.unchanged())
	}
	rep.Written, rep.Removed = stage.Written(), len(gone)
	marker, _ := os.Stat(filepath.Join(b.opts.Out, write.Marker))
	return keys, marker, nil
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
		return fmt.Errorf("nothing was written to %s", b.opts.Out)
	}
	return fmt.Errorf("the site in %s was left as it was", b.opts.Out)
}
