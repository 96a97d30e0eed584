package draft

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefings/internal/build"
	"briefings/internal/load"
	"briefings/internal/testproject"
	"briefings/internal/wire"
)

var today = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// project is an empty project with the real site.yaml, countries.yaml and
// sources.yaml.
func project(t *testing.T) *Project {
	t.Helper()
	dir := testproject.New(t, "")
	for _, f := range []string{load.SitePath, load.CountriesPath, load.SourcesPath} {
		testproject.Write(t, filepath.Join(dir, f), testproject.Read(t, filepath.Join(testproject.Repo(), f)))
	}
	p, err := OpenProject(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkBuild builds the project's drafts as check --drafts does.
func checkBuild(t *testing.T, p *Project, want int) {
	t.Helper()
	rep, err := build.Build(build.Options{Root: p.Root, DryRun: true, Drafts: true})
	if err != nil {
		t.Fatalf("the build refuses what import wrote: %v", err)
	}
	if rep.Articles != want {
		t.Fatalf("%d articles built, want %d", rep.Articles, want)
	}
}

// sameFile checks that the file written holds what import found.
func sameFile(t *testing.T, p *Project, rel string, r wire.Result) {
	t.Helper()
	a, errs := load.ParseArticle(rel, []byte(testproject.Read(t, filepath.Join(p.Root, rel))))
	if len(errs) > 0 {
		t.Fatalf("%s: %v", rel, errs)
	}
	if a.Title != r.Title || !a.Date.Equal(r.Date) || a.Source != r.Source || a.SourceURL != r.SourceURL ||
		!slices.Equal(a.Countries, r.Countries) || !a.Draft || a.Lang != r.Lang {
		t.Errorf("%s holds %+v\nimport found %+v", rel, a, r)
	}
}

// TestImportFixtures imports every agency text, seed and saved page of
// the wire package's tests into one project, which check then accepts.
func TestImportFixtures(t *testing.T) {
	p := project(t)
	given := map[string]string{"en-icrc-az-highlights-2024.txt": "2024-08-15", "en-newsaz-hajiyev.txt": "2023-09-22",
		"ru-mfa-kz-ashikbayev.txt": "2026-02-10"}
	var files []string
	for _, pattern := range []string{"agencies/*.txt", "seeds/*.txt", "pages/*.html"} {
		m, _ := filepath.Glob(filepath.Join("..", "wire", "testdata", pattern))
		files = append(files, m...)
	}
	written := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		opts := wire.Options{Today: today}
		opts.Date, _ = time.Parse(time.DateOnly, given[filepath.Base(f)])
		rel, r, err := p.Import(f, src, opts)
		if strings.HasSuffix(f, "kazakh.txt") {
			if err == nil || !strings.Contains(err.Error(), "Kazakh") {
				t.Errorf("%s: %v, want Kazakh refused", f, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		written++
		sameFile(t, p, rel, r)
	}
	checkBuild(t, p, written)
}

// TestImportProperty makes wire texts at random from the parts agencies
// write them with, in random order and layout: whatever import accepts,
// the build accepts, holding the dateline's date and agency, and none of
// the boilerplate added.
func TestImportProperty(t *testing.T) {
	p := project(t)
	rng := rand.New(rand.NewPCG(14, 2026))
	ru := map[string]bool{"ТАСС": true, "Казинформ": true, "КазТАГ": true, "Интерфакс": true, "РИА Новости": true}
	agencies := []string{"ТАСС", "Казинформ", "КазТАГ", "Интерфакс", "РИА Новости", "Trend", "APA", "ARKA", "Azertac", "24.kg"}
	monthsRU := []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	places := []string{"БАКУ", "Астана", "АЛМАТЫ", "Бишкек", "Ташкент", "Ереван", "Душанбе"}
	boiler := []string{"Фото: пресс-служба", "Теги: МККК", "Читайте нас в Telegram", "Подписывайтесь на наш канал в WhatsApp",
		"Все новости", "-0-", "Поделиться", "Мы используем файлы cookie", "© 2026 Агентство. Все права защищены."}
	bodyRU := []string{"Стороны обсудили помощь семьям пропавших без вести в %s.", "МККК продолжит работу в %s вместе с национальным обществом.",
		"\"Мы благодарны за поддержку\", - сказал глава делегации в %s.", "Встреча прошла в рамках сотрудничества с %s."}
	countriesRU := []string{"Казахстане", "Азербайджане", "Армении", "Кыргызстане", "Таджикистане", "Узбекистане"}
	imported := 0
	for i := 0; i < 60; i++ {
		agency := agencies[rng.IntN(len(agencies))]
		d := time.Date(2026, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		want := d
		if want.After(today) {
			want = want.AddDate(-1, 0, 0)
		}
		tag := []string{"/" + agency + "/.", agency + " -", "— " + agency + ".", "(" + agency + ") -"}[rng.IntN(4)]
		sep := []string{", ", ". "}[rng.IntN(2)]
		lead := fmt.Sprintf("%s%s%d %s. %s Делегация МККК провела встречу в %s с представителями властей.",
			places[rng.IntN(len(places))], sep, d.Day(), monthsRU[d.Month()-1], tag, countriesRU[rng.IntN(len(countriesRU))])
		var parts []string
		headline := ""
		if rng.IntN(2) == 0 {
			headline = fmt.Sprintf("МККК и власти обсудили гуманитарные вопросы %d", i)
			parts = append(parts, headline)
		} else {
			lead = strings.Replace(lead, "встречу", fmt.Sprintf("встречу номер %d", i), 1)
		}
		parts = append(parts, lead)
		for n := rng.IntN(4); n >= 0; n-- {
			parts = append(parts, fmt.Sprintf(bodyRU[rng.IntN(len(bodyRU))], countriesRU[rng.IntN(len(countriesRU))]))
		}
		added := map[string]bool{}
		for n := rng.IntN(4); n > 0; n-- {
			b := boiler[rng.IntN(len(boiler))]
			added[b] = true
			at := 2 + rng.IntN(len(parts)-1)
			parts = slices.Insert(parts, min(at, len(parts)), b)
		}
		text := strings.Join(parts, []string{"\n", "\n\n", "\r\n"}[rng.IntN(3)])
		rel, r, err := p.Import(fmt.Sprintf("wire%d.txt", i), []byte(text), wire.Options{Today: today})
		if err != nil {
			t.Errorf("text %d refused: %v\n%s", i, err, text)
			continue
		}
		imported++
		sameFile(t, p, rel, r)
		name := agency
		if !ru[agency] && agency != "Trend" && agency != "APA" && agency != "24.kg" {
			name = map[string]string{"ARKA": "АРКА", "Azertac": "АЗЕРТАДЖ"}[agency]
		}
		if !r.Date.Equal(want) || r.Source != name || r.Lang != "ru" || headline != "" && r.Title != headline {
			t.Errorf("text %d: %s %q %s %q; want %s %q ru %q\n%s", i, r.Date.Format(time.DateOnly), r.Source, r.Lang, r.Title,
				want.Format(time.DateOnly), name, headline, text)
		}
		for b := range added {
			if strings.Contains(r.Body, b) {
				t.Errorf("text %d keeps %q:\n%s", i, b, r.Body)
			}
		}
	}
	if imported < 50 {
		t.Errorf("only %d of 60 texts imported", imported)
	}
	checkBuild(t, p, imported)
}

// new and import refuse a project whose settings have problems, naming
// every one of them, sources.yaml's too.
func TestOpenProjectEveryProblem(t *testing.T) {
	dir := testproject.New(t, `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages: {en: {name: English, title: Briefings}, ru: {name: Русский, title: Брифинги}}
page_size: ten
-- content/countries.yaml --
AZ: {en: Azerbaijan}
-- content/sources.yaml --
trend: {name: Trend, sitez: [trend.az]}
`)
	_, err := OpenProject(dir, true)
	for _, want := range []string{`content/site.yaml:4: expected a whole number, not "ten"`,
		"content/countries.yaml:1: AZ has no ru name", `content/sources.yaml:1: trend: unknown field "sitez"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want %s", err, want)
		}
	}
	// new reads no agencies: their file's problems are not its own.
	_, err = OpenProject(dir, false)
	if err == nil || strings.Contains(err.Error(), "sources.yaml") || !strings.Contains(err.Error(), "site.yaml:4") {
		t.Errorf("without sources, err = %v, want site.yaml's and countries.yaml's problems only", err)
	}
}

// new writes an article in a project whose sources.yaml is broken: only
// import reads it.
func TestNewDespiteBrokenSources(t *testing.T) {
	dir := testproject.New(t, `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
languages: {en: {name: English, title: Briefings}}
-- content/countries.yaml --
AZ: {en: Azerbaijan}
-- content/sources.yaml --
trend: {name: Trend, sitez: [trend.az]}
`)
	if _, err := OpenProject(dir, true); err == nil {
		t.Fatal("import opens a project whose sources.yaml is broken")
	}
	p, err := OpenProject(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	path, err := p.New(Request{Lang: "en", Title: "Aid arrives", Countries: []string{"AZ"}}, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	if err != nil || path == "" {
		t.Fatalf("new: %q, %v", path, err)
	}
}

// Whatever countries new is given, repeated and in any case, the file it
// writes names each once, and check accepts it.
func TestNewMergesCountries(t *testing.T) {
	p := project(t)
	rng := rand.New(rand.NewPCG(5, 2026))
	codes := []string{"AZ", "az", "KZ", "kz", "Kz", "AM"}
	for i := range 30 {
		var given []string
		for n := 1 + rng.IntN(5); n > 0; n-- {
			given = append(given, codes[rng.IntN(len(codes))])
		}
		rel, err := p.New(Request{Lang: "en", Title: fmt.Sprintf("Story %d", i), Countries: given}, today)
		if err != nil {
			t.Fatalf("new --country %v: %v", given, err)
		}
		a, errs := load.ParseArticle(rel, []byte(testproject.Read(t, filepath.Join(p.Root, rel))))
		if len(errs) > 0 {
			t.Fatalf("new --country %v wrote %s: %v", given, rel, errs)
		}
		seen := map[string]bool{}
		for _, c := range given {
			seen[strings.ToUpper(c)] = true
		}
		if len(a.Countries) != len(seen) {
			t.Errorf("new --country %v wrote countries %v", given, a.Countries)
		}
	}
	checkBuild(t, p, 30)
}

// A text larger than max_article_kb is refused before it is written: the
// build would refuse the file.
func TestImportTooLarge(t *testing.T) {
	p := project(t)
	p.Config.MaxArticleKB = 1
	text := "BAKU, Azerbaijan, Nov. 14 (Trend) - The ICRC met officials in Azerbaijan.\n\n" +
		strings.Repeat("The delegation and the national society discussed the missing.\n\n", 20)
	_, _, err := p.Import("long.txt", []byte(text), wire.Options{Today: today, Force: []string{"AZ", "az"}})
	want := "the article would be 2 KB, more than max_article_kb (1 KB) lets a build read: shorten the text, or raise max_article_kb in content/site.yaml"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	if files, _ := filepath.Glob(filepath.Join(p.Root, "content", "en", "*", "*.md")); len(files) > 0 {
		t.Errorf("wrote %v", files)
	}
}

// A saved page's timestamp is dated on its day in site.yaml's time_zone
// (Asia/Almaty here): 20:15 UTC on 3 September is 4 September there.
func TestImportPageDateInSiteTimeZone(t *testing.T) {
	p := project(t)
	page := `<!doctype html><html lang="en"><head><title>ICRC visits detainees in Kazakhstan</title>
<meta property="article:published_time" content="2025-09-03T20:15:00Z"></head>
<body><article><h1>ICRC visits detainees in Kazakhstan</h1>
<p>The ICRC visited detainees in Kazakhstan this week, officials said on Thursday.</p>
<p>The visit lasted three days.</p></article></body></html>`
	_, r, err := p.Import("visit.html", []byte(page), wire.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Date.Format(time.DateOnly); got != "2025-09-04" {
		t.Errorf("date %s, want 2025-09-04", got)
	}
}

// Today is the day in site.yaml's time_zone (Asia/Almaty here), whatever
// the zone of the clock it is given: at 20:30 UTC on 2 December it is
// 3 December there. new dates an article by it, and import reads a
// dateline without a year by it: "3 декабря" is this year's.
func TestTodayInSiteTimeZone(t *testing.T) {
	p := project(t)
	tokyo := time.FixedZone("UTC+9", 9*3600)
	for _, now := range []time.Time{time.Date(2026, 12, 2, 20, 30, 0, 0, time.UTC), time.Date(2026, 12, 3, 5, 30, 0, 0, tokyo),
		time.Date(2026, 12, 2, 21, 30, 0, 0, time.FixedZone("UTC+1", 3600))} {
		if got := p.Today(now); !got.Equal(time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("Today(%v) = %v, want 2026-12-03", now, got)
		}
		path, err := p.New(Request{Lang: "en", Title: "Aid arrives " + now.Location().String(), Countries: []string{"AZ"}}, now)
		if err != nil {
			t.Fatal(err)
		}
		if src := testproject.Read(t, filepath.Join(p.Root, path)); !strings.Contains(src, "\ndate: 2026-12-03\n") {
			t.Errorf("new at %v wrote\n%s", now, src)
		}
		r, err := p.Read("wire.txt", []byte("МККК передал помощь семьям\nАСТАНА, 3 декабря. КАЗИНФОРМ - МККК передал помощь семьям в Казахстане.\n"),
			wire.Options{Today: p.Today(now)})
		if got := r.Date.Format(time.DateOnly); err != nil || got != "2026-12-03" {
			t.Errorf("import at %v: date %s, want 2026-12-03 (%v)", now, got, err)
		}
	}
}

// TestImportNeverClashes imports wires of a few headlines and dates, and
// moves some of the files written to other folders, as editors file them:
// whatever import and new accept, the build accepts together, so no two
// files ever share a page.
func TestImportNeverClashes(t *testing.T) {
	p := project(t)
	rng := rand.New(rand.NewPCG(18, 2026))
	headlines := []string{"МККК посетил Баку", "Делегация МККК в Астане", "Помощь семьям пропавших", "Встреча в Баку",
		"Гуманитарное право", "Курсы для журналистов"}
	written, refused := 0, 0
	for i := 0; i < 40; i++ {
		h := headlines[rng.IntN(len(headlines))]
		d := time.Date(2026, time.Month(3+rng.IntN(3)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		var rel string
		var err error
		if rng.IntN(3) == 0 {
			rel, err = p.New(Request{Lang: "ru", Title: h, Countries: []string{"AZ"}, Date: d}, today)
		} else {
			text := fmt.Sprintf("%s\n\nБАКУ, %d %s. /ТАСС/. Текст номер %d о работе в Азербайджане.", h, d.Day(),
				[]string{"марта", "апреля", "мая"}[d.Month()-3], i)
			rel, _, err = p.Import(fmt.Sprintf("wire%d.txt", i), []byte(text), wire.Options{Today: today})
		}
		if err != nil {
			refused++
			continue
		}
		written++
		if rng.IntN(2) == 0 {
			moved := filepath.Join(p.Root, "content", "ru", fmt.Sprintf("folder%d", i), "a.md")
			if err := os.MkdirAll(filepath.Dir(moved), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(filepath.Join(p.Root, rel), moved); err != nil {
				t.Fatal(err)
			}
		}
	}
	if written < 8 || refused < 8 {
		t.Fatalf("%d written and %d refused: the test no longer makes clashes", written, refused)
	}
	checkBuild(t, p, written)
}

// TestImportDropsInvisible: the invisible characters a pasted text or a
// saved page carries, direction controls among them, as characters or as
// references, are dropped, so that what import writes builds.
func TestImportDropsInvisible(t *testing.T) {
	p := project(t)
	texts := []string{
		"МККК \u202eпосетил\u202c Баку\n\nБАКУ, 2 ноября 2026. /ТАСС/. Делегация \u2066МККК\u2069 провела\u00ad встречу\u200b в Азербайджане.\nСтороны обсудили помощь.\n",
		`<html><head><meta property="og:title" content="ICRC &#x202E;visits Baku"></head><body><article><p>BAKU, 2 November 2026 – The ICRC &#x202E;delivered aid&#8236; to 300 families in Azerbaijan, it said.</p><p>An escape &#x1b;[31m stays out.</p></article></body></html>`,
	}
	for i, text := range texts {
		rel, _, err := p.Import(fmt.Sprintf("wire%d", i), []byte(text), wire.Options{Today: today})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if src := testproject.Read(t, filepath.Join(p.Root, rel)); strings.ContainsAny(src, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x1b\u00ad\u200b") {
			t.Errorf("%s keeps an invisible character:\n%q", rel, src)
		}
	}
	checkBuild(t, p, len(texts))
}
