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

// TestNotText: a document or an image given for a text is refused with
// what it is and what to do, not read as words in an old encoding.
func TestNotText(t *testing.T) {
	for _, c := range []struct{ src, what string }{
		{"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x00\x01\xff\nendstream\n", "a PDF document"},
		{"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a zipped file"}, {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "an old Word document"},
		{`{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} ICRC aid arrives in Baku, 2 December 2026.}`, "a Rich Text document"},
		{"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG photo"}, {"ICRC\x00\x00\x01\x02 aid \x00 Baku 2 December 2026", "a binary file"},
	} {
		opts := agencyOptions(t)
		opts.Date = today
		if _, err := Parse(c.src, opts); err == nil || !strings.Contains(err.Error(), "the file is "+c.what) || !strings.Contains(err.Error(), ".txt") {
			t.Errorf("%q: %v", c.src, err)
		}
	}
}
