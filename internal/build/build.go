// Package build runs the pipeline: load → validate → index → render → write.
// build, check, watch and serve all call Build.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
}

// Report says what a build did.
type Report struct {
	Articles int           // published articles
	Files    int           // files written (or that would be)
	Warnings diag.List     // problems that do not fail the build
	Took     time.Duration // wall time
}

// Build runs the whole pipeline once. Content problems come back as a
// diag.List holding every one of them; nothing is written then, and the
// previous output stays as it was.
func Build(opts Options) (Report, error) {
	start := time.Now()
	fsys, err := projectFS(opts)
	if err != nil {
		return Report{}, err
	}
	content, theme, errs := loadAll(fsys)
	var published []*load.Article
	if content.Config != nil && content.Countries != nil {
		published = publishedArticles(content.Articles, opts.Drafts)
		errs.Append(validate.Content(published))
	}
	urls, err := baseURL(content, opts.BaseURL)
	if err != nil {
		errs.Add("", 0, "--base-url: %v", err)
	}
	rep := Report{Warnings: errs.Warnings().Sort(), Articles: len(published)}
	if errs.Err() != nil {
		return rep, errs.Err()
	}
	statics, err := staticFiles(fsys)
	if err != nil {
		return rep, err
	}
	site := index.Build(content, published)
	put, finish := output(opts)
	rep.Files, err = render.Render(site, theme, urls, guardStatic(put, statics))
	if err == nil {
		err = copyStatic(fsys, statics, put)
	}
	err = finish(err)
	rep.Files += len(statics)
	rep.Took = time.Since(start)
	return rep, err
}

func projectFS(opts Options) (fs.FS, error) {
	if opts.FS != nil {
		return opts.FS, nil
	}
	root, err := os.OpenRoot(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("project folder: %w", err)
	}
	// os.Root's FS does not follow links out of the project.
	return root.FS(), nil
}

// loadAll reads content and templates, so that problems in both are reported together.
func loadAll(fsys fs.FS) (*load.Content, *render.Theme, diag.List) {
	content, errs := load.Load(fsys)
	var langs []string
	if content.Config != nil {
		langs = content.Config.Codes()
	}
	theme, terrs := render.LoadTheme(fsys, langs)
	errs.Append(terrs)
	return content, theme, errs.Sort()
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

// output returns where files go and a function that ends the write: commit
// on success, discard on failure.
func output(opts Options) (render.Put, func(error) error) {
	if opts.DryRun {
		return func(string, []byte) error { return nil }, func(err error) error { return err }
	}
	out := opts.Out
	if out == "" {
		out = filepath.Join(opts.Root, "public")
	}
	project := opts.Root
	if opts.FS != nil {
		project = "" // the sources are not on disk
	}
	tx, err := write.Begin(out, project)
	if err != nil {
		return func(string, []byte) error { return err }, func(error) error { return err }
	}
	return tx.Put, func(err error) error {
		if err != nil {
			tx.Abort()
			return err
		}
		return tx.Commit()
	}
}

// staticFiles lists static/, which is copied to the site root as it is.
func staticFiles(fsys fs.FS) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "static" {
				return fs.SkipAll
			}
			return err
		}
		if load.Ignored(d.Name()) && p != "static" && d.Name() != ".nojekyll" && d.Name() != ".well-known" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// guardStatic refuses a generated file that a static file would overwrite.
func guardStatic(put render.Put, statics []string) render.Put {
	set := map[string]bool{}
	for _, s := range statics {
		set[strings.TrimPrefix(s, "static/")] = true
	}
	return func(path string, data []byte) error {
		if set[path] {
			return diag.List{{Path: "static/" + path, Message: "collides with a page the site generates at /" + path + "; rename or remove it"}}
		}
		return put(path, data)
	}
}

func copyStatic(fsys fs.FS, statics []string, put render.Put) error {
	for _, s := range statics {
		data, err := fs.ReadFile(fsys, s)
		if err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
		if err := put(strings.TrimPrefix(s, "static/"), data); err != nil {
			return err
		}
	}
	return nil
}
