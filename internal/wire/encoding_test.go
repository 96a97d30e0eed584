package wire

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// TestOldEncodings: a text saved in Windows-1251, or as UTF-16 with its
// byte-order mark, reads as the same text in UTF-8 does, and import says
// which encoding it read; a text in another encoding is refused.
func TestOldEncodings(t *testing.T) {
	texts := []string{
		"МККК провел семинар в Бишкеке\r\n\r\nБИШКЕК, 2 декабря 2026. /Кабар/. Международный комитет Красного Креста провел семинар «МГП сегодня» для сотрудников МВД Кыргызстана — 25 человек.\r\n",
		"ICRC aid arrives in Baku\nBAKU, 2 December 2026 – The ICRC delivered aid to families in Azerbaijan, it said.\n",
	}
	for _, text := range texts {
		want := parseOK(t, text, nil)
		for _, e := range []struct {
			enc  encoding.Encoding
			name string
		}{{charmap.Windows1251, "Windows-1251"}, {xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), "UTF-16"},
			{xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), "UTF-16"}} {
			b, err := e.enc.NewEncoder().String(text)
			if err != nil {
				t.Fatal(err)
			}
			if b == text {
				continue // ASCII and Windows-1251 agree
			}
			got := parseOK(t, b, nil)
			if got.Title != want.Title || got.Body != want.Body || !got.Date.Equal(want.Date) || got.Source != want.Source ||
				len(got.Found) == 0 || got.Found[0].String() != "encoding: "+e.name+" (the text is not UTF-8: read as "+e.name+")" {
				t.Errorf("%s: %q %q %s %v\nwant %q %q %s", e.name, got.Title, got.Body, got.Date.Format(time.DateOnly), got.Found, want.Title, want.Body, want.Date.Format(time.DateOnly))
			}
		}
	}
	// An English text with a Cyrillic caption reads as Windows-1251.
	if r := parseOK(t, mustEncode(t, charmap.Windows1251, "ICRC aid arrives in Baku\nBAKU, 2 December 2026 – The ICRC delivered aid to families in Azerbaijan.\nФото: МККК\n"), nil); r.Title != "ICRC aid arrives in Baku" {
		t.Errorf("title %q", r.Title)
	}
	// Russian in KOI8-R or in the DOS code page does not read as Windows-1251;
	// nor does UTF-8 with a broken byte.
	ru := "МККК передал помощь семьям пропавших без вести в Баку, 2 декабря 2026 года, сообщили в организации."
	for _, b := range []string{mustEncode(t, charmap.KOI8R, ru), mustEncode(t, charmap.CodePage866, ru),
		"МККК передал помощь семьям в Баку, Азербайджан, сообщили в организации.\xff"} {
		if _, err := Parse(b, agencyOptions(t)); err == nil || !strings.Contains(err.Error(), "not UTF-8") {
			t.Errorf("%q: %v", b, err)
		}
	}
}

func mustEncode(t *testing.T, e encoding.Encoding, s string) string {
	t.Helper()
	b, err := e.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
