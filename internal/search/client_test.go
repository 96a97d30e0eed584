package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// client reads an index as static/search.js does, and counts the bytes it
// fetches: the tests' model of the browser.
type client struct {
	t       *testing.T
	files   map[string][]byte
	parsed  map[string]any // decoded shards, shared by clients of one index
	lang    string
	fetched map[string]bool
	bytes   int
	m       struct {
		V          string
		N, S, C, K int
	}
}

const (
	pageResults = 10 // results the script shows at first
	maxEnding   = 4  // letters a fallback stem may leave of a word
)

func newClient(t *testing.T, lang string, files []File) *client {
	c := &client{t: t, files: map[string][]byte{}, parsed: map[string]any{}, lang: lang, fetched: map[string]bool{}}
	for _, f := range files {
		c.files[f.Path] = f.Data
	}
	c.get(ManifestPath(lang), &c.m)
	return c
}

// again is a new client of the same index, which has fetched nothing.
func (c *client) again() *client {
	d := *c
	d.fetched, d.bytes = map[string]bool{}, 0
	d.get(ManifestPath(c.lang), &d.m)
	return &d
}

func (c *client) get(path string, v any) {
	c.t.Helper()
	data, ok := c.files[path]
	if !ok {
		c.t.Fatalf("no file %s", path)
	}
	if !c.fetched[path] {
		c.fetched[path] = true
		c.bytes += len(data)
	}
	if v == nil {
		return
	}
	if err := json.Unmarshal(data, v); err != nil {
		c.t.Fatalf("%s: %v", path, err)
	}
}

// entry is a stem of a shard with its postings and forms, decoded.
type entry struct {
	stem  string
	ids   []int
	forms []string
}

func (c *client) shard(w string) []entry {
	path := fmt.Sprintf("%ss%d.json", Dir(c.lang), shardOf(w, c.m.S))
	if e, ok := c.parsed[path]; ok {
		c.get(path, nil)
		return e.([]entry)
	}
	var raw [][]string
	c.get(path, &raw)
	var out []entry
	for _, r := range raw {
		e := entry{stem: r[0], ids: decode(c.t, r[1])}
		for _, f := range r[2:] {
			if whole, ok := strings.CutPrefix(f, "!"); ok {
				e.forms = append(e.forms, whole)
			} else {
				e.forms = append(e.forms, r[0]+f)
			}
		}
		out = append(out, e)
	}
	c.parsed[path] = out
	return out
}

func decode(t *testing.T, s string) []int {
	var ids []int
	v, prev := 0, -1
	for _, ch := range s {
		x := strings.IndexRune(digits, ch)
		if x < 0 {
			t.Fatalf("postings %q: bad digit %q", s, ch)
		}
		v = v*32 + (x & 31)
		if x < 32 {
			prev += v + 1
			ids = append(ids, prev)
			v = 0
		}
	}
	return ids
}

// word returns the documents of one word of a query, and false for a stop
// word; a prefix also matches its completions.
func (c *client) word(w string, prefix bool) ([]int, bool) {
	entries := c.shard(w)
	var ids []int
	found := false
	for _, e := range entries {
		for _, f := range e.forms {
			if f == w && e.stem == "" {
				return nil, false
			}
			if f == w || (prefix && utf8.RuneCountInString(w) >= c.m.K && strings.HasPrefix(f, w)) {
				ids, found = union(ids, e.ids), true
				break
			}
		}
	}
	if found {
		return ids, true
	}
	// English Snowball turns a final y into i: "family", "famili".
	alt := w
	if strings.HasSuffix(w, "y") {
		alt = strings.TrimSuffix(w, "y") + "i"
	}
	best := entry{}
	for _, e := range entries {
		for _, v := range []string{w, alt} {
			rest, ok := strings.CutPrefix(v, e.stem)
			if e.stem != "" && ok && utf8.RuneCountInString(rest) <= maxEnding && len(e.stem) > len(best.stem) {
				best = e
			}
		}
	}
	return best.ids, true
}

// query returns the numbers of the documents matching every word, newest
// first, and fetches the chunks of the first page of them. prefix says
// whether the last word is a prefix, as when no space follows it.
func (c *client) query(q string, prefix bool) []int {
	var ws []string
	words(q, func(w []byte) { ws = append(ws, string(w)) })
	var ids []int
	first := true
	for i, w := range ws {
		got, counts := c.word(w, prefix && i == len(ws)-1)
		if !counts {
			continue
		}
		if first {
			ids, first = got, false
		} else {
			ids = intersect(ids, got)
		}
	}
	ids = slices.Clone(ids)
	slices.Reverse(ids)
	for _, id := range ids[:min(pageResults, len(ids))] {
		c.doc(id)
	}
	return ids
}

// doc fetches a document's chunk and returns what a result shows of it:
// its title, link, dates, summary, countries (each "name href", joined by
// ", ") and, if not the index's, its language.
func (c *client) doc(id int) []string {
	type chunk struct {
		P string
		K [][2]string
		D [][]string
	}
	path := fmt.Sprintf("%sd%d.json", Dir(c.lang), id/c.m.C)
	ch, ok := c.parsed[path].(*chunk)
	if ok {
		c.get(path, nil)
	} else {
		ch = &chunk{}
		c.get(path, ch)
		c.parsed[path] = ch
	}
	d := slices.Clone(ch.D[id%c.m.C])
	d[1] = ch.P + d[1]
	var countries []string
	for _, n := range strings.Fields(d[5]) {
		i, err := strconv.Atoi(n)
		if err != nil || i >= len(ch.K) {
			c.t.Fatalf("%s: country %q of %d", path, n, len(ch.K))
		}
		countries = append(countries, ch.K[i][0]+" "+ch.K[i][1])
	}
	d[5] = strings.Join(countries, ", ")
	return d
}

func intersect(a, b []int) []int {
	var out []int
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			out = append(out, x)
		}
	}
	return out
}

func union(a, b []int) []int {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}
