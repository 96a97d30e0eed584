package wire

import (
	"strings"
	"testing"
	"time"
)

// TestDatelineStyles reads the datelines and tags of more agencies: the
// date and the source found, and neither left in the headline.
func TestDatelineStyles(t *testing.T) {
	cases := []struct{ text, date, source string }{
		{"Baku, November 14, AZERTAC. The ICRC delegation met officials of Azerbaijan.", "2026-11-14", "Azertac"},
		{"YEREVAN, NOVEMBER 14, ARMENPRESS. The ICRC delegation met officials of Armenia.", "2026-11-14", "Armenpress"},
		{"Baku. 14 November. REPORT.AZ/ The ICRC delegation met officials of Azerbaijan.", "2026-11-14", "Report.az"},
		{"Бишкек, 14 ноября /Кабар/. Делегация МККК встретилась с властями Кыргызстана.", "2026-11-14", "Кабар"},
		{"Бишкек, 14 ноя. 2025 / АКИpress / Делегация МККК встретилась с властями Кыргызстана.", "2025-11-14", "АКИpress"},
		{"Ташкент, 14 ноября (УзА). Делегация МККК встретилась с властями Узбекистана.", "2026-11-14", "УзА"},
		{"Баку/14.11.25/Туран: Делегация МККК встретилась с властями Азербайджана.", "2025-11-14", "Туран"},
		{"МОСКВА, 14 ноя — РИА Новости. Делегация МККК встретилась с властями России.", "2026-11-14", "РИА Новости"},
		{"ЖЕНЕВА (МККК), 14 ноября 2025 г. – Делегация МККК встретилась с властями Таджикистана.", "2025-11-14", "МККК"},
		{"Baku, 14 November. The ICRC delegation met officials of Azerbaijan, Report informs.", "2026-11-14", "Report.az"},
		{"The ICRC delegation met officials of Azerbaijan on 14 November 2025, Azertac informs.", "2025-11-14", "Azertac"},
		{"Ереван, 5 мая. /АРКА/. Делегация МККК встретилась с властями Армении.", "2026-05-05", "АРКА"},
		{"Астана. 14 ноября. Kazinform - Делегация МККК встретилась с властями Казахстана.", "2026-11-14", "Казинформ"},
		{"Бишкек, 14 ноября. Делегация МККК встретилась с властями Кыргызстана, сообщает Sputnik Кыргызстан.", "2026-11-14", "Sputnik"},
		{"DUSHANBE, November 14 (Asia-Plus) -- The ICRC delegation met officials of Tajikistan.", "2026-11-14", "Asia-Plus"},
		{"14 ноября 2025, 10:12\nДелегация МККК встретилась с властями Кыргызстана.\nИсточник: Kun.uz", "2025-11-14", "Kun.uz"},
		{"Nur-Sultan, 14 November 2025 – The ICRC delegation met officials of Kazakhstan. news.am reports.", "2025-11-14", "news.am"},
		{"ТАШКЕНТ, 14 ноября — Podrobno.uz. Делегация МККК встретилась с властями Узбекистана.", "2026-11-14", "Podrobno.uz"},
		{"Tengrinews.kz – Делегация МККК встретилась с властями Казахстана.\n14 ноября 2025", "2025-11-14", "Tengrinews.kz"},
		{"Баку, 14 ноября, АЗЕРТАДЖ. Делегация МККК встретилась с властями Азербайджана.", "2026-11-14", "АЗЕРТАДЖ"},
		{"12 Ноября 2026 14:05 (UTC +04:00)\nБАКУ /Trend/ - Делегация МККК встретилась с властями Азербайджана.", "2026-11-12", "Trend"},
		{"Tashkent, Uzbekistan (UzA) Nov 14 — The ICRC delegation met officials of Uzbekistan.", "2026-11-14", "UzA"},
	}
	opts := agencyOptions(t)
	for _, c := range cases {
		r, err := Parse(c.text, opts)
		if err != nil || r.Date.Format(time.DateOnly) != c.date || r.Source != c.source {
			t.Errorf("%q: %s %q %v; want %s %q", c.text, r.Date.Format(time.DateOnly), r.Source, err, c.date, c.source)
		}
		if !strings.HasPrefix(r.Title, "The ICRC") && !strings.HasPrefix(r.Title, "Делегация МККК") {
			t.Errorf("%q: headline %q", c.text, r.Title)
		}
	}
}

// TestBareDateline: a place in capitals and a dash leaves the headline,
// and a "Read more" link is the source's address, not a line of the body.
func TestBareDateline(t *testing.T) {
	opts := agencyOptions(t)
	opts.Date = day("2026-01-01")
	r, err := Parse("ASTANA – Kazakhstan and the ICRC discussed mine action on Tuesday.\nRead more: https://astanatimes.com/2026/01/x/", opts)
	if err != nil || r.Title != "Kazakhstan and the ICRC discussed mine action on Tuesday" || r.SourceURL != "https://astanatimes.com/2026/01/x/" ||
		strings.Contains(r.Body, "ASTANA") || strings.Contains(r.Body, "Read more") {
		t.Errorf("%q %q %q %v", r.Title, r.SourceURL, r.Body, err)
	}
}

// TestBareDatelineWithCountry: a place in capitals, its country and a
// dash ("OSH, Kyrgyzstan —") is a dateline too, and leaves the body; a
// headline of two names in capitals and a dash is not one.
func TestBareDatelineWithCountry(t *testing.T) {
	opts := agencyOptions(t)
	opts.Date = day("2026-12-02")
	for _, lead := range []string{"OSH, Kyrgyzstan — ", "DUSHANBE, Tajikistan – ", "BAKU, Azerbaijan - "} {
		r, err := Parse("Volunteers help flood victims\n"+lead+"Volunteers of the Red Crescent distributed aid to 200 households.\nThe ICRC supported them.", opts)
		if err != nil || !strings.HasPrefix(r.Body, "Volunteers of the Red Crescent") {
			t.Errorf("%q: body %q, %v", lead, r.Body, err)
		}
	}
	r, err := Parse("NATO, Russia – Talks Resume on Arms Control\nThe two sides met in Geneva.", opts)
	if err != nil || r.Title != "NATO, Russia – Talks Resume on Arms Control" {
		t.Errorf("title %q, %v", r.Title, err)
	}
}

// TestAgencyOpeningLead: a lead that opens with the agency's full name
// and its abbreviation in brackets, as the ICRC's releases do, keeps
// them, and the dateline before them is read.
func TestAgencyOpeningLead(t *testing.T) {
	for _, c := range []struct{ text, lead string }{
		{"МККК передал помощь\nБАКУ, 2 ноября 2026 г. – Международный комитет Красного Креста (МККК) передал помощь 300 семьям в Азербайджане.\nОни рады.",
			"Международный комитет Красного Креста (МККК) передал помощь"},
		{"ICRC aid\nBAKU, 2 November 2026 – International Committee of the Red Cross (ICRC) delegates delivered aid in Azerbaijan.\nThey were glad.",
			"International Committee of the Red Cross (ICRC) delegates"},
	} {
		r := parseOK(t, c.text, nil)
		if r.Date.Format(time.DateOnly) != "2026-11-02" || !strings.HasPrefix(r.Body, c.lead) || !strings.HasPrefix(r.Found[1].How, "from the dateline") {
			t.Errorf("%q: date %s (%s), body %q", c.text, r.Date.Format(time.DateOnly), r.Found[1].How, r.Body)
		}
	}
}
