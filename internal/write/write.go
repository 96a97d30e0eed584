// Package write puts a build's files in the output folder by one protocol
// for every build, so that a failed or killed build never leaves a mixed
// site. Every file that changed is first written into a staging folder
// beside the output (Stage.Put); nothing in the output changes until all
// of them exist. Commit then renames the staging folder into place when
// there was no site, or else writes a journal of the renames and removals
// that bring the site to the new build, applies it and removes it. The next
// build, or any command, finishes a journal a kill interrupted and removes
// a staging folder that has none (Recover). A staging folder is known by
// the marker the build wrote inside it, never by its name.
package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Marker is the file that marks a folder as a briefings output folder: a
// build replaces only a folder that has it, or an empty one.
const Marker = ".briefings-output"

const markerText = "This folder is written by briefings build: each build may change or remove any file in it.\n"

// Sources are the project folders an output may never replace or lie in.
var Sources = []string{"content", "templates", "static"}

// Check refuses an output folder that would replace the project or its
// sources, or one that holds files not written by a build. When project
// is set, out may not be the project folder, hold it, or lie in its sources.
func Check(out, project string) error {
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	return checkOutput(out, project)
}

// CheckPhotoCache refuses a photo cache folder inside the output (the
// build would remove it as a file it did not make), in a source folder
// (static/ would publish every photo it holds, drafts' among them) or
// holding either.
func CheckPhotoCache(cache, out, project string) error {
	cache, err := filepath.Abs(cache)
	if err != nil {
		return err
	}
	refuse := func(what string) error {
		return fmt.Errorf("refusing to keep processed photos in %s: it %s; choose a folder of its own, like .cache/photos", cache, what)
	}
	cache = resolve(cache)
	if out, err := filepath.Abs(out); err == nil && (within(cache, resolve(out)) || within(resolve(out), cache)) {
		return refuse("overlaps the output folder " + out)
	}
	if project == "" {
		return nil
	}
	project, err = filepath.Abs(project)
	if err != nil {
		return err
	}
	for _, src := range Sources {
		if src := resolve(filepath.Join(project, src)); within(cache, src) || within(src, cache) {
			return refuse("overlaps the project's " + filepath.Base(src) + "/ folder")
		}
	}
	return nil
}

// checkOutput refuses an output folder that would replace the project or
// its sources, and one that holds files not written by us.
func checkOutput(out, project string) error {
	refuse := func(what string) error {
		return fmt.Errorf("refusing to write the site to %s: it would replace %s; choose a folder of its own, like public", out, what)
	}
	if filepath.Dir(out) == out {
		return refuse("the whole file system")
	}
	if project != "" {
		project, err := filepath.Abs(project)
		if err != nil {
			return err
		}
		// Through links, too: a link to content/ is content/.
		project, out := resolve(project), resolve(out)
		if within(project, out) {
			return refuse("the project folder " + project)
		}
		for _, src := range Sources {
			switch src := filepath.Join(project, src); {
			case within(src, out):
				return refuse(src)
			case within(out, src):
				// Not replaced, but written among what the site is made of.
				return fmt.Errorf("refusing to write the site to %s: it lies in %s, which the site is made of; choose a folder of its own, like public", out, src)
			}
		}
	}
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output folder %s: %w", out, err)
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return fmt.Errorf("refusing to replace %s: it holds files briefings did not write (it has no %s file); empty it or choose another --out", out, Marker)
	}
	return nil
}

// resolve follows the links of the part of an absolute path that exists;
// the rest, not made yet, is kept as it is.
func resolve(path string) string {
	rest := ""
	for p := path; ; p = filepath.Dir(p) {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(p) == p {
			return path
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
