package build

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"

	"briefings/internal/diag"
	"briefings/internal/load"
	"briefings/internal/render"
)

// staticOutputs plans static/, copied to the site root as it is; a file's
// key is its bytes. Like content/, it is read without following links.
func staticOutputs(fsys fs.FS) ([]render.Output, diag.List) {
	var outs []render.Output
	var errs diag.List
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "static" {
				return fs.SkipAll
			}
			return err
		}
		if load.Ignored(d.Name()) && p != "static" && d.Name() != ".well-known" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			errs.Add(p, 0, "a link: the build does not follow links; put the file or folder itself here")
			return nil
		case d.IsDir():
			return nil
		case !d.Type().IsRegular():
			errs.Add(p, 0, "not a regular file (a device or a pipe); static/ holds plain files")
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs.Add(p, 0, "cannot read: %v", err)
			return nil
		}
		outs = append(outs, render.Output{Path: strings.TrimPrefix(p, "static/"), Key: load.HashBytes(data),
			Make: func(w *bytes.Buffer) error { _, err := w.Write(data); return err }})
		return nil
	})
	if err != nil {
		errs.Add("static", 0, "cannot read: %v", err)
	}
	return outs, errs
}

// stylesheetSize is the size of the stylesheet every page loads.
func stylesheetSize(statics []render.Output) int {
	for _, s := range statics {
		if s.Path == render.Stylesheet {
			var b bytes.Buffer
			s.Make(&b)
			return b.Len()
		}
	}
	return 0
}

// collisions refuses a static file that would replace a generated file,
// stand where the site needs a folder, or sit in a folder where the site
// writes a file. There are few static files and many outputs: a pass over
// the outputs for each costs less than sets of every output's folders.
func collisions(outputs, statics []render.Output) error {
	var errs diag.List
	for _, s := range statics {
		for _, o := range outputs {
			switch {
			case o.Path == s.Path:
				errs.Add("static/"+s.Path, 0, "collides with a page the site generates at /%s; rename or remove it", s.Path)
			case strings.HasPrefix(o.Path, s.Path+"/"):
				errs.Add("static/"+s.Path, 0, "the site needs a folder /%s/ here; rename or remove it", s.Path)
			case strings.HasPrefix(s.Path, o.Path+"/"):
				errs.Add("static/"+s.Path, 0, "the site generates a file /%s, so static/%s cannot be a folder", o.Path, o.Path)
			default:
				continue
			}
			break
		}
	}
	return errs.Err()
}
