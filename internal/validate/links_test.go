package validate

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"briefings/internal/load"
)

// Every link of a large site leading nowhere, as when a folder that
// articles link into is renamed, is reported in time linear in the links
// and files: each missing link was compared with every file's name, case
// folded, and each link to a file with every article, which at 20,000
// articles took seconds.
func TestManyBrokenLinks(t *testing.T) {
	const n = 20000
	c := &load.Content{}
	for i := range n {
		a := &load.Article{Path: fmt.Sprintf("content/en/2025/a%05d.md", i), Draft: i == 0}
		switch {
		case i%3 == 0:
			a.Links = []load.Link{{Target: fmt.Sprintf("content/en/2025/gone%05d.md", i), Line: 7}}
		case i%3 == 1:
			a.Links = []load.Link{{Target: fmt.Sprintf("content/en/2025/A%05d.md", i-1), Line: 7}}
		default:
			a.Links = []load.Link{{Target: "content/en/2025/a00000.md", Line: 7}}
		}
		c.Articles = append(c.Articles, a)
		c.Files = append(c.Files, a.Path)
	}
	published := c.Articles[1:]
	start := time.Now()
	errs := Links(c, published, published)
	if took := time.Since(start); took > time.Second {
		t.Errorf("%d links checked in %v", n, took)
	}
	var missing, cased, draft int
	for _, e := range errs {
		switch {
		case strings.Contains(e.Message, "there is no such article; correct the path"):
			missing++
		case strings.Contains(e.Message, "whose name differs in case"):
			cased++
			if want := strings.Replace(strings.TrimPrefix(e.Message, "link to "), "/A", "/a", 1); !strings.Contains(e.Message, ", but there is "+want[:len("content/en/2025/a00000.md")]+",") {
				t.Errorf("%s", e.Message)
			}
		case strings.Contains(e.Message, "it is a draft"):
			draft++
		}
	}
	if missing != 6666 || cased != 6667 || draft != 6666 { // the draft's own link is not checked
		t.Errorf("%d missing, %d differing in case, %d to a draft; want 6666, 6667 and 6666", missing, cased, draft)
	}
}
