package validate

import (
	"fmt"
	"strings"
	"testing"

	"briefings/internal/load"
)

// A message names a few of the articles that share its key, not all of
// them: when a thousand articles share one URL (a title pasted into every
// file of a day), naming every other one on each of them made messages
// that grew with the square of their number, gigabytes of them at a few
// thousand articles.
func TestCollisionsNameAFew(t *testing.T) {
	for _, n := range []int{2, 4, 5, 1000} {
		var arts []*load.Article
		for i := range n {
			arts = append(arts, &load.Article{Path: fmt.Sprintf("content/en/2025/a%04d.md", i)})
		}
		errs := collisions(arts, func(*load.Article) string { return "same" },
			func(*load.Article) int { return 2 },
			func(*load.Article) string { return "URL /en/2025/09/same/" }, "give one of them a slug of its own")
		if len(errs) != n {
			t.Fatalf("%d articles: %d messages, want one on each", n, len(errs))
		}
		for i, e := range errs {
			m := e.Message
			if len(m) > 300 {
				t.Fatalf("%d articles: a message of %d bytes: %.200s…", n, len(m), m)
			}
			if strings.Contains(m, arts[i].Path) {
				t.Errorf("%d articles: the message on %s names it: %s", n, arts[i].Path, m)
			}
			if !strings.HasSuffix(m, ": give one of them a slug of its own") {
				t.Errorf("%d articles: %s", n, m)
			}
		}
		first := errs[0].Message
		switch n {
		case 2:
			if want := "URL /en/2025/09/same/ is also used by content/en/2025/a0001.md: give one of them a slug of its own"; first != want {
				t.Errorf("got %s\nwant %s", first, want)
			}
		case 4: // every other named, as before
			if !strings.Contains(first, "a0001.md, content/en/2025/a0002.md, content/en/2025/a0003.md:") {
				t.Errorf("%s", first)
			}
		case 5: // one more is named rather than counted
			if !strings.Contains(first, "a0003.md, content/en/2025/a0004.md:") {
				t.Errorf("%s", first)
			}
		case 1000:
			if !strings.Contains(first, "a0003.md and 996 other articles:") {
				t.Errorf("%s", first)
			}
		}
	}
}
