// Package diag collects problems found in content as "path:line: message",
// all of them at once, in the manner of go/scanner's ErrorList.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
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

func (d Diagnostic) String() string {
	prefix := d.Path
	if d.Line > 0 {
		prefix = fmt.Sprintf("%s:%d", d.Path, d.Line)
	}
	if d.Severity == Warning {
		return prefix + ": warning: " + d.Message
	}
	return prefix + ": " + d.Message
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
