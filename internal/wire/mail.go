package wire

import (
	netmail "net/mail"
	"regexp"
	"strings"
	"time"

	"briefings/internal/load"
)

var (
	// "-----Original Message-----", "---------- Forwarded message ---------".
	mailMark = regexp.MustCompile(`(?i)^[-_=*\s]*(?:original message|forwarded message|begin forwarded message|пересланное сообщение|исходное сообщение|переадресованное сообщение)[-_=*:\s]*$`)
	// "From: …", "Sent: …", "Тема: …": a header of an e-mail.
	mailHeader = regexp.MustCompile(`(?i)^(from|sent|to|cc|bcc|date|subject|reply-to|от|отправлено|кому|копия|тема|дата)\s*:\s*(.*)$`)
	// "FW: ", "Fwd: Re: ", "PRESS RELEASE: ", "[External] ": what forwarding,
	// a press office or a mail server puts before a subject.
	mailPrefix = regexp.MustCompile(`(?i)^(?:(?:fw|fwd|re|пересл|отв|ответ|press release|news release|media release|media advisory|пресс-релиз|пресс релиз|для сми)\s*[:–—-]\s*|\[[^\]]{1,20}\]\s*)+`)
	// The address in a From: header: "ICRC Baku <baku@icrc.org>".
	mailAddress = regexp.MustCompile(`[\w.+-]+@([\w-]+(?:\.[\w-]+)+)`)
)

// forward is what the headers of a forwarded e-mail tell: the host of
// the sender's address, which may be an agency's site, and when it was
// sent.
type forward struct {
	sender string
	sent   time.Time // zero: no header says
	when   string    // the header that says it
}

// mail drops the headers of a forwarded e-mail: the mark that opens them
// and the header lines under it, or header lines opening the text. They
// are the mail's, not the news: its date is when it was sent, which
// only dates a text that gives no year, or no date. The subject, without
// "FW:", stays as the headline when the text under the headers has none.
func mail(ls []string) ([]string, forward) {
	var out []string
	var fw forward
	for i := 0; i < len(ls); i++ {
		start := mailMark.MatchString(ls[i])
		if !start && !(len(out) == 0 && mailHeader.MatchString(ls[i]) && i+1 < len(ls) && mailHeader.MatchString(ls[i+1])) {
			out = append(out, ls[i])
			continue
		}
		if start {
			i++
		}
		subject := ""
		for ; i < len(ls) && mailHeader.MatchString(ls[i]); i++ {
			switch m := mailHeader.FindStringSubmatch(ls[i]); strings.ToLower(m[1]) {
			case "subject", "тема":
				subject = strings.TrimSpace(mailPrefix.ReplaceAllString(m[2], ""))
			case "from", "от":
				if a := mailAddress.FindStringSubmatch(m[2]); a != nil && fw.sender == "" {
					fw.sender = strings.ToLower(a[1])
				}
			case "sent", "date", "отправлено", "дата":
				if t, ok := sentDate(m[2]); ok && fw.sent.IsZero() {
					fw.sent, fw.when = t, strings.TrimSpace(ls[i])
				}
			}
		}
		if subject != "" && (i == len(ls) || !hasHeadline(ls[i:])) {
			out = append(out, subject)
		}
		i--
	}
	return out, fw
}

// sentDate reads the day a Date: or Sent: header gives, as mail
// programs write it: "Wed, 04 Nov 2026 10:15:00 +0400", "Tuesday,
// November 4, 2025 10:15 AM", "4 ноября 2025 г. 10:15". It must name
// its year.
func sentDate(v string) (time.Time, bool) {
	if t, err := netmail.ParseDate(strings.TrimSpace(v)); err == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
	}
	w, ok := findWhen(v)
	if !ok || w.Year == 0 {
		return time.Time{}, false
	}
	t, _ := w.date(time.Time{})
	return t, load.PlausibleYear(t.Year())
}

func hasHeadline(ls []string) bool {
	t, _ := findHeadline(ls)
	return t != ""
}
