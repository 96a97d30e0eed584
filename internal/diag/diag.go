// Package diag collects problems found in content as "path:line: message",
// all of them at once, in the manner of go/scanner's ErrorList.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity tells an error, which fails the build, from a warning, which does not.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem at one place. Line 0 means the file as a whole.
type Diagnostic struct {
	Path     string // slash-separated, relative to the project root
	Line     int
	Message  string
	Severity Severity
}

// String is the diagnostic as printed. A path holding a character that
// could move the cursor, clear the screen or forge a line is printed
// quoted, and such characters in the message are escaped.
func (d Diagnostic) String() string {
	prefix := Name(d.Path)
	if d.Line > 0 {
		prefix = fmt.Sprintf("%s:%d", prefix, d.Line)
	}
	if prefix == "" && d.Severity != Warning {
		return Clean(d.Message) // a problem of no file, such as a flag's
	}
	if d.Severity == Warning {
		return prefix + ": warning: " + Clean(d.Message)
	}
	return prefix + ": " + Clean(d.Message)
}

// Name is a file's path as printed: quoted when it holds a character
// that could move the cursor, clear the screen or forge a line.
func Name(path string) string {
	if !Safe(path) {
		return strconv.QuoteToGraphic(path)
	}
	return path
}

// Unsafe tells the runes that must not reach a terminal as they are:
// control characters (C0, DEL, C1), invisible format characters such as
// bidirectional overrides, and line and paragraph separators.
func Unsafe(r rune) bool {
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp)
}

// Safe reports whether s is valid UTF-8 holding no unsafe rune.
func Safe(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, Unsafe) < 0
}

// Clean escapes what Safe refuses, as Go would in a string: \x1b, \u202e.
func Clean(s string) string {
	if Safe(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case Unsafe(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// List is a set of diagnostics. The zero value is ready to use.
type List []Diagnostic

// Add records an error at path:line.
func (l *List) Add(path string, line int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Message: fmt.Sprintf(format, args...)})
}

// Warn records a warning at path:line.
func (l *List) Warn(path string, line int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Message: fmt.Sprintf(format, args...), Severity: Warning})
}

// Append adds every diagnostic of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders by path, then line, then message, and drops exact repeats.
func (l List) Sort() List {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Message, b.Message))
	})
	return slices.Compact(l)
}

// Errors returns only the diagnostics that fail a build.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Warnings returns only the diagnostics that do not fail a build.
func (l List) Warnings() List {
	var out List
	for _, d := range l {
		if d.Severity == Warning {
			out = append(out, d)
		}
	}
	return out
}

// Err returns the list as an error when it holds at least one error, else nil.
func (l List) Err() error {
	if len(l.Errors()) == 0 {
		return nil
	}
	return l.Errors().Sort()
}

// Error joins every diagnostic, one a line.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// CleanLines is Clean for text of several lines: each is cleaned, and
// the line breaks between them kept.
func CleanLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Clean(l)
	}
	return strings.Join(lines, "\n")
}

// BadName says what is wrong with a file or folder name that no message
// could print as it is, or "" if nothing is.
func BadName(name string) string {
	if !utf8.ValidString(name) {
		return "the name is not valid UTF-8: rename it"
	}
	if i := strings.IndexFunc(name, Unsafe); i >= 0 {
		r, _ := utf8.DecodeRuneInString(name[i:])
		return fmt.Sprintf("the name holds the invisible character %U: rename it with letters, digits, - and _", r)
	}
	return ""
}
