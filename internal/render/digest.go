package render

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"reflect"
	"slices"
	"sync"
	"time"
)

// digest fingerprints a value by walking all of it: every field of every
// struct, exported or not, every element, every pointer's target. An
// output's key is the digest of exactly the value its template or encoder
// receives, so a field added to a view is in the key without anyone
// writing a line for it, and two outputs share a key only if they would
// have the same bytes. Views are data: a func, chan or unsafe pointer in
// one is a programming error, refused when its type is first seen.
//
// A digester remembers the digest of each struct a pointer leads to, for
// one build: the strings of a language or a story's list entry are shared
// by thousands of pages and walked once. Views must not change once
// digested. Safe for concurrent use.
type digester struct{ ptrs sync.Map }

// sum digests values, each in turn.
func (d *digester) sum(vs ...any) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	for _, v := range vs {
		rv := reflect.ValueOf(v)
		if !rv.IsValid() {
			h.WriteByte(0)
			continue
		}
		hasherOf(rv.Type())(d, &h, rv)
	}
	return h.Sum64()
}

type hasher func(d *digester, h *maphash.Hash, v reflect.Value)

// hashers holds one hasher a type, made on first use, as encoding/json
// keeps one encoder a type.
var hashers sync.Map // reflect.Type → hasher

func hasherOf(t reflect.Type) hasher {
	if f, ok := hashers.Load(t); ok {
		return f.(hasher)
	}
	// A recursive type meets itself while its hasher is made: it gets this
	// stand-in, which waits for the real one.
	var (
		wg   sync.WaitGroup
		real hasher
	)
	wg.Add(1)
	f, loaded := hashers.LoadOrStore(t, hasher(func(d *digester, h *maphash.Hash, v reflect.Value) {
		wg.Wait()
		real(d, h, v)
	}))
	if loaded {
		return f.(hasher)
	}
	real = makeHasher(t)
	wg.Done()
	hashers.Store(t, real)
	return real
}

var timeType = reflect.TypeFor[time.Time]()

func makeHasher(t reflect.Type) hasher {
	if t == timeType {
		return hashTime
	}
	switch t.Kind() {
	case reflect.String:
		return func(_ *digester, h *maphash.Hash, v reflect.Value) { writeString(h, v.String()) }
	case reflect.Bool:
		return func(_ *digester, h *maphash.Hash, v reflect.Value) { writeUint(h, b2u(v.Bool())) }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(_ *digester, h *maphash.Hash, v reflect.Value) { writeUint(h, uint64(v.Int())) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(_ *digester, h *maphash.Hash, v reflect.Value) { writeUint(h, v.Uint()) }
	case reflect.Float32, reflect.Float64:
		return func(_ *digester, h *maphash.Hash, v reflect.Value) { writeUint(h, math.Float64bits(v.Float())) }
	case reflect.Slice, reflect.Array:
		return sequenceHasher(t)
	case reflect.Struct:
		return structHasher(t)
	case reflect.Pointer:
		return pointerHasher(t)
	case reflect.Map:
		return mapHasher(t)
	case reflect.Interface:
		return func(d *digester, h *maphash.Hash, v reflect.Value) {
			if v.IsNil() {
				writeUint(h, 0)
				return
			}
			e := v.Elem()
			writeString(h, e.Type().String())
			hasherOf(e.Type())(d, h, e)
		}
	}
	panic(fmt.Sprintf("render: a view holds a %s, which is not data", t))
}

func sequenceHasher(t reflect.Type) hasher {
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
		return func(_ *digester, h *maphash.Hash, v reflect.Value) {
			writeUint(h, uint64(v.Len()))
			h.Write(v.Bytes())
		}
	}
	elem := hasherOf(t.Elem())
	return func(d *digester, h *maphash.Hash, v reflect.Value) {
		n := v.Len()
		writeUint(h, uint64(n))
		for i := range n {
			elem(d, h, v.Index(i))
		}
	}
}

func structHasher(t reflect.Type) hasher {
	fields := make([]hasher, t.NumField())
	for i := range fields {
		fields[i] = hasherOf(t.Field(i).Type)
	}
	return func(d *digester, h *maphash.Hash, v reflect.Value) {
		for i, f := range fields {
			f(d, h, v.Field(i))
		}
	}
}

// pointerHasher digests what a pointer leads to; a struct's digest is
// remembered by its address.
func pointerHasher(t reflect.Type) hasher {
	elem := hasherOf(t.Elem())
	memo := t.Elem().Kind() == reflect.Struct
	return func(d *digester, h *maphash.Hash, v reflect.Value) {
		if v.IsNil() {
			writeUint(h, 0)
			return
		}
		writeUint(h, 1)
		if !memo {
			elem(d, h, v.Elem())
			return
		}
		addr := ptrKey{t, v.Pointer()}
		if sum, ok := d.ptrs.Load(addr); ok {
			writeUint(h, sum.(uint64))
			return
		}
		var sub maphash.Hash
		sub.SetSeed(seed)
		elem(d, &sub, v.Elem())
		sum := sub.Sum64()
		d.ptrs.Store(addr, sum)
		writeUint(h, sum)
	}
}

type ptrKey struct {
	t    reflect.Type
	addr uintptr
}

// mapHasher digests a map's entries in the order of their keys' digests,
// so that the digest does not depend on Go's map order.
func mapHasher(t reflect.Type) hasher {
	key, val := hasherOf(t.Key()), hasherOf(t.Elem())
	return func(d *digester, h *maphash.Hash, v reflect.Value) {
		type kv struct{ k, v uint64 }
		entries := make([]kv, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			var kh, vh maphash.Hash
			kh.SetSeed(seed)
			vh.SetSeed(seed)
			key(d, &kh, it.Key())
			val(d, &vh, it.Value())
			entries = append(entries, kv{kh.Sum64(), vh.Sum64()})
		}
		slices.SortFunc(entries, func(a, b kv) int { return cmp.Compare(a.k, b.k) })
		writeUint(h, uint64(len(entries)))
		for _, e := range entries {
			writeUint(h, e.k)
			writeUint(h, e.v)
		}
	}
}

// hashTime digests all a time can print: the instant, and the zone's
// name and offset.
func hashTime(_ *digester, h *maphash.Hash, v reflect.Value) {
	t := v.Interface().(time.Time)
	name, offset := t.Zone()
	writeUint(h, uint64(t.UnixNano()))
	writeUint(h, uint64(int64(offset)))
	writeUint(h, b2u(t.Location() == time.UTC))
	writeString(h, name)
}

func writeUint(h *maphash.Hash, n uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], n)
	h.Write(b[:])
}

// writeString writes a string with its length, so that ("ab", "c") and
// ("a", "bc") differ.
func writeString(h *maphash.Hash, s string) {
	writeUint(h, uint64(len(s)))
	h.WriteString(s)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
