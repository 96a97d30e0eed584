package wire

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// parseOK parses a text with the real tables and the fixed clock.
func parseOK(t *testing.T, text string, mod func(*Options)) Result {
	t.Helper()
	opts := agencyOptions(t)
	if mod != nil {
		mod(&opts)
	}
	r, err := Parse(text, opts)
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	return r
}

// TestTableRows: a table of figures pasted as rows of cells is news, not
// a breadcrumb trail: it stays, as a table, and its countries count.
func TestTableRows(t *testing.T) {
	text := "МККК в Центральной Азии: итоги года\nТАШКЕНТ, 12 марта — Podrobno.uz. Делегация МККК опубликовала итоги года.\n" +
		"Страна | Посещения | Семьи\nКазахстан | 400 | 120\nКыргызстан | 300 | 90\nВсего посещено 700 мест.\n"
	r := parseOK(t, text, nil)
	want := "| Страна | Посещения | Семьи |\n| --- | --- | --- |\n| Казахстан | 400 | 120 |\n| Кыргызстан | 300 | 90 |"
	if !strings.Contains(r.Body, want) || !strings.Contains(r.Body, "Всего посещено") {
		t.Errorf("body:\n%s\nwant it to hold\n%s", r.Body, want)
	}
	if len(r.Countries) != 2 || r.Countries[0] != "KZ" {
		t.Errorf("countries %v", r.Countries)
	}
	checkBody(t, r.Body)
	for _, crumbs := range []string{"Главная | Новости | Общество", "Home / News / Central Asia"} {
		if kind(crumbs) == "" {
			t.Errorf("%q is kept", crumbs)
		}
	}
}

// TestForwardedMail: the headers of a forwarded e-mail go; its subject,
// without "FW:", is the headline, and the dateline under it gives the date.
func TestForwardedMail(t *testing.T) {
	for _, head := range []string{
		"-----Original Message-----\nFrom: Press Service <press@mfa.kz>\nSent: Thursday, March 12, 2026 2:05 PM\nTo: editors@example.kz\nSubject: FW: Замминистра принял делегацию МККК\n",
		"---------- Forwarded message ---------\nОт: Пресс-служба <press@mfa.kz>\nDate: Thu, 12 Mar 2026 at 14:05\nSubject: Fwd: Замминистра принял делегацию МККК\nTo: <editors@example.kz>\n",
	} {
		for _, headline := range []string{"", "Замминистра принял делегацию МККК\n"} {
			text := head + "\n" + headline + "Астана, 11 марта 2026 г. – Заместитель министра иностранных дел Казахстана принял делегацию МККК.\nСтороны обсудили сотрудничество.\n"
			r := parseOK(t, text, nil)
			if r.Title != "Замминистра принял делегацию МККК" || r.Date.Format(time.DateOnly) != "2026-03-11" ||
				!strings.HasPrefix(r.Body, "Заместитель министра") || strings.Contains(r.Body, "press@") {
				t.Errorf("%q: title %q, date %s, body\n%s", text, r.Title, r.Date.Format(time.DateOnly), r.Body)
			}
		}
	}
}

// TestForwardedMailDate: a forwarded or saved e-mail's sending date,
// in the forms mail programs write it, gives the year of a dateline that
// gives none, and the date of a text that gives none, with a note to
// check it; the text's own full date wins over it.
func TestForwardedMailDate(t *testing.T) {
	body := "Замминистра принял делегацию МККК\n%sЗаместитель министра иностранных дел Казахстана принял делегацию МККК.\nСтороны обсудили сотрудничество.\n"
	cp1251 := mustEncode(t, charmap.Windows1251, fmt.Sprintf(body, "Астана, 11 ноября – "))
	for _, head := range []string{
		"-----Original Message-----\nFrom: Press Service <press@mfa.kz>\nSent: Tuesday, November 11, 2025 2:05 PM\nTo: editors@example.kz\nSubject: FW: Замминистра принял делегацию МККК\n\n",
		"---------- Forwarded message ---------\nОт: Пресс-служба <press@mfa.kz>\nDate: Tue, Nov 11, 2025 at 2:05 PM\nSubject: Fwd: Замминистра\nTo: <editors@example.kz>\n\n",
		"От: Пресс-служба <press@mfa.kz>\nОтправлено: 11 ноября 2025 г. 14:05\nКому: editors@example.kz\nТема: Замминистра\n\n",
		"From: press@mfa.kz\nDate: Tue, 11 Nov 2025 14:05:00 +0500\nMIME-Version: 1.0\nSubject: =?utf-8?q?Fwd?=\nContent-Type: text/plain; charset=windows-1251\n\n",
	} {
		for _, c := range []struct{ dateline, date string }{{"Астана, 11 ноября – ", "2025-11-11"}, {"Астана, 10 ноября 2025 г. – ", "2025-11-10"}, {"", "2025-11-11"}} {
			text := head + fmt.Sprintf(body, c.dateline)
			if strings.Contains(head, "MIME") {
				if c.dateline != "Астана, 11 ноября – " {
					continue
				}
				text = head + cp1251
			}
			r := parseOK(t, text, nil)
			if r.Date.Format(time.DateOnly) != c.date || r.Title != "Замминистра принял делегацию МККК" || strings.Contains(r.Body, "2025") {
				t.Errorf("%q: date %s, want %s; title %q, body %q", text, r.Date.Format(time.DateOnly), c.date, r.Title, r.Body)
			}
			sent := slices.ContainsFunc(r.Notes, func(n string) bool { return strings.Contains(n, "when the e-mail was sent (2025-11-11)") })
			if sent != (c.dateline == "") {
				t.Errorf("%q: notes %q", text, r.Notes)
			}
			if c.dateline == "Астана, 11 ноября – " && !strings.Contains(how(r, "date"), "not after the e-mail was sent") {
				t.Errorf("%q: date found %q", text, how(r, "date"))
			}
		}
	}
}

// TestHeadlineWithStop: a headline line ending with a full stop, above
// the dateline, is the headline, not the lead's first paragraph.
func TestHeadlineWithStop(t *testing.T) {
	for _, text := range []string{
		"ICRC opens new office in Khorog.\nDUSHANBE, March 12 (Asia-Plus) – The ICRC has opened an office in Khorog, Tajikistan.\nIt will help families.",
		"МККК открыл офис в Хороге.\n\nДУШАНБЕ, 12 марта — Sputnik. МККК открыл офис в Хороге, в Таджикистане.\nОн поможет семьям.",
	} {
		r := parseOK(t, text, nil)
		first, _, _ := strings.Cut(text, ".")
		if r.Title != first || strings.Contains(r.Body, first+".") || strings.Contains(how(r, "headline"), "proposed") {
			t.Errorf("%q: title %q (%s), body\n%s", text, r.Title, how(r, "headline"), r.Body)
		}
	}
	// A one-sentence lead with no dateline under it stays the lead.
	r := parseOK(t, "The ICRC opened an office in Khorog.\nIt will help families in Tajikistan.", func(o *Options) { o.Date = today })
	if !strings.HasPrefix(r.Body, "The ICRC opened an office in Khorog.") {
		t.Errorf("lead lost: %q", r.Body)
	}
}

// TestQuotedTag: an agency's name in quotation marks closing a dateline
// is its tag, not a quotation opening the lead.
func TestQuotedTag(t *testing.T) {
	for _, c := range []struct{ text, source string }{
		{"ДУШАНБЕ, 12 марта 2026, «Азия-Плюс» — МККК выделит средства агентству по разминированию Таджикистана.", "Азия-Плюс"},
		{"Dushanbe, March 12, \"Asia-Plus\" – The ICRC will fund the mine action agency of Tajikistan.", "Asia-Plus"},
	} {
		r := parseOK(t, c.text+"\nВторой абзац.", nil)
		if r.Source != c.source || strings.HasPrefix(r.Body, ">") || strings.Contains(r.Body, "Плюс»") || strings.Contains(r.Body, "Plus\"") {
			t.Errorf("%q: source %q, body\n%s", c.text, r.Source, r.Body)
		}
	}
	// A quoted name that is the lead's subject stays.
	r := parseOK(t, "АСТАНА, 3 сентября. «Казахстан Темир Жолы» и МККК подписали меморандум.\nВторой абзац.", nil)
	if !strings.HasPrefix(r.Body, "«Казахстан Темир Жолы» и МККК") {
		t.Errorf("subject lost: %q", r.Body)
	}
}

// TestBareDatelineStop: "YEREVAN. –", a place with a stop and a dash and
// no date, is a dateline too.
func TestBareDatelineStop(t *testing.T) {
	for _, dl := range []string{"YEREVAN. – ", "ЕРЕВАН. — ", "BAKU, – "} {
		r := parseOK(t, "ICRC head meets Ombudsman\n"+dl+"The head of the ICRC delegation met the Ombudsman of Armenia.\nThey discussed detainees.", func(o *Options) { o.Date = today })
		if !strings.HasPrefix(r.Body, "The head of the ICRC") {
			t.Errorf("%q: body %q", dl, r.Body)
		}
	}
}

// TestSiteLines: lines of the site in forms not seen before go: a
// relative timestamp, a share call with a colon, a call to follow a
// channel or to download an app, a "more on the site" line, a caption
// ending with its credit; the news beside them stays.
func TestSiteLines(t *testing.T) {
	for _, line := range []string{"Updated 2 hours ago", "Обновлено 5 минут назад", "3 days ago", "Вчера, 14:05", "Сегодня в 09:30",
		"Поделиться:", "Share:", "Бөлісу:",
		"Stay up-to-date with more news at Trend News Agency's WhatsApp channel", "Download the UN News app for your iOS or Android devices.",
		"Скачайте мобильное приложение Tengrinews", "Keep up with the latest news on our Telegram channel",
		"Подробнее на сайте report.az", "Read more at apa.az", "Full story on kazinform.kz",
		"Baku, Azerbaijan. ICRC staff at the handover. © ICRC / A. Mammadov", "Сотрудники МККК в Баку. Архивное фото",
		"Volunteers unload aid in Barda (file photo)"} {
		if kind(line) == "" {
			t.Errorf("%q is kept", line)
		}
	}
	for _, line := range []string{"The ICRC said 2 hours ago that the talks had ended.", "Вчера МККК передал помощь 300 семьям.",
		"Families can download the ICRC app to look for relatives.", "The ICRC shared photos © of the handover with families, it said.",
		"Подробнее о программе МККК рассказал глава делегации.", "The delegation will stay up to date with the needs of families."} {
		if k := kind(line); k != "" {
			t.Errorf("%q is dropped as %s", line, k)
		}
	}
}

// TestAgencyLine: an agency's name on a line of its own, in the middle
// of the text or after it, is its tag: the source, not a paragraph.
func TestAgencyLine(t *testing.T) {
	for _, c := range []struct{ line, source string }{{"APA", "APA"}, {"Report.az", "Report.az"}, {"Vlast.kz", "Vlast.kz"}} {
		text := "Сотрудники МККК посетили Тартарский район\nСотрудники МККК 12 марта 2026 года посетили Тартарский район Азербайджана.\n" +
			c.line + "\nОни встретились с семьями пропавших без вести.\n"
		r := parseOK(t, text, nil)
		if r.Source != c.source || strings.Contains(r.Body, c.line) || !strings.Contains(r.Body, "Они встретились") {
			t.Errorf("%q: source %q, body\n%s", c.line, r.Source, r.Body)
		}
	}
	// A country or a word alone on a line is not an agency.
	r := parseOK(t, "ICRC aid\nThe ICRC delivered aid on 12 March 2026.\nKazakhstan\nMore aid is planned.", nil)
	if r.Source != "" || !strings.Contains(r.Body, "Kazakhstan") {
		t.Errorf("source %q, body %q", r.Source, r.Body)
	}
}

// TestCapitalHeadline: a headline in capitals is written in the case the
// text writes its words in, and import says to check it.
func TestCapitalHeadline(t *testing.T) {
	r := parseOK(t, "МККК И АЗЕРБАЙДЖАН ПОДПИСАЛИ СОГЛАШЕНИЕ О СОТРУДНИЧЕСТВЕ\nБаку, 12 марта, АЗЕРТАДЖ. Международный комитет Красного Креста и правительство Азербайджана подписали соглашение о сотрудничестве.\nДокумент подписали в Баку.", nil)
	if r.Title != "МККК и Азербайджан подписали соглашение о сотрудничестве" || !strings.Contains(how(r, "headline"), "check") {
		t.Errorf("title %q (%s)", r.Title, how(r, "headline"))
	}
	r = parseOK(t, "ICRC, KAZAKHSTAN SIGN AGREEMENT ON MINE ACTION\nASTANA, March 12 (Kazinform) - The ICRC and Kazakhstan signed an agreement.\nIt covers mine action.", nil)
	if r.Title != "ICRC, Kazakhstan sign agreement on mine action" {
		t.Errorf("title %q", r.Title)
	}
	// An acronym the text writes only at the start of its sentences.
	r = parseOK(t, "UNICEF AND ICRC DELIVER WATER TO BARDA\nBARDA, March 12 (APA) - UNICEF delivered water to Barda with the Red Cross. ICRC trucks carried it.\nThe water serves 300 families.", nil)
	if r.Title != "UNICEF and ICRC deliver water to Barda" {
		t.Errorf("title %q", r.Title)
	}
	// A quotation after a colon opens with a capital, as a sentence does.
	r = parseOK(t, "МККК: «НОРМЫ МГП ДОЛЖНЫ СОБЛЮДАТЬСЯ ВСЕМИ»\nБишкек, 2 декабря /Кабар/. Глава делегации МККК призвал соблюдать нормы гуманитарного права.\nОн выступил в Бишкеке.", nil)
	if r.Title != "МККК: «Нормы МГП должны соблюдаться всеми»" {
		t.Errorf("title %q", r.Title)
	}
}

// TestPageDateInList: a page that shows its date in a list of details
// beside its headline ("Posted" and the date in a <dl>, as ReliefWeb's
// do) is dated by it, each item read as a line of its own.
func TestPageDateInList(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><title>Kyrgyzstan: ICRC supports families of missing migrants - Kyrgyzstan | ReliefWeb</title>
<meta property="og:site_name" content="ReliefWeb"></head><body><main><article><h1>Kyrgyzstan: ICRC supports families of missing migrants</h1>
<dl><dt>Format</dt><dd>News and Press Release</dd><dt>Source</dt><dd>ICRC</dd><dt>Posted</dt><dd>12 Mar 2026</dd></dl>
<div><p>The International Committee of the Red Cross has launched a programme to support families of Kyrgyz migrants who went missing abroad.</p>
<p>More than 300 families in Osh and Batken regions will receive support, the ICRC said.</p></div></article></main></body></html>`
	r, err := ParsePage([]byte(page), agencyOptions(t))
	if err != nil || r.Date.Format(time.DateOnly) != "2026-03-12" {
		t.Errorf("date %s, %v", r.Date.Format(time.DateOnly), err)
	}
}

// TestDonationAppeals: a site's call to give goes, as a button ("Donate
// now", "Пожертвовать") or a line asking the reader, and with it the
// bank details a heading or an appeal ending in a colon opens; import
// counts them among what it dropped. A sentence of news about
// donations, or quoted speech asking for help, stays.
func TestDonationAppeals(t *testing.T) {
	for _, line := range []string{"Donate now", "Donate", "DONATE TODAY!", "Make a donation", "Support our work: make a donation",
		"You can help — donate to the ICRC", "Help us help people affected by conflict. Donate today.", "Your donation helps families in Karabakh.",
		"Support our work", "❤ Donate now →", "Поддержите нашу работу", "Помочь", "Пожертвовать", "Сделать пожертвование", "Помочь сейчас",
		"Вы можете помочь пострадавшим, перечислив средства банковской картой или банковским переводом.",
		"Чтобы помочь пострадавшим, отправьте SMS на номер 7715.", "Ваше пожертвование поможет семьям пострадавших.",
		"Пожертвовать можно банковской картой на сайте общества.", "Donate by card or bank transfer:", "IBAN KZ12 3456 7890 1234 5678", "БИН 123456789012"} {
		if k := kind(line); k != "donation appeal" {
			t.Errorf("%q is %q, want a donation appeal", line, k)
		}
	}
	for _, line := range []string{"The ministry said donations reached 2 million manat.", "Donations reached 2 million manat, the ministry said.",
		"Пожертвования от жителей области составили 12 миллионов тенге, сообщили в обществе.", "«Помогите нам найти сына», — сказала мать.",
		"— Поддержите нас, — обратилась к жителям глава общества.", "Help us find our son, the mother said.",
		"The Halyk Bank donated 5 million tenge to the Red Crescent.", "Банк развития Казахстана выделил 300 млн тенге.",
		"Support for families of the missing will continue in 2027, the ICRC said.", "Помочь пострадавшим вызвались более 200 волонтеров.",
		"You can help, said the head of the delegation, by telling families about the hotline.",
		// news of blood given, reported words, words a money word is part of
		"To donate blood, residents can visit any of the society's 14 centres in Baku.",
		"You can donate blood once every three months, a doctor at the centre said.",
		"Every donation is tested and stored in the national blood bank, the society said.",
		"Your support saves lives, the society's head told volunteers on Monday.", "Каждое пожертвование крови проверяется в лаборатории.",
		"Вы можете помочь ускорить поиск, передав средства связи волонтёрам, сказал он.",
		"Помочь можно и по-другому: МККК принимает карты захоронений.",
		"Поддержите семьи пропавших, призвал он, отметив, что транспортные средства…", "ИНН 7701234567 указан в отчёте организации.",
		"Support families in the West Bank, the ICRC urged donors.", "Помогите собрать картофель, попросили фермеры.",
		"Donate blood, give life: Red Crescent opens a centre in Baku"} {
		if k := kind(line); k != "" {
			t.Errorf("%q is dropped as %s", line, k)
		}
	}
	// The first line is the headline, though it asks: only a button is none.
	for _, head := range []string{"Donate blood, give life: Red Crescent opens a centre in Baku", "Помогите найти: МККК и семьи пропавших просят о помощи",
		"Support our work: make a donation to families of the missing"} {
		if kept, _, _ := clean([]string{head, "The ICRC opened a centre in Baku."}); len(kept) != 2 {
			t.Errorf("headline %q: kept %q", head, kept)
		}
	}
	if kept, _, _ := clean([]string{"Donate now", "The ICRC opened a centre in Baku."}); len(kept) != 1 {
		t.Errorf("button above the headline: kept %q", kept)
	}
	// A bank detail opening a sentence is news; under an appeal's heading, a detail.
	if kept, _, _ := clean([]string{"МККК отчитался", "ИНН 7701234567 указан в отчёте организации.", "Реквизиты для пожертвований:", "ИНН 7701234567"}); len(kept) != 2 {
		t.Errorf("kept %q", kept)
	}
	text := "Красный Полумесяц помог пострадавшим от паводков\nАСТАНА, 3 апреля 2026 г. – Общество Красного Полумесяца Казахстана передало продукты 500 семьям.\n" +
		"Пожертвования жителей составили 12 миллионов тенге, сообщили в обществе.\nПоддержите нашу работу\nПомочь\n" +
		"Реквизиты для пожертвований:\nПолучатель: ОО «Казахстанское общество Красного Полумесяца»\nБИН 123456789012\nIBAN KZ12 3456 7890 1234 5678\nБанк: АО «Народный банк Казахстана»\n"
	r := parseOK(t, text, nil)
	if want := "Общество Красного Полумесяца Казахстана передало продукты 500 семьям.\n\nПожертвования жителей составили 12 миллионов тенге, сообщили в обществе."; r.Body != want {
		t.Errorf("body\n%s\nwant\n%s", r.Body, want)
	}
	if d := how(r, "dropped"); !strings.Contains(d, "donation appeal 7") {
		t.Errorf("dropped: %q", d)
	}
	// The editor is shown each line that went.
	if !slices.ContainsFunc(r.Notes, func(n string) bool {
		return strings.Contains(n, `donation appeals: "Поддержите нашу работу", "Помочь", "Реквизиты для пожертвований:", "Получатель: ОО`) &&
			strings.Contains(n, `"Банк: АО «Народный банк Казахстана»"; if one is news`)
	}) {
		t.Errorf("notes %q", r.Notes)
	}
	// News of giving blood, through import: all of it stays.
	text = "Donate blood, give life: Red Crescent opens a centre in Baku\nBAKU, 12 November 2026 (ICRC) – The Azerbaijan Red Crescent Society opened a blood centre in Baku.\n" +
		"To donate blood, residents can visit any of the society's 14 centres in Baku.\nYou can donate blood once every three months, a doctor at the centre said.\n" +
		"Every donation is tested and stored in the national blood bank, the society said.\nYour support saves lives, the society's head told volunteers on Monday.\n"
	r = parseOK(t, text, nil)
	if r.Title != "Donate blood, give life: Red Crescent opens a centre in Baku" || strings.Count(r.Body, "\n\n") != 4 || how(r, "dropped") != "" {
		t.Errorf("title %q, dropped %q, body\n%s", r.Title, how(r, "dropped"), r.Body)
	}
}

// TestDateLineAboveHeadline: a UN News story pasted from its page opens
// with its date and topic, on one line or two, above the headline: the
// date is the story's, the topic goes, and the headline is the line
// under them.
func TestDateLineAboveHeadline(t *testing.T) {
	lead := "\nThe UN Security Council heard on Monday that humanitarian needs in Central Asia are rising, with floods in Kazakhstan displacing thousands.\nThe ICRC said it would step up its assistance.\n"
	ruLead := "\nСовет Безопасности ООН в понедельник обсудил гуманитарную ситуацию в Центральной Азии, где паводки в Казахстане вынудили тысячи людей покинуть дома.\nМККК заявил, что расширит помощь.\n"
	cases := []struct{ text, title, topic string }{
		{"1 December 2026 Peace and Security\nSecurity Council hears of rising needs in Central Asia" + lead, "Security Council hears of rising needs in Central Asia", "Peace and Security"},
		{"1 December 2026\nHumanitarian Aid\nSecurity Council hears of rising needs in Central Asia" + lead, "Security Council hears of rising needs in Central Asia", "Humanitarian Aid"},
		{"1 December 2026 | Migrants and Refugees\nSecurity Council hears of rising needs in Central Asia" + lead, "Security Council hears of rising needs in Central Asia", "Migrants and Refugees"},
		{"1 декабря 2026 Мир и безопасность\nСовбез ООН обсудил гуманитарную ситуацию в Центральной Азии" + ruLead, "Совбез ООН обсудил гуманитарную ситуацию в Центральной Азии", "Мир и безопасность"},
		{"1 декабря 2026 года\nГуманитарная помощь\nСовбез ООН обсудил гуманитарную ситуацию в Центральной Азии" + ruLead, "Совбез ООН обсудил гуманитарную ситуацию в Центральной Азии", "Гуманитарная помощь"},
	}
	for _, c := range cases {
		r := parseOK(t, c.text, nil)
		if r.Title != c.title || r.Date.Format(time.DateOnly) != "2026-12-01" || strings.Contains(r.Body, c.topic) ||
			!strings.Contains(how(r, "date"), `its topic "`+c.topic+`" dropped`) || strings.Contains(how(r, "date"), "from the lead") {
			t.Errorf("%q: title %q, date %s (%s), body\n%s", c.text, r.Title, r.Date.Format(time.DateOnly), how(r, "date"), r.Body)
		}
	}
	// Under the site's masthead, the date alone: the headline follows it.
	r := parseOK(t, "UN News\nGlobal perspective Human stories\n1 December 2026\nSecurity Council hears of rising needs in Central Asia"+lead, nil)
	if r.Title != "Security Council hears of rising needs in Central Asia" || r.Source != "UN News" || r.Date.Format(time.DateOnly) != "2026-12-01" ||
		strings.Contains(r.Body, "Global perspective") || !strings.Contains(how(r, "date"), "the 2 lines above it") {
		t.Errorf("title %q, source %q, date %s (%s), body\n%s", r.Title, r.Source, r.Date.Format(time.DateOnly), how(r, "date"), r.Body)
	}
	// An agency or a place beside the date is no topic: the source, the dateline's place.
	besides := []struct{ text, source, how string }{
		{"12 March 2026 ICRC\nICRC and Kazakhstan sign an agreement on the emblem\nThe ICRC and Kazakhstan signed an agreement on the protection of the emblem on Thursday.\nIt takes effect in May.",
			"ICRC", `from the date line "12 March 2026 ICRC" above the headline, the agency beside it the source`},
		{"14 November 2025 Baku\nICRC hands over data on the missing\nThe ICRC handed over data on missing persons to the authorities in Baku on Friday.\nThe data cover 400 cases.",
			"", `from the dateline "14 November 2025 Baku" above the headline`},
		{"14 November 2025 Azerbaijan\nICRC hands over data on the missing\nThe ICRC handed over data on missing persons to the authorities on Friday.\nThe data cover 400 cases.",
			"", `from the dateline "14 November 2025 Azerbaijan" above the headline`},
		{"14 ноября 2025 БАКУ\nМККК передал данные о пропавших\nМККК передал властям данные о пропавших без вести в пятницу.\nДанные охватывают 400 случаев.",
			"", `from the dateline "14 ноября 2025 БАКУ" above the headline`},
	}
	for _, c := range besides {
		r := parseOK(t, c.text, nil)
		if r.Source != c.source || !strings.Contains(how(r, "date"), c.how) || strings.Contains(how(r, "date"), "topic") || strings.Contains(r.Title, "2025") || strings.Contains(r.Title, "2026") {
			t.Errorf("%q: title %q, source %q, date %s (%s)", c.text, r.Title, r.Source, r.Date.Format(time.DateOnly), how(r, "date"))
		}
	}
	// One line above the date line is the headline, not a masthead.
	r = parseOK(t, "Floods in Central Asia\n1 December 2026\nHumanitarian Aid\nUN agencies scale up support\nThe UN said on Monday that it scaled up support in Kazakhstan.", nil)
	if r.Title != "Floods in Central Asia" {
		t.Errorf("title %q", r.Title)
	}
	// A date opening a headline over the lead is not a date line with a topic.
	r = parseOK(t, "1 December 2026 Floods hit Batken\nThe floods displaced 300 families in Kyrgyzstan, officials said.\nAid is arriving.", nil)
	if r.Title != "1 December 2026 Floods hit Batken" || !strings.HasPrefix(r.Body, "The floods displaced") {
		t.Errorf("title %q, body %q", r.Title, r.Body)
	}
}

// TestLists: list items pasted as lines of their own become a Markdown
// list, numbered ones an ordered list, their text escaped; a dash that
// opens direct speech, or questions and answers, stays a paragraph.
func TestLists(t *testing.T) {
	cases := []struct{ in, want string }{
		{"В наборы вошли:\n• мука и масло;\n• гигиенические наборы *для женщин*;\n• одеяла.",
			"В наборы вошли:\n\n- мука и масло;\n- гигиенические наборы \\*для женщин\\*;\n- одеяла."},
		{"Помощь получили:\n1. 200 семей в Лейлеке;\n2. 150 семей в Кадамжае.", "Помощь получили:\n\n1. 200 семей в Лейлеке;\n2. 150 семей в Кадамжае."},
		{"Next steps:\n3) assessments in Leilek;\n4) a second round in Kadamjai.", "Next steps:\n\n3. assessments in Leilek;\n4. a second round in Kadamjai."},
		{"Стороны договорились:\nа) обмениваться данными;\nб) проводить учения.", "Стороны договорились:\n\n- а) обмениваться данными;\n- б) проводить учения."},
		{"The kits included:\n- flour and oil\n- #1 hygiene kits\n- 2. blankets", "The kits included:\n\n- flour and oil\n- \\#1 hygiene kits\n- 2\\. blankets"},
		{"* water tanks\n* pipes", "- water tanks\n- pipes"},
		{"Key points:\n– The ICRC delivered aid.\n– It will deliver more.", "Key points:\n\n- The ICRC delivered aid.\n- It will deliver more."},
		{"· first\n· second\n— third;\n— fourth", "- first\n- second\n\n* third;\n* fourth"},
		// Direct speech, a dialogue, a single item, a dateline's dash: paragraphs.
		{"— Мы продолжим работу, — сказал глава делегации.\n— И не остановимся, — добавил он.",
			"— Мы продолжим работу, — сказал глава делегации.\n\n— И не остановимся, — добавил он."},
		{"— Когда придет помощь?\n— В декабре.", "— Когда придет помощь?\n\n— В декабре."},
		{"— Здравствуйте\n— Добрый день. Мы вернулись вчера.\n— Когда вы уехали отсюда\n— В девяносто втором году.",
			"— Здравствуйте\n\n— Добрый день. Мы вернулись вчера.\n\n— Когда вы уехали отсюда\n\n— В девяносто втором году."},
		// Once speech begins in a run of dashes, the rest of the run is speech.
		{"В партию вошли:\n– 12 аппаратов ИВЛ;\n– перевязочные материалы.\n– Мы продолжим работу, – сказал глава делегации.\n– Когда\n– Завтра",
			"В партию вошли:\n\n- 12 аппаратов ИВЛ;\n- перевязочные материалы.\n\n– Мы продолжим работу, – сказал глава делегации.\n\n– Когда\n\n– Завтра"},
		// An item may hold an abbreviation: it is no second sentence.
		{"Пункты выдачи:\n— офис на ул. Ленина;\n— школа на пр. Абая.", "Пункты выдачи:\n\n- офис на ул. Ленина;\n- школа на пр. Абая."},
		{"Глава делегации сказал:\n— Мы продолжим работу.\n— Мы не остановимся.", "Глава делегации сказал:\n\n— Мы продолжим работу.\n\n— Мы не остановимся."},
		{"• only one\n1. not a list", "• only one\n\n1\\. not a list"},
		{"1. first\n3. third", "1\\. first\n\n3\\. third"},
		// Items followed by direct speech: the list ends where the speech begins.
		{"В партию вошли:\n– 12 аппаратов ИВЛ;\n– перевязочные материалы.\n– Мы продолжим работу, – сказал глава делегации.",
			"В партию вошли:\n\n- 12 аппаратов ИВЛ;\n- перевязочные материалы.\n\n– Мы продолжим работу, – сказал глава делегации."},
		{"BAKU. – The ICRC delivered aid.\n- It will deliver more.", "BAKU. – The ICRC delivered aid.\n\n\\- It will deliver more."},
		// A text wrapped at a width: a dash opening a line inside a sentence goes on with it.
		{"Глава делегации МККК в Баку на встрече с семьями пропавших сказал он, что главное\n— это поиск пропавших без вести, и МККК продолжит его вместе с властями,\n— а также поддержку их семей, которые ждут ответов уже много лет.",
			"Глава делегации МККК в Баку на встрече с семьями пропавших сказал он, что главное — это поиск пропавших без вести, и МККК продолжит его вместе с властями, — а также поддержку их семей, которые ждут ответов уже много лет."},
		{"The delegation said the priority\n- as families have asked for years\n- is the search for the missing.",
			"The delegation said the priority - as families have asked for years - is the search for the missing."},
		// Short items without stops are a list, introduced by a colon or not.
		{"В наборы вошли\n— мука\n— масло\n— одеяла", "В наборы вошли\n\n- мука\n- масло\n- одеяла"},
	}
	for _, c := range cases {
		body := markdown(lines(c.in))
		if body != c.want {
			t.Errorf("%q:\n%s\nwant\n%s", c.in, body, c.want)
		}
		checkBody(t, body)
	}
	// Through import, the items are not joined to the line above them.
	r := parseOK(t, "МККК передал помощь семьям\nБИШКЕК, 12 ноября. /Кабар/. МККК передал помощь семьям в Кыргызстане.\nВ наборы вошли\nа) мука\nб) масло", nil)
	if !strings.HasSuffix(r.Body, "В наборы вошли\n\n- а) мука\n- б) масло") {
		t.Errorf("body\n%s", r.Body)
	}
}

// TestPageControls: the controls of a pasted page go, as other lines of
// the site do: share buttons side by side ("Facebook Twitter Print
// Email"), a search box, a call to report a typo with Ctrl+Enter.
func TestPageControls(t *testing.T) {
	for _, line := range []string{"Facebook Twitter Print Email", "Share Facebook Twitter", "Facebook, Twitter, Print", "Поделиться ВКонтакте Telegram WhatsApp",
		"Search", "Advanced Search", "Поиск", "Нашли ошибку? Выделите ее и нажмите Ctrl+Enter", "Если вы нашли ошибку, выделите фрагмент текста и нажмите Ctrl+Enter",
		"Spotted a typo? Select it and press Ctrl+Enter"} {
		if kind(line) == "" {
			t.Errorf("%q is kept", line)
		}
	}
	for _, line := range []string{"Facebook removed the ICRC's post, the delegation said.", "The search for the missing goes on.", "Поиск пропавших продолжается.",
		"Ошибку в данных МЧС нашли волонтеры."} {
		if k := kind(line); k != "" {
			t.Errorf("%q is dropped as %s", line, k)
		}
	}
}

// TestTwoTimestamps: a text that gives two dates on timestamp lines, as
// ReliefWeb's "Posted" and "Originally published" do, is dated by the
// first, and import says to check the other.
func TestTwoTimestamps(t *testing.T) {
	r := parseOK(t, "ICRC supports families in Kyrgyzstan\nPosted\n12 Mar 2026\nOriginally published\n11 Mar 2026\nThe ICRC launched a programme for families in Kyrgyzstan.", nil)
	if r.Date.Format(time.DateOnly) != "2026-03-12" || !slices.ContainsFunc(r.Notes, func(n string) bool {
		return strings.Contains(n, `"11 Mar 2026"`) && strings.Contains(n, "2026-03-11")
	}) {
		t.Errorf("date %s, notes %q", r.Date.Format(time.DateOnly), r.Notes)
	}
}

// TestPastedStructures reads agency texts holding lists, dialogue and
// donation appeals: the body holds what it should, as Markdown the build
// accepts, and none of the site's lines.
func TestPastedStructures(t *testing.T) {
	cases := []struct {
		file       string
		want, gone []string
	}{
		{"trend-list-ru.txt", []string{"обсудили:\n\n- обмен информацией о местах захоронений;\n- работу с семьями пропавших;\n- судебно-медицинскую экспертизу."},
			[]string{"Следите", "Тэги"}},
		{"report-dialogue-ru.txt", []string{"\n\n– Это гуманитарный вопрос, и мы будем работать, пока у семей не будет ответов, – сказал он.\n\n– Сколько семей получили поддержку в этом году?\n\n– Более 400 семей"},
			[]string{"Подробнее", "WhatsApp", "- Это"}},
		{"azertac-list-en.txt", []string{"included:\n\n- heating stoves;\n- blankets and warm clothes;\n- food parcels.\n\n> \"Winter"}, []string{"Photo:", "©"}},
		{"kazinform-list-en.txt", []string{"agreed to:\n\n1. train rescuers in first aid;\n2. prepare for mass casualty incidents;\n3. promote"}, []string{"Follow"}},
		{"kaztag-list-ru.txt", []string{"обратились:\n\n- 1200 семей из Кыргызстана;\n- 900 семей из Таджикистана;\n- 600 семей из Узбекистана."}, []string{"Подписывайтесь"}},
		{"icrc-donate-ru.txt", []string{"— сказала глава делегации МККК в Бишкеке."}, []string{"Помочь\n", "пожертвование", "Осмонова", "+996"}},
		{"icrc-donate-en.txt", []string{"The ministry said donations reached 2 million manat."}, []string{"Donate", "donate", "Support our work"}},
	}
	opts := agencyOptions(t)
	for _, c := range cases {
		src, err := os.ReadFile(filepath.Join("testdata", "agencies", c.file))
		if err != nil {
			t.Fatal(err)
		}
		r, err := Parse(string(src), opts)
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(r.Body, w) {
				t.Errorf("%s: body lacks %q:\n%s", c.file, w, r.Body)
			}
		}
		for _, g := range c.gone {
			if strings.Contains(r.Body, g) {
				t.Errorf("%s: %q stays:\n%s", c.file, g, r.Body)
			}
		}
		checkBody(t, r.Body)
	}
}

// TestShortHeadlineAboveDetails: a short headline above ReliefWeb's
// details is the headline, not a masthead above a date line: the date
// under "Posted" has another date under it, not a headline.
func TestShortHeadlineAboveDetails(t *testing.T) {
	for _, title := range []string{"ICRC aids flood victims", "Tajikistan: Floods - Mar 2026", "Kyrgyzstan: ICRC supports families of missing migrants"} {
		text := title + "\nFormat\nNews and Press Release\nSource\nICRC\nPosted\n12 Mar 2026\nOriginally published\n11 Mar 2026\n" +
			"The ICRC has delivered aid to flood victims in Khatlon, Tajikistan.\nMore than 300 families received help.\n"
		r := parseOK(t, text, nil)
		if r.Title != title || r.Date.Format(time.DateOnly) != "2026-03-12" || r.Source != "ICRC" {
			t.Errorf("%q: title %q, date %s, source %q", title, r.Title, r.Date.Format(time.DateOnly), r.Source)
		}
	}
}

// TestShortBreadcrumb: a breadcrumb trail of two parts, from the site's
// home page to a section, goes like a longer one, and is not taken for
// the headline; a headline with a slash stays.
func TestShortBreadcrumb(t *testing.T) {
	for _, crumb := range []string{"Главная / Общество", "Home › News", "Главная » Новости Казахстана", "Басты бет / Қоғам", "Home > Where we work > Azerbaijan"} {
		text := crumb + "\n\nМККК и Таджикистан подписали меморандум\n\nДУШАНБЕ, 2 декабря 2026, «Азия-Плюс» — Глава делегации МККК встретился с министром юстиции Таджикистана.\n"
		r := parseOK(t, text, nil)
		if r.Title != "МККК и Таджикистан подписали меморандум" || strings.Contains(r.Body, crumb) {
			t.Errorf("%q: title %q, body %q", crumb, r.Title, r.Body)
		}
	}
	for _, line := range []string{"Главная задача МККК / помощь семьям", "Baku / Astana: ICRC talks"} {
		if k := kind(line); k != "" {
			t.Errorf("%q is dropped as %s", line, k)
		}
	}
}

// TestTabbedTable: a table copied from a page or a spreadsheet comes with
// its cells between tabs: two rows or more stay a table; a lone tab in a
// line is a space.
func TestTabbedTable(t *testing.T) {
	text := "ICRC aid to Central Asia in figures\nALMATY, Dec. 2, 2026 (Interfax-Kazakhstan) - The ICRC published its regional figures.\n" +
		"Country\tFamilies\tDetainees visited\nKazakhstan\t4,000\t1,200\nKyrgyzstan\t6,500\t\t800\n\nTel:\t+7 727 258 00 00 is the delegation's line.\n"
	r := parseOK(t, text, nil)
	want := "| Country | Families | Detainees visited |\n| --- | --- | --- |\n| Kazakhstan | 4,000 | 1,200 |\n| Kyrgyzstan | 6,500 | 800 |"
	if !strings.Contains(r.Body, want) || !strings.Contains(r.Body, "Tel: +7 727 258 00 00 is") {
		t.Errorf("body:\n%s\nwant it to hold\n%s", r.Body, want)
	}
	checkBody(t, r.Body)
}

// TestPastedMarkdownTable: a table pasted with its Markdown delimiter row
// under the header ("|---|:--:|"), or rules between its rows, keeps its
// rows of figures; the rules are no row of dashes.
func TestPastedMarkdownTable(t *testing.T) {
	for _, rule := range []string{"|---|---|", "| :-- | --: |", "-----|-----"} {
		text := "ICRC aid to Central Asia in figures\nALMATY, Dec. 2, 2026 (Interfax-Kazakhstan) - The ICRC published its regional figures.\n" +
			"| Country | Families |\n" + rule + "\n| Kazakhstan | 4,000 |\n" + rule + "\n| Kyrgyzstan | 6,500 |\n\nThe figures are the year's.\n"
		r := parseOK(t, text, nil)
		want := "| Country | Families |\n| --- | --- |\n| Kazakhstan | 4,000 |\n| Kyrgyzstan | 6,500 |\n\nThe figures are the year's."
		if !strings.Contains(r.Body, want) {
			t.Errorf("%q: body:\n%s\nwant it to hold\n%s", rule, r.Body, want)
		}
		checkBody(t, r.Body)
	}
}

// TestBylines: an author's line goes, alone ("By Leyla Aliyeva"), with
// the agency ("By Leyla Aliyeva – Trend:"), or beside the timestamp
// ("02 декабря 2026, 02:30 · Автор: Асель Нурланова"), which still dates
// the text; a sentence opening with "By" stays.
func TestBylines(t *testing.T) {
	for _, c := range []struct{ text, date string }{
		{"ICRC hands Azerbaijan new data on missing persons\nBAKU, Azerbaijan, Nov. 24. By Leyla Aliyeva – Trend:\nThe ICRC has handed over new information on missing persons.\nThe families were told.", "2026-11-24"},
		{"ICRC hands Azerbaijan new data on missing persons\nBy Kamila Aliyeva, Trend\nBAKU, 2 December 2026 – The ICRC has handed over new information on missing persons.\nThe families were told.", "2026-12-02"},
		{"ICRC hands Azerbaijan new data on missing persons\nBy A. Mammadov and J. Smith\nBAKU, 2 December 2026 – The ICRC has handed over new information on missing persons.\nThe families were told.", "2026-12-02"},
		{"МККК передал помощь семьям\n02 декабря 2026, 02:30 · Автор: Асель Нурланова\nМеждународный комитет Красного Креста передал помощь 300 семьям в Казахстане.\nВ наборы вошли продукты.", "2026-12-02"},
		{"МККК передал помощь семьям\n01.12.2026 | Автор: Асель Нурланова\nМеждународный комитет Красного Креста передал помощь 300 семьям в Казахстане.\nВ наборы вошли продукты.", "2026-12-01"},
	} {
		r := parseOK(t, c.text, nil)
		if strings.Contains(r.Body, "Aliyeva") || strings.Contains(r.Body, "Smith") || strings.Contains(r.Body, "Нурланова") ||
			r.Date.Format(time.DateOnly) != c.date || !strings.Contains(r.Body, "300 семьям") && !strings.Contains(r.Body, "new information") {
			t.Errorf("%q: date %s, body %q", c.text, r.Date.Format(time.DateOnly), r.Body)
		}
	}
	if k := kind("By Tuesday the ICRC had delivered aid to 300 families."); k != "" {
		t.Errorf("a sentence is dropped as %s", k)
	}
}

// TestBylineHeadline: a headline in title case that opens with "By" is
// the headline, not an author's line.
func TestBylineHeadline(t *testing.T) {
	r := parseOK(t, "By Sea And Air, Aid Reaches Osh\nOSH, 2 December 2026 – Aid reached Kyrgyzstan's south on Tuesday.", nil)
	if r.Title != "By Sea And Air, Aid Reaches Osh" {
		t.Errorf("title %q", r.Title)
	}
}

// TestMailedPressRelease: a press release received by e-mail has its
// subject, without "PRESS RELEASE:", for headline, the agency whose site
// the sender's address is on for source, and none of the mail's footer.
func TestMailedPressRelease(t *testing.T) {
	for _, c := range []struct{ from, subject, title, source string }{
		{"ICRC Baku <baku@icrc.org>", "PRESS RELEASE: ICRC supports mine victims in Azerbaijan", "ICRC supports mine victims in Azerbaijan", "ICRC"},
		{"press@trend.az", "FW: News release – ICRC supports mine victims in Azerbaijan", "ICRC supports mine victims in Azerbaijan", "Trend"},
		{"Press Office <press@mfa.gov.kz>", "Пресс-релиз: МККК поддерживает пострадавших от мин", "МККК поддерживает пострадавших от мин", ""},
	} {
		text := "From: " + c.from + "\nSent: Wednesday, December 2, 2026 10:15 AM\nTo: newsroom@example.org\nSubject: " + c.subject + "\n\n" +
			"BAKU, 2 December 2026 – The International Committee of the Red Cross (ICRC) has handed over 200 prosthetic limbs to the ministry.\n" +
			"The donation will help mine survivors in Fuzuli and Aghdam.\n\n" +
			"This e-mail and any attachments are confidential. If you received it in error, please notify the sender and delete it.\n" +
			"Please consider the environment before printing this e-mail.\nSent from my iPhone\n"
		r := parseOK(t, text, nil)
		if r.Title != c.title || r.Source != c.source || strings.Contains(r.Body, "confidential") || strings.Contains(r.Body, "printing") ||
			strings.Contains(r.Body, "iPhone") || !strings.Contains(r.Body, "Fuzuli and Aghdam.") {
			t.Errorf("%q: title %q, source %q, body\n%s", c.from, r.Title, r.Source, r.Body)
		}
	}
	for _, line := range []string{"The ICRC said the e-mail it sent the ministry was confidential.", "Sent from Baku, the aid reached Fuzuli on Monday.",
		"This message is intended for families of the missing, the ICRC said.", "This message of hope was intended for the families in Aghdam."} {
		if k := kind(line); k != "" {
			t.Errorf("%q is dropped as %s", line, k)
		}
	}
}

// TestProposedHeadlineStop: a headline proposed from a lead of one
// sentence, ending on an abbreviation, has no full stop of its own.
func TestProposedHeadlineStop(t *testing.T) {
	for _, c := range []struct{ lead, title string }{
		{"АСТАНА. 2 декабря. ИНТЕРФАКС-КАЗАХСТАН - Президент МККК прибыла в Казахстан с официальным визитом по приглашению МИД РК.",
			"Президент МККК прибыла в Казахстан с официальным визитом по приглашению МИД РК"},
		{"BAKU, Dec. 2 (Trend) - The ICRC met officials of Azerbaijan in Baku on Dec. 2.", "The ICRC met officials of Azerbaijan in Baku on Dec. 2"},
	} {
		for _, sep := range []string{"\n", "\n\n"} {
			r := parseOK(t, c.lead+sep+"В ходе визита запланированы встречи."+sep+"Как сообщалось, в 2025 году МККК открыл офис в Алматы.", nil)
			if r.Title != c.title {
				t.Errorf("title %q, want %q", r.Title, c.title)
			}
		}
	}
}

// TestAgencyMasthead: the agency's name opening a pasted page, with or
// without "News Agency", is its masthead, the source, not the headline.
func TestAgencyMasthead(t *testing.T) {
	for _, c := range []struct{ masthead, source string }{{"AKIpress News Agency", "AKIpress"}, {"Trend News Agency", "Trend"},
		{"Информационное агентство Кабар", "Kabar"}, {"Kun.uz", "Kun.uz"}, {"APA", "APA"}} {
		text := c.masthead + "\n02/12/26 13:05\n\nICRC and Kyrgyzstan discuss detention conditions\n\n" +
			"The ICRC head of delegation in Bishkek met the Ombudsman of the Kyrgyz Republic on Tuesday.\nThey discussed detention conditions.\n"
		r := parseOK(t, text, nil)
		if r.Title != "ICRC and Kyrgyzstan discuss detention conditions" || r.Source != c.source || strings.Contains(r.Body, c.masthead) {
			t.Errorf("%q: title %q, source %q, body %q", c.masthead, r.Title, r.Source, r.Body)
		}
	}
	// A headline naming an agency is a headline.
	if r := parseOK(t, "Trend News Agency turns 30\nBAKU, 2 December 2026 – Trend marked its anniversary.\nGuests came.", nil); r.Title != "Trend News Agency turns 30" {
		t.Errorf("title %q", r.Title)
	}
}

// TestRelativeDate: a text whose only date is the site's relative one
// ("Сегодня, 14:05", "Yesterday, 18:30", "3 hours ago") above the
// headline is dated by the day of the import, and import says to check
// it; a real date in the text wins over it.
func TestRelativeDate(t *testing.T) {
	for _, c := range []struct{ line, date string }{{"Сегодня, 14:05", "2026-12-01"}, {"Вчера, 18:30", "2026-11-30"},
		{"Yesterday at 18:30", "2026-11-30"}, {"Today", "2026-12-01"}, {"Updated 3 hours ago", "2026-12-01"}, {"2 days ago", "2026-11-29"}} {
		text := c.line + "\n\nВ Бишкеке прошел семинар МККК для военных\n\nМеждународный комитет Красного Креста провел семинар для военнослужащих Кыргызстана.\nВ семинаре приняли участие 40 офицеров.\n"
		r := parseOK(t, text, nil)
		if r.Date.Format(time.DateOnly) != c.date || strings.Contains(r.Body, c.line) || r.Title != "В Бишкеке прошел семинар МККК для военных" ||
			!slices.ContainsFunc(r.Notes, func(n string) bool { return strings.Contains(n, quote(c.line)) }) {
			t.Errorf("%q: date %s, title %q, notes %q", c.line, r.Date.Format(time.DateOnly), r.Title, r.Notes)
		}
	}
	// Hours and minutes count back from the clock where the site is, and
	// may reach yesterday, or further.
	almaty := time.FixedZone("+05", 5*3600)
	now := time.Date(2026, 12, 1, 3, 30, 0, 0, time.UTC) // 08:30 in Almaty
	for _, c := range []struct{ line, date string }{{"23 hours ago", "2026-11-30"}, {"5 hours ago", "2026-12-01"},
		{"10 часов назад", "2026-11-30"}, {"600 минут назад", "2026-11-30"}, {"30 минут назад", "2026-12-01"},
		{"an hour ago", "2026-12-01"}, {"50 hrs ago", "2026-11-29"}, {"90 секунд назад", "2026-12-01"}, {"3 сағат бұрын", "2026-12-01"},
		{"9 сағат бұрын", "2026-11-30"}} {
		text := c.line + "\n\nВ Бишкеке прошел семинар МККК для военных\n\nМеждународный комитет Красного Креста провел семинар для военнослужащих Кыргызстана.\nВ семинаре приняли участие 40 офицеров.\n"
		r := parseOK(t, text, func(o *Options) { o.Now, o.Location = now, almaty })
		if r.Date.Format(time.DateOnly) != c.date || !slices.ContainsFunc(r.Notes, func(n string) bool { return strings.Contains(n, "2026-12-01 08:30") }) {
			t.Errorf("%q at 08:30: date %s, want %s; notes %q", c.line, r.Date.Format(time.DateOnly), c.date, r.Notes)
		}
	}
	// A count of days no site shows is no date.
	if _, err := Parse("12345 days ago\n\nICRC seminar in Bishkek\n\nThe ICRC held a seminar for the military of Kyrgyzstan.\n", agencyOptions(t)); !errors.Is(err, ErrNoDate) {
		t.Errorf("12345 days ago: %v, want ErrNoDate", err)
	}
	r := parseOK(t, "Сегодня, 14:05\nМККК провел семинар\nБИШКЕК, 28 ноября 2026. /Кабар/. МККК провел семинар по МГП.\n", nil)
	if r.Date.Format(time.DateOnly) != "2026-11-28" {
		t.Errorf("date %s: the dateline should win", r.Date.Format(time.DateOnly))
	}
}

// TestTimestampParts: a timestamp line whose date stands beside a place,
// a topic, a time, a counter or another date, between bars or bullets,
// dates the text and goes; so does a date written year first with
// slashes. A row of a table holding a date is no timestamp.
func TestTimestampParts(t *testing.T) {
	for _, line := range []string{"Астана • 2 ноября 2026 • 14:05", "02.11.2026 | 14:05 | Общество",
		"Опубликовано: 2 ноября 2026 14:05 | Обновлено: 3 ноября 2026 15:00", "2026/11/02",
		"2 ноября 2026 · 14:05 · 1 523 просмотра", "Society | 2 November 2026"} {
		text := line + "\n\nМККК передал помощь семьям\n\nМеждународный комитет Красного Креста передал помощь 300 семьям в Казахстане.\nВ наборы вошли продукты.\n"
		r := parseOK(t, text, nil)
		if r.Date.Format(time.DateOnly) != "2026-11-02" || r.Title != "МККК передал помощь семьям" || strings.Contains(r.Body, "2026") {
			t.Errorf("%q: date %s, title %q, body %q", line, r.Date.Format(time.DateOnly), r.Title, r.Body)
		}
	}
	for _, row := range []string{"02.11.2026 | Ош | 200", "Казахстан | 02.11.2026 | 400"} {
		if isStamp(row) {
			t.Errorf("%q is taken for a timestamp", row)
		}
	}
}

// TestProposedHeadlineAttribution: a headline proposed from a lead ends
// before the clause that says who reported it; the lead keeps it.
func TestProposedHeadlineAttribution(t *testing.T) {
	for _, c := range []struct{ lead, title string }{
		{"Баку, Азербайджан, 2 ноября, Trend:\nМККК передал Азербайджану останки 12 человек, сообщает Trend со ссылкой на Государственную комиссию.",
			"МККК передал Азербайджану останки 12 человек"},
		{"АСТАНА. 2 ноября. ИНТЕРФАКС-КАЗАХСТАН - Президент МККК прибыла в Казахстан с официальным визитом, сообщила пресс-служба МИД РК.",
			"Президент МККК прибыла в Казахстан с официальным визитом"},
		{"BAKU, Nov. 2 (Trend) - The ICRC handed over the remains of 12 people to Azerbaijan, the State Commission said on Monday.",
			"The ICRC handed over the remains of 12 people to Azerbaijan"},
		{"BAKU, Nov. 2 (Trend) - Aid arrived, officials said.", "Aid arrived, officials said"},
	} {
		r := parseOK(t, c.lead+"\nПередача прошла при посредничестве МККК.", nil)
		if r.Title != c.title || !strings.Contains(r.Body, strings.TrimSuffix(c.title, ", officials said")+",") && !strings.Contains(r.Body, c.title) {
			t.Errorf("title %q, want %q; body %q", r.Title, c.title, r.Body)
		}
	}
}

// TestListBullets: the bullets word processors and sites paste, checks,
// arrows and triangles, make a list as "•" does.
func TestListBullets(t *testing.T) {
	for _, b := range []string{"✔", "✓", "➢", "►", "▶", "‣", "⁃", "○", "■", "◆", "❖", "→"} {
		text := "МККК подвел итоги года\nАЛМАТЫ, 28 ноября 2026. /КазТАГ/ - Делегация МККК подвела итоги года в Казахстане. Организация:\n" +
			b + " помогла семьям;\n" + b + " провела семинары.\nЭто важно."
		r := parseOK(t, text, nil)
		if !strings.Contains(r.Body, "Организация:\n\n- помогла семьям;\n- провела семинары.\n\nЭто важно.") {
			t.Errorf("%s: body\n%s", b, r.Body)
		}
		checkBody(t, r.Body)
	}
}

// TestHeadlineWithSiteName: a headline copied from the browser's tab,
// with the site's name after a dash or a bar, is the headline without
// it, and the site is the source; a headline with a dash stays whole.
func TestHeadlineWithSiteName(t *testing.T) {
	for _, c := range []struct{ first, title, source string }{
		{"МККК передал помощь семьям - Kazinform", "МККК передал помощь семьям", "Казинформ"},
		{"МККК передал помощь семьям | Tengrinews.kz", "МККК передал помощь семьям", "Tengrinews.kz"},
		{"ICRC aid arrives in Osh – AKIpress News Agency", "ICRC aid arrives in Osh", "АКИpress"},
		{"Kazakhstan - ICRC talks on missing persons", "Kazakhstan - ICRC talks on missing persons", ""},
		{"МККК передал помощь семьям — Trend", "МККК передал помощь семьям", "Trend"},
		{"МККК передал помощь семьям - РИА Новости, 28.11.2026", "МККК передал помощь семьям", "РИА Новости"},
	} {
		r := parseOK(t, c.first+"\nБИШКЕК, 28 ноября 2026. Международный комитет Красного Креста передал помощь 300 семьям в Кыргызстане.\nВ наборы вошли продукты.\n", nil)
		if r.Title != c.title || r.Source != c.source {
			t.Errorf("%q: title %q, source %q", c.first, r.Title, r.Source)
		}
	}
}

// TestTabbedContacts: contacts aligned with tabs, a label and its value,
// are a contacts block, not a table.
func TestTabbedContacts(t *testing.T) {
	text := "ICRC visits detainees\nBAKU, 2 November 2026 – The ICRC visited detainees in Azerbaijan.\nThe visits will go on.\n" +
		"Tel:\t+994 12 000 00 00\nE-mail:\tihuseynova@icrc.org\n"
	r := parseOK(t, text, nil)
	if strings.Contains(r.Body, "Tel") || strings.Contains(r.Body, "icrc.org") || strings.Contains(r.Body, "|") {
		t.Errorf("body %q", r.Body)
	}
}

// TestMastheadAboveHeadline: the lines a site's masthead puts above the
// headline, its name, a menu, a rubric of two words, a language switch,
// are dropped, and the headline under them is the headline.
func TestMastheadAboveHeadline(t *testing.T) {
	headline := "МККК передал помощь семьям пропавших без вести в Казахстане"
	lead := "АСТАНА, 2 декабря. Международный комитет Красного Креста передал помощь 300 семьям пропавших без вести, сообщили в организации.\nПомощь продолжится."
	for _, top := range []string{"Tengrinews.kz\nКазахстан\nМир\nСпорт", "Report.az\nВнешняя политика", "Қазақша   Русский   English",
		"KZ | RU | EN\nГлавная / Общество", "«Азия-Плюс»\nОбщество", "Foreign policy"} {
		r := parseOK(t, top+"\n\n"+headline+"\n\n02.12.2026, 14:35\n\n"+lead, nil)
		if r.Title != headline || strings.Contains(r.Body, headline) || strings.Contains(r.Body, "Мир") {
			t.Errorf("%q: title %q, body %q", top, r.Title, r.Body)
		}
	}
	// A short headline over a subtitle stays the headline.
	r := parseOK(t, "Помощь семьям\n\nМККК передал наборы 300 семьям пропавших без вести\n\n"+lead, nil)
	if r.Title != "Помощь семьям" {
		t.Errorf("title %q", r.Title)
	}
}

// TestTerminalCodes: the colour codes of a text copied from a terminal or
// a bot go whole, not only their escape character.
func TestTerminalCodes(t *testing.T) {
	r := parseOK(t, "\x1b[1mМККК передал помощь семьям\x1b[0m\n\nАСТАНА, 2 декабря. МККК передал помощь \x1b[0;31m300\x1b[m семьям в Казахстане.\n", nil)
	if r.Title != "МККК передал помощь семьям" || strings.Contains(r.Body, "[") || !strings.Contains(r.Body, "помощь 300 семьям") {
		t.Errorf("title %q, body %q", r.Title, r.Body)
	}
}

// TestDomainTag: an agency's tag written as its site, "INTERFAX.KZ",
// is read whole, not cut at its dot.
func TestDomainTag(t *testing.T) {
	for _, tag := range []string{"INTERFAX.KZ", "Interfax.kz", "Kazinform.kz"} {
		r := parseOK(t, "Алматы. 2 декабря. "+tag+" – Делегация МККК провела семинар для прокуроров в Астане, сообщила пресс-служба.\nСеминар продлится два дня.", nil)
		if strings.HasPrefix(r.Body, "KZ") || strings.HasPrefix(strings.ToUpper(r.Title), "KZ") || r.Source == "" {
			t.Errorf("%s: title %q, source %q, body %q", tag, r.Title, r.Source, r.Body)
		}
	}
}

// TestAuthorAfterTag: the author's name an agency puts between its tag
// and the lead goes, and the lead is the headline's source.
func TestAuthorAfterTag(t *testing.T) {
	for _, lead := range []string{"МККК передал оборудование для идентификации останков Казахстану, сообщили в организации.",
		"Международный комитет Красного Креста передал оборудование Казахстану, сообщили в организации."} {
		r := parseOK(t, "Алматы. 1 декабря. КазТАГ – Мадина Алимханова. "+lead+"\nПередача продолжится.", nil)
		if strings.Contains(r.Title, "Алимханова") || strings.Contains(r.Body, "Алимханова") || r.Source != "КазТАГ" {
			t.Errorf("title %q, source %q, body %q", r.Title, r.Source, r.Body)
		}
	}
}

// TestTelegramPost: a post copied from a Telegram channel, its name and
// time on the first line, its headline marked with an emoji and its
// calls to subscribe after an arrow, reads as the agency's wire.
func TestTelegramPost(t *testing.T) {
	text := "Kazinform, [02.11.2026 09:15]\n🔴 МККК передал помощь семьям в Казахстане\n\nМеждународный комитет Красного Креста передал помощь 300 семьям в Казахстане.\n\n" +
		"Помощь продолжится.\n\n👉 Подписывайтесь на наш канал в Telegram\n"
	r := parseOK(t, text, nil)
	if r.Title != "МККК передал помощь семьям в Казахстане" || r.Date.Format(time.DateOnly) != "2026-11-02" || r.Source != "Казинформ" ||
		strings.Contains(r.Body, "Подписывайтесь") || strings.Contains(r.Body, "[02.11") {
		t.Errorf("title %q, date %s, source %q, body %q", r.Title, r.Date.Format(time.DateOnly), r.Source, r.Body)
	}
}

// TestTwoSentenceHeadline: a headline of two short sentences above the
// dateline is the headline, whole, and not the lead's first paragraph.
func TestTwoSentenceHeadline(t *testing.T) {
	for _, h := range []string{"Токаев принял главу МККК. Обсуждены гуманитарные вопросы.", "ICRC opens office in Khorog. Families welcome it."} {
		r := parseOK(t, h+"\nДУШАНБЕ, 12 марта — Sputnik. МККК открыл офис в Хороге, в Таджикистане, сообщили в организации.\nОн поможет семьям.", nil)
		if r.Title != strings.TrimSuffix(h, ".") || strings.Contains(r.Body, h) {
			t.Errorf("title %q, body %q", r.Title, r.Body)
		}
	}
}

// TestDatelineOfPlaces: a dateline naming three or four places, as an
// ICRC release from several delegations does, is one dateline.
func TestDatelineOfPlaces(t *testing.T) {
	r := parseOK(t, "ICRC facilitates return of remains\nGeneva/Baku/Yerevan (ICRC) – The ICRC facilitated the return of remains across the Armenia-Azerbaijan border on 2 December 2026.\nIt acted as a neutral intermediary.", nil)
	if r.Source != "МККК" && r.Source != "ICRC" || strings.Contains(r.Body, "Geneva/") {
		t.Errorf("source %q, body %q", r.Source, r.Body)
	}
}

// TestYearlessLeadDate: a lead that gives the day without its year, and
// a dateline without a date, is dated by that day's latest occurrence,
// with a note to check it.
func TestYearlessLeadDate(t *testing.T) {
	r := parseOK(t, "ICRC trains volunteers in Batken\n\nBISHKEK (AKIpress) - The ICRC trained 300 volunteers in Batken region, the delegation said on November 28.\n\nThe training covered villages.", nil)
	if r.Date.Format(time.DateOnly) != "2026-11-28" || !strings.Contains(how(r, "date"), "check that it is the date of the news") {
		t.Errorf("date %s, %q", r.Date.Format(time.DateOnly), how(r, "date"))
	}
}

// TestOpeningTagUnderHeadline: an agency's name opening the lead under
// the headline, "ArmInfo. The ICRC …", is the source, and goes.
func TestOpeningTagUnderHeadline(t *testing.T) {
	for _, text := range []string{"ICRC launches winter aid in Armenia\n\nArmInfo. The ICRC launched winter aid for 4,000 families in Armenia on 2 December 2026.\n\nIt will last.",
		"МККК начал зимнюю помощь в Армении\n\nАрмИнфо. МККК начал зимнюю помощь 4000 семьям в Армении 2 декабря 2026 года.\n\nОна продлится."} {
		r := parseOK(t, text, nil)
		if r.Source == "" || strings.Contains(r.Body, "rmInfo.") || strings.Contains(r.Body, "рмИнфо.") {
			t.Errorf("source %q, body %q", r.Source, r.Body)
		}
	}
	// A sentence opening with a country's name is no tag.
	r := parseOK(t, "Winter aid in Armenia\n\nArmenia. The ICRC launched winter aid for 4,000 families on 2 December 2026.\n\nIt will last.", nil)
	if r.Source != "" {
		t.Errorf("source %q", r.Source)
	}
}

// TestPressOfficeAboveHeadline: a press office's name above the
// headline, as its releases open, drops the line alone, not the headline.
func TestPressOfficeAboveHeadline(t *testing.T) {
	r := parseOK(t, "Пресс-служба Красного Полумесяца\n\nВолонтеры провели акцию «Тепло в каждый дом»\n\nАСТАНА, 2 декабря 2026. Волонтеры Красного Полумесяца Казахстана доставили наборы 350 семьям.\n\nАкция продолжится.", nil)
	if r.Title != "Волонтеры провели акцию «Тепло в каждый дом»" || strings.Contains(r.Body, "Пресс-служба") {
		t.Errorf("title %q, body %q", r.Title, r.Body)
	}
}

// TestAuthorUnderHeadline: an author's name alone on a line under the
// headline goes; a two-word name of a place or of the Movement stays.
func TestAuthorUnderHeadline(t *testing.T) {
	r := parseOK(t, "МККК помог семьям в Бишкеке\nАнэс Оролбаева\n\nБИШКЕК, 2 декабря 2026. МККК передал помощь 300 семьям в Кыргызстане, сообщили в организации.\n\nПомощь продолжится.", nil)
	if r.Title != "МККК помог семьям в Бишкеке" || strings.Contains(r.Body, "Оролбаева") {
		t.Errorf("title %q, body %q", r.Title, r.Body)
	}
	r = parseOK(t, "МККК помог семьям\n\nБИШКЕК, 2 декабря 2026. МККК передал помощь 300 семьям в Кыргызстане, сообщили в организации.\n\nКрасный Полумесяц\n\nПомощь продолжится.", nil)
	if !strings.Contains(r.Body, "Красный Полумесяц") {
		t.Errorf("body %q", r.Body)
	}
}

// TestCommentsAfterReadAlso: a comments heading right under a "Read
// also" list ends the news, as it does anywhere else.
func TestCommentsAfterReadAlso(t *testing.T) {
	r := parseOK(t, "МККК помог семьям\n\nАСТАНА, 2 декабря 2026. МККК передал помощь 300 семьям в Казахстане, сообщили в организации.\n\nПомощь продолжится в январе, когда наступят сильные морозы, сообщили в организации.\n\n"+
		"Читайте также:\nВ Атырау раздали помощь\nКазахстан направил помощь\n\nКомментарии (4)\nАсель: Молодцы!\n", nil)
	if strings.Contains(r.Body, "Асель") || !strings.Contains(r.Body, "в январе") ||
		!slices.ContainsFunc(r.Notes, func(n string) bool {
			return strings.Contains(n, "the line after \"Комментарии (4)\" was taken")
		}) {
		t.Errorf("body %q, notes %q", r.Body, r.Notes)
	}
}

// TestMailSignature: an e-mail's closing and the signature under it go,
// and the news above them stays.
func TestMailSignature(t *testing.T) {
	text := "From: press@redcrescent.kz\nSent: Tuesday, December 2, 2026 10:15 AM\nSubject: Пункт обогрева открыт\n\n" +
		"АСТАНА, 2 декабря 2026. Красный Полумесяц открыл пункт обогрева в Астане, сообщили в организации.\n\nВ пункте можно получить горячее питание.\n\n" +
		"С уважением,\nПресс-служба ОКП РК\n+7 7172 00 00 00\n"
	r := parseOK(t, text, nil)
	if strings.Contains(r.Body, "уважением") || strings.Contains(r.Body, "7172") || !strings.Contains(r.Body, "горячее питание") {
		t.Errorf("body %q", r.Body)
	}
}

// TestMenusAndTaglines: a site's menu pasted as one line of its
// sections, its tagline, or Telegram's "Forwarded from", above the
// headline, go, and the headline under them is found.
func TestMenusAndTaglines(t *testing.T) {
	headline := "ICRC hands over new data on missing persons to Azerbaijan"
	lead := "BAKU, December 2 (Trend) - The ICRC handed over new data on missing persons to Azerbaijan's State Commission, it said.\nThe work goes on."
	for _, top := range []string{"Politics Economy Society World", "Политика | Экономика | В мире | Общество", "Azerbaijan State News Agency",
		"Russian news agency", "Forwarded from Trend News Agency", "Новости Казахстана и мира", "Radio Free Europe / Radio Liberty"} {
		r := parseOK(t, top+"\n"+headline+"\n"+lead, nil)
		if r.Title != headline || strings.Contains(r.Body, top) {
			t.Errorf("%q: title %q, body %q", top, r.Title, r.Body)
		}
	}
	// An agency's line above a dateline that opens the lead keeps the
	// lead: the headline is proposed from it, not taken out of it.
	r := parseOK(t, "Sputnik Азербайджан\nБАКУ, 2 дек — Sputnik. Красный Полумесяц и МККК провели в Гяндже учения по оказанию первой помощи.\nВ учениях приняли участие 60 волонтеров.", nil)
	if !strings.HasPrefix(r.Body, "Красный Полумесяц и МККК провели") {
		t.Errorf("title %q, body %q", r.Title, r.Body)
	}
}

// TestIssuedOnAndBylines: "Issued on" beside a date makes a timestamp
// line, and the bylines agencies write ("Text: …", "Written by …") go.
func TestIssuedOnAndBylines(t *testing.T) {
	r := parseOK(t, "Tajikistan: Earthquake in Rasht Valley\nIssued on 3 December 2026\nWritten by Arailym Temirgaliyeva\n\nAn earthquake of magnitude 5.6 struck the Rasht Valley of Tajikistan, damaging 300 houses, officials said.\nAid is on its way.\n", nil)
	if r.Date.Format(time.DateOnly) != "2026-12-03" || strings.Contains(r.Body, "Arailym") || strings.Contains(r.Body, "Issued") {
		t.Errorf("date %s, body %q", r.Date.Format(time.DateOnly), r.Body)
	}
	r = parseOK(t, "ICRC visits Nukus\x1b]0;pwned\x07\n\nТАШКЕНТ, 2 декабря 2026. МККК открыл офис в Нукусе, в Узбекистане.\nОфис поможет семьям.", nil)
	if strings.Contains(r.Title, "pwned") || strings.Contains(r.Body, "pwned") {
		t.Errorf("title %q, body %q", r.Title, r.Body)
	}
}

// TestDatelineUnderMasthead: a dateline under a site's name, its tagline,
// a rubric and the headline is still read.
func TestDatelineUnderMasthead(t *testing.T) {
	r := parseOK(t, "ASIA-Plus\nTajikistan's leading independent news\nSociety\nICRC trains first responders in Dushanbe\n"+
		"Dushanbe, December 2, 2026, Asia-Plus -- The ICRC has trained 45 first responders in Dushanbe, an ICRC spokesperson said.\nMore courses will follow.", nil)
	if r.Date.Format(time.DateOnly) != "2026-12-02" || r.Title != "ICRC trains first responders in Dushanbe" || strings.Contains(r.Body, "Dushanbe, December") {
		t.Errorf("date %s, title %q, body %q", r.Date.Format(time.DateOnly), r.Title, r.Body)
	}
}
