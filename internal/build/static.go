package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"golang.org/x/text/unicode/norm"

	"briefings/internal/diag"
	"briefings/internal/load"
	"briefings/internal/photo"
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
			if errors.Is(err, fs.ErrNotExist) {
				return nil // deleted while the tree was read
			}
			return err
		}
		if bad := diag.BadName(d.Name()); bad != "" {
			errs.Add(p, 0, "%s", bad)
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if load.IgnoredStatic(d.Name()) && p != "static" {
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
		// A static file is read to fingerprint it, and again only if it
		// is to be written: none is held in memory between builds.
		var key uint64
		image, err := isImage(fsys, p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // deleted since it was listed: as if it had not been
		}
		if err != nil {
			errs.Add(p, 0, "cannot read: %v", err)
			return nil
		}
		if image || photo.MayReveal(p) || photo.IsSVG(p) {
			// Published as it is, an image keeps what its camera or
			// editor wrote.
			data, err := fs.ReadFile(fsys, p)
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			if err != nil {
				errs.Add(p, 0, "cannot read: %v", err)
				return nil
			}
			if bad := revealed(p, data); len(bad) > 0 {
				errs.Append(bad)
				return nil
			}
			key = load.HashBytes(data)
		} else if key, err = hashFile(fsys, p); errors.Is(err, fs.ErrNotExist) {
			return nil
		} else if err != nil {
			errs.Add(p, 0, "cannot read: %v", err)
			return nil
		}
		outs = append(outs, render.Output{Path: strings.TrimPrefix(p, "static/"), Key: key,
			Make: func(w *bytes.Buffer) error { return copyFile(fsys, p, w) }})
		return nil
	})
	if err != nil {
		errs.Add("static", 0, "cannot read: %v", err)
	}
	return outs, errs
}

// revealed reports what an image of static/, published as it is, would
// tell of where, when, with what or by whom it was made, with the way
// to take it out.
func revealed(p string, data []byte) diag.List {
	var errs diag.List
	if !photo.IsSVG(p) {
		if found := photo.Metadata(data); len(found) > 0 {
			errs.Add(p, 0, "carries %s metadata (where, when, with what or by whom a photo was taken), which static/ would publish as it is: show it from an article, which publishes a photo encoded anew without any, or strip it first (exiftool -all= %s)",
				andList(found), p)
		}
		return errs
	}
	for _, f := range photo.SVGMetadata(data) {
		errs.Add(p, f.Line, "%s, which static/ would publish as it is: %s", f.What, svgFix(f.Kind, p))
	}
	return errs
}

// svgFix says how to take a finding out of a drawing.
func svgFix(kind photo.SVGKind, p string) string {
	switch kind {
	case photo.SVGLocalFile:
		return "put the image in static/ and link it by its address on the site"
	case photo.SVGImage:
		return "strip the image first (exiftool -all= on its file) and embed it again"
	case photo.SVGPacket:
		return "delete it, from its start to its end (svgo leaves it)"
	}
	return "delete it, or clean the drawing with svgo, which removes <metadata> and editors' data (npx svgo " + p + ")"
}

// isImage tells whether a file is an image by its first bytes, whatever
// its name: a phone photo saved as "download" keeps its GPS position.
func isImage(fsys fs.FS, p string) (bool, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 16)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	return photo.IsImage(head[:n]), nil
}

// hashFile fingerprints a file as load.HashBytes would its contents,
// reading it in pieces.
func hashFile(fsys fs.FS, p string) (uint64, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return load.HashReader(f)
}

// copyFile appends a file's contents to w.
func copyFile(fsys fs.FS, p string, w *bytes.Buffer) error {
	f, err := fsys.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > 0 && st.Size() < 1<<40 {
		w.Grow(int(st.Size()) + bytes.MinRead) // the room ReadFrom wants left at the end
	}
	_, err = io.Copy(w, f)
	return err
}

// andList writes "a", "a and b", "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
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
// It refuses too what a copy of the site on Windows or macOS could not
// hold apart: see portable.
func collisions(outputs, statics []render.Output) error {
	var errs diag.List
	for _, s := range statics {
		folder := s.Path + "/"
		for _, o := range outputs {
			switch {
			case o.Path == s.Path:
				errs.Add("static/"+s.Path, 0, "collides with a page the site generates at /%s; rename or remove it", s.Path)
			case strings.HasPrefix(o.Path, folder):
				errs.Add("static/"+s.Path, 0, "the site needs a folder /%s/ here; rename or remove it", s.Path)
			case len(s.Path) > len(o.Path) && s.Path[len(o.Path)] == '/' && strings.HasPrefix(s.Path, o.Path):
				errs.Add("static/"+s.Path, 0, "the site generates a file /%s, so static/%s cannot be a folder", o.Path, o.Path)
			default:
				continue
			}
			break
		}
	}
	errs.Append(portable(outputs, statics))
	return errs.Err()
}

// portable reports the output paths that Windows and macOS would take
// for another (Style.css and style.css, EN/ and en/, é in NFC and NFD)
// and the names Windows cannot hold (con, nul.txt, a trailing dot), each
// against the static file that makes it, or the generated page. Article,
// country and language names were reported at their lines already.
func portable(outputs, statics []render.Output) diag.List {
	var errs diag.List
	key := load.Folder()
	// A path as spelt, and the output that makes it: the messages are
	// made only for the paths that collide. It is a prefix of that
	// output's path, kept as its length: a map of every folder and file
	// of the site, with each path and a pointer, was the largest thing a
	// 50,000-article build held at its end (17 MB).
	type spelt struct {
		by     int32 // the output, in outputs or statics
		n      int32 // bytes of its path
		static bool
	}
	output := func(sp spelt) *render.Output {
		if sp.static {
			return &statics[sp.by]
		}
		return &outputs[sp.by]
	}
	seen := make(map[string]spelt, 2*len(outputs)) // by the path folded: a file and its folder, most of them
	check := func(at int, static bool) {
		o := output(spelt{by: int32(at), static: static})
		// Where a problem is reported, and what the message says makes it.
		where := func() (string, string) {
			if static {
				return "static/" + o.Path, ""
			}
			return "", "the generated page /" + o.Path + ": "
		}
		// Folding and normalising never reach across a slash, so the
		// folders of a path that is its own key are their own keys too:
		// folding each of them again was a fifth of a title edit's
		// check of paths at 50,000 articles.
		whole := key(o.Path)
		for i := 1; i <= len(o.Path); i++ {
			if i < len(o.Path) && o.Path[i] != '/' {
				continue
			}
			p, k := o.Path[:i], whole
			if i < len(o.Path) {
				k = p
				if whole != o.Path {
					k = key(p)
				}
			}
			if prev, ok := seen[k]; ok {
				by := output(prev)
				if was := by.Path[:prev.n]; was != p {
					of := "the generated page /" + by.Path
					if prev.static {
						of = "static/" + by.Path
					}
					at, maker := where()
					errs.Add(at, 0, "%s/%s and /%s (of %s) %s; rename one", maker, p, was, of, sameName(p, was))
					return
				}
				if i == len(o.Path) && int(prev.n) == len(by.Path) && !static && !prev.static {
					// Content cannot do this: two articles at one path were
					// reported at their lines. A rebuild, which finds the
					// files that went by counting them, would keep a stale one.
					errs.Add("", 0, "two pages are generated at /%s: a fault of briefings, not of the content; please report it", p)
					return
				}
				continue // a folder of many pages: checked once
			}
			if bad := load.WindowsName(path.Base(p)); bad != "" {
				at, maker := where()
				errs.Add(at, 0, "%s%s; rename it", maker, bad)
				return
			}
			seen[k] = spelt{int32(at), int32(i), static}
		}
	}
	for i := range outputs {
		check(i, false)
	}
	for i := range statics {
		check(i, true)
	}
	return errs
}

// sameName says why two paths are one on Windows and macOS.
func sameName(a, b string) string {
	if strings.EqualFold(a, b) {
		return "differ only in case, which Windows and macOS ignore"
	}
	if norm.NFC.String(a) == norm.NFC.String(b) {
		return fmt.Sprintf("are one name with its accents encoded two ways (%+q and %+q), which macOS takes for one", a, b)
	}
	return "are one name to Windows and macOS, which ignore case and how accents are encoded"
}
