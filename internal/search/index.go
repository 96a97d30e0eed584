package search

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"

	"briefings/internal/par"
)

// An index is made from its stories' words and what their results show,
// each read through one method of Doc: text for the words, shown for a
// result. A rebuild compares those with the last build's, story by story
// (numbers oldest first, so a new story leaves the others' numbers as they
// were), updates the postings of the stems that changed, and encodes
// again only the shards that list those stems and the chunks whose stories
// show something new. The files are the same as a fresh index's: the memo
// only says which of them need encoding again.

// story is what the index knows of one story, by its number.
type story struct {
	text  []string // what text gave: the words are made from it
	forms []int32  // its words' forms in the vocabulary, distinct
	stems []int32  // its forms' stems, distinct, stop words left out
	shown shown
	doc   Doc // what shown was made from: a rebuild compares it, cheaper than making shown again (20 ms of a 10,000-story rebuild)
}

// state is a language's index as the last build made it.
type state struct {
	lang     string
	v        vocab
	stories  []story
	post     [][]int32 // stem → numbers of the stories with it, ascending, before conflation
	refs     []int32   // form → stories with it
	live     int       // forms with stories
	count    int       // shards
	byShard  [][]int32 // shard → forms of the vocabulary in it
	placed   int       // forms of the vocabulary in byShard
	shards   [][]byte
	entries  []map[int32][]byte // shard → its entries, encoded, by stem
	chunks   [][]byte
	sums     []uint64 // FNV-1a of each shard
	docSums  []uint64 // of each chunk
	dirty    []bool   // shards to encode again
	dirtyDoc []bool   // chunks to encode again
	// once: no build comes after, so a story's words are counted as soon
	// as they are read, then dropped with the rest of what only a rebuild
	// compares, and no shard keeps its entries. Keeping them took 13 MB
	// of the live heap's 171 MB peak at 50,000 stories.
	once bool
}

func newState(lang string) *state { return &state{lang: lang, v: newVocab()} }

// fullAbove is how many stories may change their words, or their number,
// before a rebuild makes the postings again rather than update them: an
// update moves the postings after the story's number, a common stem's
// thousands of them.
const fullAbove = 64

// update brings the index to docs, newest first.
func (s *state) update(docs []Doc) {
	n := len(docs)
	s.size(n)
	old := len(s.stories)
	var changed []int
	for id := range min(old, n) {
		d := &docs[n-1-id]
		st := &s.stories[id]
		if !sameDoc(d, &st.doc) {
			st.doc = *d
			if sh := d.shown(); sh != st.shown {
				st.shown = sh
				s.dirtyDoc[id/chunkSize] = true
			}
		}
		if !sameText(d, st.text) {
			changed = append(changed, id)
		}
	}
	if len(changed)+max(n-old, old-n) > fullAbove {
		s.readAll(docs)
		return
	}
	for _, id := range changed {
		s.remove(id)
		s.stories[id] = s.read(&docs[n-1-id])
		s.add(id, true)
	}
	for id := old - 1; id >= n; id-- {
		s.remove(id)
	}
	s.stories = s.stories[:min(old, n)]
	for id := old; id < n; id++ {
		s.stories = append(s.stories, s.read(&docs[n-1-id]))
		s.add(id, true)
	}
}

// size makes room for n stories in the shards and chunks, and marks
// those that a story more or fewer changes.
func (s *state) size(n int) {
	if c := shardCount(n); c != s.count {
		s.count, s.placed = c, 0
		s.byShard = make([][]int32, c)
		s.shards, s.dirty, s.entries = make([][]byte, c), make([]bool, c), make([]map[int32][]byte, c)
		for i := range s.dirty {
			s.dirty[i] = true
		}
	}
	s.chunks = resize(s.chunks, chunkCount(n))
	s.dirtyDoc = resize(s.dirtyDoc, chunkCount(n))
	old := len(s.stories)
	for j := min(old, n) / chunkSize; old != n && j < chunkCount(n); j++ {
		s.dirtyDoc[j] = true // the chunks a new or removed story changes
	}
}

// sameDoc tells whether a story shows what it showed, and is found by
// the same names of its countries.
func sameDoc(a, b *Doc) bool {
	return a.Title == b.Title && a.Summary == b.Summary && a.Href == b.Href && a.Date == b.Date &&
		a.DateISO == b.DateISO && a.Lang == b.Lang && slices.Equal(a.Countries, b.Countries) &&
		slices.Equal(a.CountryHrefs, b.CountryHrefs) && slices.Equal(a.CountryNames, b.CountryNames)
}

// readAll makes the postings again from every story, reusing the words of
// those whose text the last build read.
func (s *state) readAll(docs []Doc) {
	known := make(map[uint64]story, len(s.stories))
	for _, st := range s.stories {
		known[textHash(st.text)] = st
	}
	n := len(docs)
	s.stories = resize(s.stories, n)
	var todo []int // the stories whose text the last build did not read
	for id := range n {
		d := &docs[n-1-id]
		st, ok := known[textHash(texts(d))]
		if !ok || !sameText(d, st.text) {
			todo = append(todo, id)
			continue
		}
		st.shown, st.doc = d.shown(), *d
		s.stories[id] = st
	}
	// Cutting the words was most of an index's time, on one core. They are
	// cut on every core a batch at a time, so that only a batch's are
	// held, and numbered in the vocabulary in the stories' order.
	for at := 0; at < len(todo); at += cutBatch {
		batch := todo[at:min(at+cutBatch, len(todo))]
		cuts := make([]cut, len(batch))
		par.Each(len(batch), func(i int) { cuts[i] = cutWords(&docs[n-1-batch[i]]) })
		for i, id := range batch {
			s.stories[id] = s.readCut(&docs[n-1-id], cuts[i])
			if s.once { // a fresh index: its stories are read in order
				s.add(id, false)
				s.stories[id] = story{shown: s.stories[id].shown}
			}
		}
	}
	if !s.once {
		clear(s.post)
		clear(s.refs)
		s.live = 0
		for id := range s.stories {
			s.add(id, false)
		}
	}
	for i := range s.dirty {
		s.dirty[i], s.entries[i] = true, nil
	}
	for j := range s.dirtyDoc {
		s.dirtyDoc[j] = true
	}
}

// cutBatch is how many stories' words readAll cuts at a time.
const cutBatch = 512

// cut is a story's words in the order its text gives them, one after
// the other in buf, each ending where ends says, with its text and what
// its result shows.
type cut struct {
	buf   []byte
	ends  []int32
	text  []string
	shown shown
}

// cutWords cuts a story's text into words: a pure function of the story,
// safe on any core. All a story's reading that needs no vocabulary is
// done here, on every core: in readCut, on one, the text and the
// result were half its time (cpu profile, 10,000 articles).
func cutWords(d *Doc) cut {
	c := cut{text: texts(d), shown: d.shown()}
	for _, t := range c.text {
		words(t, func(w []byte) {
			c.buf = append(c.buf, w...)
			c.ends = append(c.ends, int32(len(c.buf)))
		})
	}
	return c
}

// read cuts a story into words.
func (s *state) read(d *Doc) story { return s.readCut(d, cutWords(d)) }

// readCut numbers a story's words, cut, in the vocabulary.
func (s *state) readCut(d *Doc, c cut) story {
	st := story{text: c.text, shown: c.shown, doc: *d}
	st.forms = make([]int32, len(c.ends))
	start := int32(0)
	for i, end := range c.ends {
		st.forms[i], start = s.v.form(c.buf[start:end]), end
	}
	slices.Sort(st.forms)
	st.forms = slices.Compact(st.forms)
	for _, f := range st.forms {
		if stem := s.v.formStem[f]; stem != s.v.stop {
			st.stems = append(st.stems, stem)
		}
	}
	slices.Sort(st.stems)
	st.stems = slices.Compact(st.stems)
	return st
}

// add counts story id's words in the postings; remove takes them out.
// Either marks the shards whose bytes may change, unless every shard is
// to be encoded again.
func (s *state) add(id int, mark bool) {
	st := s.stories[id]
	s.grow()
	for _, f := range st.forms {
		if s.refs[f]++; s.refs[f] == 1 {
			s.live++
			if mark {
				s.touchForm(f)
			}
		}
	}
	for _, stem := range st.stems {
		p := s.post[stem]
		if len(p) == 0 || p[len(p)-1] < int32(id) {
			s.post[stem] = append(p, int32(id))
		} else {
			at, _ := slices.BinarySearch(p, int32(id))
			s.post[stem] = slices.Insert(p, at, int32(id))
		}
		if mark {
			s.touchStem(stem)
		}
	}
}

func (s *state) remove(id int) {
	st := s.stories[id]
	for _, f := range st.forms {
		if s.refs[f]--; s.refs[f] == 0 {
			s.live--
			s.touchForm(f)
		}
	}
	for _, stem := range st.stems {
		p := s.post[stem]
		if at, ok := slices.BinarySearch(p, int32(id)); ok {
			s.post[stem] = slices.Delete(p, at, at+1)
		}
		s.touchStem(stem)
	}
}

// grow sizes the postings and counts to the vocabulary.
func (s *state) grow() {
	s.post = resize(s.post, len(s.v.stems))
	s.refs = resize(s.refs, len(s.v.forms))
}

// touchForm marks the form's shard, and forgets the entry it is listed
// in: that of its stem, or of the stem that one is read as.
func (s *state) touchForm(f int32) {
	if int(f) >= s.placed {
		return // marked when placed
	}
	sh := s.v.formKey[f] & uint32(s.count-1)
	s.dirty[sh] = true
	stem := s.v.formStem[f]
	delete(s.entries[sh], stem)
	delete(s.entries[sh], s.v.short[stem])
}

// touchStem marks the shards of every form whose entry shows the stem's
// postings: its own, and those of the stems read as one with it.
func (s *state) touchStem(stem int32) {
	root := stem
	if short := s.v.short[stem]; short >= 0 {
		root = short
	}
	for _, f := range s.v.stemForms[root] {
		s.touchForm(f)
	}
	for _, long := range s.v.longs[root] {
		for _, f := range s.v.stemForms[long] {
			s.touchForm(f)
		}
	}
}

// files encodes what changed and returns every file of the index.
func (s *state) files() []File {
	for f := s.placed; f < len(s.v.forms); f++ {
		sh := s.v.formKey[f] & uint32(s.count-1)
		s.byShard[sh] = append(s.byShard[sh], int32(f))
		s.placed++
		s.touchForm(int32(f))
	}
	s.grow()
	s.sums, s.docSums = resize(s.sums, s.count), resize(s.docSums, len(s.chunks))
	// Each shard and chunk is encoded from what no other changes, on
	// every core: one at a time they were more than a quarter of a fresh
	// index's time (cpu profile, 10,000 articles).
	shards, chunks := marked(s.dirty), marked(s.dirtyDoc)
	par.Each(len(shards), func(k int) {
		i := shards[k]
		s.shards[i] = s.shard(i)
		s.sums[i], s.dirty[i] = sum(s.shards[i]), false
	})
	n := len(s.stories)
	par.Each(len(chunks), func(k int) {
		j := chunks[k]
		s.chunks[j] = chunk(s.lang, s.stories[j*chunkSize:min((j+1)*chunkSize, n)])
		s.docSums[j], s.dirtyDoc[j] = sum(s.chunks[j]), false
	})
	h := fnv.New64a()
	for _, x := range slices.Concat(s.sums, s.docSums) {
		h.Write(binary.LittleEndian.AppendUint64(nil, x))
	}
	version := fmt.Sprintf("%016x", h.Sum64())
	files := make([]File, 0, 1+s.count+len(s.chunks))
	files = append(files, File{ManifestPath(s.lang), manifest(version, n)})
	for i, b := range s.shards {
		files = append(files, File{fmt.Sprintf("%ss%d.json", Dir(s.lang), i), b})
	}
	for j, b := range s.chunks {
		files = append(files, File{fmt.Sprintf("%sd%d.json", Dir(s.lang), j), b})
	}
	return files
}

// marked is the numbers of the marks set.
func marked(marks []bool) []int {
	var on []int
	for i, m := range marks {
		if m {
			on = append(on, i)
		}
	}
	return on
}

// canon is the stem a stem's forms are listed under. Russian Snowball
// takes the н of a noun in -ан, -ян as a verb ending, so "азербайджан" and
// "азербайджана" stem to "азербайджа" but "азербайджане" to "азербайджан";
// so with л, й, в ("китай"), and with -ен and -ит ("йемен", "визит"). A
// stem that is another plus one of those endings is read as that other
// stem, if a story has it.
func (s *state) canon(stem int32) int32 {
	if short := s.v.short[stem]; short >= 0 && len(s.post[short]) > 0 {
		return short
	}
	return stem
}

// stale says the vocabulary holds over four times the forms the stories
// have: a long session of edits made it grow, and a fresh one is smaller.
func (s *state) stale() bool { return len(s.v.forms) > 4*s.live+1<<16 }
