package load

import (
	"strings"
	"testing"
)

// FoldCase gives two names one key exactly when strings.EqualFold takes
// them for one.
func TestFoldCase(t *testing.T) {
	names := []string{"content/en/a.md", "content/EN/A.md", "content/en/\u212a.md", "content/en/k.md", "content/en/K.md",
		"content/ru/Статья.md", "content/ru/статья.md", "content/ru/СТАТЬЯ.MD", "content/en/ß.md", "content/en/ẞ.md",
		"content/en/ss.md", "content/en/σ.md", "content/en/ς.md", "content/en/Σ.md", "content/en/é.md", "content/en/e\u0301.md"}
	for _, a := range names {
		for _, b := range names {
			if same, fold := FoldCase(a) == FoldCase(b), strings.EqualFold(a, b); same != fold {
				t.Errorf("%q and %q: one key %v, EqualFold %v", a, b, same, fold)
			}
		}
	}
}
