package load

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// The site is checked out and previewed on Windows and macOS too, whose
// file systems refuse some names and take names that differ only in case,
// or in Unicode normalisation (é as one character or two), for one file.

// devices are the names Windows keeps for devices, with any extension.
var devices = []string{"CON", "PRN", "AUX", "NUL",
	"COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
	"LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³"}

// WindowsName says why Windows cannot hold a file or folder of this name,
// or "" if it can.
func WindowsName(name string) string {
	base, _, _ := strings.Cut(name, ".")
	base = strings.TrimRight(base, " ")
	if len(base) >= 3 && len(base) <= 5 {
		for _, d := range devices {
			if strings.EqualFold(base, d) {
				return fmt.Sprintf("%q is a device name on Windows (like con, nul, aux, com1 and lpt1, with any extension): a copy of the site there cannot hold it", name)
			}
		}
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return fmt.Sprintf("%q ends in a dot or a space, which Windows takes off: a copy of the site there would name it otherwise", name)
	}
	if i := strings.IndexAny(name, `<>:"\|?*`); i >= 0 {
		return fmt.Sprintf("%q holds %q, which Windows does not allow in a name", name, name[i])
	}
	return ""
}

// FoldCase is the key of the names strings.EqualFold takes for one: each
// letter as the least of the letters its case folds with, so that "K",
// "k" and the Kelvin sign have one key. A map by it finds at once the
// name that differs from another only in case.
func FoldCase(s string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, s)
}

// Folder returns a function giving the key under which Windows and macOS
// take a path for the same as another: case folded, in one normalisation.
func Folder() func(string) string {
	fold := cases.Fold()
	return func(p string) string {
		ascii, lower := true, true
		for i := 0; i < len(p); i++ {
			ascii = ascii && p[i] < 0x80
			lower = lower && (p[i] < 'A' || p[i] > 'Z')
		}
		switch {
		case ascii && lower:
			return p
		case ascii:
			return strings.ToLower(p)
		}
		return norm.NFC.String(fold.String(norm.NFD.String(p)))
	}
}
