package validate

import (
	"fmt"
	"strings"
	"testing"

	"briefings/internal/load"
)

// Every link of a large site leading nowhere, as when a folder that
// articles link into is renamed, is reported, each with what it should
// say: no such file, one whose name differs in case, or a draft.
// BenchmarkManyBrokenLinks times it: each missing link was compared with
// every file's name, case folded, and each link to a file with every
// article, which at 20,000 articles took seconds.
func TestManyBrokenLinks(t *testing.T) {
	c, published := brokenLinks(3000)
	errs := Links(c, published, published)
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
	if missing != 999 || cased != 1000 || draft != 1000 { // the draft's own link is not checked
		t.Errorf("%d missing, %d differing in case, %d to a draft; want 999, 1000 and 1000", missing, cased, draft)
	}
}

func BenchmarkManyBrokenLinks(b *testing.B) {
	c, published := brokenLinks(20000)
	for b.Loop() {
		Links(c, published, published)
	}
}

// brokenLinks is a content of n articles, the first a draft, whose links
// lead in turn to no file, to another's file written in other case, and
// to the draft; and the articles published, all but the draft.
func brokenLinks(n int) (*load.Content, []*load.Article) {
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
	return c, c.Articles[1:]
}
