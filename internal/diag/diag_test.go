package diag

import (
	"strings"
	"testing"
)

// TestNoRawControls: whatever a name or a message holds, a diagnostic's
// text carries no control or invisible character a terminal would act on,
// and cannot forge a line of its own.
func TestNoRawControls(t *testing.T) {
	for _, name := range []string{"a\nb.md", "e\x1b[2Jx.md", "t\tb.md", "d\x7f.md", "c\u0085.md", "r\u202eevil.md", "l\u2028s.md", "bell\a.md"} {
		var l List
		l.Add("content/en/"+name, 3, "title %q and %s", "x\ry", "0 problems\n\x1b[1A")
		l.Warn("static/"+name, 0, "raw %s", "\x9b31m")
		for _, d := range l {
			s := d.String()
			for _, r := range s {
				if Unsafe(r) {
					t.Errorf("%q: holds %U", s, r)
				}
			}
			if !strings.HasPrefix(s, `"`) {
				t.Errorf("%q: the name is not quoted", s)
			}
		}
		if BadName(name) == "" {
			t.Errorf("%q: BadName accepts it", name)
		}
	}
}

// TestNoFilePrefix: a problem of no file, such as a flag's, has no ": "
// before it.
func TestNoFilePrefix(t *testing.T) {
	var l List
	l.Add("", 0, "--base-url: %s", "bad")
	if got := l[0].String(); got != "--base-url: bad" {
		t.Errorf("got %q", got)
	}
}
