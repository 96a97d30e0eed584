package search

import (
	"fmt"
	"maps"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// Word lists for synthetic news: common words by frequency, and syllables
// for names, which give a large vocabulary as real news has.
var (
	ruWords = strings.Fields(`МККК в и на по с Красного Креста Международного комитета делегации делегация
		президент президента правительства гуманитарной гуманитарного помощи сотрудничество встреча встречи
		министр министра иностранных дел обсудили принял заявил отметил подчеркнул вопросы вопросов беженцев
		задержанных пропавших без вести семей семьи конфликта мин разминирования воды здравоохранения больницы
		района районов населения жителей поддержки стороны провели подписали меморандум программы региона
		Азербайджана Азербайджане Казахстана Казахстане Армении Грузии Кыргызстана Узбекистане Таджикистана
		права международного гуманитарное право защиты детей женщин пострадавших продолжит работу года`)
	enWords = strings.Fields(`the ICRC of and in to a on for with Red Cross International Committee delegation
		president government humanitarian assistance cooperation meeting minister foreign affairs discussed
		received said noted stressed issues refugees detainees missing persons families conflict mines clearance
		water health hospital district population residents support sides held signed memorandum programme
		region Azerbaijan Kazakhstan Armenia Georgia Kyrgyzstan Uzbekistan Tajikistan law protection children
		women affected continue work year visited visits delegates authorities released`)
	ruSyll, enSyll = strings.Fields("ка ра ли мо не та зу ба ги ро ша ев ов ин ар ус"), strings.Fields("ka ra li mo ne ta zu ba gi ro sha ev ov in ar us")
	ruEnds         = []string{"", "а", "у", "ом", "е", "ой", "ы"}
)

// synthetic makes n news stories, newest first, two thirds of them Russian.
func synthetic(n int, seed int64) []Doc {
	r := rand.New(rand.NewSource(seed))
	zr := rand.NewZipf(r, 1.2, 2, uint64(len(ruWords)-1))
	ze := rand.NewZipf(r, 1.2, 2, uint64(len(enWords)-1))
	docs := make([]Doc, n)
	for i := range docs {
		ru := r.Intn(3) > 0
		text := func(words int) string {
			var b []string
			for range words {
				switch {
				case r.Intn(8) == 0 && ru:
					b = append(b, name(r, ruSyll)+ruEnds[r.Intn(len(ruEnds))])
				case r.Intn(8) == 0:
					b = append(b, name(r, enSyll))
				case ru:
					b = append(b, ruWords[zr.Uint64()])
				default:
					b = append(b, enWords[ze.Uint64()])
				}
			}
			return strings.Join(b, " ")
		}
		lang := map[bool]string{true: "ru", false: "en"}[ru]
		day := 3650 - i*3650/max(n, 1)
		slug := strings.ReplaceAll(name(r, enSyll)+"-"+name(r, enSyll)+"-"+name(r, enSyll), " ", "-")
		docs[i] = Doc{Title: text(6 + r.Intn(7)), Summary: text(20 + r.Intn(20)), Lang: lang,
			Href:    fmt.Sprintf("/briefings/%s/%04d/%02d/%s-%d/", lang, 2016+day/365, 1+day%365/31, slug, i),
			Date:    fmt.Sprintf("%d сентября %d", 1+day%28, 2016+day/365),
			DateISO: fmt.Sprintf("%04d-%02d-%02d", 2016+day/365, 1+day%365/31, 1+day%28)}
		c := r.Intn(4)
		docs[i].Countries = []string{[]string{"Азербайджан", "Казахстан", "Армения", "Грузия"}[c]}
		docs[i].CountryNames = []string{[]string{"Azerbaijan", "Kazakhstan", "Armenia", "Georgia"}[c]}
	}
	return docs
}

// name is a made-up proper name, two to four syllables.
func name(r *rand.Rand, syll []string) string {
	var b strings.Builder
	for range 2 + r.Intn(3) {
		b.WriteString(syll[r.Intn(len(syll))])
	}
	return b.String()
}

func total(files []File) (n int) {
	for _, f := range files {
		n += len(f.Data)
	}
	return n
}

// TestFirstQueryBudget builds the index of 10,000 stories and checks what
// a first query downloads: the manifest, the shards of its words and the
// chunks of the ten results it shows first, under 300 KB for a typical
// word, the most common, every other word of the index, and three words.
func TestFirstQueryBudget(t *testing.T) {
	const budget = 300_000
	small := build(t, "ru", news)
	t.Logf("5 docs: %d files, %d bytes", len(small), total(small))
	files := build(t, "ru", synthetic(10_000, 42))
	biggest := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Path, "manifest.json") {
			biggest = max(biggest, len(f.Data))
		}
	}
	t.Logf("10,000 docs: %d files, %d bytes; the largest %d bytes", len(files), total(files), biggest)
	first := newClient(t, "ru", files)
	cost := func(q string, prefix bool) (bytes, results int) {
		c := first.again()
		results = len(c.query(q, prefix))
		return c.bytes, results
	}
	for _, q := range []string{"делегация", "МККК", "Азербайджане", "humanitarian", "гуманитарной помощи Казахстана", "гум"} {
		bytes, results := cost(q, q == "гум")
		t.Logf("first query %q: %d results, %d bytes", q, results, bytes)
		if results == 0 || bytes > budget {
			t.Errorf("first query %q: %d results, %d bytes fetched, budget %d", q, results, bytes, budget)
		}
	}
	forms := vocabulary(synthetic(10_000, 42))
	worst, worstForm := 0, ""
	for _, f := range forms {
		if b, _ := cost(f, false); b > worst {
			worst, worstForm = b, f
		}
	}
	t.Logf("the costliest first query of %d words: %q, %d bytes", len(forms), worstForm, worst)
	if worst > budget {
		t.Errorf("first query %q fetches %d bytes, budget %d", worstForm, worst, budget)
	}
}

// vocabulary is every form of the documents' words, sorted.
func vocabulary(docs []Doc) []string {
	seen := map[string]bool{}
	for i := range docs {
		docs[i].text(func(t string) { words(t, func(w []byte) { seen[string(w)] = true }) })
	}
	return slices.Sorted(maps.Keys(seen))
}

// BenchmarkRebuild is the index of 10,000 stories made again after one
// edit, as a rebuild makes it, and made afresh.
func BenchmarkRebuild(b *testing.B) {
	model := synthetic(1, 43)[0]
	edits := map[string]func(docs []Doc, i int) []Doc{
		"title": func(docs []Doc, i int) []Doc {
			docs[5000].Title = fmt.Sprintf("правка%d %s", i, model.Title)
			return docs
		},
		"new": func(docs []Doc, i int) []Doc {
			d := model
			d.Title, d.Href = fmt.Sprintf("новость%d %s", i, d.Title), fmt.Sprintf("%s%d/", d.Href, i)
			return slices.Insert(docs, 0, d)
		},
		"delete": func(docs []Doc, i int) []Doc { // and put back: the older stories' numbers move
			if i%2 == 1 {
				return slices.Delete(docs, 5000, 5001)
			}
			return slices.Insert(docs, 5000, model)
		},
		"fresh": func(docs []Doc, i int) []Doc { return docs },
	}
	for _, name := range []string{"title", "new", "delete", "fresh"} {
		b.Run(name, func(b *testing.B) {
			docs := synthetic(10_000, 42)
			var memo Memo
			memo.Files("ru", docs)
			i := 0
			for b.Loop() {
				i++
				docs = edits[name](docs, i)
				if name == "fresh" {
					memo = Memo{}
				}
				if _, err := memo.Files("ru", docs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
