package render

import (
	"fmt"
	"strings"
	"testing"

	"briefings/internal/load"
)

// unlink drops exactly the anchors of its placeholders, keeping their
// text and markup: a placeholder that begins another's is not that other.
func TestUnlink(t *testing.T) {
	body := `<p><a href="ph-1" title="a &gt; b">one <em>x</em></a>, <a href="ph-10">ten</a>.</p>`
	for ph, want := range map[string]string{
		"ph-1":  `<p>one <em>x</em>, <a href="ph-10">ten</a>.</p>`,
		"ph-10": `<p><a href="ph-1" title="a &gt; b">one <em>x</em></a>, ten.</p>`,
		"ph-2":  body,
	} {
		if got := unlink(body, map[string]bool{ph: true}); got != want {
			t.Errorf("unlink %s:\n got %s\nwant %s", ph, got, want)
		}
	}
	if got, want := unlink(body, map[string]bool{"ph-1": true, "ph-10": true}), `<p>one <em>x</em>, ten.</p>`; got != want {
		t.Errorf("unlink both:\n got %s\nwant %s", got, want)
	}
}

// An article whose every link leads to one not published yet, thousands
// of them within max_article_kb, keeps every link's text and no anchor
// but its other one's. BenchmarkUnlinkMany times it: each link was taken
// out of the whole body in turn, which at 12,000 links took six seconds
// an article.
func TestUnlinkMany(t *testing.T) {
	body, n := manyScheduled(t, 3000)
	html, err := body.html()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(html, "<a "); got != 1 {
		t.Errorf("%d links left, want the country's", got)
	}
	if !strings.Contains(html, `story 0 story 1 `) || !strings.Contains(html, fmt.Sprintf("story %d and ", n-1)) {
		t.Errorf("the links' texts are not all there")
	}
}

func BenchmarkUnlinkMany(b *testing.B) {
	body, _ := manyScheduled(b, 15000)
	for b.Loop() {
		if _, err := body.html(); err != nil {
			b.Fatal(err)
		}
	}
}

// manyScheduled is the body of an article with n links to an article not
// published yet, and one to a country's page.
func manyScheduled(t testing.TB, n int) (articleBody, int) {
	var src strings.Builder
	src.WriteString("---\ntitle: A\ndate: 2025-09-03\ncountries: [AZ]\n---\n")
	for i := range n {
		fmt.Fprintf(&src, "[story %d](later.md) ", i)
	}
	src.WriteString("and [the country](/en/countries/azerbaijan/).\n")
	a, errs := load.ParseArticle("content/en/a.md", []byte(src.String()))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	urls, _ := NewURLs("https://example.org/b/")
	paths := make([]string, len(a.Links)) // "": scheduled
	return articleBody{A: a, Paths: paths, URLs: urls}, n
}
