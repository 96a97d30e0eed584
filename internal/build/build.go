// Package build runs the pipeline: load → validate → index → render → write.
// build, check, watch and serve all call Build.
package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"briefings/internal/diag"
	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/render"
	"briefings/internal/validate"
	"briefings/internal/write"
)

// Options say what to build and where.
type Options struct {
	Root    string // the project folder
	FS      fs.FS  // the project's files; nil means Root on disk
	Out     string // the output folder; "" means Root/public
	BaseURL string // replaces site.yaml's base_url when set
	Drafts  bool   // build articles marked draft: true
	DryRun  bool   // check everything, write nothing
	Warn    bool   // report warnings: what an editor should look at
}

// Report says what a build did.
type Report struct {
	Articles int             // published articles
	Files    int             // files of the site
	Written  int             // files written: all of them, or on a rebuild those that changed
	Removed  int             // files of the previous build no longer part of the site
	BasePath string          // the path the site is served under, "/briefings/"
	Warnings diag.List       // problems that do not fail the build
	Weights  []render.Weight // of the pages made, by kind, with the stylesheet
	Budget   int             // the most a page may weigh with the stylesheet, in bytes
	Took     time.Duration   // wall time
}

// Builder builds one project again and again, remembering what it did:
// parsed articles, the templates, and the key of every file it wrote. A
// rebuild is the same pipeline finding most of its work already done: it
// reads only files that changed, renders only outputs whose key changed,
// writes those in place, and deletes outputs that are no longer planned.
type Builder struct {
	opts  Options
	mu    sync.Mutex
	cache load.Cache
	theme *render.Theme
	memo  *render.Memo
	paths map[*load.Article]string // of the articles of the last build
	scale *render.Weights          // weighs this build's pages
	keys  map[string]uint64        // what the output folder holds; nil: unknown, write a fresh folder
	wrote os.FileInfo              // the output's marker as this builder left it
}

// New returns a Builder for a project.
func New(opts Options) *Builder {
	if opts.Out == "" {
		opts.Out = filepath.Join(opts.Root, "public")
	}
	return &Builder{opts: opts, memo: render.NewMemo()}
}

// Build builds a project once, into a fresh output folder.
func Build(opts Options) (Report, error) { return New(opts).Build() }

// Changed tells the builder every project path (slash-separated, from the
// root) that changed since its last build, as the watcher saw them: the
// next build reads those and trusts what it knew of the rest. A build not
// told looks at every file.
func (b *Builder) Changed(paths ...string) { b.cache.Changed(paths...) }

// Out is the output folder.
func (b *Builder) Out() string { return b.opts.Out }

// Build runs the whole pipeline. Content problems come back as a diag.List
// holding every one of them; nothing is written then, and the previous
// output stays as it was.
func (b *Builder) Build() (Report, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	start := time.Now()
	fsys, done, err := projectFS(b.opts)
	if err != nil {
		return Report{}, err
	}
	defer done()
	outputs, rep, err := b.plan(fsys)
	if err != nil {
		return rep, err
	}
	rep.Files = len(outputs)
	err = b.write(outputs, &rep)
	if over := b.scale.Over(); len(over) > 0 {
		err = over.Err() // the pages over budget were not written, nor was anything else
	}
	rep.Weights, rep.Took = b.scale.Summary(), time.Since(start)
	return rep, err
}

// plan loads, validates and indexes the project and lists every output.
func (b *Builder) plan(fsys fs.FS) ([]render.Output, Report, error) {
	content, errs := load.Load(fsys, &b.cache)
	var langs []string
	if content.Config != nil {
		langs = content.Config.Codes()
	}
	theme, terrs := render.LoadTheme(fsys, langs, b.theme)
	errs.Append(terrs)
	var published []*load.Article
	var paths map[*load.Article]string
	if content.Config != nil && content.Countries != nil {
		published = publishedArticles(content.Articles, b.opts.Drafts)
		paths = index.Paths(published, b.paths)
		errs.Append(validate.Content(content, published, paths))
		if b.opts.Warn {
			errs.Append(validate.Warnings(published))
		}
	}
	urls, err := baseURL(content, b.opts.BaseURL)
	if err != nil {
		errs.Add("", 0, "--base-url: %v", err)
	}
	statics, serrs := staticOutputs(fsys)
	errs.Append(serrs)
	rep := Report{Warnings: errs.Warnings().Sort(), Articles: len(published), BasePath: urls.BasePath()}
	if errs.Err() != nil {
		return nil, rep, errs.Err()
	}
	b.theme, b.paths = theme, paths
	b.scale = render.NewWeights(content.Config, stylesheetSize(statics))
	rep.Budget = content.Config.MaxPageKB * 1024
	outputs := render.Plan(index.Build(content, published, paths), theme, urls, b.memo, b.scale)
	if err := collisions(outputs, statics); err != nil {
		return nil, rep, err
	}
	return append(outputs, statics...), rep, nil
}

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

// projectFS is the project's files; close it when done.
func projectFS(opts Options) (fs.FS, func(), error) {
	if opts.FS != nil {
		return opts.FS, func() {}, nil
	}
	p, err := openProject(opts.Root)
	if err != nil {
		return nil, nil, fmt.Errorf("project folder: %w", err)
	}
	return p, func() { p.Close() }, nil
}

func publishedArticles(all []*load.Article, drafts bool) []*load.Article {
	var out []*load.Article
	for _, a := range all {
		if drafts || !a.Draft {
			out = append(out, a)
		}
	}
	return out
}

func baseURL(content *load.Content, override string) (render.URLs, error) {
	if override != "" {
		return render.NewURLs(override)
	}
	if content.Config == nil {
		return render.URLs{}, nil
	}
	return render.NewURLs(content.Config.BaseURL)
}

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
