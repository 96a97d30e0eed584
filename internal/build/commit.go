package build

import (
	"errors"
	"fmt"
	"os"

	"briefings/internal/render"
	"briefings/internal/write"
)

// write renders and writes what changed: the files whose keys changed
// when the builder knows what the output holds, else those whose bytes
// differ from the output's, else, for a new output, every file.
func (b *Builder) write(outputs []render.Output, rep *Report) error {
	if b.opts.DryRun {
		_, _, err := render.Run(outputs, map[string]uint64{}, func(string, []byte) error { return nil })
		return err
	}
	if b.keys != nil {
		// Another build may have changed the folder since: then what it
		// holds is unknown.
		if dir, err := write.Open(b.opts.Out); err == nil && os.SameFile(dir.Marker(), b.wrote) {
			return b.update(dir, outputs, rep)
		}
	}
	b.keys = nil
	project := b.opts.Root
	if b.opts.FS != nil {
		project = "" // the sources are not on disk
	}
	if err := write.Check(b.opts.Out, project); err != nil {
		return err
	}
	keys := make(map[string]uint64, len(outputs))
	var err error
	if _, open := write.Open(b.opts.Out); open == nil {
		err = b.sync(outputs, keys, rep)
	} else {
		err = b.fresh(outputs, keys, rep)
	}
	if err != nil {
		return err
	}
	b.keys = keys
	if dir, err := write.Open(b.opts.Out); err == nil {
		b.wrote = dir.Marker()
	}
	return nil
}

// fresh writes every file into a new folder that replaces the old whole.
func (b *Builder) fresh(outputs []render.Output, keys map[string]uint64, rep *Report) error {
	tx, err := write.Begin(b.opts.Out)
	if err != nil {
		return err
	}
	made, _, err := render.Run(outputs, keys, tx.Put)
	if err != nil {
		tx.Abort()
		return errors.Join(err, b.unchanged())
	}
	rep.Written = made
	return tx.Commit()
}

// sync brings an output folder a build wrote to this build's files,
// writing those whose bytes changed.
func (b *Builder) sync(outputs []render.Output, keys map[string]uint64, rep *Report) error {
	s, err := write.StartSync(b.opts.Out)
	if err != nil {
		return err
	}
	_, _, err = render.Run(outputs, keys, func(path string, data []byte) error {
		_, err := s.Put(path, data)
		return err
	})
	if err != nil {
		s.Abort()
		return errors.Join(err, b.unchanged())
	}
	paths := make([]string, len(outputs))
	for i, o := range outputs {
		paths[i] = o.Path
	}
	gone, err := s.Commit(paths)
	rep.Written, rep.Removed = s.Written(), len(gone)
	return err
}

// unchanged says that a failed build left the output as it was.
func (b *Builder) unchanged() error {
	if _, err := os.Stat(b.opts.Out); err != nil {
		return fmt.Errorf("nothing was written to %s", b.opts.Out)
	}
	return fmt.Errorf("the site in %s was left as it was", b.opts.Out)
}

// update rewrites the outputs whose keys changed and removes the ones no
// longer planned. If it fails half-way, the next build starts afresh.
func (b *Builder) update(dir *write.Dir, outputs []render.Output, rep *Report) error {
	made, gone, err := render.Run(outputs, b.keys, dir.Put)
	if err == nil {
		err = dir.Remove(gone)
	}
	if err != nil {
		b.keys = nil
		return err
	}
	rep.Written, rep.Removed = made, len(gone)
	return nil
}
