package draft

import (
	"fmt"
	"math/rand/v2"
	"mime/quotedprintable"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"briefings/internal/wire"
)

// TestImportWhatEditorsPaste makes wire texts at random in the forms
// editors receive them, in both languages: a dateline, timestamp or date
// line in one of many styles, a headline with quotes, colons and
// Markdown's signs, bylines, captions, breadcrumbs and share buttons,
// lists, tables and quotations, hard line breaks, saved as text in UTF-8,
// Windows-1251 or UTF-16, as a saved e-mail or as a web page. Whatever import writes, check
// accepts, and it holds the date and headline the text gives and none of
// the site's lines.
func TestImportWhatEditorsPaste(t *testing.T) {
	p := project(t)
	rng := rand.New(rand.NewPCG(2, 12))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	monthsRU := []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	imported := 0
	for i := 0; i < 80; i++ {
		ru := rng.IntN(2) == 0
		d := time.Date(2025+rng.IntN(2), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		if d.After(today) {
			d = d.AddDate(-1, 0, 0)
		}
		en := d.Format("January")
		var dateline, stampLine string
		if ru {
			dateline = pick(
				fmt.Sprintf("АСТАНА, %d %s %d г. /Казинформ/ -", d.Day(), monthsRU[d.Month()-1], d.Year()),
				fmt.Sprintf("Баку, %d %s %d года — Trend.", d.Day(), monthsRU[d.Month()-1], d.Year()),
				fmt.Sprintf("ДУШАНБЕ, %s, «Азия-Плюс» —", d.Format("02.01.2006")),
				fmt.Sprintf("Бишкек, %d-го %s %d года. /Кабар/.", d.Day(), monthsRU[d.Month()-1], d.Year()))
			stampLine = pick(d.Format("02.01.2006 15:04"), fmt.Sprintf("%d %s %d, 14:05", d.Day(), monthsRU[d.Month()-1], d.Year()),
				d.Format("02.01.2006")+" · Автор: Асель Нурланова")
		} else {
			dateline = pick(
				fmt.Sprintf("BAKU, Azerbaijan, %s. %d, %d (Trend) -", en[:3], d.Day(), d.Year()),
				fmt.Sprintf("ASTANA, %d %s %d (ICRC) –", d.Day(), en, d.Year()),
				fmt.Sprintf("GENEVA, %s %d, %d –", en, d.Day(), d.Year()),
				fmt.Sprintf("Tashkent, %d%s of %s %d -", d.Day(), ordinal(d.Day()), en, d.Year()))
			stampLine = pick(d.Format("02 Jan 2006"), d.Format("January 2, 2006 at 3:04 PM"), d.Format("2006-01-02T15:04:05+05:00"),
				d.Format("Monday, 2 January 2006")+" | By John Smith")
		}
		headline := pick(`«Мы не забудем»: МККК и семьи пропавших`, `ICRC: "We stay" — a year in review`, `МККК #1 в регионе: 50% больше помощи`,
			`Aid *arrives* in Osh [update]`, `"Families first": ICRC head in Baku`, `МККК и Азербайджан: итоги <года>`, `ICRC & IFRC: winter aid {{ plan }}`,
			`- Aid arrives in Osh`, `@ICRC: aid for Baku`, `'Quoted' start of a headline`, `%50 больше помощи семьям`, `!Важно: МККК в Ереване`,
			`? Questions on aid`, `МККК | итоги года`, `ICRC # aid`, "Headline with `code`", `Aid: 1/2 of families helped`)
		headline += fmt.Sprintf(" %d", i)
		country := pick("Казахстане", "Азербайджане", "Кыргызстане")
		lead := "Международный комитет Красного Креста передал помощь 300 семьям в " + country + ", пострадавшим от паводков."
		body := []string{"В наборы вошли продукты питания, средства гигиены и теплые одеяла.",
			"«Мы продолжим помогать тем, кто в этом нуждается», — сказал глава делегации.",
			"В 2026 году организация:\n1. передала помощь 12 000 семей;\n2. провела 30 семинаров по МГП;\n3. посетила 15 мест содержания под стражей.",
			"Страна\tСемьи\tПосещения\nКазахстан\t4 000\t1 200\nКыргызстан\t6 500\t800",
			"Регион | Семьи\nОш | 200\nБаткен | 150",
			"— Сколько семей вы поддерживаете?\n— Более 1000 семей.",
			"* Помощь _срочная_ и `адресная`;\n* # не заголовок;\n* > не цитата.",
		}
		if !ru {
			lead = "The International Committee of the Red Cross delivered aid to 300 families in " + pick("Kazakhstan", "Azerbaijan", "Kyrgyzstan") + " hit by floods."
			body = []string{"The kits include food, hygiene items and blankets.", `"We will keep helping those in need," the head of delegation said.`,
				"The programme includes:\n• individual counselling;\n• group sessions;\n• legal advice.", "Year\tFamilies\n2025\t380\n2026\t450",
				"Some *emphasis*, a [link](javascript:alert(1)), <script>alert(1)</script> and ---", "Q: How many families?\nA: More than 1,000."}
		}
		site := []string{pick("Фото: МККК", "Photo: ICRC/A. Mammadov", "© Sputnik / Ахмед Ахмедов"), pick("Читайте нас в Telegram", "Follow Trend on Telegram", "Facebook Twitter Print Email"),
			pick("Теги: МККК, помощь", "Tags: ICRC, aid", "Posted in: News, Central Asia"), pick("Поделиться:", "Share this article", "Нашли ошибку? Выделите её и нажмите Ctrl+Enter")}
		var parts []string
		switch rng.IntN(4) {
		case 0:
			parts = append(parts, pick("Главная / Общество", "Home › News"))
		case 1:
			parts = append(parts, pick("Обновлено 5 минут назад", "Updated 2 hours ago", "Сегодня, 14:05"))
		}
		parts = append(parts, headline)
		dated := dateline + " " + lead
		if rng.IntN(3) == 0 {
			parts = append(parts, stampLine)
			dated = lead
		}
		parts = append(parts, dated)
		for n := 1 + rng.IntN(3); n > 0; n-- {
			parts = append(parts, body[rng.IntN(len(body))])
		}
		for _, s := range site[:rng.IntN(len(site)+1)] {
			at := 2 + rng.IntN(len(parts)-1)
			parts = append(parts[:at], append([]string{s}, parts[at:]...)...)
		}
		text := strings.Join(parts, pick("\n", "\n\n"))
		if rng.IntN(4) == 0 {
			text = wrap(text, 60+rng.IntN(20))
		}
		name, src := fmt.Sprintf("wire%d.txt", i), []byte(text)
		switch rng.IntN(5) {
		case 0:
			if b, err := charmap.Windows1251.NewEncoder().String(text); err == nil {
				src = []byte(b)
			}
		case 1:
			src, _ = xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(strings.ReplaceAll(text, "\n", "\r\n")))
		case 2:
			name, src = fmt.Sprintf("page%d.html", i), []byte(asPage(text, headline, d, rng.IntN(2) == 0))
		case 3:
			name, src = fmt.Sprintf("mail%d.eml", i), []byte(asMail(text))
		}
		rel, r, err := p.Import(name, src, wire.Options{Today: today})
		if err != nil {
			t.Errorf("%s refused: %v\n%s", name, err, text)
			continue
		}
		imported++
		sameFile(t, p, rel, r)
		if !r.Date.Equal(d) || strings.TrimSpace(r.Title) != headline {
			t.Errorf("%s: date %s, title %q; want %s, %q\n%s", name, r.Date.Format(time.DateOnly), r.Title, d.Format(time.DateOnly), headline, text)
		}
		for _, s := range append(site, "Главная", "Home ›", "Автор", "By John", "назад", "ago", "Сегодня") {
			if strings.Contains(r.Body, s) {
				t.Errorf("%s keeps %q:\n%s", name, s, r.Body)
			}
		}
	}
	checkBuild(t, p, imported)
}

func ordinal(day int) string {
	switch {
	case day%10 == 1 && day != 11:
		return "st"
	case day%10 == 2 && day != 12:
		return "nd"
	case day%10 == 3 && day != 13:
		return "rd"
	}
	return "th"
}

// asMail saves a text as a mail program saves an e-mail, its body
// quoted-printable.
func asMail(text string) string {
	var b strings.Builder
	w := quotedprintable.NewWriter(&b)
	w.Write([]byte(strings.ReplaceAll(text, "\n", "\r\n")))
	w.Close()
	return "From: Press <press@example.org>\r\nTo: newsroom@example.org\r\nSubject: =?utf-8?q?Aid?=\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + b.String()
}

// wrap breaks a text's lines at a width, as a mail program does.
func wrap(text string, width int) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for len([]rune(line)) > width {
			rs := []rune(line)
			cut := strings.LastIndex(string(rs[:width]), " ")
			if cut <= 0 {
				break
			}
			out = append(out, line[:cut])
			line = line[cut+1:]
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// asPage saves a text as an agency's page: its headline and date in the
// metadata, or only in the page, among a menu, a cookie banner and a
// list of other stories.
func asPage(text, headline string, d time.Time, meta bool) string {
	esc := func(s string) string {
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
	}
	head := "<title>" + esc(headline) + " - Tengrinews.kz</title>"
	if meta {
		head += `<meta property="og:title" content="` + esc(headline) + `"><meta property="article:published_time" content="` + d.Format("2006-01-02") + `T10:00:00+05:00">`
	}
	var b strings.Builder
	for _, para := range strings.Split(text, "\n") {
		if strings.TrimSpace(para) != "" {
			b.WriteString("<p>" + esc(para) + "</p>\n")
		}
	}
	return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>" +
		`<div class="cookie">Мы используем файлы cookie. <button>Принять</button></div><nav><a href="/">Главная</a> <a href="/news">Новости</a></nav>` +
		"<main><article>" + b.String() + "</article></main>" +
		`<aside><h3>Популярное</h3><ul><li><a href="/a">Курс доллара</a></li><li><a href="/b">Погода</a></li></ul></aside><footer>© 2026. Все права защищены.</footer></body></html>`
}
