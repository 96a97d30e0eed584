package render

import "testing"

// unlink drops exactly one anchor, its own, keeping its text and markup:
// a placeholder that begins another's is not that other.
func TestUnlink(t *testing.T) {
	body := `<p><a href="ph-1" title="a &gt; b">one <em>x</em></a>, <a href="ph-10">ten</a>.</p>`
	for ph, want := range map[string]string{
		"ph-1":  `<p>one <em>x</em>, <a href="ph-10">ten</a>.</p>`,
		"ph-10": `<p><a href="ph-1" title="a &gt; b">one <em>x</em></a>, ten.</p>`,
		"ph-2":  body,
	} {
		if got := unlink(body, ph); got != want {
			t.Errorf("unlink %s:\n got %s\nwant %s", ph, got, want)
		}
	}
}
