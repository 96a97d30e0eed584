package wire

import (
	"regexp"
	"strings"
	"unicode"
)

// A site's call to give is read by its form, as a share call is: a
// button alone on its line, or a line that asks the reader and speaks of
// money. News about donations reports them; it does not ask.
var (
	// "Donate now", "Пожертвовать": a button, the whole line.
	donateButton = regexp.MustCompile(`^(?:donate(?: now| today| online| here| monthly)?|give (?:now|today|monthly|once)|` +
		`make a (?:donation|gift)|support (?:us|our work|our appeal|the icrc)|help now|` +
		`пожертвовать(?: сейчас| онлайн)?|помочь(?: сейчас| онлайн)?|сделать пожертвование|поддержать(?: нас| нашу работу)?|` +
		`поддержите (?:нас|нашу работу)|помогите(?: нам)?|ways to give|other ways to give|how to donate|как пожертвовать)$`)
	// "You can help — donate …", "Вы можете помочь, перечислив …": a
	// line that opens asking the reader.
	donateAsk = regexp.MustCompile(`^(?:donate|give|make a (?:donation|gift|contribution)|please (?:donate|give|help|support)|help us|` +
		`support (?:us|our)|you can (?:help|support|donate|give|make)|your (?:donations?|gifts?|support|contributions?)|to (?:donate|make a donation)|` +
		`every (?:donation|gift)|send an? (?:sms|text)|text \p{L}+ to|` +
		`пожертвуйте|пожертвовать можно|сделайте пожертвование|поддержите|помогите|помочь можно|перечислить (?:средства|пожертвования) можно|` +
		`вы можете (?:помочь|поддержать|пожертвовать|сделать|перечислить)|ваш[аеи]? (?:пожертвовани\p{L}*|помощь|поддержка|вклад)|каждое пожертвование|` +
		`отправьте (?:смс|sms)|чтобы (?:помочь|пожертвовать|поддержать)[^.]{0,60}(?:отправьте|перечислите|переведите|пожертвуйте|перейдите|позвоните))(?:[^\p{L}]|$)`)
	// What an appeal asks for: money, and the ways to send it.
	donateMoney = regexp.MustCompile(`donat|gift|contribution|пожертв|перечисл|средств|card|карт|bank|банк|transfer|перевод|sms|смс|paypal|kaspi|money|денег|деньг`)
	// "IBAN KZ12 …", "БИН 1234…": a bank detail, whatever stands around it.
	bankNumber = regexp.MustCompile(`^(?:iban|swift(?:/bic)?|bic|бик|бин|иин|инн|кпп|иик|кбе|кнп|р/с|к/с|sort code|routing number|account (?:no|number)|номер счета|номер счёта)\.?\s*[:№]?\s*[\p{L}\p{N}]*\d`)
	// "Получатель: …", "Bank: …": a field of bank details, under a heading.
	bankField = regexp.MustCompile(`^(?:получатель|бенефициар|beneficiary(?: name)?|recipient|account(?: name| holder)?|банк(?: получателя)?|bank(?: name| address)?|` +
		`назначение платежа|purpose of payment|(?:payment )?reference|валюта|currency|сч[её]т|корр?(?:\.|еспондентский)? сч[её]т)\s*:`)
	// "Реквизиты для пожертвований:", "Bank details": a heading of bank details.
	bankHead = regexp.MustCompile(`^(?:банковские )?реквизиты(?: для (?:пожертвований|перечисления|перевода|помощи))?\s*:?$|^(?:bank(?:ing)?|bank transfer|payment) details\s*:?$`)
)

// donation says whether a line, lower-cased, is a call to give: quoted
// speech or a dash opening direct speech is someone's words, not the
// site's.
func donation(l string) bool {
	if opensQuote(l) || strings.ContainsAny(firstRune(l), "-–—") {
		return false
	}
	l = strings.TrimFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ':' })
	if bankNumber.MatchString(l) || bankHead.MatchString(l) {
		return true
	}
	if donateButton.MatchString(strings.TrimRight(l, ":!. ")) {
		return true
	}
	return donateAsk.MatchString(l) && donateMoney.MatchString(l)
}

// bankDetail is a line of the bank details under an appeal's heading.
func bankDetail(line string) bool {
	l := strings.ToLower(strings.TrimSpace(line))
	return bankNumber.MatchString(l) || bankField.MatchString(l)
}
