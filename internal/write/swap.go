package write

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// swapByRenames moves the old folder aside, then the new one in. Where the
// file system cannot exchange folders atomically, out is missing between
// the two renames; a killed build's .old- folder is removed by the next.
func swapByRenames(tmp, out string) (string, error) {
	old := filepath.Join(filepath.Dir(tmp), strings.Replace(filepath.Base(tmp), ".new-", ".old-", 1))
	if err := os.Rename(out, old); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", os.Rename(tmp, out)
		}
		return "", err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return "", err
	}
	return old, nil
}
