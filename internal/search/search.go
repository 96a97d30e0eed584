// Package search builds the index the site's search page reads in the
// browser: one per language, split so that a first query on a phone
// downloads a small part of it.
//
// Words. Titles, summaries and country names are cut into words (letters,
// marks and digits, at least two of them), put in NFC, lowercased, ё read
// as е. A Cyrillic word is stemmed by the Russian Snowball stemmer, a
// Latin one by the English, whatever the article's language; stop words
// are kept out of the postings. Russian Snowball cuts the н of nouns in
// -ан ("азербайджан" → "азербайджа", "азербайджане" → "азербайджан"):
// such a stem is read as the shorter one (index.go, conflate).
//
// The browser does not stem. Snowball in JavaScript would not fit the
// script's budget, so the index is keyed by what the browser computes
// cheaply: the word as written. Every form the build saw is listed with
// its stem, so "азербайджане" leads to "азербайджан" and to the documents
// of every form of it. A word no document has, "азербайджана", falls back
// to the longest stem listed that begins it, if no more than a short
// ending is left: Russian Snowball only removes endings, so this is the
// stem the build would have made whenever any document has that stem.
// English Snowball turns a final y into i ("family" → "famili"), which
// the fallback tries too.
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
// of older ones as they were. Results are shown newest first, ten at a
// time, so a query fetches the manifest, one shard a word and at most ten
// chunks. Several words mean all of them; the last also matches as a
// prefix of three letters or more, unless a space follows it, so results
// come as the reader types.
package search

import (
	"fmt"
	"strings"
)

// Doc is one story as a language's search finds it.
type Doc struct {
	Title, Summary string
	Href           string // the page's URL path as the site links it, base path included
	Date, DateISO  string // as the page shows it, and for datetime
	Lang           string // the article's language, which may differ from the index's
	Countries      []string
}

// File is one file of an index; Path is relative to the site root.
type File struct {
	Path string
	Data []byte
}

// Part names one file of an index before it is made, and which documents
// its bytes depend on: docs[From:To] of the newest-first list.
type Part struct {
	Path     string
	From, To int
}

const (
	keyLen       = 3    // a word's shard is chosen by its first keyLen letters
	chunkSize    = 64   // documents a chunk: half the files of 32, and a rare word's ten results still cost at most ~150 KB
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

// Parts lists the files of an index of n documents, in the order Files
// returns them: known before the index is made, from n alone.
func Parts(lang string, n int) []Part {
	parts := []Part{{Path: ManifestPath(lang), To: n}}
	for i := range shardCount(n) {
		parts = append(parts, Part{Path: fmt.Sprintf("%ss%d.json", Dir(lang), i), To: n})
	}
	for j := range chunkCount(n) {
		from, to := chunkRange(j, n)
		parts = append(parts, Part{Path: fmt.Sprintf("%sd%d.json", Dir(lang), j), From: from, To: to})
	}
	return parts
}

// chunkRange is where chunk j's documents are in the newest-first list:
// document number id is docs[n-1-id].
func chunkRange(j, n int) (from, to int) {
	return n - min((j+1)*chunkSize, n), n - j*chunkSize
}

// Files makes the index of one language from its documents, newest first.
// The same documents always give the same bytes.
func Files(lang string, docs []Doc) ([]File, error) {
	if lang == "" || strings.ContainsAny(lang, "/\\.") {
		return nil, fmt.Errorf("search: bad language %q", lang)
	}
	n := len(docs)
	ix := newIndex(docs)
	parts := Parts(lang, n)
	files := make([]File, len(parts))
	for i, p := range parts {
		files[i].Path = p.Path
	}
	shards := ix.shards(shardCount(n))
	for i, s := range shards {
		files[1+i].Data = s
	}
	for j := range chunkCount(n) {
		from, to := chunkRange(j, n)
		files[1+len(shards)+j].Data = chunk(lang, docs[from:to])
	}
	files[0].Data = manifest(n, files[1:])
	return files, nil
}
