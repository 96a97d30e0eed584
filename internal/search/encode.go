package search

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The index's files as the build writes them: shards of postings, chunks
// of what results show, and the manifest.

// shard encodes the forms of a shard that some story has, each under its
// stem with the stem's postings: [stem, postings, form…], by stem.
func (s *state) shard(i int) []byte {
	groups := map[int32][]string{}
	for _, f := range s.byShard[i] {
		if s.refs[f] > 0 {
			c := s.canon(s.v.formStem[f])
			groups[c] = append(groups[c], s.v.forms[f])
		}
	}
	stems := make([]int32, 0, len(groups))
	for c := range groups {
		stems = append(stems, c)
	}
	slices.SortFunc(stems, func(a, b int32) int { return strings.Compare(s.v.stems[a], s.v.stems[b]) })
	known, keep := s.entries[i], map[int32][]byte(nil)
	if !s.once {
		keep = make(map[int32][]byte, len(stems))
	}
	s.entries[i] = keep
	b := []byte{'['}
	for k, c := range stems {
		e, ok := known[c]
		if !ok {
			e = s.entry(c, groups[c])
		}
		if keep != nil {
			keep[c] = e
		}
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, e...)
	}
	return append(b, ']')
}

// entry encodes a stem with its postings and those of its forms in a shard:
// [stem, postings, form…].
func (s *state) entry(c int32, forms []string) []byte {
	st := s.v.stems[c]
	slices.Sort(forms)
	e := []string{st, string(appendPostings(nil, s.postings(c)))}
	for _, f := range forms {
		if rest, ok := strings.CutPrefix(f, st); ok {
			e = append(e, rest)
		} else {
			e = append(e, "!"+f)
		}
	}
	return marshalStrings(e)
}

// marshalStrings is marshal of a list of strings, the short way when no
// string needs escaping, as words (letters, marks, digits) and postings
// never do: a full index is mostly this.
func marshalStrings(list []string) []byte {
	n := 2
	for _, x := range list {
		n += len(x) + 3
		if !plain(x) {
			return marshal(list)
		}
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, x := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(append(b, '"'), x...), '"')
	}
	return append(b, ']')
}

// plain says whether JSON, escaping as marshal does, writes s as it is.
func plain(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r == '\u2028' || r == '\u2029' || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// postings are a listed stem's stories with those of the stems read as it.
func (s *state) postings(c int32) []int32 {
	p := s.post[c]
	merged := false
	for _, long := range s.v.longs[c] {
		if len(s.post[long]) > 0 {
			p, merged = append(slices.Clip(p), s.post[long]...), true
		}
	}
	if merged {
		slices.Sort(p)
		p = slices.Compact(p)
	}
	return p
}

// The digits of postings: a number is written in groups of five bits,
// the last from the first half of the alphabet and any before it from the
// second. Each number is the gap to the previous less one.
const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

func appendPostings(b []byte, ids []int32) []byte {
	prev := -1
	for _, id := range ids {
		b = appendNum(b, int(id)-prev-1)
		prev = int(id)
	}
	return b
}

func appendNum(b []byte, v int) []byte {
	var groups [13]byte
	n := 0
	for {
		groups[n] = byte(v & 31)
		n++
		v >>= 5
		if v == 0 {
			break
		}
	}
	for i := n - 1; i > 0; i-- {
		b = append(b, digits[32+groups[i]])
	}
	return append(b, digits[groups[0]])
}

// chunk encodes the results of a chunk's stories, oldest first as they
// are numbered: each story's title, link (less the prefix the chunk's
// links share), date, summary and countries (their places in the chunk's
// list of countries, each a name and a page), and its language when it is
// not the index's.
func chunk(lang string, stories []story) []byte {
	prefix := stories[0].shown.Href
	for _, st := range stories[1:] {
		prefix = commonPrefix(prefix, st.shown.Href)
	}
	prefix = prefix[:strings.LastIndexByte(prefix, '/')+1]
	list := make([][]string, 0, len(stories))
	countries := [][2]string{}
	place := map[[2]string]int{}
	for _, st := range stories {
		d := st.shown
		var at []string
		parts := strings.Split(d.Countries, "\x00")
		for i := 0; i+1 < len(parts); i += 2 {
			c := [2]string{parts[i], parts[i+1]}
			n, ok := place[c]
			if !ok {
				n = len(countries)
				place[c] = n
				countries = append(countries, c)
			}
			at = append(at, strconv.Itoa(n))
		}
		e := []string{d.Title, d.Href[len(prefix):], d.Date, d.DateISO, d.Summary, strings.Join(at, " ")}
		if d.Lang != lang {
			e = append(e, d.Lang)
		}
		list = append(list, e)
	}
	return marshal(struct {
		P string      `json:"p"`
		K [][2]string `json:"k"`
		D [][]string  `json:"d"`
	}{prefix, countries, list})
}

func commonPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:n]
}

// manifest tells the script how the index is split, and its version: a
// hash of every other file.
func manifest(version string, n int) []byte {
	return marshal(struct {
		V string `json:"v"`
		N int    `json:"n"`
		S int    `json:"s"`
		C int    `json:"c"`
		K int    `json:"k"`
	}{version, n, shardCount(n), chunkSize, keyLen})
}

func sum(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

// resize returns s with n elements, those past its old length zero.
func resize[T any](s []T, n int) []T {
	if n <= len(s) {
		return s[:n]
	}
	return append(s, make([]T, n-len(s))...)
}

// marshal writes JSON with <, > and & escaped, as every JSON file of the
// site: a title's markup stays text wherever the file ends up shown.
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if err := enc.Encode(v); err != nil {
		panic(err) // strings and ints only
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
