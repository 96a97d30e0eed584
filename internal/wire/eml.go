package wire

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// mimeHeader is a header of an e-mail saved from a mail program
// (.eml), which a pasted one does not show.
var mimeHeader = regexp.MustCompile(`(?im)^(?:mime-version|content-type|content-transfer-encoding|received|message-id|return-path)\s*:`)

// isSavedMail says whether a text is an e-mail as a mail program saves
// it, its body in MIME's encodings, not as pasted.
func isSavedMail(text string) bool {
	head, _, ok := strings.Cut(strings.ReplaceAll(text[:min(len(text), 16<<10)], "\r\n", "\n"), "\n\n")
	if !ok || !mimeHeader.MatchString(head) {
		return false
	}
	for _, l := range strings.Split(head, "\n") {
		if l != "" && l[0] != ' ' && l[0] != '\t' && !strings.Contains(l, ":") {
			return false // not a header line
		}
	}
	return true
}

// mailText is a saved e-mail as a pasted one reads: its sender and
// subject as header lines, then the text of its body, decoded from
// quoted-printable or base64 and its charset; the plain part of a
// message that has both, or the HTML one's text. It returns the text as
// given when it cannot read it.
func mailText(text string) string {
	msg, err := netmail.ReadMessage(bufio.NewReader(strings.NewReader(text)))
	if err != nil {
		return text
	}
	dec := mime.WordDecoder{CharsetReader: charset.NewReaderLabel}
	header := func(k string) string {
		v := msg.Header.Get(k)
		if d, err := dec.DecodeHeader(v); err == nil {
			v = d
		}
		return strings.Join(strings.Fields(v), " ")
	}
	body := partText(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body, 0)
	var b strings.Builder
	for _, k := range []string{"From", "Date", "Subject"} { // its date is when it was sent, not the news's
		if v := header(k); v != "" {
			b.WriteString(k + ": " + v + "\n")
		}
	}
	return b.String() + "\n" + body
}

// partText is the text of one part of a message: a multipart's best
// part, plain text before HTML.
func partText(contentType, encoding string, r io.Reader, depth int) string {
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		media, params = "text/plain", nil
	}
	r = decodeTransfer(encoding, r)
	switch {
	case strings.HasPrefix(media, "multipart/") && depth < 5:
		mr := multipart.NewReader(r, params["boundary"])
		var plain, rich string
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			if d, _, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition")); d == "attachment" {
				continue
			}
			t := partText(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p, depth+1)
			if ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type")); ct == "text/html" {
				rich = first(rich, t)
			} else if strings.TrimSpace(t) != "" {
				plain = first(plain, t)
			}
		}
		return first(plain, rich)
	case media == "text/plain", media == "text/html":
		if cs := params["charset"]; cs != "" {
			if cr, err := charset.NewReaderLabel(cs, r); err == nil {
				r = cr
			}
		}
		b, _ := io.ReadAll(io.LimitReader(r, 4<<20))
		if media == "text/html" {
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				return ""
			}
			return visibleText(doc, true)
		}
		return string(b)
	}
	return ""
}

func decodeTransfer(encoding string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, r) // which skips the line ends
	}
	return r
}
