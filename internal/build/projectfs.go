package build

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"

	"briefings/internal/diag"
	"briefings/internal/write"
)

// projectFiles reads a project folder through os.Root, which follows no
// link out of it. A Root opens a path one folder at a time; reading each
// file through a Root of its own folder, opened once for all its files,
// cut the time spent opening 10,000 articles by a quarter (cpu profile).
type projectFiles struct {
	fs.FS // the whole project's Root: Open, ReadDir, Stat
	root  *os.Root
	mu    sync.Mutex
	dirs  map[string]*os.Root
}

func openProject(dir string) (*projectFiles, error) {
	if err := linkedSources(dir); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &projectFiles{FS: root.FS(), root: root, dirs: map[string]*os.Root{}}, nil
}

// linkedSources refuses a source folder that is a link leading out of the
// project: the build reads only the project's own files, and a link to
// anywhere would publish whatever it leads to. A link to a folder inside
// the project is followed, by the build and by the watcher alike.
func linkedSources(dir string) error {
	project, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil // os.OpenRoot says what is wrong
	}
	var errs diag.List
	for _, src := range write.Sources {
		link := filepath.Join(dir, src)
		if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		to, _ := os.Readlink(link)
		real, err := filepath.EvalSymlinks(link)
		switch {
		case err != nil:
			errs.Add(src, 0, "a link to %q, which cannot be read: %v", to, unwrap(err))
		case !within(real, project):
			errs.Add(src, 0, "a link to %q, outside the project folder: the build reads only the project's own files; move the folder into the project (a link to a folder inside it is followed)", real)
		}
	}
	return errs.Err()
}

func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && filepath.IsLocal(rel)
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadFile reads a file; safe for concurrent use.
func (p *projectFiles) ReadFile(name string) ([]byte, error) {
	if dir, base := path.Split(name); dir != "" && fs.ValidPath(name) {
		if r := p.dir(dir[:len(dir)-1]); r != nil {
			if data, err := r.ReadFile(base); err == nil {
				return data, nil
			}
		}
	}
	// The slow way gives errors naming the whole path.
	return fs.ReadFile(p.FS, name)
}

// dir is the Root of a folder of the project, or nil if it cannot be opened.
func (p *projectFiles) dir(name string) *os.Root {
	p.mu.Lock()
	defer p.mu.Unlock()
	r, ok := p.dirs[name]
	if !ok {
		r, _ = p.root.OpenRoot(name)
		p.dirs[name] = r
	}
	return r
}

// ReadLink and Lstat let the loader say where a link in content/ leads,
// without following it.
func (p *projectFiles) ReadLink(name string) (string, error) { return fs.ReadLink(p.FS, name) }

func (p *projectFiles) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(p.FS, name) }

// Close closes every Root it opened.
func (p *projectFiles) Close() error {
	for _, r := range p.dirs {
		if r != nil {
			r.Close()
		}
	}
	return p.root.Close()
}
