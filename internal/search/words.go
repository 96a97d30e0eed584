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
// A word of ASCII and Russian letters alone is lowercased a letter at a
// time; any other is folded, as fold says.
func words(s string, f func([]byte)) {
	var w []byte
	n, other := 0, false
	flush := func() {
		if other {
			w = fold(w)
			n = utf8.RuneCount(w)
		}
		if n >= minWord {
			f(w)
		}
		w, n, other = w[:0], 0, false
	}
	for _, r := range s {
		if notWordRune(r) {
			flush()
			continue
		}
		r = lower(r)
		other = other || r >= utf8.RuneSelf && (r < 'а' || r > 'я')
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

// fold reads a lowercased word, its ё read as е, as a reader may type
// it, the way static/search.js reads the query: decomposed (NFD); with no marks on
// Latin letters ("são" → "sao", "türkiye" → "turkiye", and the dot
// JavaScript leaves of İ, "i̇" → "i"), and no stress marks, acute or
// grave, among those of Cyrillic ones ("влади́мир"); composed again
// (NFC), so that a decomposed й is й, not и; and with the letters of
// folds spelled as readers without them type them. Other scripts keep
// their marks: in many a mark is a letter.
func fold(w []byte) []byte {
	d := norm.NFD.Append(nil, w...)
	out := d[:0]  // d is read ahead of out
	var base byte // of the last letter: 'l' Latin, 'c' Cyrillic, or 0
	for i := 0; i < len(d); {
		r, size := utf8.DecodeRune(d[i:])
		i += size
		switch {
		case !unicode.IsMark(r):
			base = 0
			if unicode.Is(unicode.Latin, r) {
				base = 'l'
			} else if unicode.Is(unicode.Cyrillic, r) {
				base = 'c'
			}
		case base == 'l', base == 'c' && (r == '\u0301' || r == '\u0300'):
			continue
		}
		out = utf8.AppendRune(out, r)
	}
	c := norm.NFC.Append(nil, out...)
	out = make([]byte, 0, len(c)+4)
	for _, r := range string(c) {
		if s, ok := folds[r]; ok {
			out = append(out, s...)
		} else {
			out = utf8.AppendRune(out, r)
		}
	}
	return out
}

// folds spells the letters that have no parts to decompose into as
// readers without them type them (Azerbaijani ə as e, and the ligatures
// that text copied from a PDF carries, "ﬁnance"); and ё, which composing
// makes of е and a diaeresis, and Greek's final sigma, which JavaScript
// lowercases Σ to at the end of a word. static/search.js has the same
// table.
var folds = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th",
	'ħ': "h", 'ŧ': "t", 'ı': "i", 'ё': "е", 'ς': "σ", 'ə': "e",
	'ﬀ': "ff", 'ﬁ': "fi", 'ﬂ': "fl", 'ﬃ': "ffi", 'ﬄ': "ffl", 'ﬅ': "st", 'ﬆ': "st",
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
func shardOf(w string, shards int) int { return int(shardHash(w) & uint32(shards-1)) }

func shardHash(w string) uint32 {
	key := w
	for i := range w {
		if utf8.RuneCountInString(w[:i]) == keyLen {
			key = w[:i]
			break
		}
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32()
}

// vocab numbers the forms and stems an index has seen, so that postings
// and shards are made with slices rather than maps of strings. Numbers
// are the memo's own: no file depends on them.
type vocab struct {
	formID    map[string]int32
	forms     []string
	formStem  []int32
	formKey   []uint32 // FNV-1a of the form's first keyLen letters; shardOf masks it
	stemID    map[string]int32
	stems     []string
	short     []int32   // the stem this one may be read as (canon), or -1
	longs     [][]int32 // the stems that may be read as this one
	stemForms [][]int32
	stop      int32 // the stem of stop words, ""
}

func newVocab() vocab {
	v := vocab{formID: map[string]int32{}, stemID: map[string]int32{}}
	v.stop = v.stem("")
	return v
}

// form is the number of a word, numbering it and its stem if new.
func (v *vocab) form(w []byte) int32 {
	if id, ok := v.formID[string(w)]; ok {
		return id
	}
	f := string(w)
	id := int32(len(v.forms))
	st := v.stem(stem(f))
	v.formID[f] = id
	v.forms = append(v.forms, f)
	v.formStem = append(v.formStem, st)
	v.formKey = append(v.formKey, shardHash(f))
	v.stemForms[st] = append(v.stemForms[st], id)
	return id
}

// stem numbers a stem, with the shorter one canon may read it as: a
// stem ending in н, л, й or в after а or я, less that letter; or one
// ending in ен or ит, less those two, when three letters are left.
func (v *vocab) stem(st string) int32 {
	if id, ok := v.stemID[st]; ok {
		return id
	}
	id := int32(len(v.stems))
	v.stemID[st] = id
	v.stems = append(v.stems, st)
	v.short = append(v.short, -1)
	v.longs = append(v.longs, nil)
	v.stemForms = append(v.stemForms, nil)
	last, size := utf8.DecodeLastRuneInString(st)
	short := st[:len(st)-size]
	prev, _ := utf8.DecodeLastRuneInString(short)
	switch {
	case st != "" && strings.ContainsRune("нлйв", last) && strings.ContainsRune("ая", prev):
	case (strings.HasSuffix(st, "ен") || strings.HasSuffix(st, "ит")) && utf8.RuneCountInString(st) >= 5:
		short = st[:len(st)-len("ен")] // йемене → йемен, read as йем; визита → визит, as виз
	default:
		return id
	}
	s := v.stem(short)
	v.short[id] = s
	v.longs[s] = append(v.longs[s], id)
	return id
}
