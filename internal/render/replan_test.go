package render

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"briefings/internal/index"
	"briefings/internal/load"
)

// TestIndexReadsNoBody: the index, and each article's related stories,
// are the same whatever the fields facts leaves out say, so a save that
// changed only those moved no page, and a rebuild may keep the plan of
// every page whose input does not hold the article.
func TestIndexReadsNoBody(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 1))
		c, arts := bodylessSite(r, 40)
		paths := index.Paths(arts, nil)
		before := index.Build(c, arts, paths)
		related := relatedOf(before)
		for _, a := range arts {
			scramble(r, a)
		}
		after := index.Build(c, arts, paths)
		if !reflect.DeepEqual(before, after) {
			t.Fatalf("seed %d: the index changed with what only bodies give (%v)", seed, bodyFields)
		}
		if !reflect.DeepEqual(related, relatedOf(after)) {
			t.Fatalf("seed %d: related stories changed with what only bodies give (%v)", seed, bodyFields)
		}
	}
}

func relatedOf(s *index.Site) [][]index.Entry {
	var all [][]index.Entry
	for _, a := range s.Articles {
		all = append(all, s.Related(a))
	}
	return all
}

// bodylessSite is a site of n articles in two languages over a few days,
// some translated, about one to three of four countries.
func bodylessSite(r *rand.Rand, n int) (*load.Content, []*load.Article) {
	c := &load.Content{Config: &load.Config{DefaultLanguage: "en",
		Languages: map[string]load.Language{"en": {Name: "English"}, "ru": {Name: "Русский"}}},
		Countries: map[string]*load.Country{}}
	codes := []string{"AM", "AZ", "GE", "KZ"}
	for _, code := range codes {
		c.Countries[code] = &load.Country{Code: code, Slug: code}
	}
	var arts []*load.Article
	for i := range n {
		lang := [2]string{"en", "ru"}[r.IntN(2)]
		a := &load.Article{Lang: lang, Path: fmt.Sprintf("content/%s/2026/%03d.md", lang, i),
			Title: fmt.Sprintf("Story %d", i), Date: time.Date(2026, 3, 1+r.IntN(40), 0, 0, 0, 0, time.UTC),
			Static: r.IntN(10) == 0}
		if r.IntN(3) == 0 {
			a.TranslationKey = fmt.Sprintf("k%d", r.IntN(n/3+1))
		}
		for _, code := range codes {
			if r.IntN(3) == 0 {
				a.Countries = append(a.Countries, code)
			}
		}
		scramble(r, a)
		arts = append(arts, a)
	}
	return c, arts
}

// scramble gives every exported field facts leaves out a new random value.
func scramble(r *rand.Rand, a *load.Article) {
	v := reflect.ValueOf(a).Elem()
	for _, name := range bodyFields {
		f := v.FieldByName(name)
		if !f.CanSet() {
			continue // the body's store, which only Load sets
		}
		n := r.IntN(1000)
		switch f.Kind() {
		case reflect.String:
			f.SetString(fmt.Sprint("text ", n))
		case reflect.Bool:
			f.SetBool(n%2 == 0)
		case reflect.Uint64:
			f.SetUint(uint64(n))
		case reflect.Struct:
			fillStrings(f, n)
		case reflect.Slice:
			s := reflect.MakeSlice(f.Type(), 1+n%3, 1+n%3)
			for i := range s.Len() {
				fillStrings(s.Index(i), n+i)
			}
			f.Set(s)
		default:
			panic(fmt.Sprintf("scramble: no way to change %s, a %s", name, f.Type()))
		}
	}
}

// fillStrings sets a string, or the string and int fields of a struct,
// so that no two scrambled values are alike.
func fillStrings(v reflect.Value, n int) {
	if v.Kind() == reflect.String {
		v.SetString(fmt.Sprint("text ", n))
		return
	}
	for i := range v.NumField() {
		switch f := v.Field(i); {
		case !f.CanSet():
		case f.Kind() == reflect.String:
			f.SetString(fmt.Sprint(v.Type().Field(i).Name, n))
		case f.CanInt():
			f.SetInt(int64(n + i))
		}
	}
}

// TestSwappedIsBuilt: an index with some articles swapped for copies that
// differ in what facts leaves out, and news in their titles and slugs
// too (SamePlace), is the index Build makes of the new articles at their
// new paths, related stories too, and the index swapped from is unchanged.
func TestSwappedIsBuilt(t *testing.T) {
	for seed := range uint64(60) {
		r := rand.New(rand.NewPCG(seed, 2))
		c, arts := bodylessSite(r, 10+r.IntN(60))
		before := index.Build(c, arts, index.Paths(arts, nil))
		swap := map[*load.Article]*load.Article{}
		next := slices.Clone(arts)
		for range 1 + r.IntN(len(arts)/[3]int{1, 4, 20}[r.IntN(3)]+1) { // one, a few or many
			i := r.IntN(len(next))
			a := *next[i]
			scramble(r, &a)
			if !a.Static && r.IntN(2) == 0 {
				a.Title, a.Slug = fmt.Sprintf("Retitled %d", r.IntN(1000)), fmt.Sprintf("retitled-%d", i)
			}
			if !SamePlace(next[i], &a) {
				t.Fatalf("seed %d: %s and its copy are not in the same place", seed, a.Path)
			}
			swap[arts[i]], next[i] = &a, &a // swapped twice, the latest copy counts
		}
		paths := index.Paths(next, nil)
		swapped := before.Swapped(c, swap, paths)
		built := index.Build(c, next, paths)
		if !reflect.DeepEqual(swapped, built) {
			t.Fatalf("seed %d: swapping %d of %d articles made another index than building", seed, len(swap), len(arts))
		}
		if !reflect.DeepEqual(relatedOf(swapped), relatedOf(built)) {
			t.Fatalf("seed %d: swapping changed related stories", seed)
		}
		if again := index.Build(c, arts, index.Paths(arts, nil)); !reflect.DeepEqual(before, again) {
			t.Fatalf("seed %d: swapping changed the index swapped from", seed)
		}
	}
}

// TestIndexPlacesNoTitle: what the index does with the site's news, their
// order, stories, editions and related stories, is the same whatever their
// titles and slugs say, which the structure leaves out (place): a title
// edit moves an article to another path and no page to another place in
// the queue.
func TestIndexPlacesNoTitle(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 3))
		c, arts := bodylessSite(r, 40)
		before := index.Build(c, arts, index.Paths(arts, nil))
		related := relatedOf(before)
		for i, a := range arts {
			if !a.Static {
				a.Title, a.Slug = fmt.Sprintf("Title %d", r.IntN(1000)), fmt.Sprintf("slug-%d-%d", r.IntN(1000), i)
			}
		}
		after := index.Build(c, arts, index.Paths(arts, nil))
		for _, part := range []struct {
			name          string
			before, after any
		}{
			{"articles", before.Articles, after.Articles},
			{"pages", before.Pages, after.Pages},
			{"stories", before.Stories, after.Stories},
			{"editions", before.Editions, after.Editions},
			{"related stories", related, relatedOf(after)},
		} {
			if !reflect.DeepEqual(part.before, part.after) {
				t.Fatalf("seed %d: the index's %s changed with the news' titles and slugs", seed, part.name)
			}
		}
		for _, a := range arts {
			if !a.Static && before.Path(a) == after.Path(a) {
				t.Fatalf("seed %d: %s kept its path %s under a new slug", seed, a.Path, before.Path(a))
			}
		}
	}
}

// TestSamePlace: a news article's title and slug, and what facts leaves
// out, keep its place; its date, countries or story move it, and so does
// a page of the site's title, which its footer link shows.
func TestSamePlace(t *testing.T) {
	news := &load.Article{Lang: "en", Path: "content/en/a.md", Title: "A", Slug: "a",
		Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Countries: []string{"AZ"}}
	page := &load.Article{Lang: "en", Path: "content/en/about.md", Title: "About", Slug: "about", Static: true}
	edit := func(a *load.Article, change func(*load.Article)) *load.Article {
		b := *a
		change(&b)
		return &b
	}
	for _, c := range []struct {
		name string
		a, b *load.Article
		same bool
	}{
		{"news retitled", news, edit(news, func(b *load.Article) { b.Title, b.Slug = "B", "b" }), true},
		{"news body", news, edit(news, func(b *load.Article) { b.Summary = "other" }), true},
		{"news redated", news, edit(news, func(b *load.Article) { b.Date = b.Date.AddDate(0, 0, 1) }), false},
		{"news countries", news, edit(news, func(b *load.Article) { b.Countries = []string{"KZ"} }), false},
		{"news story", news, edit(news, func(b *load.Article) { b.TranslationKey = "k" }), false},
		{"page retitled", page, edit(page, func(b *load.Article) { b.Title, b.Slug = "Who we are", "who-we-are" }), false},
		{"news made a page", news, edit(news, func(b *load.Article) { b.Static = true }), false},
	} {
		if got := SamePlace(c.a, c.b); got != c.same {
			t.Errorf("%s: SamePlace is %v, want %v", c.name, got, c.same)
		}
	}
}
