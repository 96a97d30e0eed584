package wire

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// today is the fixed clock the agency texts are read by.
var today = day("2026-12-01")

func agencyOptions(t *testing.T) Options {
	return Options{Countries: countriesYAML(t), Sources: sourcesYAML(t), Languages: []string{"en", "ru"}, Today: today}
}

// TestAgencies reads a text in the style of each of the region's agencies
// and checks every field found, and that no boilerplate stays.
func TestAgencies(t *testing.T) {
	cases := []struct {
		file, lang, date, source, title string
		proposed                        bool
		countries                       []string
		bodyStart                       string
		gone                            []string // boilerplate that must not stay
		quotes                          int
	}{
		{"tass-ru.txt", "ru", "2026-11-12", "ТАСС", "МККК передал Азербайджану данные о пропавших без вести", false,
			[]string{"AZ", "AM"}, "Международный комитет Красного Креста (МККК) передал", []string{"БАКУ", "/ТАСС/", "Фото:", "Теги:", "Telegram"}, 1},
		{"kazinform-ru.txt", "ru", "2026-11-14", "Казинформ",
			"В Астане состоялась встреча министра иностранных дел Казахстана с главой региональной делегации МККК в Центральной Азии", true,
			[]string{"KZ", "KG", "TJ"}, "В Астане состоялась", []string{"АСТАНА.", "КАЗИНФОРМ", "Фото:", "Subscribe", "Все новости", "передает корреспондент"}, 0},
		{"kazinform-en.txt", "en", "2026-11-18", "Kazinform",
			"Kazakhstan and the International Committee of the Red Cross discussed humanitarian demining in Central Asia at a meeting in the capital on Tuesday", true,
			[]string{"KZ"}, "Kazakhstan and the International", []string{"ASTANA", "(Kazinform)", "correspondent reports", "Photo:", "Follow", "Latest news", "Tokayev to visit", "Astana hosts", "10:15"}, 1},
		{"trend-en.txt", "en", "2026-11-14", "Trend",
			"The Azerbaijan Red Crescent Society and the ICRC have held a joint training for volunteers on first aid in the Karabakh region", true,
			[]string{"AZ"}, "The Azerbaijan Red Crescent", []string{"BAKU", "(Trend)", "Follow Trend", "Tags:"}, 1},
		{"arka-en.txt", "en", "2026-03-05", "ARKA",
			"The International Committee of the Red Cross will continue to support the families of missing persons in Armenia in 2026", true,
			[]string{"AM"}, "The International Committee", []string{"YEREVAN", "/ARKA/", "-0-"}, 0},
		{"icrc-press-en.txt", "en", "2025-10-21", "ICRC", "Central Asia: ICRC and national authorities train forensic experts", false,
			[]string{"KZ", "KG", "TJ", "TM", "UZ"}, "The International Committee", []string{"GENEVA", "News release", "For further information", "Aigerim", "+7 727", "@icrc.org", "Galina"}, 1},
		{"icrc-press-ru.txt", "ru", "2025-11-14", "МККК", "МККК открыл в Бишкеке центр поддержки семей пропавших без вести", false,
			[]string{"KG"}, "Международный комитет Красного Креста открыл", []string{"Пресс-релиз", "БИШКЕК", "обращайтесь", "Осмонова", "+996", "@icrc.org"}, 0},
		{"armenpress-wrapped-en.txt", "en", "2026-11-14", "Armenpress", "ICRC and Armenia sign an agreement on the protection of the emblem", false,
			[]string{"AM"}, "The International Committee of the Red Cross and the government of Armenia signed an agreement on the protection of the red cross emblem on Friday, the Ministry of Foreign Affairs said.\n\nThe agreement provides for training of the armed forces and of the police",
			[]string{"YEREVAN", "ARMENPRESS"}, 1},
		{"kaztag-ru.txt", "ru", "2026-04-02", "КазТАГ",
			"Казахстанское общество Красного Полумесяца направило гуманитарную помощь жителям пострадавших от паводков районов Северо-Казахстанской области", true,
			[]string{"KZ", "RU"}, "Казахстанское общество", []string{"Алматы. 2 апреля", "КазТАГ –", "Читайте также", "Петропавловске"}, 1},
		{"podrobno-ru.txt", "ru", "2026-03-03", "Podrobno.uz",
			"Общество Красного Полумесяца Узбекистана и МККК подписали соглашение о сотрудничестве в сфере разъяснения минной опасности", true,
			[]string{"UZ"}, "Общество Красного Полумесяца", []string{"Ташкент, 3 марта", "Podrobno.uz", "Подписывайтесь"}, 0},
		{"interfax-ru.txt", "ru", "2025-12-05", "Интерфакс", "В Баку обсудили гуманитарное разминирование", false,
			[]string{"AZ"}, "Азербайджан и МККК", []string{"Баку. 5 декабря", "ИНТЕРФАКС"}, 1},
		{"kg24-ru.txt", "ru", "2025-06-20", "24.kg",
			"Кыргызстан и Международный комитет Красного Креста обсудили помощь семьям трудовых мигрантов, пропавших без вести в России", true,
			[]string{"KG", "RU"}, "Кыргызстан и Международный", []string{"Бишкек, 20 июня", "сообщает 24.kg", "Комментарии", "Айбек"}, 0},
		{"timestamp-ru.txt", "ru", "2026-03-12", "Ховар",
			"МККК и Красный Полумесяц Таджикистана провели учения по оказанию первой помощи", false,
			[]string{"TJ"}, "Более 100 волонтеров", []string{"12.03.2026", "14:05", "Душанбе, 12 марта", "передает Ховар"}, 0},
		{"lead-date-en.txt", "en", "2026-03-03", "Ministry of Foreign Affairs of Kazakhstan",
			"The Ministry of Foreign Affairs of Kazakhstan and the ICRC regional delegation signed an agreement on 3 March 2026", true,
			[]string{"KZ"}, "The Ministry of Foreign Affairs", []string{"Source:", "https://"}, 0},
		{"apa-en.txt", "en", "2026-11-18", "APA",
			"Azerbaijan and the International Committee of the Red Cross have discussed the search for persons missing since the first Karabakh war", true,
			[]string{"AZ"}, "Azerbaijan and the International", []string{"Baku, November 18", "APA reports", "Share", "Tweet", "All rights reserved"}, 0},
		{"unnews-page-en.txt", "en", "2026-12-01", "UN News", "Floods in Central Asia: UN agencies scale up support", false,
			[]string{"KZ", "KG"}, "Heavy floods in Kazakhstan", []string{"Global perspective", "Search", "Humanitarian Aid", "Facebook", "Download", "UN News"}, 1},
		{"unnews-ru.txt", "ru", "2026-12-01", "", "ООН: паводки в Центральной Азии вынудили 20 тысяч человек покинуть дома", false,
			[]string{"KZ", "KG"}, "Сильные паводки", []string{"1 декабря", "Гуманитарная помощь", "Скачайте"}, 1},
		{"reliefweb-en.txt", "en", "2026-03-12", "ICRC", "Kyrgyzstan: ICRC supports families of missing migrants", false,
			[]string{"KG"}, "The International Committee", []string{"Format", "News and Press Release", "Source", "Posted", "Mar 2026", "Origin", "View original"}, 0},
		{"sputnik-ru.txt", "ru", "2026-10-09", "Sputnik",
			"Красный Полумесяц Кыргызстана при поддержке МККК провел в Баткенской области занятия по минной безопасности для школьников", true,
			[]string{"KG", "TJ"}, "Красный Полумесяц", []string{"БИШКЕК", "— Sputnik", "Подписывайтесь"}, 0},
	}
	opts := agencyOptions(t)
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "agencies", c.file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(string(src), opts)
			if err != nil {
				t.Fatal(err)
			}
			if r.Lang != c.lang || r.Date.Format(time.DateOnly) != c.date || r.Source != c.source || r.Title != c.title {
				t.Errorf("got  %s %s %q %q\nwant %s %s %q %q", r.Lang, r.Date.Format(time.DateOnly), r.Source, r.Title,
					c.lang, c.date, c.source, c.title)
			}
			if proposed := strings.Contains(how(r, "headline"), "proposed"); proposed != c.proposed {
				t.Errorf("headline proposed %v, want %v", proposed, c.proposed)
			}
			if !slices.Equal(r.Countries, c.countries) {
				t.Errorf("countries %v, want %v", r.Countries, c.countries)
			}
			if !strings.HasPrefix(r.Body, c.bodyStart) {
				t.Errorf("body starts %q, want %q", r.Body[:min(len(r.Body), 80)], c.bodyStart)
			}
			for _, g := range c.gone {
				if strings.Contains(r.Body, g) || strings.Contains(r.Title, g) {
					t.Errorf("%q stays:\n%s", g, r.Body)
				}
			}
			if n := strings.Count("\n\n"+r.Body, "\n\n> "); n != c.quotes {
				t.Errorf("%d blockquotes, want %d:\n%s", n, c.quotes, r.Body)
			}
			checkBody(t, r.Body)
		})
	}
}

// TestYear reads yearless datelines against fixed days: each takes the
// latest such date not after today, and says which year it took.
func TestYear(t *testing.T) {
	cases := []struct{ today, text, want string }{
		{"2026-12-01", "БАКУ, 12 ноября. /ТАСС/. Текст о встрече в Азербайджане.", "2026-11-12"},
		{"2026-11-11", "БАКУ, 12 ноября. /ТАСС/. Текст о встрече в Азербайджане.", "2025-11-12"},
		{"2026-11-12", "БАКУ, 12 ноября. /ТАСС/. Текст о встрече в Азербайджане.", "2026-11-12"},
		{"2026-01-03", "Almaty, Dec. 30 (Trend) - A text about Kazakhstan.", "2025-12-30"},
		{"2027-03-01", "АСТАНА. 29 февраля. КАЗИНФОРМ - Текст о Казахстане.", "2024-02-29"},
		{"2026-06-01", "Ташкент, 3 марта — Podrobno.uz. Текст об Узбекистане.", "2026-03-03"},
	}
	opts := agencyOptions(t)
	for _, c := range cases {
		opts.Today = day(c.today)
		r, err := Parse(c.text, opts)
		if err != nil {
			t.Fatalf("%s: %v", c.text, err)
		}
		year := c.want[:4]
		if got := r.Date.Format(time.DateOnly); got != c.want || !strings.Contains(how(r, "date"), "took "+year) {
			t.Errorf("today %s, %q: %s (%s), want %s and the year said", c.today, c.text, got, how(r, "date"), c.want)
		}
	}
}

// TestDateSources: the dateline beats a timestamp that disagrees, and
// says so; a timestamp alone gives the date; no date is an error that
// says so, whatever else the text has.
func TestDateSources(t *testing.T) {
	opts := agencyOptions(t)
	r, err := Parse("10.11.2026 09:00\nЗаголовок о встрече в Баку\nБАКУ, 12 ноября. /ТАСС/. Текст об Азербайджане.", opts)
	if err != nil || r.Date.Format(time.DateOnly) != "2026-11-12" || !slices.ContainsFunc(r.Notes, func(n string) bool {
		return strings.Contains(n, "2026-11-10") && strings.Contains(n, "dateline wins")
	}) {
		t.Errorf("dateline against timestamp: %s %q %v", r.Date.Format(time.DateOnly), r.Notes, err)
	}
	for _, stampLine := range []string{"12.03.2026 14:05", "2026-03-12T14:05:00+05:00", "Published: 12 March 2026, 14:05", "Обновлено: 12 марта 2026, 14:05"} {
		r, err := Parse("Заголовок о встрече в Казахстане\n"+stampLine+"\nТекст о Казахстане без даты в нем.", opts)
		if err != nil || r.Date.Format(time.DateOnly) != "2026-03-12" || strings.Contains(r.Body, "14:05") || strings.Contains(r.Title, "14:05") {
			t.Errorf("%q: %s, title %q, body %q, %v", stampLine, r.Date.Format(time.DateOnly), r.Title, r.Body, err)
		}
	}
	// A dateline on a line of its own goes, and is not the headline.
	for _, dl := range []string{"МОСКВА, 14 ноя — РИА Новости.", "Ереван. 14 ноября 2026", "BAKU, Nov. 14 (Trend) -"} {
		r, err := Parse(dl+"\nДелегация МККК встретилась с властями Армении. Второе предложение.", opts)
		if err != nil || r.Date.Format(time.DateOnly) != "2026-11-14" || !strings.HasPrefix(r.Title, "Делегация МККК") || strings.Contains(r.Body, dl) {
			t.Errorf("%q alone: %s %q %q %v", dl, r.Date.Format(time.DateOnly), r.Title, r.Body, err)
		}
	}
	for _, text := range []string{"A headline\nA text about Azerbaijan, on Tuesday.", "ASTANA (Kazinform) - Text about Kazakhstan."} {
		if _, err := Parse(text, opts); !errors.Is(err, ErrNoDate) || !strings.Contains(err.Error(), "no date found") {
			t.Errorf("%q: %v, want ErrNoDate", text, err)
		}
	}
}

// TestDatelineForms reads the date in each form agencies write.
func TestDatelineForms(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Астана, 14 ноября 2025 г. – Текст.", "2025-11-14"},
		{"АСТАНА, 14 нояб. 2025 года — Текст.", "2025-11-14"},
		{"Астана, 14 қараша 2025 ж. Текст.", "2025-11-14"},
		{"2025 жылғы 14 қарашада Астанада. Текст.", "2025-11-14"},
		{"ДУШАНБЕ, 14.11.2025 /НИАТ «Ховар»/. Текст.", "2025-11-14"},
		{"Баку/14.11.25/Туран: Текст.", "2025-11-14"},
		{"YEREVAN, NOVEMBER 14, ARMENPRESS. Text.", "2026-11-14"},
		{"BAKU, February 12, 2026 - Text.", "2026-02-12"},
		{"Bishkek, 14 Nov 2025 - Text.", "2025-11-14"},
		{"МОСКВА, 14 ноя — РИА Новости. Текст.", "2026-11-14"},
		{"АСТАНА, 3 сентября. МККК передал помощь пострадавшим.", "2026-09-03"},
		{"BAKU, Sept 3. ICRC delivered aid to families.", "2026-09-03"},
		{"BAKU (Trend) The ICRC opened a hotline on 3 September 2025, it said.", "2025-09-03"},
	}
	opts := agencyOptions(t)
	for _, c := range cases {
		opts.Lang = "ru"
		r, err := Parse(c.text+" Ещё одно предложение о Казахстане.", opts)
		if err != nil || r.Date.Format(time.DateOnly) != c.want {
			t.Errorf("%q: %s, %v; want %s", c.text, r.Date.Format(time.DateOnly), err, c.want)
		}
	}
}

// TestHeadlineNamingAgency: a headline that names a place and an
// agency, with no date and no dash closing them, is a headline, and the
// dateline under it is read.
func TestHeadlineNamingAgency(t *testing.T) {
	opts := agencyOptions(t)
	for _, headline := range []string{"Azerbaijan, ICRC Sign Memorandum", "Azerbaijan - ICRC Cooperation", "ICRC Head: Turan Interview", "ICRC report"} {
		text := headline + "\nBAKU, Sept 3 (Trend) - The ICRC delegation met officials in Azerbaijan.\nMore talks are planned.\n"
		r, err := Parse(text, opts)
		if err != nil {
			t.Errorf("%q: %v", headline, err)
			continue
		}
		if r.Title != headline || r.Source != "Trend" || r.Date.Format(time.DateOnly) != "2026-09-03" || strings.Contains(r.Body, "BAKU") {
			t.Errorf("%q: title %q, source %q, date %s, body %q", headline, r.Title, r.Source, r.Date.Format(time.DateOnly), r.Body)
		}
	}
}

// TestRubricAboveHeadline: a section's name above the headline is not
// the headline, nor kept in the text.
func TestRubricAboveHeadline(t *testing.T) {
	opts := agencyOptions(t)
	for _, rubric := range []string{"Общество", "Society"} {
		text := rubric + "\nМККК передал помощь пострадавшим от паводков\nАСТАНА. 3 сентября. КАЗИНФОРМ - Международный комитет Красного Креста передал помощь пострадавшим от паводков в Казахстане.\nПомощь включает продукты питания.\n"
		r, err := Parse(text, opts)
		if err != nil {
			t.Fatal(err)
		}
		if r.Title != "МККК передал помощь пострадавшим от паводков" || strings.Contains(r.Body, rubric) {
			t.Errorf("%q: title %q, body %q", rubric, r.Title, r.Body)
		}
	}
}

// TestLanguages: Kazakh is refused by name on a site without it, a few
// Kazakh letters in a Russian text are names, and --lang overrides.
func TestLanguages(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "agencies", "kazakh.txt"))
	if err != nil {
		t.Fatal(err)
	}
	opts := agencyOptions(t)
	var le *LanguageError
	if _, err := Parse(string(src), opts); !errors.As(err, &le) || le.Lang != "kk" || !strings.Contains(err.Error(), "Kazakh") {
		t.Errorf("Kazakh text: %v", err)
	}
	opts.Lang = "ru"
	if r, err := Parse(string(src), opts); err != nil || r.Lang != "ru" {
		t.Errorf("--lang ru: %s, %v", r.Lang, err)
	}
	opts.Lang = ""
	r, err := Parse("Астана, 14 ноября 2025 г. Делегация посетила «Қазақстан Темір Жолы» и встретилась с главой компании.", opts)
	if err != nil || r.Lang != "ru" {
		t.Errorf("Russian with a Kazakh name: %s, %v", r.Lang, err)
	}
	r, err = Parse("АСТАНА, 3 сентября. МККК и «Қазақстан Қызыл Жарты Ай қоғамы» передали помощь пострадавшим от паводков.\nПомощь получили 300 семей.", opts)
	if err != nil || r.Lang != "ru" {
		t.Errorf("a short Russian text naming a Kazakh society: %s, %v", r.Lang, err)
	}
}

// TestBoilerplateKinds: lines of each kind go, whatever their words.
func TestBoilerplateKinds(t *testing.T) {
	for _, line := range []string{"Фото: пресс-служба Акорды", "Photo credit: ICRC/J. Smith", "© Reuters", "Теги: МККК, гуманитарное право",
		"Tags: ICRC", "Читайте нас в Telegram", "Подписывайтесь на наш канал в WhatsApp", "Follow Trend on Telegram", "Subscribe to Kazinform on YouTube",
		"Поделиться", "Share", "-0-", "###", "Все новости", "Latest news", "Читайте также: В Алматы открыли центр", "Мы используем файлы cookie",
		"This site uses cookies to improve your experience.", "Комментарии (3)", "Tel: +41 22 730 3443", "E-mail: press@icrc.org",
		"Все права защищены", "© 2026 Trend. All rights reserved.", "Copyright 2026 International Committee of the Red Cross",
		"Copyright © ICRC", "International Committee of the Red Cross. Copyright 2026", "2026 Copyright Kazinform", "Главная / Новости / Политика", "Подробнее в нашем Telegram-канале",
		"Posted in: News, Central Asia", "Filed under: Azerbaijan, Mine action", "Опубликовано в: Общество", "Раздел: Общество",
		"Подписывайтесь на Sputnik в MAX", "Агентство в Telegram | Агентство в Facebook", "Telegram · WhatsApp · YouTube",
		"Читайте Tengrinews.kz в Telegram", "Ссылка на 24.kg обязательна.", "Гиперссылка на «Азия-Плюс» обязательна", "Самые читаемые",
		"👉 Подписаться на канал", "Қазақша Русский English", "RU | EN | KZ", "#ICRC #Azerbaijan #МККК", "\\#МККК #Казахстан",
		"Download PDF (1.2 MB)", "Скачать отчёт", "Read more news on Tengrinews.kz", "Share this page", "@gazetauz",
		"Подписаться | Прислать новость", "Копирование материалов без ссылки на Avesta.Tj запрещено."} {
		if kind(line) == "" {
			t.Errorf("%q is kept", line)
		}
	}
	for _, line := range []string{"МККК провел встречу в Баку.", "The ICRC shared its findings with the authorities.",
		"Встреча прошла 12.03.2026 в Астане.", "Latest figures show a rise in mine accidents.", "Мы открыли наш канал помощи для семей пропавших.", "«Мы продолжим работу», — сказал он.",
		"Posted in Baku on Monday, the statement said the ICRC would stay.", "Filed under the new law, the claims of 300 families were heard.",
		"Following the meeting, the sides agreed to expand social support for families of the missing.",
		"The ICRC followed up with a statement posted on its Facebook page.",
		"The ICRC opened a Telegram channel where families of the missing can follow the search.",
		"Родственники пропавших могут обратиться по телефону +994 12 493 84 75.",
		"Copyright law protects the emblem, the ICRC recalled.", "Законопроект об авторском праве и copyright обсудили в парламенте."} {
		if k := kind(line); k != "" {
			t.Errorf("%q is dropped as %s", line, k)
		}
	}
}

// TestCleanBlocks checks the blocks a boilerplate line ends or heads: a
// comments heading after the news ends the text, a counter above it is
// one line; a contacts heading takes the lines of its block, a phone
// number in a sentence takes nothing.
func TestCleanBlocks(t *testing.T) {
	cases := []struct {
		in, kept []string
	}{
		{[]string{"ICRC hands over aid in Kazakhstan", "Comments (0)", "The ICRC handed over aid to flood victims.", "The aid includes food."},
			[]string{"ICRC hands over aid in Kazakhstan", "The ICRC handed over aid to flood victims.", "The aid includes food."}},
		{[]string{"МККК передал помощь", "0 комментариев", "МККК передал помощь пострадавшим от паводков.", "Помощь включает продукты."},
			[]string{"МККК передал помощь", "МККК передал помощь пострадавшим от паводков.", "Помощь включает продукты."}},
		{[]string{"The ICRC handed over aid to flood victims in the north.", "Comments (0)", "The aid includes food."},
			[]string{"The ICRC handed over aid to flood victims in the north.", "The aid includes food."}},
		{[]string{"The ICRC handed over aid to flood victims in the north.", "Comments", "Great news!", "John, 3 Sept"},
			[]string{"The ICRC handed over aid to flood victims in the north."}},
		{[]string{"Родственники пропавших могут обратиться по телефону +994 12 493 84 75.", "Email: family@icrc.org", "Звонки бесплатны"},
			[]string{"Родственники пропавших могут обратиться по телефону +994 12 493 84 75.", "Звонки бесплатны"}},
		{[]string{"The ICRC visited detainees in the region.", "For further information, please contact:", "Jane Smith, ICRC Baku", "Tel: +994 12 493 84 75"},
			[]string{"The ICRC visited detainees in the region."}},
	}
	for _, c := range cases {
		if kept, _, _ := clean(c.in); !slices.Equal(kept, c.kept) {
			t.Errorf("clean(%q)\n = %q\nwant %q", c.in, kept, c.kept)
		}
	}
}

// TestInlineSource checks that only a tag ending its sentence is taken
// out of the text, and that a capitalised word elsewhere in a sentence is
// not taken for the source.
func TestInlineSource(t *testing.T) {
	opts := agencyOptions(t)
	cases := []struct{ sentence, kept, source string }{
		{"Как сообщает APA, помощь получили более 300 семей в Азербайджане.", "Как сообщает APA, помощь получили более 300 семей в Азербайджане.", "APA"},
		{"As Kazinform reports, the ICRC delivered aid to families in Kazakhstan.", "As Kazinform reports, the ICRC delivered aid to families in Kazakhstan.", "Kazinform"},
		{"The ICRC met officials in Baku, Azerbaijan's Foreign Ministry reported.", "The ICRC met officials in Baku, Azerbaijan's Foreign Ministry reported.", ""},
		{"The Ministry of Emergency Situations of Kazakhstan reports that 300 families got aid from the ICRC.", "The Ministry of Emergency Situations of Kazakhstan reports that 300 families got aid from the ICRC.", ""},
		{"В результате паводка, по данным МЧС, пострадали 300 семей в Казахстане.", "В результате паводка, по данным МЧС, пострадали 300 семей в Казахстане.", ""},
		{"МККК передал помощь 300 семьям в Казахстане, передает Orda.kz со ссылкой на МЧС.", "МККК передал помощь 300 семьям в Казахстане, передает Orda.kz со ссылкой на МЧС.", ""},
		{"МККК передал помощь 300 семьям в Казахстане, передает BAQ.kz.", "МККК передал помощь 300 семьям в Казахстане.", "BAQ.kz"},
		{"МККК передал помощь 300 семьям в Казахстане, передает корреспондент МИА «Казинформ».", "МККК передал помощь 300 семьям в Казахстане.", "Казинформ"},
		{"The ICRC delivered aid to 300 families in Azerbaijan, Trend reports.", "The ICRC delivered aid to 300 families in Azerbaijan.", "Trend"},
	}
	for _, c := range cases {
		text := "ICRC aid to families\n" + c.sentence + "\n"
		r, err := Parse(text, Options{Countries: opts.Countries, Sources: opts.Sources, Languages: opts.Languages, Today: today, Date: today})
		if err != nil {
			t.Errorf("%s: %v", c.sentence, err)
			continue
		}
		if !strings.Contains(r.Body, c.kept) {
			t.Errorf("%s\nbody %q\nwant it to hold %q", c.sentence, r.Body, c.kept)
		}
		if c.source != "" && !strings.EqualFold(r.Source, c.source) || c.source == "" && r.Source != "" {
			t.Errorf("%s: source %q, want %q", c.sentence, r.Source, c.source)
		}
	}
}

// TestCommentCounters: a line that is only a count of comments, the word
// and the number in either order, with or without a colon or brackets,
// is the site's, above the news, within it or after it; a count of none
// ends nothing. A sentence of news about comments stays.
func TestCommentCounters(t *testing.T) {
	opts := agencyOptions(t)
	lead := "ASTANA, March 12 (Kazinform) - The ICRC handed over aid to flood victims in Kazakhstan."
	next := "The aid includes food and water for 300 families."
	for _, counter := range []string{"Comments 0", "Comments: 0", "comments - 0", "Comments (0)", "Comments [0]", "COMMENTS: (0)",
		"0 comments", "(0) comments", "[0] Comments", "0 Comments:", "**Comments: 0**",
		"Комментарии: 0", "Комментарии 0", "Комментарии (0)", "0 комментариев", "Комментариев: 0", "(0) комментариев",
		"Пікірлер: 0", "0 пікір"} {
		for pos := range 3 {
			ls := []string{"ICRC hands over aid in Kazakhstan", lead, next}
			ls = slices.Insert(ls, pos+1, counter)
			r, err := Parse(strings.Join(ls, "\n")+"\n", Options{Countries: opts.Countries, Sources: opts.Sources, Languages: opts.Languages, Today: today})
			if err != nil {
				t.Errorf("%q at line %d: %v", counter, pos+2, err)
				continue
			}
			want := "The ICRC handed over aid to flood victims in Kazakhstan.\n\n" + next
			if r.Body != want {
				t.Errorf("%q at line %d: body\n%s\nwant\n%s", counter, pos+2, r.Body, want)
			}
		}
	}
	// A count of some comments after the news: the comments follow, and go.
	for _, counter := range []string{"Comments: 3", "Комментарии 12", "2 comments", "(5) комментариев"} {
		kept, _, _ := clean([]string{lead, next, counter, "Great news!", "John, 3 Sept"})
		if !slices.Equal(kept, []string{lead, next}) {
			t.Errorf("%q after the news: kept %q", counter, kept)
		}
	}
	// A counter of some comments after the lead alone is the site's line
	// beside it: the news goes on.
	ls := []string{"ICRC meets officials in Baku", "Baku, 3 September 2025. ICRC officials met the president's aide in Baku today.",
		"Comments: 2", "They discussed the fate of the missing in detail.", "The meeting was constructive, both sides said."}
	r, err := Parse(strings.Join(ls, "\n")+"\n", Options{Countries: opts.Countries, Sources: opts.Sources, Languages: opts.Languages, Today: today})
	if err != nil || !strings.Contains(r.Body, "constructive") || strings.Contains(r.Body, "Comments") || len(r.Notes) > 0 {
		t.Errorf("a counter after the lead: body %q, notes %q, %v", r.Body, r.Notes, err)
	}
	// Where comments end the text, import says how many lines went.
	ls = append(ls[:2:2], "Comments", "Great news, thank you all!", "Anna, 3 September")
	r, err = Parse(strings.Join(ls, "\n")+"\n", Options{Countries: opts.Countries, Sources: opts.Sources, Languages: opts.Languages, Today: today})
	if err != nil || strings.Contains(r.Body, "Great news") || !slices.ContainsFunc(r.Notes, func(n string) bool {
		return strings.Contains(n, `the 2 lines after "Comments"`)
	}) {
		t.Errorf("a comments heading after the news: body %q, notes %q, %v", r.Body, r.Notes, err)
	}
	for _, line := range []string{"Комментарий 1", "Comment 3", "Comments by the ICRC president were welcomed by the families.", "The ministry gave no comments.",
		"Comments: the ICRC says 300 families received aid.", "Комментарии МККК опубликованы 12 марта.", "Комментарий: 300 семей получили помощь.",
		"0 comments were received from the authorities.", "The ICRC received 300 comments from families.", "Comments 2 and 3 of the report"} {
		if k := kind(line); k != "" {
			t.Errorf("%q is dropped as %s", line, k)
		}
	}
}

// TestRubricAboveLead: a rubric above a lead with no headline goes, and
// the headline is proposed from the lead, not made of the rubric.
func TestRubricAboveLead(t *testing.T) {
	for _, rubric := range []string{"Интервью", "Society"} {
		text := rubric + "\nБИШКЕК, 28 ноября 2026. /Кабар/. Международный комитет Красного Креста передал помощь 300 семьям в Кыргызстане.\nВ наборы вошли продукты.\n"
		r := parseOK(t, text, nil)
		if r.Title != "Международный комитет Красного Креста передал помощь 300 семьям в Кыргызстане" || strings.Contains(r.Body, rubric) {
			t.Errorf("%q: title %q, body %q", rubric, r.Title, r.Body)
		}
	}
}

// TestMediaLabelHeadline: a headline opening with a label in capitals,
// "ВИДЕО:", "PHOTO:", is the headline without it, not a caption; a
// caption above the headline still goes.
func TestMediaLabelHeadline(t *testing.T) {
	for _, c := range []struct{ first, title string }{
		{"ВИДЕО: МККК передал помощь семьям в Оше", "МККК передал помощь семьям в Оше"},
		{"PHOTOS: ICRC aid convoy reaches Osh", "ICRC aid convoy reaches Osh"},
		{"Фото: МИД РК\nМККК передал помощь семьям в Оше", "МККК передал помощь семьям в Оше"},
		{"Photo: ICRC/A. Mammadov\nМККК передал помощь семьям в Оше", "МККК передал помощь семьям в Оше"},
	} {
		r := parseOK(t, c.first+"\nБИШКЕК, 28 ноября 2026. /Кабар/. Международный комитет Красного Креста передал помощь 300 семьям в Кыргызстане.\nВ наборы вошли продукты.\n", nil)
		if r.Title != c.title || strings.Contains(r.Body, "Фото") || strings.Contains(r.Body, "Photo") {
			t.Errorf("%q: title %q, body %q", c.first, r.Title, r.Body)
		}
	}
}
