package render

import (
	"fmt"
	"html/template"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"briefings/internal/i18n"
	"briefings/internal/load"
)

// fill sets every leaf of v, a settable value, to a random value, and
// gives every slice and map a few elements and every pointer a target.
func fill(r *rand.Rand, v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d", r.IntN(1<<30)))
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 1)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(r.Int64N(1 << 40))
	case reflect.Uint, reflect.Uint64, reflect.Uint32, reflect.Uint8:
		v.SetUint(r.Uint64N(200))
	case reflect.Pointer:
		if depth > 6 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(r, v.Elem(), depth+1)
	case reflect.Slice:
		n := 1 + r.IntN(3)
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(r, v.Index(i), depth+1)
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range 1 + r.IntN(3) {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(r, k, depth+1)
			fill(r, e, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		if v.Type() == timeType {
			v.Set(reflect.ValueOf(time.Unix(r.Int64N(1<<32), 0).UTC()))
			return
		}
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				fill(r, f, depth+1)
			}
		}
	}
}

// leaves lists a settable value's exported leaves: strings, numbers and
// booleans, each reached through fields, elements and pointers. A
// Fragment's HTML is left out: the fragment is digested by its id, the
// digest of the template and data that made its HTML
// (TestFragmentsAreTheirIDs).
// An article is digested by its Hash, a theme by its Key: the fingerprints
// of the files they were made of. An article view's Body is digested by
// BodyOf, what it is made of (TestBodyIsWhatMadeIt).
func leaves(v reflect.Value, out *[]reflect.Value) {
	switch v.Type() {
	case fragmentType, entryType, fragmentsType:
		return
	case articleView:
		for i := range v.NumField() {
			if v.Type().Field(i).Name != "Body" {
				leaves(v.Field(i), out)
			}
		}
		return
	case articleType, themeType:
		if !v.IsNil() {
			*out = append(*out, v.Elem().FieldByName(map[reflect.Type]string{articleType: "Hash", themeType: "Key"}[v.Type()]))
		}
		return
	}
	switch v.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Int32,
		reflect.Uint, reflect.Uint64, reflect.Uint32, reflect.Uint8:
		*out = append(*out, v)
	case reflect.Pointer:
		if !v.IsNil() {
			leaves(v.Elem(), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			leaves(v.Index(i), out)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			return
		}
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				leaves(f, out)
			}
		}
	}
}

// bump changes a leaf.
func bump(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(v.Int() + 1)
	default:
		v.SetUint(v.Uint() + 1)
	}
}

// TestDigestSeesEveryField is the property keys rest on: change any one
// field anywhere in a page's view, and its digest changes. Views are
// filled at random, every field of every kind of page at once, so a
// field added to a view is covered without this test knowing its name.
func TestDigestSeesEveryField(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 1))
		pg := &Page{}
		fill(r, reflect.ValueOf(pg).Elem(), 0)
		pg.T = &i18n.Strings{}
		fill(r, reflect.ValueOf(pg.T).Elem(), 0)
		seesEveryField(t, seed, pg)
		// And what article and list views are made of.
		for _, in := range []any{&articleInput{}, &listInput{}, &feed{}} {
			v := reflect.ValueOf(in).Elem()
			fill(r, v, 0)
			seesEveryField(t, seed, in)
		}
	}
}

func seesEveryField(t *testing.T, seed uint64, pg any) {
	{
		var d digester
		before := d.sum(pg)
		if again := d.sum(pg); again != before {
			t.Fatalf("seed %d: two digests of one view differ", seed)
		}
		var all []reflect.Value
		leaves(reflect.ValueOf(pg).Elem(), &all)
		if len(all) < 10 {
			t.Fatalf("seed %d: only %d leaves in a filled %T", seed, len(all), pg)
		}
		for i, leaf := range all {
			old := reflect.ValueOf(leaf.Interface())
			bump(leaf)
			if d.sum(pg) == before {
				t.Errorf("seed %d: changing leaf %d (%s, was %v) of a %T left the digest as it was", seed, i, leaf.Type(), old, pg)
			}
			leaf.Set(old)
		}
		if d.sum(pg) != before {
			t.Fatalf("seed %d: the view put back has another digest", seed)
		}
	}
}

func TestFragmentsAreTheirIDs(t *testing.T) {
	var d digester
	if d.sum(Fragment{"a", 1}) == d.sum(Fragment{"a", 2}) {
		t.Errorf("fragments of two ids share a digest")
	}
	th := Theme{layout: template.Must(template.New("layout").Parse(`{{define "item"}}{{.Title}}{{end}}{{define "related-item"}}{{.Title}}{{end}}`))}
	f := &fragments{s: &siteView{Theme: &th}, dig: &d, memo: &generation[uint64, string]{}}
	a, _ := f.render("item", Item{Title: "a"})
	b, _ := f.render("item", Item{Title: "b"})
	c, _ := f.render("related-item", Item{Title: "a"})
	if a.id == b.id || a.id == c.id {
		t.Errorf("a fragment's id does not follow its data and template: %d %d %d", a.id, b.id, c.id)
	}
	th.Key++
	if a2, _ := f.render("item", Item{Title: "a"}); a2.id == a.id {
		t.Errorf("a fragment's id does not follow the templates")
	}
}

// A string cut at another place, or a value moved from one field to the
// next, is another view.
func TestDigestKeepsBoundaries(t *testing.T) {
	var d digester
	if d.sum(Link{Label: "ab", Href: "c"}) == d.sum(Link{Label: "a", Href: "bc"}) {
		t.Errorf("strings run together")
	}
	if d.sum([]string{"a", "b"}, []string{}) == d.sum([]string{"a"}, []string{"b"}) {
		t.Errorf("slices run together")
	}
	var none *Link
	if d.sum(none) == d.sum(&Link{}) {
		t.Errorf("a nil pointer digests as an empty value")
	}
}

func TestDigestOfMapsIgnoresOrder(t *testing.T) {
	var d digester
	a := map[string]string{}
	b := map[string]string{}
	for i := range 50 {
		a[fmt.Sprint(i)] = fmt.Sprint(i * i)
	}
	for i := 49; i >= 0; i-- {
		b[fmt.Sprint(i)] = fmt.Sprint(i * i)
	}
	if d.sum(a) != d.sum(b) {
		t.Errorf("one map, two digests")
	}
	b["7"] = "x"
	if d.sum(a) == d.sum(b) {
		t.Errorf("a changed map has the same digest")
	}
}

// Views are data: a func in one is refused when its type is first seen.
func TestDigestRefusesFuncs(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("a func was digested")
		}
	}()
	var d digester
	d.sum(struct{ F func() }{})
}

// A page's key digests an article's body by what makes it, never by its
// bytes: the view's Body is a function of BodyOf, so the key still
// follows every change to the body.
func TestBodyIsWhatMadeIt(t *testing.T) {
	a, errs := load.ParseArticle("content/en/a.md", []byte("---\ntitle: A\ndate: 2025-09-03\ncountries: [AZ]\n---\nSee [b](b.md) and [the country](/en/countries/azerbaijan/).\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	urls, _ := NewURLs("https://example.org/b/")
	of := articleBody{A: a, Paths: []string{"en/2025/09/b/", ""}, URLs: urls}
	body := func(of articleBody) ArticleView {
		html, err := of.html()
		if err != nil {
			t.Fatal(err)
		}
		return ArticleView{Body: trustedHTML(html), BodyOf: of}
	}
	v, w := body(of), body(of)
	if v.Body != w.Body {
		t.Fatalf("one BodyOf made two bodies:\n%s\n%s", v.Body, w.Body)
	}
	for _, want := range []string{`href="/b/en/2025/09/b/"`, `href="/b/en/countries/azerbaijan/"`} {
		if !strings.Contains(string(v.Body), want) {
			t.Errorf("body lacks %s:\n%s", want, v.Body)
		}
	}
	var d digester
	before := d.sum(&v)
	w.Body += "x"
	if d.sum(&w) != before {
		t.Errorf("the digest reads the body's bytes")
	}
	moved := of
	moved.Paths = []string{"en/2025/10/b/", ""}
	if w = body(moved); d.sum(&w) == before || v.Body == w.Body {
		t.Errorf("a link's new target left the body or its digest as it was")
	}
	abs := of
	abs.Abs = true
	html, err := abs.html()
	if err != nil || !strings.Contains(html, `href="https://example.org/b/en/2025/09/b/"`) {
		t.Errorf("a feed's body has no absolute links (%v):\n%s", err, html)
	}
}
