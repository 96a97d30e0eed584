package build

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// paginationProject is a project of n English stories about one country,
// a day apart, with page_size stories a page.
func paginationProject(n, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- content/site.yaml --\nbase_url: https://example.org/\ndefault_language: en\n"+
		"languages:\n  en: {name: English, title: Briefings}\npage_size: %d\n"+
		"-- content/countries.yaml --\nAZ: {en: Azerbaijan}\n", size)
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, "-- content/en/s%03d.md --\n---\ntitle: Story %d\ndate: %s\ncountries: [AZ]\n---\nText %d.\n",
			i, i, day.AddDate(0, 0, i).Format(time.DateOnly), i)
	}
	return b.String()
}

// A new story changes a list's first page, which shows the newest, and
// its newest numbered page, or makes a new one and changes the one before
// it, whose newer neighbour it becomes: pages are numbered from the
// oldest, so no other page of any list shifts. Readers' and search
// engines' links to a numbered page keep showing the same stories.
func TestNewStoryShiftsNoPage(t *testing.T) {
	for seed := range uint64(12) {
		r := rand.New(rand.NewPCG(seed, 2))
		n, size := r.IntN(30), 1+r.IntN(5)
		before := filepath.Join(t.TempDir(), "before")
		mustBuild(t, Options{Root: newProject(t, paginationProject(n, size)), Out: before})
		after := filepath.Join(t.TempDir(), "after")
		mustBuild(t, Options{Root: newProject(t, paginationProject(n+1, size)), Out: after})
		old, now := tree(t, before), tree(t, after)
		for _, list := range []string{"en/", "en/countries/azerbaijan/", "en/2025/01/"} {
			var changed []string
			for p, data := range now {
				if strings.HasPrefix(p, list+"page/") && strings.Count(strings.TrimPrefix(p, list+"page/"), "/") == 1 && old[p] != data {
					changed = append(changed, p)
				}
			}
			slices.Sort(changed)
			if list == "en/2025/01/" && n+1 > 31 {
				continue // the new story is in February
			}
			// The newest numbered page, and the one before it when the new
			// story starts a page: it was the newest, and led to the first.
			pages := (n + size) / size
			newest := []string{fmt.Sprintf("%spage/%d/index.html", list, pages-1), fmt.Sprintf("%spage/%d/index.html", list, pages)}
			if !isSubset(changed, newest) {
				t.Errorf("seed %d, %d stories %d a page, one added: %s pages changed %v, want only of %v", seed, n, size, list, changed, newest)
			}
		}
	}
}

func isSubset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
