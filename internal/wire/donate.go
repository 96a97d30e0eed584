package wire

import (
	"regexp"
	"strings"
	"unicode"
)

// A site's call to give is read by its form, as a share call is: a
// button alone on its line, or a line that asks the reader to give and
// says how. News about donations reports them, or reports someone's
// words; it does not ask the reader.
//
// Words are matched whole: "карт" is not a card in "картофель", nor
// "bank" a bank in "West Bank".
const (
	wholeStart = `(?:^|[^\p{L}\p{N}])`
	wholeEnd   = `(?:[^\p{L}\p{N}]|$)`
)

var (
	// "Donate now", "Пожертвовать": a button, the whole line.
	donateButton = regexp.MustCompile(`^(?:donate(?: now| today| online| here| monthly)?|give (?:now|today|monthly|once)|` +
		`make a (?:donation|gift)|support (?:us|our work|our appeal|the icrc)|help now|` +
		`пожертвовать(?: сейчас| онлайн)?|помочь(?: сейчас| онлайн)?|сделать пожертвование|поддержать(?: нас| нашу работу)?|` +
		`поддержите (?:нас|нашу работу)|помогите(?: нам)?|ways to give|other ways to give|how to donate|как пожертвовать)$`)
	// "You can help", "Donate …", "Вы можете помочь", "Пожертвовать
	// можно …": an ask addressed to the reader, in the imperative or the
	// second person, opening the line or one of its clauses; or a purpose
	// and an imperative, "Чтобы помочь, отправьте SMS".
	readerAsk = regexp.MustCompile(`(?:^|[.:;!?—–]\s*|\s-\s*)(?:please\s+)?(?:donate|give|help|support|make a (?:donation|gift|contribution)|send|text|` +
		`you can|you could|you may|your|` +
		`пожертвуйте|помогите|поддержите|сделайте|перечислите|переведите|отправьте|` +
		`вы можете|ваш[аеи]?|ваш(?:его|ему|ей|ими?|их)|пожертвовать можно|помочь можно|поддержать можно|перечислить (?:средства|пожертвования) можно)` + wholeEnd +
		`|` + wholeStart + `чтобы (?:помочь|пожертвовать|поддержать)[^.]{0,60}(?:отправьте|перечислите|переведите|пожертвуйте|перейдите|позвоните)` + wholeEnd +
		`|` + wholeStart + `to (?:donate|give|help|support)[^.]{0,60}[,:;—–]\s*(?:please\s+)?(?:visit|go to|click|send|text|call|scan|use)` + wholeEnd)
	// The giving an appeal asks for: to donate, a donation.
	giving = regexp.MustCompile(wholeStart + `(?:donate|donations?|donating|contributions?|gifts?|make a gift|пожертв\p{L}*)` + wholeEnd)
	// Blood is given too, and news of it reports no appeal for money.
	blood = regexp.MustCompile(wholeStart + `(?:blood|plasma|кров[ьиюей]\p{L}*|плазм\p{L}*)` + wholeEnd)
	// The ways an appeal says to send money: a card, a transfer, a text,
	// a payment service, an account.
	channel = regexp.MustCompile(wholeStart + `(?:(?:credit |debit |bank )?card|bank transfer|wire transfer|sms|text message|paypal|kaspi|iban|` +
		`картой|банковск\p{L}* карт\p{L}*|карт\p{L}* (?:visa|mastercard|мир)|перечисл\p{L}*|переведите|переводом|банковск\p{L}* перевод\p{L}*|` +
		`смс|sms-сообщени\p{L}*|на (?:расч[её]тный )?сч[её]т|реквизит\p{L}*|money|денег|деньг\p{L}*|qr)` + wholeEnd)
	// "…, the ministry said", "…, сказал он": someone's words, reported.
	reported = regexp.MustCompile(wholeStart + `(?:said|says|say|told|tells|added|urged|stressed|noted|explained|asked|according to|called on|` +
		`сказал[аи]?|говорит|говорят|сообщ(?:ил|ила|или|ает|ают)|заяв(?:ил|ила|или|ляет|ляют)|призв(?:ал|ала|али)|призыва(?:ет|ют)|` +
		`добав(?:ил|ила|или)|отмет(?:ил|ила|или)|подчеркн(?:ул|ула|ули)|рассказ(?:ал|ала|али)|попрос(?:ил|ила|или)|поясн(?:ил|ила|или)|обрати(?:лся|лась|лись)|по словам)` + wholeEnd)
	// "IBAN KZ12 …", "БИН 1234…": a bank detail opening its line.
	bankNumber = regexp.MustCompile(`^(?:iban|swift(?:/bic)?|bic|бик|бин|иин|инн|кпп|иик|кбе|кнп|р/с|к/с|sort code|routing number|account (?:no|number)|номер счета|номер счёта)\.?\s*[:№]?\s*[\p{L}\p{N}]*\d`)
	// "IBAN KZ12 3456 7890 1234 5678": a bank detail that is the whole
	// line, a code and nothing said of it.
	bankNumberLine = regexp.MustCompile(bankNumber.String() + `[\p{N}\s-]*$`)
	// "Получатель: …", "Bank: …": a field of bank details, under a heading.
	bankField = regexp.MustCompile(`^(?:получатель|бенефициар|beneficiary(?: name)?|recipient|account(?: name| holder)?|банк(?: получателя)?|bank(?: name| address)?|` +
		`назначение платежа|purpose of payment|(?:payment )?reference|валюта|currency|сч[её]т|корр?(?:\.|еспондентский)? сч[её]т)\s*:`)
	// "Реквизиты для пожертвований:", "Bank details": a heading of bank details.
	bankHead = regexp.MustCompile(`^(?:банковские )?реквизиты(?: для (?:пожертвований|перечисления|перевода|помощи))?\s*:?$|^(?:bank(?:ing)?|bank transfer|payment) details\s*:?$`)
)

// donation says whether a line, lower-cased, is a call to give: a
// button, a bank detail standing alone, or an ask addressed to the
// reader that names a way to pay or asks for a donation. Quoted speech,
// a dash opening direct speech and reported words are someone's, not
// the site's.
func donation(l string) bool {
	if opensQuote(l) || strings.ContainsAny(firstRune(l), "-–—") {
		return false
	}
	l = strings.TrimFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ':' })
	if bankNumberLine.MatchString(l) || bankHead.MatchString(l) {
		return true
	}
	if donateButton.MatchString(strings.TrimRight(l, ":!. ")) {
		return true
	}
	if reported.MatchString(l) || !readerAsk.MatchString(l) {
		return false
	}
	return channel.MatchString(l) || giving.MatchString(l) && !blood.MatchString(l)
}

// donateButtonLine is a donation button, the whole line, which no
// headline is.
func donateButtonLine(line string) bool {
	l := strings.ToLower(strings.TrimSpace(line))
	l = strings.TrimFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return donateButton.MatchString(l)
}

// bankDetail is a line of the bank details under an appeal's heading.
func bankDetail(line string) bool {
	l := strings.ToLower(strings.TrimSpace(line))
	return bankNumber.MatchString(l) || bankField.MatchString(l)
}
