package render

import (
	"encoding/binary"
	"hash/maphash"
)

// A key fingerprints the data one output shows. Two builds in one process
// give an output the same key only if it would have the same bytes, so the
// memoised build renders only outputs whose key changed.
type key struct{ h maphash.Hash }

var seed = maphash.MakeSeed()

func newKey(kind string, parent ...uint64) *key {
	k := &key{}
	k.h.SetSeed(seed)
	k.str(kind)
	return k.num(parent...)
}

func (k *key) str(ss ...string) *key {
	for _, s := range ss {
		k.h.WriteString(s)
		k.h.WriteByte(0)
	}
	return k
}

func (k *key) num(ns ...uint64) *key {
	var b [8]byte
	for _, n := range ns {
		binary.LittleEndian.PutUint64(b[:], n)
		k.h.Write(b[:])
	}
	return k
}

func (k *key) sum() uint64 { return k.h.Sum64() }
