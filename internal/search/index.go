package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// index is what the build learnt of a language's documents: each form
// seen with its stem, and each stem's documents, ascending.
type index struct {
	forms    map[string]string
	postings map[string][]int
}

func newIndex(docs []Doc) *index {
	ix := &index{forms: map[string]string{}, postings: map[string][]int{}}
	// Going newest first, document numbers fall: a stem's last number is
	// the document at hand if it was seen there already.
	for i, d := range docs {
		id := len(docs) - 1 - i
		add := func(b []byte) {
			st, ok := ix.forms[string(b)]
			if !ok {
				w := string(b)
				st = stem(w)
				ix.forms[w] = st
			}
			if p := ix.postings[st]; st != "" && (len(p) == 0 || p[len(p)-1] != id) {
				ix.postings[st] = append(p, id)
			}
		}
		words(d.Title, add)
		words(d.Summary, add)
		for _, c := range d.Countries {
			words(c, add)
		}
	}
	for _, p := range ix.postings {
		slices.Reverse(p)
	}
	ix.conflate()
	return ix
}

// conflate undoes a slip of Russian Snowball: it takes the н of a noun in
// -ан, -ян as a verb ending, so "азербайджан" and "азербайджана" stem to
// "азербайджа" but "азербайджане" to "азербайджан"; so with л, й, в
// ("китай"). A stem that is another plus one of those letters after а or
// я is read as that other stem.
func (ix *index) conflate() {
	canon := map[string]string{}
	for st := range ix.postings {
		last, size := utf8.DecodeLastRuneInString(st)
		short := st[:len(st)-size]
		prev, _ := utf8.DecodeLastRuneInString(short)
		if strings.ContainsRune("нлйв", last) && strings.ContainsRune("ая", prev) && ix.postings[short] != nil {
			canon[st] = short
		}
	}
	for long, short := range canon {
		ix.postings[short] = union(ix.postings[short], ix.postings[long])
		delete(ix.postings, long)
	}
	for f, st := range ix.forms {
		if short, ok := canon[st]; ok {
			ix.forms[f] = short
		}
	}
}

func union(a, b []int) []int {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

// shards encodes the forms and postings of each shard.
func (ix *index) shards(count int) [][]byte {
	byShard := make([]map[string][]string, count) // stem → forms
	for f, st := range ix.forms {
		s := shardOf(f, count)
		if byShard[s] == nil {
			byShard[s] = map[string][]string{}
		}
		byShard[s][st] = append(byShard[s][st], f)
	}
	out := make([][]byte, count)
	for s, stems := range byShard {
		entries := [][]string{}
		for _, st := range slices.Sorted(maps.Keys(stems)) {
			forms := stems[st]
			slices.Sort(forms)
			e := []string{st, string(appendPostings(nil, ix.postings[st]))}
			for _, f := range forms {
				if rest, ok := strings.CutPrefix(f, st); ok {
					e = append(e, rest)
				} else {
					e = append(e, "!"+f)
				}
			}
			entries = append(entries, e)
		}
		out[s] = marshal(entries)
	}
	return out
}

// The digits of postings: a number is written in groups of five bits,
// the last from the first half of the alphabet and any before it from the
// second. Each number is the gap to the previous less one.
const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

func appendPostings(b []byte, ids []int) []byte {
	prev := -1
	for _, id := range ids {
		b = appendNum(b, id-prev-1)
		prev = id
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

// chunk encodes documents of a chunk, oldest first as they are numbered.
func chunk(lang string, docs []Doc) []byte {
	prefix := docs[0].Href
	for _, d := range docs[1:] {
		prefix = commonPrefix(prefix, d.Href)
	}
	prefix = prefix[:strings.LastIndexByte(prefix, '/')+1]
	var list [][]string
	for i := len(docs) - 1; i >= 0; i-- {
		d := docs[i]
		e := []string{d.Title, d.Href[len(prefix):], d.Date, d.DateISO}
		if d.Lang != lang {
			e = append(e, d.Lang)
		}
		list = append(list, e)
	}
	return marshal(struct {
		P string     `json:"p"`
		D [][]string `json:"d"`
	}{prefix, list})
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
func manifest(n int, files []File) []byte {
	h := fnv.New64a()
	for _, f := range files {
		h.Write(f.Data)
	}
	return marshal(struct {
		V string `json:"v"`
		N int    `json:"n"`
		S int    `json:"s"`
		C int    `json:"c"`
		K int    `json:"k"`
	}{fmt.Sprintf("%016x", h.Sum64()), n, shardCount(n), chunkSize, keyLen})
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
