package build

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"maps"
	"slices"
	"sync"

	"briefings/internal/diag"
	"briefings/internal/load"
	"briefings/internal/photo"
	"briefings/internal/render"
)

// media processes the photos the published articles show into the photo
// cache, each once for every build to come, and makes the site's share
// image. Files with the same bytes are one photo, processed and published
// once, named after the first of them by path. A photo that cannot be
// processed is a problem at every line that shows it.
func (b *Builder) media(fsys fs.FS, content *load.Content, published []*load.Article, rep *Report) (render.Media, diag.List) {
	var errs diag.List
	type use struct {
		article string
		line    int
	}
	uses := map[string][]use{}
	lead := map[string]bool{} // by the photo's digest
	for _, a := range published {
		for i, ref := range a.PhotoRefs() {
			p := content.Photos[ref.File]
			if p == nil || p.Problem != "" {
				continue // missing, or not a photo: a problem at its line already
			}
			uses[ref.File] = append(uses[ref.File], use{a.Path, ref.Line})
			lead[p.Info.Hash] = lead[p.Info.Hash] || i == 0 && a.Lead != nil
		}
	}
	files := slices.Sorted(maps.Keys(uses))
	same := map[string][]string{} // the files of each photo, by its digest, in path order
	var jobs []photo.Job
	for _, file := range files {
		info := content.Photos[file].Info
		if same[info.Hash] == nil {
			jobs = append(jobs, photo.Job{Name: file, Info: info, Plan: photo.Plan(info, lead[info.Hash]),
				Read: func() ([]byte, error) { return fs.ReadFile(fsys, file) }})
		}
		same[info.Hash] = append(same[info.Hash], file)
	}
	cache := &photo.Cache{Dir: b.opts.PhotoCache}
	failed := cache.Ensure(jobs)
	m := render.Media{Photos: render.Photos{}}
	for i, job := range jobs {
		p, err := b.photo(cache, job, failed[i])
		for _, file := range same[job.Info.Hash] {
			if err != nil {
				for _, u := range uses[file] {
					errs.Add(u.article, u.line, "photo %s: %v", file, err)
				}
				continue
			}
			shown := *p
			shown.File = file
			m.Photos[file] = &shown
		}
	}
	rep.Photos, rep.Processed = len(jobs), int(cache.Decodes())
	share, err := shareImage(content.Config)
	if err != nil {
		errs.Warn(load.SitePath, 0, "no share image: %v; pages without a photo of their own are shared without one", err)
	}
	m.Share = share
	return m, errs
}

// photo is a processed photo, its files as the cache holds them; its
// error does not name its file.
func (b *Builder) photo(cache *photo.Cache, job photo.Job, failed error) (*render.Photo, error) {
	if failed != nil {
		if inner := errors.Unwrap(failed); inner != nil { // Ensure's, which names the job
			return nil, inner
		}
		return nil, failed
	}
	p := &render.Photo{File: job.Name, Info: job.Info}
	for _, r := range job.Plan {
		size, ok := cache.Size(job.Info, r) // known from Ensure, which checked the file
		if !ok {
			return nil, fmt.Errorf("the photo cache lost %s; build again", r.Name)
		}
		p.Files = append(p.Files, render.PhotoFile{Rendition: r, Size: size, Cache: cache.Path(job.Info, r)})
	}
	return p, nil
}

// shareImage is the site's share image, the site's titles in every
// language on a plain field, named by what it is drawn from: the titles
// and photo.Version. Drawing it takes some 60 ms, which a build spent
// before any page could be planned; now the titles are only checked
// first, and the image is drawn when its file is made, beside the other
// files. A process draws it once for each set of titles: it is a pure
// function of them.
func shareImage(cfg *load.Config) (*render.Share, error) {
	var titles []string
	for _, l := range cfg.LanguageList() {
		titles = append(titles, l.Title)
	}
	key := fmt.Sprintf("%s\x00%q", photo.Version, titles)
	if s, ok := shares.Load(key); ok {
		return s.(*render.Share), nil
	}
	if err := photo.CheckShareTitles(titles); err != nil {
		return nil, err
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	s := &render.Share{Name: fmt.Sprintf("share-%016x.png", h.Sum64()), Width: photo.ShareWidth, Height: photo.ShareHeight,
		Bytes: drawn(titles)}
	shares.Store(key, s)
	return s, nil
}

var shares sync.Map // of *render.Share, by the titles it shows

// drawn draws the share image of titles when first asked for, and keeps
// it. Drawing fails only if the Go fonts or the PNG encoder do, once the
// titles are checked: that fails the build which asked, and the next
// build draws again.
func drawn(titles []string) func() ([]byte, error) {
	var (
		mu   sync.Mutex
		data []byte
	)
	return func() ([]byte, error) {
		mu.Lock()
		defer mu.Unlock()
		if data != nil {
			return data, nil
		}
		d, err := photo.ShareImage(titles)
		if err == nil {
			data = d
		}
		return d, err
	}
}
