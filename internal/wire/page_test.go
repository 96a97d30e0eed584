package wire

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// TestPages reads two saved agency pages, with menus, related links,
// comments, cookie banners and footers: the metadata gives the title,
// date and source, and only the article's text is kept.
func TestPages(t *testing.T) {
	cases := []struct {
		file, lang, date, source, url, title, titleFrom string
		countries                                       []string
		bodyStart                                       string
		kept                                            []string
		gone                                            []string
	}{
		{"kazinform-ru.html", "ru", "2026-11-18", "Казинформ", "https://www.inform.kz/ru/tokaev-vstretilsya-s-glavoy-delegatsii-mkkk-a4120388",
			"Токаев встретился с главой делегации МККК в Астане", "og:title", []string{"KZ", "KG", "TJ", "UZ"},
			"Президент Казахстана Касым-Жомарт Токаев принял", []string{"> «Казахстан последовательно", "Ранее Казахстан присоединился"},
			[]string{"cookie", "Принять", "Политика", "Экономика", "Поиск", "Главная", "просмотров", "Фото:", "Читайте также", "Ашикбаев принял",
				"Теги", "Поделиться", "Telegram", "Комментарии", "Асель", "Отличная новость", "Последние новости", "Курс тенге", "Все новости",
				"©", "Все права защищены", "О нас", "АСТАНА. 18 ноября", "КАЗИНФОРМ", "передает корреспондент"}},
		{"trend-en.html", "en", "2026-10-07", "Trend", "https://en.trend.az/azerbaijan/society/4011223.html",
			"ICRC hands over medical equipment to hospitals in Azerbaijan", "JSON-LD headline", []string{"AZ", "AM"},
			"The International Committee of the Red Cross (ICRC) has handed over", []string{"> \"Mine accidents still happen"},
			[]string{"cookies", "Accept", "Home", "Politics", "Leyla Aliyeva", "15:20", "Photo:", "Follow Trend", "Tags:", "Share",
				"Related news", "Red Crescent holds", "Leave a comment", "John:", "Latest news", "Oil prices", "All rights reserved",
				"Reproduction", "BAKU, Azerbaijan, October 7", "Trend reports"}},
	}
	opts := agencyOptions(t)
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "pages", c.file))
			if err != nil {
				t.Fatal(err)
			}
			if !IsPage(c.file, src) || !IsPage("-", src) {
				t.Fatal("not taken for a page")
			}
			r, err := ParsePage(src, opts)
			if err != nil {
				t.Fatal(err)
			}
			if r.Lang != c.lang || r.Date.Format(time.DateOnly) != c.date || r.Source != c.source || r.SourceURL != c.url || r.Title != c.title {
				t.Errorf("got  %s %s %q %q %q\nwant %s %s %q %q %q", r.Lang, r.Date.Format(time.DateOnly), r.Source, r.SourceURL, r.Title,
					c.lang, c.date, c.source, c.url, c.title)
			}
			if !strings.Contains(how(r, "headline"), c.titleFrom) || !strings.Contains(how(r, "date"), "page's") {
				t.Errorf("found %q", r.Found)
			}
			if !slices.Equal(r.Countries, c.countries) {
				t.Errorf("countries %v, want %v", r.Countries, c.countries)
			}
			if !strings.HasPrefix(r.Body, c.bodyStart) {
				t.Errorf("body starts %q", r.Body[:min(len(r.Body), 80)])
			}
			for _, k := range c.kept {
				if !strings.Contains(r.Body, k) {
					t.Errorf("%q is lost:\n%s", k, r.Body)
				}
			}
			for _, g := range c.gone {
				if strings.Contains(r.Body, g) {
					t.Errorf("%q stays:\n%s", g, r.Body)
				}
			}
			checkBody(t, r.Body)
		})
	}
	// A page in Windows-1251, with its date only in a <time> element.
	page := `<html><head><meta charset="windows-1251"><title>МККК помог семьям в Армении | АРКА</title></head><body>` +
		`<article><time datetime="2026-05-05T10:00">5 мая</time><p>ЕРЕВАН, 5 мая. /АРКА/. МККК помог семьям пропавших без вести в Армении.</p>` +
		`<p>Помощь получили 300 семей.</p></article></body></html>`
	cp1251, err := charmap.Windows1251.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParsePage([]byte(cp1251), opts)
	if err != nil || r.Title != "МККК помог семьям в Армении" || r.Date.Format(time.DateOnly) != "2026-05-05" || r.Source != "АРКА" ||
		!strings.HasPrefix(r.Body, "МККК помог семьям") {
		t.Errorf("Windows-1251 page: %q %s %q %q %v", r.Title, r.Date.Format(time.DateOnly), r.Source, r.Body, err)
	}
	if IsPage("wire.txt", []byte("Заголовок\n<b>не страница</b>")) {
		t.Error("a wire text with a tag in it is taken for a page")
	}
}

// TestPageDateWhereTheSiteIs: a page's timestamp is an instant, dated on
// the day it falls on where the site is; a dateline without a year that
// agrees on the day and month raises no note.
func TestPageDateWhereTheSiteIs(t *testing.T) {
	page := `<!doctype html><html lang="en"><head><title>ICRC visits detainees in Kazakhstan</title>
<meta property="article:published_time" content="2025-09-03T20:15:00Z"></head>
<body><article><h1>ICRC visits detainees in Kazakhstan</h1>
<p>ASTANA. September 4. The ICRC visited detainees in Kazakhstan, officials said.</p>
<p>The visit lasted three days.</p></article></body></html>`
	opts := agencyOptions(t)
	almaty, err := time.LoadLocation("Asia/Almaty")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		loc  *time.Location
		want string
		note bool
	}{{almaty, "2025-09-04", false}, {nil, "2025-09-03", true}} {
		opts.Location = c.loc
		r, err := ParsePage([]byte(page), opts)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Date.Format(time.DateOnly); got != c.want || (len(r.Notes) > 0) != c.note {
			t.Errorf("in %v: date %s, notes %q; want %s, a note: %v", c.loc, got, r.Notes, c.want, c.note)
		}
	}
}

// TestPageShownDate: a page with no date in its metadata or its text
// takes the date it shows beside the headline, and says to check it.
func TestPageShownDate(t *testing.T) {
	page := `<!doctype html><html lang="en"><head><title>ICRC visits detainees in Kazakhstan - APA</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="related"><div class="date">01.08.2025 09:00</div><a href="/x">Oil prices rise</a></div>
<main><header><h1>ICRC visits detainees in Kazakhstan</h1><div class="date">03.09.2025, 14:05 | Views: 1523</div></header>
<div class="article-body"><p>The International Committee of the Red Cross visited detainees in Kazakhstan this week, officials said on Wednesday.</p>
<p>The visit lasted three days and covered two places of detention in the north of the country, the delegation said.</p>
<p>The ICRC has visited places of detention in Kazakhstan since 2010, under an agreement with the authorities.</p></div></main>
<footer>© APA</footer></body></html>`
	r, err := ParsePage([]byte(page), agencyOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Date.Format(time.DateOnly); got != "2025-09-03" || !strings.Contains(how(r, "date"), "check that it is the date") {
		t.Errorf("date %s, found %q", got, r.Found)
	}
	if strings.Contains(r.Body, "Views") || strings.Contains(r.Title, "14:05") {
		t.Errorf("the timestamp line stayed: title %q, body %q", r.Title, r.Body)
	}
}

// TestPagesRefused: a list of stories, and a page with no article text,
// are refused with what they hold, rather than drafted as one story.
func TestPagesRefused(t *testing.T) {
	story := func(h string) string {
		return "<article><h2>" + h + "</h2><p>The ICRC delivered aid to families in the region affected by the conflict this week.</p></article>"
	}
	cases := []struct{ page, want string }{
		{"<html><head><title>Latest news</title></head><body><nav><a>Home</a></nav>" + story("ICRC delivers aid to Batken") +
			story("Tajikistan, ICRC discuss detention visits") + "</body></html>", `the page lists 2 stories ("ICRC delivers aid to Batken"; "Tajikistan, ICRC discuss detention visits")`},
		{`<html><head><title>ICRC video | Report.az</title><meta property="article:published_time" content="2025-09-03T10:00:00+04:00"></head>` +
			`<body><nav>Home News</nav><div class="video"><iframe src="https://example.org/v"></iframe></div></body></html>`, "the page holds no article text"},
		// Teasers without <article>: headings that link to their stories.
		{`<html><head><title>Tag: ICRC</title></head><body><h1>ICRC</h1><ul>` +
			`<li><h3><a href="/1">ICRC delivers aid to Batken</a></h3><p>Aid for families in the region affected this week.</p></li>` +
			`<li><a href="/2"><h2>Tajikistan, ICRC discuss detention visits</h2></a><p>Talks in Dushanbe about visits.</p></li>` +
			`<li><h3><a href="/3">Red Crescent trains volunteers</a></h3><p>Volunteers learned first aid.</p></li></ul></body></html>`,
			`the page lists 3 stories ("ICRC delivers aid to Batken"; "Tajikistan, ICRC discuss detention visits"; "Red Crescent trains volunteers")`},
	}
	for _, c := range cases {
		if _, err := ParsePage([]byte(c.page), agencyOptions(t)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v, want %q", err, c.want)
		}
	}
	// A story page with teasers of others beside it, as <article>s, is one story.
	one := `<html><head><meta property="og:type" content="article"><title>ICRC delivers aid to Batken</title></head><body>` +
		story("ICRC delivers aid to Batken") + story("Another story") + "</body></html>"
	opts := agencyOptions(t)
	opts.Date = today
	if _, err := ParsePage([]byte(one), opts); err != nil {
		t.Errorf("a story page with teasers: %v", err)
	}
}

// TestPageUTF8DespiteItsCharset: a page saved as UTF-8 that still names
// windows-1251, with a stray byte, is read as UTF-8, not as mojibake.
func TestPageUTF8DespiteItsCharset(t *testing.T) {
	page := `<html><head><meta charset="windows-1251"><title>МККК передал помощь семьям в Казахстане</title></head><body><article>` +
		"<p>АСТАНА. 3 сентября. Международный комитет Красного Креста передал помощь семьям, пострадавшим от паводков в Казахстане.\xff</p>" +
		"<p>Помощь получили более трёхсот семей в северных районах страны, сообщили в делегации.</p></article></body></html>"
	r, err := ParsePage([]byte(page), agencyOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if r.Lang != "ru" || r.Title != "МККК передал помощь семьям в Казахстане" || !strings.Contains(r.Body, "Красного Креста") {
		t.Errorf("lang %s, title %q, body %q", r.Lang, r.Title, r.Body)
	}
}

// TestPageLists: a saved page's lists stay lists, numbered ones numbered.
func TestPageLists(t *testing.T) {
	page := `<!doctype html><html lang="en"><head><title>Armenia: ICRC helps families of the missing | ICRC</title>
<meta property="og:site_name" content="ICRC"><meta property="article:published_time" content="2026-11-20T09:00:00+04:00"></head>
<body><nav><ul><li>Home</li><li>Donate</li></ul></nav><main><article><h1>Armenia: ICRC helps families of the missing</h1>
<p>The International Committee of the Red Cross has supported more than 800 families of missing persons in Armenia this year.</p>
<p>The support it gives families of the missing, the delegation said, comes in several forms:</p>
<ul><li>psychological support groups in <b>five</b> regions;</li><li>legal advice on inheritance.</li></ul>
<p>Families can apply for it in three steps, which take a week in all:</p>
<ol><li>call the delegation;</li><li>meet a caseworker;</li><li>join a group.</li></ol></article></main></body></html>`
	r, err := ParsePage([]byte(page), agencyOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"forms:\n\n- psychological support groups in five regions;\n- legal advice on inheritance.",
		"all:\n\n1. call the delegation;\n2. meet a caseworker;\n3. join a group."} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, r.Body)
		}
	}
	checkBody(t, r.Body)
}

// TestPageListMarkers: the marker a saved page's list item is given does
// not hide what the item is (a "Read also" block, share buttons, a tags
// line go), stands on the item's first text, and numbers as the page
// does; a list of one item is a paragraph.
func TestPageListMarkers(t *testing.T) {
	lead := `<p>The International Committee of the Red Cross has supported more than 800 families of missing persons in Armenia this year, the delegation said on Friday.</p>
<p>The support it gives families of the missing, the delegation said, comes in several forms and reaches every region of the country:</p>`
	cases := []struct {
		list       string
		want, gone []string
	}{
		{`<ul><li>Read also</li><li>ICRC opens an office in Gyumri</li><li>Families of the missing meet in Yerevan</li></ul>`, nil,
			[]string{"Read also", "Gyumri", "•"}},
		{`<ul><li>Поделиться</li><li>Telegram</li><li>WhatsApp</li></ul>`, nil, []string{"Поделиться", "Telegram", "WhatsApp"}},
		{`<ul><li>Теги: МККК, Армения</li><li>Tags: ICRC</li></ul>`, nil, []string{"Теги", "Tags"}},
		{`<ul><li><p>psychological support groups in five regions;</p></li><li><p>legal advice on inheritance.</p></li></ul>`,
			[]string{"forms and reaches every region of the country:\n\n- psychological support groups in five regions;\n- legal advice on inheritance."}, []string{"•"}},
		{`<ul><li>psychological support groups in five regions.</li></ul>`, []string{"\n\npsychological support groups in five regions."}, []string{"•"}},
		{`<ol><li>call the delegation:<ul><li>in Yerevan</li><li>in Gyumri</li></ul></li><li>meet a caseworker;</li><li>join a group.</li></ol>`,
			[]string{"\n\n1. call the delegation: in Yerevan; in Gyumri\n2. meet a caseworker;\n3. join a group."}, []string{`\.`, "•"}},
		{`<ol start="4"><li>call the delegation;</li><li>meet a caseworker.</li></ol>`, []string{"\n\n4. call the delegation;\n5. meet a caseworker."}, nil},
		{`<ol reversed><li>call the delegation;</li><li>meet a caseworker;</li><li>join a group.</li></ol>`,
			[]string{"\n\n- 3\\. call the delegation;\n- 2\\. meet a caseworker;\n- 1\\. join a group."}, nil},
		{`<ol><li>call the delegation;</li><li value="5">meet a caseworker;</li><li>join a group.</li></ol>`,
			[]string{"\n\n- 1\\. call the delegation;\n- 5\\. meet a caseworker;\n- 6\\. join a group."}, nil},
		// Two lists side by side stay two.
		{`<ul><li>flour;</li><li>oil.</li></ul><ul><li>blankets;</li><li>stoves.</li></ul>`, []string{"\n\n- flour;\n- oil.\n\n* blankets;\n* stoves."}, nil},
	}
	for _, c := range cases {
		page := `<!doctype html><html lang="en"><head><title>Armenia: ICRC helps families of the missing | ICRC</title>
<meta property="og:site_name" content="ICRC"><meta property="article:published_time" content="2026-11-20T09:00:00+04:00"></head>
<body><main><article><h1>Armenia: ICRC helps families of the missing</h1>` + lead + c.list +
			`<p>The delegation will continue its work with the families in 2027, it said in a statement issued in Yerevan.</p></article></main></body></html>`
		r, err := ParsePage([]byte(page), agencyOptions(t))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(r.Body, w) {
				t.Errorf("%s: body lacks %q:\n%s", c.list, w, r.Body)
			}
		}
		for _, g := range c.gone {
			if strings.Contains(r.Body, g) {
				t.Errorf("%s: %q stays:\n%s", c.list, g, r.Body)
			}
		}
		checkBody(t, r.Body)
	}
}

// TestPageTitleOnlyTheSite: a page whose <title> (or og:title) is only
// the site's name, or an agency's, takes its <h1> for the headline.
func TestPageTitleOnlyTheSite(t *testing.T) {
	for _, head := range []string{`<title>АЗЕРТАДЖ</title>`, `<title>Trend.Az</title>`, `<title>Vlast.kz</title>`,
		`<meta property="og:site_name" content="Новости Баку"><meta property="og:title" content="Новости Баку"><title>Новости Баку</title>`} {
		page := `<!doctype html><html lang="ru"><head>` + head + `</head><body><div class="news">
<h1>Представители МККК посетили Физулинский район</h1>
<p>Физули, 2 декабря 2026, АЗЕРТАДЖ. Представители Международного комитета Красного Креста посетили Физулинский район Азербайджана.</p>
<p>В ходе визита они ознакомились с работами по разминированию территорий.</p></div></body></html>`
		r, err := ParsePage([]byte(page), agencyOptions(t))
		if err != nil {
			t.Fatal(err)
		}
		if r.Title != "Представители МККК посетили Физулинский район" {
			t.Errorf("%s: title %q", head, r.Title)
		}
	}
}

// TestPageTable: a saved page's table stays a table, its header row
// first; a row of one cell is a line of text.
func TestPageTable(t *testing.T) {
	page := `<!doctype html><html lang="en"><head><title>Azerbaijan: ICRC helps families of missing people | ICRC</title>
<meta property="og:site_name" content="ICRC"><meta property="article:published_time" content="2026-12-02T09:00:00+04:00"></head>
<body><main><article><h1>Azerbaijan: ICRC helps families of missing people</h1>
<p>The International Committee of the Red Cross has delivered psychosocial support to 450 families of people missing in Azerbaijan.</p>
<p>The programme has grown every year since it began, the delegation said on Wednesday in Baku.</p>
<table><thead><tr><th>Year</th><th>Families</th></tr></thead><tbody><tr><td>2025</td><td>380 | 12</td></tr><tr><td>2026</td><td><b>450</b></td></tr>
<tr><td colspan="2">Source: ICRC</td></tr></tbody></table></article></main></body></html>`
	r, err := ParsePage([]byte(page), agencyOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if want := "| Year | Families |\n| --- | --- |\n| 2025 | 380 / 12 |\n| 2026 | 450 |"; !strings.Contains(r.Body, want) {
		t.Errorf("body lacks %q:\n%s", want, r.Body)
	}
	checkBody(t, r.Body)
}

// TestPageTimeOutsideTheStory: a <time> in the page's header or in a
// list of other stories does not date the story; a <time> in the story
// that disagrees with its dateline loses to it, with a note; one in the
// story dates a text whose dateline has no date.
func TestPageTimeOutsideTheStory(t *testing.T) {
	story := `<main><article><h1>МККК передал помощь семьям в Оше</h1>%s
<p>%s Международный комитет Красного Креста передал помощь 200 семьям в Ошской области Кыргызстана, пострадавшим от паводков.</p>
<p>В наборы вошли продукты питания и средства гигиены.</p></article></main>`
	frame := `<header><time datetime="2026-11-30">30 ноября 2026</time></header><aside><ul><li><time datetime="2026-11-29T10:00">10:00</time> <a href="/1">Курс валют</a></li></ul></aside>`
	for _, c := range []struct{ inside, dateline, want string }{
		{"", "БИШКЕК, 2 ноября. /24.kg/.", "2026-11-02"},
		{`<time datetime="2026-11-03">3 ноября 2026</time>`, "БИШКЕК, 2 ноября. /24.kg/.", "2026-11-02"},
		{`<time datetime="2026-11-03">3 ноября 2026</time>`, "БИШКЕК. /24.kg/.", "2026-11-03"},
	} {
		page := `<!DOCTYPE html><html lang="ru"><head><title>МККК передал помощь семьям в Оше - 24.kg</title></head><body>` + frame +
			fmt.Sprintf(story, c.inside, c.dateline) + `</body></html>`
		r, err := ParsePage([]byte(page), agencyOptions(t))
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Date.Format(time.DateOnly); got != c.want {
			t.Errorf("%q %q: date %s, want %s (%v)", c.inside, c.dateline, got, c.want, r.Found)
		}
	}
}

// TestPageEncodings: a saved page reads the same in any encoding a
// browser or an editor saves it in: UTF-16 or UTF-32 with its byte-order
// mark, which wins over the charset the page names, and Windows-1251,
// named or not. import says which encoding it read.
func TestPageEncodings(t *testing.T) {
	opts := agencyOptions(t)
	for _, name := range []string{"kazinform-ru.html", "trend-en.html"} {
		page, err := os.ReadFile(filepath.Join("testdata", "pages", name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := ParsePage(page, opts)
		if err != nil {
			t.Fatal(err)
		}
		undeclared := regexp.MustCompile(`(?i)<meta charset="utf-8">`).ReplaceAllString(string(page), "")
		declared := regexp.MustCompile(`(?i)<meta charset="utf-8">`).ReplaceAllString(string(page), `<meta charset="windows-1251">`)
		for _, c := range []struct {
			enc        encoding.Encoding
			page, name string
		}{
			{xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), string(page), "UTF-16"},
			{xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), string(page), "UTF-16"},
			{utf32.UTF32(utf32.LittleEndian, utf32.UseBOM), string(page), "UTF-32"},
			{utf32.UTF32(utf32.BigEndian, utf32.UseBOM), undeclared, "UTF-32"},
			{charmap.Windows1251, undeclared, "Windows-1251"},
			{charmap.Windows1251, declared, "windows-1251"},
		} {
			src, err := c.enc.NewEncoder().String(c.page)
			if err != nil {
				continue // the page holds letters Windows-1251 has not
			}
			if !IsPage("-", []byte(src)) {
				t.Errorf("%s in %s is not taken for a page", name, c.name)
			}
			got, err := ParsePage([]byte(src), opts)
			if err != nil || got.Title != want.Title || got.Body != want.Body || !got.Date.Equal(want.Date) || got.Source != want.Source ||
				len(got.Found) == 0 || got.Found[0].Value != c.name || len(got.Notes) != len(want.Notes) {
				t.Errorf("%s in %s: %v %q %s %v %q", name, c.name, err, got.Title, got.Date.Format(time.DateOnly), got.Found, got.Notes)
			}
		}
	}
	// A damaged UTF-16 page reads, and import says how many characters it lost.
	html := `<html><head><title>ICRC aid arrives in Baku</title></head><body><article><p>BAKU, 2 December 2026 – The ICRC delivered aid to 300 families in Azerbaijan, it said.</p></article></body></html>`
	page := "\xff\xfe" + mustEncode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), html)
	at := 2 + 2*len([]rune(html[:strings.Index(html, "delivered")]))
	page = page[:at] + "\x00\xdc" + page[at:] // a lone surrogate
	r, err := ParsePage([]byte(page), opts)
	if err != nil || !slices.ContainsFunc(r.Notes, func(n string) bool { return strings.Contains(n, "1 character of the UTF-16 file could not be read") }) {
		t.Errorf("damaged page: %v %q", err, r.Notes)
	}
}

// TestPageTitlePrefix: a <title> with the site's name before the
// headline the page shows, "Туран: …", is that headline.
func TestPageTitlePrefix(t *testing.T) {
	page := `<html><head><title>Туран: МККК посетил задержанных</title></head><body><h1>МККК посетил задержанных</h1>` +
		`<p>Баку/02.12.26/Туран: Представители МККК посетили задержанных в Азербайджане, сообщил источник в организации.</p><p>Визиты проводятся регулярно.</p></body></html>`
	r, err := ParsePage([]byte(page), agencyOptions(t))
	if err != nil || r.Title != "МККК посетил задержанных" {
		t.Errorf("title %q, %v", r.Title, err)
	}
}
