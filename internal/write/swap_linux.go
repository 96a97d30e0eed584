package write

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts folder tmp at out in one atomic step: RENAME_EXCHANGE trades
// the two folders, so out is never missing, not even for an instant. It
// returns the path that now holds the old site, or "" when there was none.
func swap(tmp, out string) (string, error) {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return tmp, nil
	case errors.Is(err, unix.ENOENT):
		if _, statErr := os.Stat(out); errors.Is(statErr, fs.ErrNotExist) {
			return "", os.Rename(tmp, out)
		}
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return swapByRenames(tmp, out)
	}
	return "", err
}
