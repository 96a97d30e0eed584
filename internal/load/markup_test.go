package load

import (
	"strings"
	"testing"

	"briefings/internal/markupcheck"
)

// TestTableAlignment: each aligned column's cells, header included, carry
// the class the stylesheet aligns them by, and no style or align
// attribute, which the pages' Content-Security-Policy or HTML refuse; a
// column without alignment has no class.
func TestTableAlignment(t *testing.T) {
	a, errs := ParseArticle(at, article("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| 5 |"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{`<th class="l">a</th>`, `<th class="c">b</th>`, `<th class="r">c</th>`, "<th>d</th>",
		`<td class="l">1</td>`, `<td class="c">2</td>`, `<td class="r">3</td>`, "<td>4</td>", `<td class="l">5</td>`} {
		if !strings.Contains(a.HTML, want) {
			t.Errorf("table lacks %s:\n%s", want, a.HTML)
		}
	}
	for _, bad := range []string{"style=", "align="} {
		if strings.Contains(a.HTML, bad) {
			t.Errorf("table holds %s:\n%s", bad, a.HTML)
		}
	}
	if err := markupcheck.HTML([]byte(a.HTML), markupcheck.BodyElements); err != nil {
		t.Error(err)
	}
}
