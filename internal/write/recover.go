package write

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Recover finishes or undoes a commit a kill interrupted in the output
// folder out: a staging folder beside it with a journal is applied, one
// without is removed, and the marker of a staging folder that became the
// output is removed from it. Staging folders are known by their marker,
// which names the output they belong to; one whose build is still running
// is left to it. Every command calls Recover before anything else.
func Recover(out string) error {
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if err := recoverInside(out); err != nil {
		return fmt.Errorf("finishing the interrupted build of %s: %w", out, unwrapPath(err))
	}
	parent, base := filepath.Dir(out), filepath.Base(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil // no output there, nor anything of ours
	}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == base {
			continue
		}
		staging := filepath.Join(parent, e.Name())
		if err := recoverStaging(staging, out, base); err != nil {
			return fmt.Errorf("finishing the interrupted build of %s (in %s): %w", out, staging, err)
		}
	}
	return nil
}

// recoverInside removes what a kill left in the output folder itself: the
// marker of a staging folder that became the output, and a staging folder
// killed while it was being made there, before it moved beside. Such a
// folder is empty or holds its marker alone; no build writes an empty folder.
func recoverInside(out string) error {
	entries, err := os.ReadDir(out)
	if err != nil || !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == Marker }) {
		return nil // not a build's output
	}
	for _, e := range entries {
		p := filepath.Join(out, e.Name())
		switch {
		case e.Name() == stagingMarker && e.Type().IsRegular():
			if err := os.Remove(p); err != nil {
				return err
			}
		case e.IsDir():
			inside, err := firstNames(p, 2)
			if err == nil && (len(inside) == 0 || len(inside) == 1 && inside[0] == stagingMarker) {
				if err := os.RemoveAll(p); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// recoverStaging finishes or removes one folder, if it is a staging
// folder of out's that no running build holds.
func recoverStaging(staging, out, base string) error {
	f, err := os.Open(filepath.Join(staging, stagingMarker))
	if err != nil {
		return nil // not a staging folder
	}
	defer f.Close()
	text := make([]byte, len(stagingText(base))+1)
	n, _ := f.Read(text)
	if string(text[:n]) != stagingText(base) || !tryLock(f) {
		return nil // another output's, or its build is still running
	}
	data, err := os.ReadFile(filepath.Join(staging, journalName))
	if errors.Is(err, fs.ErrNotExist) {
		return os.RemoveAll(staging) // killed before its commit: the output never changed
	}
	if err != nil {
		return err
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("its journal cannot be read (%v); delete %s and build again", err, out)
	}
	if err := apply(staging, out, j.Ops); err != nil {
		return err
	}
	return finish(staging)
}

// firstNames reads at most n names of a folder's entries.
func firstNames(dir string, n int) ([]string, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := f.Readdirnames(n)
	if errors.Is(err, io.EOF) {
		err = nil
	}
	return names, err
}
