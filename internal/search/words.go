package search

import (
	"hash/fnv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
	"golang.org/x/text/unicode/norm"
)

// minWord is the fewest letters a word needs to be indexed or searched.
const minWord = 2

// words calls f with each word of s as the browser reads the reader's
// query: static/search.js must cut words the same way. The word passed
// is reused after f returns. It is one pass over s, without the copies
// strings.ToLower and FieldsFunc make: this is most of an index's cost.
func words(s string, f func([]byte)) {
	var w []byte
	n, marks := 0, false
	flush := func() {
		if marks { // decomposed letters: compose them, as NFC text has none
			w = norm.NFC.Append(nil, w...)
			n = utf8.RuneCount(w)
		}
		if n >= minWord {
			f(w)
		}
		w, n, marks = w[:0], 0, false
	}
	for _, r := range s {
		if notWordRune(r) {
			flush()
			continue
		}
		r = lower(r)
		marks = marks || unicode.IsMark(r)
		w = utf8.AppendRune(w, r)
		n++
	}
	flush()
}

// notWordRune and lower go the short way for ASCII and Russian letters.
func notWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	case 'А' <= r && r <= 'я':
		return false
	}
	return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsNumber(r)
}

// lower lowercases a letter, and reads ё as е, as readers type it.
func lower(r rune) rune {
	switch {
	case 'A' <= r && r <= 'Z':
		return r + 'a' - 'A'
	case 'А' <= r && r <= 'Я':
		return r + 'а' - 'А'
	case r == 'ё' || r == 'Ё':
		return 'е'
	}
	return unicode.ToLower(r)
}

// stems remembers the stem of every word seen, for the next build in
// this process: Snowball is most of the cost of an index, and a rebuild
// sees the same words again. Cleared when it grows past stemsMax.
var stems = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

const stemsMax = 1 << 20

// stem is the word's Snowball stem by its script, or "" for a stop word.
func stem(w string) string {
	stems.Lock()
	st, ok := stems.m[w]
	stems.Unlock()
	if ok {
		return st
	}
	st = snowball(w)
	stems.Lock()
	if len(stems.m) >= stemsMax {
		clear(stems.m)
	}
	stems.m[w] = st
	stems.Unlock()
	return st
}

func snowball(w string) string {
	switch {
	case strings.IndexFunc(w, isCyrillic) >= 0:
		if russian.IsStopWord(w) {
			return ""
		}
		return russian.Stem(w, true)
	case strings.IndexFunc(w, isLatin) >= 0:
		if english.IsStopWord(w) {
			return ""
		}
		return english.Stem(w, true)
	}
	return w
}

func isCyrillic(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }
func isLatin(r rune) bool    { return unicode.Is(unicode.Latin, r) }

// shardOf is the shard of a word: an FNV-1a hash of the UTF-8 bytes of its
// first keyLen letters, masked by the shard count.
func shardOf(w string, shards int) int {
	key := w
	for i := range w {
		if utf8.RuneCountInString(w[:i]) == keyLen {
			key = w[:i]
			break
		}
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() & uint32(shards-1))
}
