package render

import "testing"

// A list page over the budget is one entry's fault exactly when that
// entry is long and the page, the entry cut to longEntry, would fit.
func TestHeaviest(t *testing.T) {
	const limit = 30 << 10
	long := entry{"content/en/long.md", 5, 20 << 10}
	short := func(n int) []entry {
		var es []entry
		for range n {
			es = append(es, entry{"content/en/short.md", 4, 900})
		}
		return es
	}
	for _, c := range []struct {
		name    string
		entries []entry
		total   int
		want    *entry
	}{
		{"no entries", nil, 40 << 10, nil},
		{"many short entries", short(40), 40 << 10, nil},
		{"one long entry", append(short(5), long), 35 << 10, &long},
		{"one long entry, the page too heavy without it", append(short(5), long), 50 << 10, nil},
		{"an entry just at longEntry", []entry{{"content/en/a.md", 0, longEntry}}, 31 << 10, nil},
	} {
		got := heaviest(c.entries, c.total, limit)
		if (got == nil) != (c.want == nil) || got != nil && *got != *c.want {
			t.Errorf("%s: heaviest is %v, want %v", c.name, got, c.want)
		}
	}
}
