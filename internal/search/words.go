package search

import (
	"bytes"
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
// time; any other is folded, as fold says. Invisible joiners are left
// out, so that a soft hyphen of pasted text does not cut a word.
func words(s string, f func([]byte)) {
	var w []byte
	n, other := 0, false
	flush := func() {
		if other {
			split(fold(w), f)
		} else if n >= minWord {
			f(w)
		}
		w, n, other = w[:0], 0, false
	}
	for _, r := range s {
		if joiner(r) {
			continue
		}
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

// split calls f with the words of a folded word: the compatibility forms
// of a few letters hold a stop (ŀ is l·) or a space (the ligature ﷺ).
func split(w []byte, f func([]byte)) {
	for len(w) > 0 {
		end := bytes.IndexFunc(w, notWordRune)
		if end < 0 {
			end = len(w)
		}
		if utf8.RuneCount(w[:end]) >= minWord {
			f(w[:end])
		}
		_, size := utf8.DecodeRune(w[end:])
		w = w[end+size:]
	}
}

// joiner tells the invisible characters that join what they stand in:
// the soft hyphen, zero-width joiners and non-joiners, word joiners.
func joiner(r rune) bool {
	return r == '\u00ad' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff'
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
// it, the way static/search.js reads the query: decomposed with the
// compatibility forms of its letters and digits as their plain ones
// (NFKD: full-width Ａ１ as a1, 𝐁𝐚𝐤𝐮 pasted from a styled post as baku,
// ² as 2, ﬁ as fi) and lowercased again, as those may be capitals; with
// no marks on Latin letters ("são" → "sao", "türkiye" → "turkiye", and
// the dot JavaScript leaves of İ, "i̇" → "i"), and no stress marks,
// acute or grave, among those of Cyrillic ones ("влади́мир"); composed
// again (NFC), so that a decomposed й is й, not и; and with the letters
// of folds spelled as readers without them type them. Other scripts
// keep their marks: in many a mark is a letter. What it returns may hold
// stops and spaces, which split cuts at.
func fold(w []byte) []byte {
	d := norm.NFKD.Append(nil, w...)
	out := make([]byte, 0, len(d)) // not d[:0]: a lowercased letter may be longer
	var base byte                  // of the last letter: 'l' Latin, 'c' Cyrillic, or 0
	for i := 0; i < len(d); {
		r, size := utf8.DecodeRune(d[i:])
		i += size
		r = lower(r)
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
	out = out[:0]
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
// readers without them type them: Azerbaijani ə as e; the letters of
// Kazakh, Kyrgyz, Tajik and Uzbek Cyrillic as the Russian letters a
// Russian keyboard types for them (Қазақстан as казакстан); and ё, which
// composing makes of е and a diaeresis, and Greek's final sigma, which
// JavaScript lowercases Σ to at the end of a word. static/search.js has
// the same table, and TestScriptFolds holds them equal.
var folds = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th",
	'ħ': "h", 'ŧ': "t", 'ı': "i", 'ё': "е", 'ς': "σ", 'ə': "e",
	'ә': "а", 'ғ': "г", 'қ': "к", 'ң': "н", 'ө': "о", 'ұ': "у", 'ү': "у", 'һ': "х", 'і': "и",
	'ҳ': "х", 'ҷ': "ч", 'ӣ': "и", 'ӯ': "у", 'ў': "у",
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
