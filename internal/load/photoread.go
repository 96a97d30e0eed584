package load

import (
	"io/fs"
	"strconv"
	"strings"

	"briefings/internal/diag"
	"briefings/internal/par"
	"briefings/internal/photo"
)

// Photo is a photo file that an article shows, read and checked: what it
// is, or why it cannot be published.
type Photo struct {
	Path    string
	Info    photo.Info
	Problem string // "" when the photo can be published
}

// readPhoto is a photo as read, with the listing it was read under.
type readPhoto struct {
	file
	photo *Photo
}

// photos reads and checks the photos that articles show, and reports a
// problem at every line that shows one that is missing or cannot be
// published. It returns the photos read, by file, and the photo files no
// article shows.
func (c *Cache) photos(fsys fs.FS, files []file, arts []*Article, errs *diag.List) (map[string]*Photo, []string) {
	listed := make(map[string]file, len(files))
	for _, f := range files {
		listed[f.path] = f
	}
	used := map[string]bool{}
	for _, a := range arts {
		for _, ref := range a.PhotoRefs() {
			used[ref.File] = true
		}
	}
	var todo []file
	var unused []string
	for _, f := range files {
		if used[f.path] {
			todo = append(todo, f)
		} else {
			unused = append(unused, f.path)
		}
	}
	read := make([]*Photo, len(todo))
	par.Each(len(todo), func(i int) { read[i] = c.readPhoto(fsys, todo[i]) })
	c.mu.Lock()
	c.photoFiles = make(map[string]readPhoto, len(todo))
	out := make(map[string]*Photo, len(todo))
	for i, p := range read {
		c.photoFiles[p.Path] = readPhoto{todo[i], p}
		out[p.Path] = p
	}
	c.mu.Unlock()
	var folded map[string]string // made on the first photo missing
	for _, a := range arts {
		for _, ref := range a.PhotoRefs() {
			if p := out[ref.File]; p == nil {
				if folded == nil {
					folded = make(map[string]string, len(files))
					for _, f := range files {
						if k := FoldCase(f.path); folded[k] == "" {
							folded[k] = f.path
						}
					}
				}
				errs.Add(a.Path, ref.Line, "photo %s: there is no such file%s", ref.File, likeName(folded[FoldCase(ref.File)]))
			} else if p.Problem != "" {
				errs.Add(a.Path, ref.Line, "photo %s", p.Problem)
			}
		}
	}
	return out, unused
}

// readPhoto reads one photo, unless what the cache holds of it is fresh.
func (c *Cache) readPhoto(fsys fs.FS, f file) *Photo {
	c.mu.Lock()
	old, ok := c.photoFiles[f.path]
	c.mu.Unlock()
	if ok && old.size == f.size && old.mod.Equal(f.mod) && !f.mod.IsZero() {
		return old.photo
	}
	p := &Photo{Path: f.path}
	if f.size > photo.MaxSourceBytes {
		p.Problem = f.path + " is " + sizeMB(f.size) + ": photos may be at most " + sizeMB(photo.MaxSourceBytes) +
			"; export it again at a smaller size (pages show it at most 1280 pixels wide)"
		return p
	}
	data, err := fs.ReadFile(fsys, f.path)
	if err != nil {
		p.Problem = f.path + ": cannot read: " + describe(err)
		return p
	}
	p.Info, err = photo.Probe(f.path, data)
	if err != nil {
		p.Problem = err.Error()
	}
	return p
}

// PhotoRefs are the photos an article shows: its lead, then its body's.
func (a *Article) PhotoRefs() []PhotoRef {
	if a.Lead == nil {
		return a.Photos
	}
	return append([]PhotoRef{*a.Lead}, a.Photos...)
}

// likeName names like, a photo file whose name differs from the one asked
// for only in case, or says to correct the path when there is none:
// the site is served from a file system that tells them apart.
func likeName(like string) string {
	if like == "" {
		return "; correct the path, which is relative to the article's file"
	}
	return "; there is " + like + ", whose name differs in case: write it as it is"
}

func sizeMB(n int64) string {
	return strings.TrimSuffix(strings.TrimSuffix(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), "0"), ".") + " MB"
}
