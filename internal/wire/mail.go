package wire

import (
	"regexp"
	"strings"
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

// mail drops the headers of a forwarded e-mail: the mark that opens them
// and the header lines under it, or header lines opening the text. They
// are the mail's, not the news: its date is when it was sent. The
// subject, without "FW:", stays as the headline when the text under the
// headers has none.
//
// It also returns the host of the sender's address, which may be an
// agency's site.
func mail(ls []string) ([]string, string) {
	var out []string
	sender := ""
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
				if a := mailAddress.FindStringSubmatch(m[2]); a != nil && sender == "" {
					sender = strings.ToLower(a[1])
				}
			}
		}
		if subject != "" && (i == len(ls) || !hasHeadline(ls[i:])) {
			out = append(out, subject)
		}
		i--
	}
	return out, sender
}

func hasHeadline(ls []string) bool {
	t, _ := findHeadline(ls)
	return t != ""
}
