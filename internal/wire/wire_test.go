package wire

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefings/internal/load"
	"briefings/internal/testproject"
)

// countries are the real content's countries.yaml.
func countriesYAML(t testing.TB) map[string]*load.Country {
	t.Helper()
	cfg, _ := load.ParseConfig([]byte("base_url: https://x.org/\ndefault_language: en\nlanguages:\n" +
		"  en: {name: English, title: T}\n  ru: {name: Русский, title: Т}\n"))
	src, err := os.ReadFile(filepath.Join(testproject.Repo(), "content", "countries.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cs, errs := load.ParseCountries(src, cfg)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	return cs
}

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

// TestSeeds imports the five launch texts as received.
func TestSeeds(t *testing.T) {
	cs := countriesYAML(t)
	cases := []struct {
		file, given        string // given: --date, for texts that give none
		lang, date, title  string
		proposed           bool
		countries          []string // the first ones found, in order
		source, firstWords string
		quotes             int // blockquotes
	}{
		{"ru-arminfo-icrc-az-closure.txt", "", "ru", "2025-09-03",
			"По решению правительства Азербайджана 3 сентября 2025 года Международный Комитет Красного Креста (МККК) закрывает свою делегацию в стране",
			true, []string{"AZ"}, "АрмИнфо", "По решению правительства", 2},
		{"ru-mfa-kz-ashikbayev.txt", "2026-02-10", "ru", "2026-02-10",
			"Первый заместитель министра иностранных дел Республики Казахстан Ержан Ашикбаев принял главу Региональной делегации Международного Комитета Красного Креста (МККК)",
			true, []string{"KZ", "JO"}, "МИД РК", "Первый заместитель министра", 0},
		{"en-icrc-az-highlights-2024.txt", "2024-08-15", "en", "2024-08-15",
			"Azerbaijan: Activity highlights for the first half of 2024", false, []string{"AZ"}, "", "Much of our work", 0},
		{"en-newsaz-hajiyev.txt", "2023-09-22", "en", "2023-09-22",
			"Azerbaijani presidential aide holds meeting with ICRC Baku Office to discuss humanitarian issues",
			false, []string{"AZ", "AM"}, "News.Az", "Hikmat Hajiyev, Assistant", 1},
		{"ru-baqkz-tokayev.txt", "", "ru", "2026-03-06",
			"Президент Казахстана Касым-Жомарт Токаев принял президента Международного комитета Красного Креста Мирьяну Сполярич",
			true, []string{"KZ", "JO"}, "BAQ.KZ", "Президент Казахстана", 3},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "seeds", c.file))
			if err != nil {
				t.Fatal(err)
			}
			if c.given != "" {
				if _, err := Parse(string(src), Options{Countries: cs}); !errors.Is(err, ErrNoDate) {
					t.Errorf("without --date: err = %v, want ErrNoDate", err)
				}
			}
			r, err := Parse(string(src), Options{Countries: cs, Date: day(c.given)})
			if err != nil {
				t.Fatal(err)
			}
			if r.Lang != c.lang || r.Date.Format(time.DateOnly) != c.date || r.Title != c.title || r.Source != c.source {
				t.Errorf("got %s %s %q from %q\nwant %s %s %q from %q", r.Lang, r.Date.Format(time.DateOnly), r.Title, r.Source,
					c.lang, c.date, c.title, c.source)
			}
			if proposed := strings.Contains(how(r, "headline"), "proposed"); proposed != c.proposed {
				t.Errorf("headline proposed: %v, want %v (found %q)", proposed, c.proposed, r.Found)
			}
			if len(r.Countries) < len(c.countries) || !slices.Equal(r.Countries[:len(c.countries)], c.countries) {
				t.Errorf("countries %v, want them to start %v", r.Countries, c.countries)
			}
			if !strings.HasPrefix(r.Body, c.firstWords) {
				t.Errorf("body starts %q", r.Body[:min(60, len(r.Body))])
			}
			quotes := 0
			for _, line := range strings.Split("\n\n"+r.Body, "\n\n") {
				if strings.HasPrefix(line, "> \"") || strings.HasPrefix(line, "> “") {
					quotes++
				}
			}
			if quotes != c.quotes {
				t.Errorf("%d quotations as blockquotes, want %d", quotes, c.quotes)
			}
			for _, line := range strings.Split(r.Body, "\n") {
				if slices.Contains([]string{"close", "Leave a Reply", "You Might Also Like"}, line) ||
					strings.HasPrefix(line, "Your email address") || strings.HasPrefix(line, "Источник:") {
					t.Errorf("body keeps the boilerplate line %q", line)
				}
			}
			for _, tag := range []string{"передает BAQ.KZ", "News.Az reports", "АрмИнфо.", "date 2026"} {
				if strings.Contains(r.Body, tag) {
					t.Errorf("body keeps the tag %q", tag)
				}
			}
			if strings.Count(r.Body, c.title) > 0 && !c.proposed {
				t.Errorf("the headline is repeated in the body")
			}
		})
	}
}

// TestDates covers each way a text gives its date, in both languages.
func TestDates(t *testing.T) {
	cs := countriesYAML(t)
	cases := []struct{ name, text, date, bodyStart string }{
		{"date line", "date 2026-03-06\n\nВ Астане прошла встреча.", "2026-03-06", "В Астане прошла встреча."},
		{"date line inside the first line", " date 2026-03-06 Президент Казахстана принял гостей.", "2026-03-06", "Президент Казахстана"},
		{"Russian dateline with г.", "Астана, 14 ноября 2025 г. Министр принял делегацию МККК в Казахстане.", "2025-11-14", "Министр принял"},
		{"Russian dateline with года and a dash", "Баку, 2 марта 2024 года — МККК открыл офис.", "2024-03-02", "МККК открыл офис."},
		{"English dateline", "Baku, 12 February 2026 – The ICRC delivered aid in Azerbaijan.", "2026-02-12", "The ICRC delivered"},
		{"American dateline", "ALMATY, March 5, 2025 - Talks on Kazakhstan's role began.", "2025-03-05", "Talks on"},
		{"English ordinal day", "Tuesday, 2nd December 2026\n\nAid for Osh\n\nOSH — Volunteers helped 200 households.", "2026-12-02", "Volunteers helped"},
		{"English ordinal day with of", "ASTANA, 21st of November 2025 – The ICRC met officials in Kazakhstan.", "2025-11-21", "The ICRC met"},
		{"a date in the lead", "The ICRC said on 4 July 2025 that its office in Armenia would stay open.", "2025-07-04", "The ICRC said on 4 July 2025"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Parse(c.text, Options{Countries: cs})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Date.Format(time.DateOnly); got != c.date || !strings.HasPrefix(r.Body, c.bodyStart) {
				t.Errorf("date %s, body %q; want %s, %q", got, r.Body, c.date, c.bodyStart)
			}
		})
	}
	// --date wins over what the text says.
	r, _ := Parse("Baku, 12 February 2026 – Aid arrived.", Options{Countries: cs, Date: day("2026-02-13")})
	if r.Date.Format(time.DateOnly) != "2026-02-13" {
		t.Errorf("--date did not win: %s", r.Date)
	}
	for _, text := range []string{"A text with no date at all, about Azerbaijan.", "Baku, 31 February 2026 – no such day."} {
		if _, err := Parse(text, Options{Countries: cs}); !errors.Is(err, ErrNoDate) {
			t.Errorf("%q: err = %v, want ErrNoDate", text, err)
		}
	}
}

func TestCountries(t *testing.T) {
	cs := countriesYAML(t)
	cases := []struct {
		text  string
		force []string
		want  []string
	}{
		// Named only in declined forms: genitive, prepositional, instrumental.
		{"Встреча прошла в Таджикистане. Делегация Таджикистана и представители Кыргызстаном не приехали. Позже МККК пришел в Таджикистан.",
			nil, []string{"TJ", "KG"}},
		{"Talks in Georgia and Armenia; Armenian officials and Georgian ones.", nil, []string{"GE", "AM"}},
		// Adjectives in every case, cities, and the headline's country first.
		{"Омбудсмен Азербайджанской Республики встретился с армянской стороной. Азербайджанских пленных посетил МККК в Армении.", nil, []string{"AZ", "AM"}},
		{"ICRC President visits Georgia\n\nIn Baku, Azerbaijani officials met her; the Azerbaijani ministry hosted talks on Azerbaijani detainees.", nil, []string{"GE", "AZ"}},
		{"Спольярич прибыла в Астану\n\nРанее она посетила Узбекистан и Кыргызстан.", nil, []string{"KZ", "UZ", "KG"}},
		// A language is no country: "in Russian", "Russian-language", "на кыргызском и русском языках".
		{"Leaflets in Kyrgyz, Uzbek and Russian for schools in Osh. A Russian-language edition. Commentary in Russian. Having it in Russian will help.", nil, []string{"KG"}},
		{"Брошюры на кыргызском, узбекском и русском языках для школ Ошской области Кыргызстана. Издание на русском.", nil, []string{"KG"}},
		{"Talks with Russian officials in Kazakh society.", nil, []string{"RU", "KZ"}},
		// A region's adjective, and a compound's first part.
		{"Жители Баткенского района пострадали в ходе кыргызско-таджикского конфликта.", nil, []string{"KG", "TJ"}},
		{"Речь о Южной Африке и о Бразилии.", []string{"KZ"}, []string{"KZ", "ZA", "BR"}},
		{"Нет стран: Ташкент упомянут как город.", nil, []string{"UZ"}},
		{"Нет стран, только семьи: помощь семей и семьям.", nil, nil},
		// Each mention once: the nominative, also the Russian name, is not counted twice.
		{"Казахстан принял делегацию. Она работает в Азербайджане и отчиталась перед властями Азербайджана.", nil, []string{"AZ", "KZ"}},
		{"The Kyrgyz Republic and Kazakhstan; Kazakhstan again.", nil, []string{"KZ", "KG"}},
	}
	for _, c := range cases {
		r, err := Parse("date 2025-01-01\n\n"+c.text, Options{Countries: cs, Force: c.force})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(r.Countries, c.want) {
			t.Errorf("%q: %v, want %v", c.text, r.Countries, c.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	text := "date 2025-01-01\n\nA headline without a full stop\n\nclose\n\nFirst *starred* <b>line</b>.\n\n" +
		"\"A quote in two paragraphs.\n\nStill quoting,\" he said.\n\n# not a heading\n\n1. not a list\n\nLeave a Reply\n"
	r, err := Parse(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "First \\*starred\\* \\<b>line\\</b>.\n\n> \"A quote in two paragraphs.\n>\n> Still quoting,\" he said.\n\n\\# not a heading\n\n1\\. not a list"
	if r.Title != "A headline without a full stop" || r.Body != want {
		t.Errorf("title %q\nbody:\n%s\nwant:\n%s", r.Title, r.Body, want)
	}
}

// sourcesYAML are the real content's sources.yaml.
func sourcesYAML(t testing.TB) []*load.Source {
	t.Helper()
	cfg, _ := load.ParseConfig([]byte("base_url: https://x.org/\ndefault_language: en\nlanguages:\n" +
		"  en: {name: English, title: T}\n  ru: {name: Русский, title: Т}\n"))
	src, err := os.ReadFile(filepath.Join(testproject.Repo(), "content", "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s, errs := load.ParseSources(src, cfg)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	return s
}

// how is what import says of a field: where it found it, or how it guessed.
func how(r Result, field string) string {
	for _, f := range r.Found {
		if f.Field == field {
			return f.Value + " (" + f.How + ")"
		}
	}
	return ""
}
