package load

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"syscall"

	"briefings/internal/diag"
)

// listing is what a look through content/ found: the article files, in
// path order, and the problems of every other entry, so that nothing an
// editor puts there is silently left out.
type listing struct {
	files    []file
	photos   []file
	problems diag.List
}

// walk lists the tree at dir: content/, or a folder in it.
func walk(fsys fs.FS, dir string, cfg *Config) listing {
	var l listing
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			if errors.Is(err, fs.ErrNotExist) {
				return nil // deleted while the tree was read
			}
			l.problems.Add(p, 0, "cannot read: %s", describe(err))
			return nil
		}
		return l.add(fsys, p, d, cfg)
	})
	if err != nil {
		l.problems.Add(dir, 0, "cannot read the content folder: %s", describe(err))
	}
	return l
}

// add files one entry of content/; for a folder it may return fs.SkipDir.
func (l *listing) add(fsys fs.FS, p string, d fs.DirEntry, cfg *Config) error {
	if p == "content" {
		return nil
	}
	if bad := diag.BadName(d.Name()); bad != "" {
		l.problems.Add(p, 0, "%s", bad)
		if d.IsDir() {
			return fs.SkipDir
		}
		return nil
	}
	if Ignored(d.Name()) {
		if d.IsDir() {
			return fs.SkipDir
		}
		return nil
	}
	rel := strings.TrimPrefix(p, "content/")
	depth := strings.Count(rel, "/")
	switch {
	case d.Type()&fs.ModeSymlink != 0:
		l.problems.Add(p, 0, "%s: the build does not follow links; put the file or folder itself here", link(fsys, p))
	case d.IsDir():
		if depth == 0 && p != MediaDir && cfg != nil && cfg.Languages[rel].Title == "" {
			l.problems.Add(p, 0, "folder %q is not a language of site.yaml (%s), nor media/, the photos' folder", rel, strings.Join(cfg.Codes(), ", "))
			return fs.SkipDir
		}
	case depth == 0:
		if p != SitePath && p != CountriesPath && p != SourcesPath {
			l.problems.Add(p, 0, "unexpected file: content/ holds site.yaml, countries.yaml and one folder per language")
		}
	case !d.Type().IsRegular():
		l.problems.Add(p, 0, "not a regular file (a link or a device); articles and photos must be plain files")
	case PhotoExt(p):
		l.photos = append(l.photos, stat(p, d))
	case otherImage(p) != "":
		l.problems.Add(p, 0, "%s", otherImage(p))
	case under(p, MediaDir):
		l.problems.Add(p, 0, "not a photo: content/media/ holds the photos articles share, .jpg, .jpeg, .png or .webp files; put articles under content/{lang}/")
	case d.Name() == "_index.md":
		l.problems.Add(p, 0, "a list page of Hugo's: the build makes every list itself; remove it, or make it a page of content/%s/pages/", strings.SplitN(rel, "/", 2)[0])
	case path.Ext(p) != ".md" && (strings.EqualFold(path.Ext(p), ".md") || strings.EqualFold(path.Ext(p), ".markdown")):
		l.problems.Add(p, 0, "an article's file name ends in .md, in lower case: rename it %s", strings.TrimSuffix(d.Name(), path.Ext(p))+".md")
	case path.Ext(p) != ".md":
		l.problems.Add(p, 0, "not an article or a photo: content/{lang}/ holds .md articles and the .jpg, .jpeg, .png or .webp photos they show; put other files in static/")
	default:
		l.files = append(l.files, stat(p, d))
	}
	return nil
}

func stat(p string, d fs.DirEntry) file {
	f := file{path: p}
	if info, err := d.Info(); err == nil {
		f.size, f.mod = info.Size(), info.ModTime()
	}
	return f
}

// link describes a symbolic link by where it leads.
func link(fsys fs.FS, p string) string {
	target, err := fs.ReadLink(fsys, p)
	if err != nil {
		return "a symbolic link"
	}
	to := path.Join(path.Dir(p), target)
	if path.IsAbs(target) || !fs.ValidPath(to) {
		return fmt.Sprintf("a symbolic link to %s, outside the project", target)
	}
	if _, err := fs.Stat(fsys, p); err != nil {
		if _, lerr := fs.Stat(fsys, to); lerr != nil && !errors.Is(lerr, fs.ErrNotExist) || errors.Is(err, syscall.ELOOP) {
			return fmt.Sprintf("a symbolic link to %s that leads round in a loop", target)
		}
		return fmt.Sprintf("a symbolic link to %s, which does not exist", to)
	}
	return "a symbolic link to " + to
}

// refresh updates a listing for the paths that changed under content/,
// all inside language folders, looking at them alone.
func (l listing) refresh(fsys fs.FS, cfg *Config, changed []string) listing {
	if out, ok := l.restamp(fsys, changed); ok {
		return out
	}
	slices.Sort(changed)
	var roots []string // changed paths not inside another changed folder
	for _, p := range changed {
		// Sorted, "misc-old" comes between "misc" and "misc/a.md": look at every root.
		if strings.HasPrefix(p, "content/") && !underAny(p, roots) {
			roots = append(roots, p)
		}
	}
	out := listing{
		files:  slices.DeleteFunc(slices.Clone(l.files), func(f file) bool { return underAny(f.path, roots) }),
		photos: slices.DeleteFunc(slices.Clone(l.photos), func(f file) bool { return underAny(f.path, roots) }),
		problems: slices.DeleteFunc(slices.Clone(l.problems), func(d diag.Diagnostic) bool {
			return underAny(d.Path, roots)
		}),
	}
	for _, p := range roots {
		d := entry(fsys, p)
		switch {
		case d == nil: // deleted, or moved away
		case d.IsDir():
			sub := walk(fsys, p, cfg)
			out.files = append(out.files, sub.files...)
			out.photos = append(out.photos, sub.photos...)
			out.problems = append(out.problems, sub.problems...)
		default:
			out.add(fsys, p, d, cfg)
		}
	}
	byPath := func(a, b file) int { return cmp.Compare(a.path, b.path) }
	slices.SortFunc(out.files, byPath)
	slices.SortFunc(out.photos, byPath)
	return out
}

// restamp handles the common save: only articles already listed changed,
// and are still articles. Their new size and time are taken in place.
func (l listing) restamp(fsys fs.FS, changed []string) (listing, bool) {
	out := listing{files: slices.Clone(l.files), photos: slices.Clone(l.photos), problems: l.problems}
	for _, p := range changed {
		if !strings.HasPrefix(p, "content/") {
			continue
		}
		files := out.files
		if PhotoExt(p) {
			files = out.photos
		}
		i, ok := slices.BinarySearchFunc(files, p, func(f file, p string) int { return strings.Compare(f.path, p) })
		if !ok {
			return l, false
		}
		info, err := fs.Lstat(fsys, p)
		if err != nil || !info.Mode().IsRegular() {
			return l, false
		}
		files[i].size, files[i].mod = info.Size(), info.ModTime()
	}
	return out, true
}

// refreshable reports whether every changed path under content/ lies in a
// language folder: a change to site.yaml, countries.yaml or the language
// folders themselves needs a look through the whole tree.
func refreshable(changed []string) bool {
	for _, p := range changed {
		if p == "content" || strings.HasPrefix(p, "content/") && !strings.Contains(strings.TrimPrefix(p, "content/"), "/") {
			return false
		}
	}
	return true
}

// entry finds a path's entry in its folder, or nil if it is not there.
func entry(fsys fs.FS, p string) fs.DirEntry {
	entries, err := fs.ReadDir(fsys, path.Dir(p))
	if err != nil {
		return nil
	}
	i, ok := slices.BinarySearchFunc(entries, path.Base(p), func(d fs.DirEntry, name string) int {
		return strings.Compare(d.Name(), name)
	})
	if !ok {
		return nil
	}
	return entries[i]
}

func under(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }

func underAny(p string, dirs []string) bool {
	return slices.ContainsFunc(dirs, func(d string) bool { return under(p, d) })
}
