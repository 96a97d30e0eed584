// Package search builds the index the site's search page reads in the
// browser: one per language, split so that a first query on a phone
// downloads a small part of it.
//
// Words. Titles, summaries and country names, in every language of the
// site, are cut into words (letters, marks and digits, at least two of
// them), lowercased and folded as a reader may type them (words.go, fold):
// ё read as е, Latin letters without their accents ("São", "Türkiye",
// "İstanbul" as "sao", "turkiye", "istanbul"; ß as ss, ø as o, ı as i),
// Kazakh, Tajik and Uzbek Cyrillic letters as Russian ones ("Қазақстан" as
// "казакстан"), compatibility forms as plain letters and digits ("Ａ１" as
// "a1"), Cyrillic letters without stress marks, decomposed letters
// composed (NFC), й kept apart from и, soft hyphens and joiners left out.
// The script folds the query the same way, so the index
// holds one form of each word, not one for each way of typing it. A
// Cyrillic word is stemmed by the Russian Snowball stemmer, a Latin one by
// the English, whatever the article's language; stop words are kept out of
// the postings. Russian Snowball cuts the н of nouns in -ан ("азербайджан"
// → "азербайджа", "азербайджане" → "азербайджан"): such a stem is read as
// the shorter one (index.go, canon).
//
// The browser does not stem. Snowball in JavaScript would not fit the
// script's budget, so the index is keyed by what the browser computes
// cheaply: the word as written, folded. Every form the build saw is listed
// with its stem, so "азербайджане" leads to "азербайджан" and to the
// documents of every form of it. A word no document has, "азербайджана",
// falls back to the longest stem listed that begins it, if no more than a
// short ending is left: Russian Snowball only removes endings, so this is
// the stem the build would have made whenever any document has that stem.
// English Snowball turns a final y into i ("family" → "famili"), which the
// fallback tries too.
//
// Files, under {lang}/search/:
//
//   - manifest.json: the number of documents, shards and chunks, and a
//     version, added to the other files' URLs so that no cache mixes two
//     builds. A few hundred bytes.
//   - s{i}.json: shard i of the words, chosen by an FNV-1a hash of a
//     word's first three letters: a typed prefix of three letters or more
//     finds all its completions in one shard. A shard is a list of
//     [stem, postings, form…]: each form is written as its ending after
//     the stem, or whole after a "!"; an entry with an empty stem lists
//     the stop words. Postings are document numbers, ascending, as gaps in
//     a base-32 varint of letters (one character for a gap under 32).
//   - d{j}.json: chunk j of the documents, chunkSize of them, with what a
//     result shows: title, link, date, and language when it is not the
//     index's. Links are written after a prefix the chunk's links share.
//
// Documents are numbered oldest first, so a new article leaves the chunks
// of older ones as they were, and the numbers the shards list. A Memo keeps
// each language's index from one build to the next: a rebuild updates the
// postings of the stories whose words changed, and encodes again only the
// shards that list those stems and the chunks whose results changed. A
// story deleted, or dated among the older ones, renumbers those after it:
// the postings are made again from the words the memo kept, every shard
// after it changes, and the chunks from its own on. Results are shown newest first, ten at a
// time, so a query fetches the manifest, one shard a word and at most ten
// chunks. Several words mean all of them; the last also matches as a
// prefix of three letters or more, unless a space follows it, so results
// come as the reader types. A shorter last word matches only whole: if
// nothing is found, the page asks for more letters, not saying that no
// story has them.
package search

import (
	"fmt"
	"hash/maphash"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Doc is one story as a language's search finds it.
type Doc struct {
	Title, Summary string
	Href           string // the page's URL path as the site links it, base path included
	Date, DateISO  string // as the page shows it, and for datetime
	Lang           string // the article's language, which may differ from the index's
	Countries      []string
	CountryHrefs   []string // the page of each country, as Href; "" or missing: none
	CountryNames   []string // the countries' names in the site's other languages: found, not shown
}

// text gives each text of a story that is cut into words: all the index
// reads of it for its shards, and all the memo compares to know that its
// words are the same.
func (d *Doc) text(f func(string)) {
	f(d.Title)
	f(d.Summary)
	for _, c := range d.Countries {
		f(c)
	}
	for _, c := range d.CountryNames {
		f(c)
	}
}

// texts is what text gives.
func texts(d *Doc) []string {
	var out []string
	d.text(func(s string) { out = append(out, s) })
	return out
}

// sameText says whether text gives was: cheap when the story is the one
// the last build read, whose strings are the same.
func sameText(d *Doc, was []string) bool {
	i, same := 0, true
	d.text(func(s string) {
		same = same && i < len(was) && was[i] == s
		i++
	})
	return same && i == len(was)
}

func textHash(texts []string) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	for _, s := range texts {
		h.WriteString(s)
		h.WriteByte(0)
	}
	return h.Sum64()
}

var seed = maphash.MakeSeed()

// shown is what a result shows of a story: all a chunk reads of it.
type shown struct {
	Title, Href, Date, DateISO, Lang, Summary string
	Countries                                 string // each country's name and page, each followed by a NUL
}

func (d *Doc) shown() shown {
	var cs strings.Builder
	for i, c := range d.Countries {
		href := ""
		if i < len(d.CountryHrefs) {
			href = d.CountryHrefs[i]
		}
		cs.WriteString(c + "\x00" + href + "\x00")
	}
	return shown{d.Title, d.Href, d.Date, d.DateISO, d.Lang, Snippet(d.Summary), cs.String()}
}

// snippetLen is the most letters of a summary a result shows: its words
// are all searched, but the whole summary would double what a first query
// downloads, and the story's page has it.
const snippetLen = 160

// Snippet is a summary cut after a word to at most snippetLen letters,
// with an ellipsis when cut: as a result shows it, and as lists and a
// page's description do.
func Snippet(s string) string {
	if utf8.RuneCountInString(s) <= snippetLen {
		return s
	}
	word, hard, n := 0, 0, 0 // the last space and where the letters run out
	for i, r := range s {
		if n == snippetLen-1 {
			hard = i
			break
		}
		if unicode.IsSpace(r) && n > 0 {
			word = i
		}
		n++
	}
	if word == 0 { // one long word
		return s[:hard] + "…"
	}
	return strings.TrimRightFunc(s[:word], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}

// File is one file of an index; Path is relative to the site root.
type File struct {
	Path string
	Data []byte
}

const (
	keyLen       = 3    // a word's shard is chosen by its first keyLen letters
	chunkSize    = 32   // documents a chunk: with summaries, a rare word's ten results cost under 200 KB
	docsPerShard = 64   // about how many documents' words a shard holds
	maxShards    = 4096 // a power of two
)

// shardCount is a power of two, so the browser picks a shard with a mask.
func shardCount(n int) int {
	s := 1
	for s*docsPerShard < n && s < maxShards {
		s *= 2
	}
	return s
}

func chunkCount(n int) int { return (n + chunkSize - 1) / chunkSize }

// Dir is the folder of a language's index, relative to the site root.
func Dir(lang string) string { return lang + "/search/" }

// ManifestPath is the file the search page's script reads first.
func ManifestPath(lang string) string { return Dir(lang) + "manifest.json" }

// Memo keeps each language's index as the last build made it, for the
// next build of the same site: the zero Memo is empty. Safe for
// concurrent use.
type Memo struct {
	mu    sync.Mutex
	langs map[string]*state
}

// Files makes the index of one language from its documents, newest first:
// the same documents always give the same bytes, whatever the memo held.
// The files' bytes are the memo's until its next call: read, not changed.
func (m *Memo) Files(lang string, docs []Doc) ([]File, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.langs == nil {
		m.langs = map[string]*state{}
	}
	s := m.langs[lang]
	if s == nil || s.stale() {
		s = newState(lang)
		m.langs[lang] = s
	}
	s.update(docs)
	return s.files(), nil
}

// Files makes the index of one language afresh, for a build with none
// after it: the same files as a Memo's, from an index that keeps of each
// story only what its result shows once its words are counted.
func Files(lang string, docs []Doc) ([]File, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	s := newState(lang)
	s.once = true
	s.size(len(docs))
	s.readAll(docs)
	return s.files(), nil
}

func checkLang(lang string) error {
	if lang == "" || strings.ContainsAny(lang, "/\\.") {
		return fmt.Errorf("search: bad language %q", lang)
	}
	return nil
}
