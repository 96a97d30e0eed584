package wire

import (
	"encoding/base64"
	"mime/quotedprintable"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// TestOldEncodings: a text saved in Windows-1251, or as UTF-16 or UTF-32 with its
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
			{xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), "UTF-16"}, {utf32.UTF32(utf32.LittleEndian, utf32.UseBOM), "UTF-32"},
			{utf32.UTF32(utf32.BigEndian, utf32.UseBOM), "UTF-32"}} {
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

// TestSavedMail: an e-mail saved by a mail program (.eml), its headers
// encoded, its body quoted-printable or base64, plain or HTML, in UTF-8
// or Windows-1251, reads as the pasted e-mail does: the subject for
// headline when the text has none, the sender for source, the text
// decoded; the date it was sent is not the news's.
func TestSavedMail(t *testing.T) {
	body := "БАКУ, 2 ноября 2026 г. – Международный комитет Красного Креста (МККК) передал помощь 300 семьям пропавших без вести в Азербайджане.\r\n\r\n«Мы продолжим работу», — сказал глава делегации.\r\n"
	qp := func(s string) string {
		var b strings.Builder
		w := quotedprintable.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.String()
	}
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	head := "From: =?utf-8?b?" + b64("Пресс-служба МККК") + "?= <baku@icrc.org>\r\nTo: newsroom@example.org\r\n" +
		"Subject: =?utf-8?b?" + b64("Пресс-релиз: МККК передал помощь семьям") + "?=\r\nDate: Wed, 04 Nov 2026 10:15:00 +0400\r\nMIME-Version: 1.0\r\n"
	cp1251 := mustEncode(t, charmap.Windows1251, body)
	for name, msg := range map[string]string{
		"plain, quoted-printable": head + "Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp(body),
		"Windows-1251, base64":    head + "Content-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(cp1251),
		"alternative parts": head + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n" +
			"Content-Transfer-Encoding: base64\r\n\r\n" + b64(body) + "\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>other</p>\r\n--b1--\r\n",
		"HTML only": head + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
			qp("<html><body><p>"+strings.ReplaceAll(body, "\r\n\r\n", "</p><p>")+"</p></body></html>"),
	} {
		r := parseOK(t, msg, nil)
		if r.Title != "МККК передал помощь семьям" || r.Source != "МККК" || r.Date.Format(time.DateOnly) != "2026-11-02" ||
			!strings.HasPrefix(r.Body, "Международный комитет Красного Креста (МККК) передал помощь 300 семьям") || strings.Contains(r.Body, "=D0") {
			t.Errorf("%s: title %q, source %q, date %s, body %q", name, r.Title, r.Source, r.Date.Format(time.DateOnly), r.Body)
		}
	}
	// A pasted text opening with a header or two is no saved e-mail.
	if isSavedMail("Subject: МККК передал помощь\nТема встречи: МГП\n\nТекст.") {
		t.Error("a pasted text is taken for a saved e-mail")
	}
}
