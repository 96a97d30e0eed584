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
	// "FW: ", "Fwd: Re: ": what forwarding puts before a subject.
	mailPrefix = regexp.MustCompile(`(?i)^(?:(?:fw|fwd|re|пересл|отв|ответ)\s*:\s*)+`)
)

// mail drops the headers of a forwarded e-mail: the mark that opens them
// and the header lines under it, or header lines opening the text. They
// are the mail's, not the news: its date is when it was sent. The
// subject, without "FW:", stays as the headline when the text under the
// headers has none.
func mail(ls []string) []string {
	var out []string
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
			if m := mailHeader.FindStringSubmatch(ls[i]); strings.EqualFold(m[1], "subject") || strings.EqualFold(m[1], "тема") {
				subject = strings.TrimSpace(mailPrefix.ReplaceAllString(m[2], ""))
			}
		}
		if subject != "" && (i == len(ls) || !hasHeadline(ls[i:])) {
			out = append(out, subject)
		}
		i--
	}
	return out
}

func hasHeadline(ls []string) bool {
	t, _ := findHeadline(ls)
	return t != ""
}
