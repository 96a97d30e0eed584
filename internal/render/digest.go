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
	"unsafe"

	"briefings/internal/load"
)

// A digester fingerprints a value by walking all of it: every field of
// every struct, exported or not, every element, every pointer's target.
// An output's key is the digest of exactly the value its template or
// encoder receives, so a field added to a view is in the key without
// anyone writing a line for it, and two outputs share a key only if they
// would have the same bytes. Views are data: a func, chan or unsafe
// pointer in one is a programming error, refused when its type is first
// seen.
//
// Some values are digested by what made them: a Fragment by its id, the
// digest of its template and data; an article view's Body by BodyOf, what
// its HTML is made of, so that no page's key reads a body's bytes; the
// share image by its name, which says what it is drawn from; and a value
// shared by every page of a language, such as its interface strings, by
// the digest of what it points to, walked once a build (share). Views
// must not change once digested. Safe for concurrent use once shared
// values are given.
type digester struct {
	shared  map[ptrKey]uint64
	sharing []reflect.Type   // the types of the shared values: a pointer of another is not looked up
	read    *[]*load.Article // if not nil, gets every article digested, by its Hash
}

// share walks what p points to once, for every view that holds p.
func (d *digester) share(p any) {
	v := reflect.ValueOf(p)
	sum := d.sum(p)
	if d.shared == nil {
		d.shared = map[ptrKey]uint64{}
	}
	d.shared[ptrKey{v.Type(), v.Pointer()}] = sum
	if !slices.Contains(d.sharing, v.Type()) {
		d.sharing = append(d.sharing, v.Type())
	}
}

// input digests a page's input under its kind and context. The input is
// read where it is: boxed as an any, each page's input was copied once
// more, an eighth of what a rebuild allocated.
func (d *digester) input(kind string, context [4]uint64, in reflect.Value) uint64 {
	h := newHash()
	defer hashes.Put(h)
	writeString(h, kind)
	for _, n := range context {
		writeUint(h, n)
	}
	hasherOf(in.Type())(d, h, in)
	return h.Sum64()
}

// inputReading is input, with the articles the input holds: what of the
// articles, besides their place in the site, its digest reads (their
// Hash). A page whose input reads none that changed has the input it had.
func (d *digester) inputReading(kind string, context [4]uint64, in reflect.Value) (uint64, []*load.Article) {
	read := readings.Get().(*[]*load.Article)
	defer readings.Put(read)
	reading := *d
	reading.read, *read = read, (*read)[:0]
	sum := reading.input(kind, context, in)
	// Each once, in a slice of their number: 13,000 of them are kept.
	slices.SortFunc(*read, func(a, b *load.Article) int {
		return cmp.Compare(uintptr(unsafe.Pointer(a)), uintptr(unsafe.Pointer(b)))
	})
	return sum, slices.Clip(slices.Clone(slices.Compact(*read)))
}

// readings are reused by inputReading: grown from empty for every page,
// they were most of what it allocated.
var readings = sync.Pool{New: func() any { return new([]*load.Article) }}

// sum digests values, each in turn.
func (d *digester) sum(vs ...any) uint64 {
	h := newHash()
	defer hashes.Put(h)
	for _, v := range vs {
		rv := reflect.ValueOf(v)
		if !rv.IsValid() {
			h.WriteByte(0)
			continue
		}
		hasherOf(rv.Type())(d, h, rv)
	}
	return h.Sum64()
}

// hashes are reused: a Hash passed to the hashers escapes, and one made
// for each page's input was a twentieth of what a rebuild allocated
// at 10,000 articles (42.7 MB to 40.3 MB a body edit).
var hashes = sync.Pool{New: func() any { return new(maphash.Hash) }}

func newHash() *maphash.Hash {
	h := hashes.Get().(*maphash.Hash)
	h.SetSeed(seed) // and empties it
	return h
}

// seed makes digests differ from one process to the next: keys are
// compared only within one.
var seed = maphash.MakeSeed()

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

var (
	timeType      = reflect.TypeFor[time.Time]()
	fragmentType  = reflect.TypeFor[Fragment]()
	entryType     = reflect.TypeFor[sitemapEntry]()
	themeType     = reflect.TypeFor[*Theme]()
	articleType   = reflect.TypeFor[*load.Article]()
	fragmentsType = reflect.TypeFor[*fragments]()
	articleView   = reflect.TypeFor[ArticleView]()
	shareType     = reflect.TypeFor[Share]()
)

// makeHasher makes the hasher of a type. Some types are digested by what
// made them, each a pure function of it: a Fragment or a sitemap entry by
// its id, a Theme by
// the hash of the files it was parsed from, an article by the hash of its
// file's path and bytes; and the fragments cache is no input at all.
func makeHasher(t reflect.Type) hasher {
	switch t {
	case timeType:
		return hashTime
	case fragmentType, entryType:
		return func(_ *digester, h *maphash.Hash, v reflect.Value) { writeUint(h, v.Field(1).Uint()) }
	case themeType:
		return byField(t, "Key")
	case articleType:
		return hashArticle
	case fragmentsType:
		return func(*digester, *maphash.Hash, reflect.Value) {}
	case articleView:
		return structHasher(t, "Body")
	case shareType:
		return structHasher(t, "Bytes") // its name says what they are drawn from
	}
	switch t.Kind() {
	case reflect.String:
		return func(d *digester, h *maphash.Hash, v reflect.Value) { writeString(h, v.String()) }
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

// byField digests a pointer by one field of what it leads to.
func byField(t reflect.Type, name string) hasher {
	f, _ := t.Elem().FieldByName(name)
	return func(_ *digester, h *maphash.Hash, v reflect.Value) {
		if v.IsNil() {
			writeUint(h, 0)
			return
		}
		writeUint(h, v.Elem().Field(f.Index[0]).Uint())
	}
}

// hashArticle digests an article by the hash of its file's path and
// bytes, all it was parsed from, and notes it for inputReading.
func hashArticle(d *digester, h *maphash.Hash, v reflect.Value) {
	if v.IsNil() {
		writeUint(h, 0)
		return
	}
	a := (*load.Article)(v.UnsafePointer())
	writeUint(h, a.Hash)
	if d.read != nil {
		*d.read = append(*d.read, a)
	}
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

// structHasher digests every field of a struct but those named skip.
func structHasher(t reflect.Type, skip ...string) hasher {
	fields := make([]hasher, t.NumField())
	for i := range fields {
		if slices.Contains(skip, t.Field(i).Name) {
			fields[i] = func(*digester, *maphash.Hash, reflect.Value) {}
			continue
		}
		fields[i] = hasherOf(t.Field(i).Type)
	}
	return func(d *digester, h *maphash.Hash, v reflect.Value) {
		for i, f := range fields {
			f(d, h, v.Field(i))
		}
	}
}

// pointerHasher digests what a pointer leads to, or the digest of a
// shared value.
func pointerHasher(t reflect.Type) hasher {
	elem := hasherOf(t.Elem())
	return func(d *digester, h *maphash.Hash, v reflect.Value) {
		if v.IsNil() {
			writeUint(h, 0)
			return
		}
		if slices.Contains(d.sharing, t) {
			if sum, ok := d.shared[ptrKey{t, v.Pointer()}]; ok {
				writeUint(h, 2)
				writeUint(h, sum)
				return
			}
		}
		writeUint(h, 1)
		elem(d, h, v.Elem())
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
