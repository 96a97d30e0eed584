//go:build unix

package write

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// lockFile takes a lock on f that lasts as long as this process holds it
// open; the kernel drops it when the process dies, however it dies.
func lockFile(f *os.File) { unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) }

// tryLock reports whether no running process holds f's lock.
func tryLock(f *os.File) bool {
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) == nil
}

// writable refuses a commit whose renames or removals would be denied,
// before any of them is taken: each folder they change, or the nearest
// one that is a folder now, must be writable.
func writable(out string, ops []op) error {
	seen := map[string]bool{}
	for _, o := range ops {
		path := o.Put + o.Remove
		dir := filepath.Dir(filepath.Join(out, filepath.FromSlash(path)))
		for !seen[dir] {
			seen[dir] = true
			if info, err := os.Lstat(dir); (err != nil || !info.IsDir()) && within(filepath.Dir(dir), out) {
				dir = filepath.Dir(dir)
				continue
			}
			if err := unix.Access(dir, unix.W_OK|unix.X_OK); err != nil {
				rel, _ := filepath.Rel(out, dir)
				return &os.PathError{Op: "writing to", Path: filepath.Join(filepath.Base(out), rel), Err: err}
			}
		}
	}
	return nil
}
