package wire

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Boilerplate is recognised by kind: what a line says it is (a caption, a
// tags line, a call to follow), not a fixed list of lines. Each pattern
// reads a whole line, lower-cased, of at most a few hundred characters.
var (
	caption     = regexp.MustCompile(`^(?:фото|фотография|фотографии|photo|photos|photograph|сурет|суреттер|видео|video|image|images|picture|изображение|иллюстрация|коллаж|скриншот|screenshot|инфографика|infographic|источник фото|фото предоставлено|photo credit|photo courtesy|credit)s?\s*(?::|©|—|–|-|by\b|\||/)|^©`)
	tagsLine    = regexp.MustCompile(`^(?:теги|тэги|тег|метки|tags?|keywords|ключевые слова|тегтер|рубрики|рубрика|раздел|категория|categories|category|topics|posted in|filed under|опубликовано в|санаты|айдар)\s*:`)
	followCall  = regexp.MustCompile(`(?:подробнее в|больше новостей|больше материалов|в нашем|на нашем|more news|more on our|подписывайтесь|подпишитесь|подписаться|читайте нас|читайте наш|читайте новости|^читайте [\p{L}\p{N}.-]+ в |следите за|следите в|присоединяйтесь|наш телеграм|\bfollow\b|\bsubscribe\b|join us|join our|stay tuned|stay updated|stay informed|stay up[- ]to[- ]date|keep up with|get the latest|жазылыңыз|бізді оқыңыз)`)
	followWhere = regexp.MustCompile(`(?:telegram|телеграм|whatsapp|ватсап|facebook|фейсбук|instagram|инстаграм|twitter|твиттер|\bx\b|\bvk\b|вконтакте|youtube|ютуб|tiktok|тикток|дзен|dzen|одноклассники|канал|channel|newsletter|рассылк|соцсет|социальных сет|social|google news|яндекс|threads|\bmax\b|\bon x\b|for the latest|@)`)
	shareLine   = regexp.MustCompile(`^(?:share|share this(?: article| story| post| page| news)?|share on \p{L}+|tweet|print|печать|распечатать|поделиться|поделитесь|отправить|copy link|копировать ссылку|скопировать ссылку|e-?mail|close|закрыть|loading|загрузка|реклама|advertisement|advertising|ad|жарнама|бөлісу|telegram|whatsapp|facebook|twitter|vk|ok|x)(?:[:\s,|/]+(?:telegram|whatsapp|facebook|twitter|vk|x|instagram|linkedin|e-?mail|print|ok|viber|одноклассники|вконтакте|печать))*[\s,|/]*:?$`)
	readAlso    = regexp.MustCompile(`^(?:читайте также|читайте еще|читайте ещё|читайте тоже|также читайте|смотрите также|см\. также|ещё по теме|еще по теме|по теме|материалы по теме|новости по теме|другие новости|все новости|последние новости|главные новости|лента новостей|популярное|самое читаемое|самые читаемые|самое обсуждаемое|самые популярные|читайте также на|рекомендуем|выбор редакции|read also|read more|also read|see also|related|related news|related articles|related posts|related stories|related content|you might also like|you may also like|more on this(?: topic)?|more news|more stories|latest news|latest|all news|most read|most popular|popular|top stories|top news|recommended|editor's picks|тағы оқыңыз|соңғы жаңалықтар|барлық жаңалықтар)(?:\s*[:.!»›>…-]|$)`)
	endMark     = regexp.MustCompile(`^(?:[-–—_=*#/+.~\s]*[0oо#*]+[-–—_=*#/+.~\s0oо#*]*|[-–—_=*#/+.~\s]{3,}|\(?(?:end|ends|конец|соңы|-?30-?)\)?\.?)$`)
	contactHead = regexp.MustCompile(`^(?:for (?:further|more|additional) information|for media (?:enquiries|inquiries)|media contacts?|press contacts?|contacts?|contact us|contact information|контакты|контактная информация|контакты для сми|для (?:получения )?(?:дополнительной|более подробной) информации|за (?:дополнительной|подробной) информацией|дополнительная информация|пресс-служба|пресс-центр|press office|media relations|байланыс|қосымша ақпарат)(?:[^\p{L}]|$)`)
	contactish  = regexp.MustCompile(`(?:[\w.+-]+@[\w-]+\.[\w.]+|(?:^|[\s:(])\+\d[\d\s()\-–]{7,}\d|(?:^|[^\p{L}])(?:tel|тел|phone|телефон|моб|mob|mobile|факс|fax|e-?mail|почта|whatsapp)(?:[^\p{L}]|$)\.?\s*:?\s*\+?\(?\d)`)
	cookie      = regexp.MustCompile(`cookie|куки|файлы cookie|файлов cookie`)
	consent     = regexp.MustCompile(`^(?:accept|accept all|accept cookies|reject|reject all|decline|agree|i agree|ok|got it|settings|customize|manage (?:cookies|preferences)|privacy policy|принять|принять все|согласен|согласна|отклонить|понятно|хорошо|настройки|подробнее|политика конфиденциальности|қабылдау|келісемін)$`)
	comments    = regexp.MustCompile(`^(?:(?:` + commentHead + `)(?:\s*\(\d+\))?|` + commentsWord + countSep + count + `|` + commentWord + `\s*(?::\s*\d+|[(\[]\d+[)\]])|` + count + countSep + anyComment + `)\s*[:.!]?$`)
	commentForm = regexp.MustCompile(`(?:your email address will not be published|required fields are marked|войдите,? чтобы (?:оставить|написать) комментарий|log in to (?:comment|reply)|sign in to comment|для комментирования|чтобы оставить комментарий)`)
	// "This e-mail and any attachments are confidential…", "Sent from my iPhone": the mail's own footer.
	mailFooter = regexp.MustCompile(`(?:^this (?:e-?mail|message|communication)\b.{0,120}\b(?:is confidential|are confidential|privileged|intended (?:solely |only )?for the (?:use of the )?(?:addressee|recipient|individual|person|named))|^if you (?:have )?received (?:this|it) (?:e-?mail |message )?in error|` +
		`^(?:данное|это|настоящее) (?:письмо|сообщение|электронное письмо).{0,120}конфиденциальн|^если вы получили (?:это|данное) (?:письмо|сообщение) по ошибке|` +
		`^please consider the environment before printing|^подумайте об окружающей среде|^(?:sent from my |отправлено с (?:моего )?)(?:iphone|ipad|android|samsung|mobile|телефона|айфона)|^(?:get outlook for|отправлено из) (?:ios|android|outlook))`)
	footer    = regexp.MustCompile(`(?:all rights reserved|все права защищены|барлық құқықтар қорғалған|^copyright\s*(?:©|\(c\)|\d{4})|copyright\s*(?:©\s*)?\d{4}|\d{4}\s*copyright|\(c\)\s*\d{4}|при (?:полном или частичном )?(?:использовании|цитировании|перепечатке|копировании)[^.]{0,80}ссылка|(?:reproduction|use) of (?:the )?materials|копирование.{0,80}запрещено|(?:гипер)?ссылка на [\p{L}\p{N}.«»" -]{2,40} обязательна|перепечатка[^.]{0,60}(?:запрещена|разрешена))`)
	furniture = regexp.MustCompile(`^(?:news release|press release|пресс-релиз|statement|заявление|operational update|news|новости|жаңалықтар|search|advanced search|поиск|расширенный поиск|іздеу|` +
		// the labels of a page's details, ReliefWeb's: their values stand on the lines under them
		`format|source|источник|posted|originally published|origin|view original|news and press release|situation report|attachments)$|^(?:автор|author|автор фото|редактор|editor|корреспондент|просмотров|просмотры|views|время чтения|reading time)\s*:|^(?:[\d\s]+ (?:просмотр\p{L}*|views?|reads?)|\d+ мин(?:ут)? чтения|\d+ min read)$`)
	// A site's tagline under its name, or Telegram's line over a
	// forwarded post: "Russian news agency", "Forwarded from Trend".
	tagline = regexp.MustCompile(`^(?:forwarded from|переслано от|переслано из)\s.{1,60}$|^(?:(?:russian|azerbaijan|azerbaijani|kazakhstan|state|national|international|independent|leading|federal|official|the)\s+){0,3}(?:news agency|information agency)$|` +
		`^(?:(?:российское|государственное|национальное|международное|независимое|федеральное)\s+){0,2}(?:информационное агентство|новостное агентство)$|` +
		`^(?:новости|news)\s+(?:казахстана|кыргызстана|таджикистана|узбекистана|азербайджана|армении|грузии|центральной азии|of kazakhstan|of central asia)(?:\s+и\s+мира)?$|^(?:kazakhstan|azerbaijan|kyrgyzstan|tajikistan|uzbekistan|armenia|georgia) news$|` +
		`^radio free europe\s*/\s*radio liberty$|^радио свобода(?:\s*/\s*радио свободная европа)?$|` +
		`^(?:[\p{L}-]+['’]s\s+)?(?:(?:leading|independent|first|latest|national|daily|online)\s+){1,3}news(?:\s+(?:site|portal|agency|service))?$`)
	// "С уважением,": an e-mail's closing, its signature under it.
	regards = regexp.MustCompile(`^(?:с уважением|с наилучшими пожеланиями|всего доброго|best regards|kind regards|warm regards|regards|sincerely|yours sincerely|best wishes|құрметпен)\s*[,.!]?$`)
	// "#ICRC #Azerbaijan #МККК": a line of hashtags alone.
	hashtags = regexp.MustCompile(`^(?:\\?#[\p{L}\p{N}_]+[\s,·|]*){2,}$`)
	// "Download PDF (1.2 MB)": a link to the page's attachment.
	downloadLink = regexp.MustCompile(`^(?:download|скачать|загрузить|жүктеу)\s+(?:the\s+)?(?:pdf|docx?|file|файл|report|доклад|отч[её]т|документ)(?:\s*\(?(?:pdf,?\s*)?[\d.,]+\s*(?:[kmg]b|[кмг]б)\)?)?$`)
	// terminalCodes are the escape sequences a text copied from a terminal
	// or a bot carries, which set colours: "\x1b[1m", "\x1b[0;31m".
	terminalCodes = regexp.MustCompile(`\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,200}(?:\x07|\x1b\\)`) // colours; a window's title
	// A site's language switch: "Қазақша Русский English", "RU | EN | KZ".
	languageSwitch = regexp.MustCompile(`^(?:(?:қазақша|қазақ тілі|қаз|каз|kaz|kz|қз|русский|рус|rus|ru|english|eng|en|o['‘’ʻ]zbekcha|ўзбекча|uzb|uz|` +
		`кыргызча|кырг|kg|тоҷикӣ|тоджикӣ|tj|azərbaycanca|azərbaycan|az|aze|հայերեն|arm|am|ქართული|geo|türkmençe|tm)(?:\s*[|/·•]\s*|\s+)){1,6}` +
		`(?:қазақша|қаз|каз|kaz|kz|русский|рус|rus|ru|english|eng|en|o['‘’ʻ]zbekcha|ўзбекча|uzb|uz|кыргызча|kg|тоҷикӣ|tj|azərbaycanca|az|հայերեն|am|ქართული|türkmençe|tm)$`)
	// "Updated 2 hours ago", "Вчера, 14:05": a page's clock, relative to a day the text does not give.
	relative = regexp.MustCompile(`^(?:(?:updated|published|posted|обновлено|опубликовано|жаңартылды|жарияланды)\s*:?\s*)?(?:` +
		`(?:\d+|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|секунд\p{L}*|минут\p{L}*|мин\.?|час\p{L}*|ч\.|дн\p{L}*|день|недел\p{L}*|сағат|күн)\s+(?:ago|назад|бұрын)|` +
		`(?:today|yesterday|just now|сегодня|вчера|только что|бүгін|кеше)(?:,?\s*(?:at|в)?\s*\d{1,2}:\d{2})?)$`)
	// "Download the UN News app", "Скачайте приложение": a call to install the site's app.
	appCall = regexp.MustCompile(`^(?:download|get|install|скачайте|скачать|установите|загрузите|жүктеп алыңыз)\s.{0,80}(?:\bapp\b|\bapplication\b|приложени|қосымша)`)
	// "Подробнее на сайте report.az", "Read more at apa.az": the site sends the reader to itself.
	moreOnSite = regexp.MustCompile(`^(?:подробнее|читайте подробнее|читайте|читать далее|подробности|read more|read more news|more news|more|full story|the full story|details|больше новостей|все новости)\s+(?:на сайте|на портале|на|at|on)\s+(?:the\s+)?(?:website\s+|site\s+)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\S*$`)
	// A caption that ends with its credit or says it is an archive photo:
	// "… at the handover. © ICRC / A. Mammadov", "… в Баку. Архивное фото".
	captionEnd = regexp.MustCompile(`(?:(?:архивное|иллюстративное|иллюстрационное) фото|фото из архива|(?:archive|file|illustrative|stock) (?:photo|image|picture)|\((?:photo|фото|file photo|архивное фото)\b[^()]{0,40}\))\.?$`)
	// "Нашли ошибку? Выделите её и нажмите Ctrl+Enter": the site's typo form.
	typoCall = regexp.MustCompile(`(?:ошибк|опечатк|typo|mistake|error).{0,80}ctrl\s*\+\s*enter`)
	// "By Leyla Aliyeva – Trend:", "Автор: Асель Нурланова": the author's
	// line, names in capitals, as the text writes it (not lower-cased).
	byline     = regexp.MustCompile(`^(?:By|BY|Автор|Авторы|Author|Authors|Written by|Text|Текст|Текст и фото|Text and photo)\s*:?\s+` + names + `(?:\s*(?:,|–|—|-|\sand|\sи)\s+` + names + `)*\s*:?$`)
	breadcrumb = regexp.MustCompile(`^[^/>»›→|]{1,30}(?:\s[/>»›→|]\s[^/>»›→|]{1,40}){2,}$`)
	// "ВИДЕО: …", "PHOTOS: …": a label in capitals opening a headline.
	mediaLabel = regexp.MustCompile(`^\s*(?:ВИДЕО|ФОТО|ФОТОРЕПОРТАЖ|ФОТОГАЛЕРЕЯ|ИНФОГРАФИКА|VIDEO|PHOTO|PHOTOS|WATCH|INFOGRAPHIC)\s*[:|]\s+(.+)$`)
	// "Главная / Общество": from the home page, one step is a trail too.
	homeCrumb = regexp.MustCompile(`^(?:главная|главная страница|home|home page|homepage|басты бет|басты|bosh sahifa|ana səhifə)\s*[/>»›→|]\s*[^/>»›→|]{1,40}(?:\s*[/>»›→|]\s*[^/>»›→|]{1,40})*$`)
)

// names are a person's or an agency's names, one to four words in
// capitals, initials included: "A. Mammadov", "Trend", "Report.az".
const names = `\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}`

// A comments heading, or a counter of comments: the word and a number,
// either first, with or without a colon, a dash or brackets ("Comments:
// 0", "Комментарии (3)", "0 комментариев", "[2] comments", "Пікірлер 0").
const (
	commentHead = `comments?|комментари(?:и|й|ев|я)|leave a (?:reply|comment)|add (?:a )?comment|post a comment|write a comment|` +
		`join the discussion|discussion|обсуждение|оставить комментарий|добавить комментарий|написать комментарий|оставьте комментарий|` +
		`пікірлер|пікір қалдыру`
	// A word of many comments may stand before a bare number ("Comments
	// 0"); one of a single comment needs a colon or brackets, as
	// "Комментарий 1" bare numbers a part of a text.
	commentsWord = `(?:comments|комментари(?:и|ев|я)|пікірлер)`
	commentWord  = `(?:comment|комментарий|пікір)`
	anyComment   = `(?:comments?|комментари\p{L}*|пікір\p{L}*)`
	count        = `[(\[]?\d+[)\]]?`
	countSep     = `\s*[:\-–—]?\s*`
)

// kind names what a boilerplate line is, or "" for a line of the news.
func kind(line string) string {
	if utf8.RuneCountInString(line) > 400 {
		return ""
	}
	l := strings.ToLower(strings.TrimSpace(line))
	if it, ok := listItemOf(l); ok && !it.dash() {
		l = it.text // "• Read also", "1. Share": a list's marker says nothing of the line
	}
	l = strings.TrimLeftFunc(strings.Trim(l, " \t*_"), pictograph) // "👉 Подписаться": the sign says nothing of the line
	short := utf8.RuneCountInString(l) <= 250
	switch {
	case l == "":
		return "empty"
	case moreLink.MatchString(line):
		return "" // the source's address: findSource takes it
	case comments.MatchString(l):
		return "comments"
	case contactHead.MatchString(l) && utf8.RuneCountInString(l) < 160 && !strings.HasSuffix(l, "."):
		return "contacts"
	case readAlso.MatchString(l):
		return "read also"
	case caption.MatchString(l) && short, short && (captionEnd.MatchString(l) || creditEnd(l)):
		return "caption"
	case tagsLine.MatchString(l), hashtags.MatchString(l):
		return "tags"
	case short && donation(l):
		return "donation appeal"
	case short && followCall.MatchString(l) && followWhere.MatchString(l) && (callFirst(l) || words(l) <= 10),
		shareLine.MatchString(l), appCall.MatchString(l), short && socialRow(l), downloadLink.MatchString(l):
		return "share or follow"
	case moreOnSite.MatchString(l):
		return "link to the site"
	case relative.MatchString(l), languageSwitch.MatchString(l), tagline.MatchString(l), menuLine(l):
		return "page furniture"
	case endMark.MatchString(l):
		return "end mark"
	case cookie.MatchString(l), consent.MatchString(l):
		return "cookies"
	case commentForm.MatchString(l):
		return "comments"
	case short && footer.MatchString(l):
		return "footer"
	case mailFooter.MatchString(l), regards.MatchString(l):
		return "e-mail footer"
	case short && contactish.MatchString(l) && len(strings.Fields(l)) <= 14 && !sentenceLike(l):
		return "contacts"
	case short && byline.MatchString(strings.Trim(line, " \t*_")):
		return "byline"
	case furniture.MatchString(l) && short, breadcrumb.MatchString(l) && !isStamp(line), homeCrumb.MatchString(l), short && typoCall.MatchString(l):
		return "page furniture"
	}
	return ""
}

// menuLine is a site's menu pasted as one line: its sections' names,
// "Politics Economy Society World", "Политика Экономика В мире Общество".
func menuLine(l string) bool {
	ws := strings.Fields(strings.NewReplacer("|", " ", "•", " ", "·", " ", "/", " ").Replace(l))
	if len(ws) < 3 || len(ws) > 12 {
		return false
	}
	named := 0
	for _, w := range ws {
		if menuWords[strings.Trim(w, ".,")] {
			named++
		}
	}
	return named*4 >= len(ws)*3 // three in four of its words are sections'
}

// sectionName is a rubric of a few words, each a section's word or one
// that joins them: "Foreign policy", "В мире", "Society and culture".
func sectionName(l string) bool {
	ws := strings.Fields(strings.ToLower(l))
	if len(ws) < 2 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if !menuWords[w] && !joiner[w] {
			return false
		}
	}
	return true
}

var menuWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`politics economy society world culture sport sports science health business opinion opinions
		analytics analysis interview interviews video videos photo photos news region regions incidents tech technology lifestyle
		updates maps reports jobs training home main latest official multimedia life events law security military
		в мире политика экономика общество мир культура спорт наука здоровье бизнес мнения мнение аналитика интервью видео
		фото новости регион регионы происшествия технологии официально главная главное лента события право безопасность армия
		казахстан кыргызстан таджикистан узбекистан азербайджан армения грузия kazakhstan kyrgyzstan tajikistan uzbekistan
		azerbaijan armenia georgia karabakh карабах мире стране регионе расследования спецпроекты репортажи investigations features
		foreign domestic policy human rights top central asia south caucasus day внешняя внутренняя главные последние дня
		права человека центральная азия южный кавказ`) {
		menuWords[w] = true
	}
}

// socialRow is a row of links to a site's accounts: "Кабар в Telegram |
// Кабар в Facebook", "Telegram · WhatsApp · YouTube".
func socialRow(l string) bool {
	if handle.MatchString(l) {
		return true // "@gazetauz": a channel's name, alone
	}
	parts := rowSeparator.Split(l, -1)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if words(p) > 4 || !followWhere.MatchString(p) && !followCall.MatchString(p) && !sendNews.MatchString(p) {
			return false
		}
	}
	return true
}

var (
	handle   = regexp.MustCompile(`^@[\w.]{3,40}$`)
	sendNews = regexp.MustCompile(`^(?:прислать новость|предложить новость|send (?:us )?(?:a )?(?:news|tip)|жаңалық жіберу)$`)
)

var rowSeparator = regexp.MustCompile(`\s*[|•·/]\s*`)

// creditEnd is a line that ends with a photo's credit, "© ICRC / A.
// Mammadov": a few words, without a comma, after the sign.
func creditEnd(l string) bool {
	i := strings.LastIndex(l, "©")
	if i < 0 {
		return false
	}
	credit := l[i+len("©"):]
	return !strings.ContainsAny(credit, ",;:!?«»\"") && len(strings.Fields(credit)) <= 6 && utf8.RuneCountInString(credit) <= 60
}

// noComments is a counter of no comments, "Comments (0)": none follow it.
var noComments = regexp.MustCompile(`(?:^|\D)0(?:\D|$)`)

// callFirst says whether a line opens with its call to follow or
// subscribe, as calls do; a sentence of news that mentions a channel
// does not.
func callFirst(l string) bool {
	l = strings.TrimLeftFunc(l, func(r rune) bool { return !unicode.IsLetter(r) })
	loc := followCall.FindStringIndex(l)
	return loc != nil && loc[0] == 0
}

// words counts the words of a line: its fields with a letter in them.
func words(l string) int {
	n := 0
	for _, f := range strings.Fields(l) {
		if strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// sentenceLike is a line that reads as a sentence of news: words ending
// with a stop. A phone number in it is news ("call +994 …"), not a
// contact block.
func sentenceLike(l string) bool {
	return words(l) >= 5 && strings.ContainsAny(lastRune(strings.TrimRight(l, "»”\")) ")), ".!?…")
}

// cutOff is where clean ended the text: at a comments heading or counter
// after the news, with the lines it left out after it.
type cutOff struct {
	line string
	left int
}

// signature says whether the lines after an e-mail's closing are its
// signature: a few short lines that end the text.
func signature(rest []string) bool {
	if len(rest) > 6 {
		return false
	}
	for _, l := range rest {
		if words(l) > 10 || sentenceLike(l) && words(l) > 6 {
			return false
		}
	}
	return true
}

// authorName is a person's name in Cyrillic, two or three words, on a
// line alone: Russian writes no other line so, where English capitalises
// its topics ("Humanitarian Aid").
var authorName = regexp.MustCompile(`^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:[ -][А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+){1,2}$`)

// authorLine says whether a line is an author's name alone, as sites put
// it under the headline, and not a name of two words such as "Южная
// Африка" or "Красный Крест".
func authorLine(l string) bool {
	l = strings.TrimSpace(l)
	return authorName.MatchString(l) && !strings.ContainsAny(l, "0123456789") && !placeWords[strings.ToLower(l)]
}

// placeWords are two-word names a line may hold alone that are no author.
var placeWords = map[string]bool{"южная африка": true, "south africa": true, "красный крест": true, "red cross": true,
	"красный полумесяц": true, "red crescent": true, "central asia": true, "центральная азия": true, "south caucasus": true, "южный кавказ": true}

// leftOut is what clean dropped: the lines of each kind, counted, and
// the donation appeals themselves, which the editor is shown.
type leftOut struct {
	kinds    map[string]int
	appeals  []string
	relative string // the first of the site's relative dates among the first lines, "Сегодня, 14:05"
}

// clean drops boilerplate lines, and the blocks some of them head: the
// links under "Read also", the people under "For further information",
// everything after a comments heading that follows the news (comments
// end a page; a counter above the news, or of none, is one line), the
// bank details under an appeal. Where it ends the text it says so, for
// the editor to check. The first line, the headline, is no appeal but a
// button.
func clean(lines []string) (kept []string, dropped leftOut, cut *cutOff) {
	dropped.kinds = map[string]int{}
	table := tableRows(lines)
	for i := 0; i < len(lines); i++ {
		if table[i] {
			kept = append(kept, lines[i]) // figures, though a row reads like a breadcrumb trail
			continue
		}
		k := kind(lines[i])
		if k == "" && len(kept) > 0 && len(kept) < headLines && authorLine(lines[i]) {
			k = "byline" // "Лейла Алиева" under the headline: the author's name alone
		}
		if k == "donation appeal" && len(kept) == 0 && !donateButtonLine(lines[i]) || k == "byline" && len(kept) == 0 {
			k = "" // the headline: "By Sea and Air, Aid Reaches Osh"
		}
		if m := mediaLabel.FindStringSubmatch(lines[i]); m != nil && k == "caption" && len(kept) == 0 &&
			len(strings.Fields(m[1])) >= 3 && !strings.ContainsAny(m[1], "©/") {
			kept = append(kept, m[1]) // "ВИДЕО: МККК передал помощь": the headline, under the site's label
			continue
		}
		if k == "" {
			kept = append(kept, lines[i])
			continue
		}
		dropped.kinds[k]++
		if relative.MatchString(strings.ToLower(strings.TrimSpace(lines[i]))) && i < headLines && dropped.relative == "" {
			dropped.relative = strings.TrimSpace(lines[i])
		}
		switch k {
		case "comments":
			if endsNews(kept, lines[i]) {
				cut = &cutOff{strings.TrimSpace(lines[i]), 0}
				for _, l := range lines[i+1:] {
					if strings.TrimSpace(l) != "" {
						cut.left++
					}
				}
				dropped.kinds[k] += cut.left
				return kept, dropped, cut
			}
		case "read also":
			if !strings.Contains(strings.TrimRight(lines[i], ":. "), ":") { // a heading, not "Read also: a headline"
				// The links under it, up to a line of another kind, a
				// comments heading among them, which the loop reads.
				for i+1 < len(lines) && linkLike(lines[i+1]) {
					if next := kind(lines[i+1]); next != "" && next != "empty" {
						break
					}
					i++
				}
			}
		case "donation appeal":
			dropped.appeals = append(dropped.appeals, lines[i])
			// bank details follow a heading, or an appeal that ends in a colon
			if strings.HasSuffix(strings.TrimSpace(lines[i]), ":") || bankHead.MatchString(strings.ToLower(strings.TrimSpace(lines[i]))) {
				for i+1 < len(lines) && bankDetail(lines[i+1]) {
					i++
					dropped.kinds[k]++
					dropped.appeals = append(dropped.appeals, lines[i])
				}
			}
		case "e-mail footer":
			if rest := lines[i+1:]; regards.MatchString(strings.ToLower(strings.TrimSpace(lines[i]))) && signature(rest) {
				dropped.kinds[k] += len(rest)
				return kept, dropped, nil // the sender's name, office and phone
			}
		case "contacts":
			// A lone phone line heads nothing; nor does a press office
			// above the news, "Пресс-служба ОКП РК", which sent it.
			head := contactHead.MatchString(strings.ToLower(strings.TrimSpace(lines[i]))) && len(kept) > 0
			for head && i+1 < len(lines) && contactLike(lines[i+1]) {
				i++
			}
		}
	}
	return kept, dropped, nil
}

// endsNews tells whether a comments line, after the lines kept, ends the
// news: a heading does once a sentence of news is kept; a counter of some
// comments, which sites also show beside the lead, once two are.
func endsNews(kept []string, line string) bool {
	if noComments.MatchString(line) {
		return false
	}
	n := 0
	for _, l := range kept {
		if sentenceLike(l) {
			n++
		}
	}
	return n >= 2 || n == 1 && !strings.ContainsFunc(line, unicode.IsDigit)
}

// cells are the cells of a table's row, "Казахстан | 400 | 120", or
// none for a line without two.
func cells(line string) []string {
	if !strings.Contains(line, "|") {
		return nil
	}
	cs := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
	for i, c := range cs {
		if cs[i] = strings.TrimSpace(c); cs[i] == "" {
			return nil
		}
	}
	if len(cs) < 2 {
		return nil
	}
	return cs
}

// tableRows marks the rows of tables: two lines or more in a row with
// the same number of cells. A breadcrumb trail is one line.
func tableRows(lines []string) []bool {
	rows := make([]bool, len(lines))
	for i := 0; i < len(lines); {
		n, j := len(cells(lines[i])), i+1
		for n > 0 && j < len(lines) && len(cells(lines[j])) == n {
			j++
		}
		for k := i; j-i >= 2 && k < j; k++ {
			rows[k] = true
		}
		i = j
	}
	return rows
}

// tabbedRows writes the rows of a table copied with tabs between its
// cells, as a page's table or a spreadsheet's comes, as rows of cells
// ("Казахстан | 400"): two lines or more in a row with the same number
// of cells. Tabs that align columns count as one.
func tabbedRows(raw []string) []string {
	tabbed := func(l string) []string {
		if !strings.Contains(strings.Trim(l, " \t"), "\t") {
			return nil
		}
		var cs []string
		for _, c := range strings.Split(strings.Trim(l, " \t"), "\t") {
			if c = strings.TrimSpace(c); c != "" {
				cs = append(cs, strings.ReplaceAll(c, "|", "/"))
			}
		}
		if len(cs) > 0 && strings.HasSuffix(cs[0], ":") {
			return nil // "Tel:<tab>+994 …": a label and its value, as contacts are aligned
		}
		return cs
	}
	for i := 0; i < len(raw); {
		cs, j := tabbed(raw[i]), i+1
		for len(cs) >= 2 && j < len(raw) && len(tabbed(raw[j])) == len(cs) {
			j++
		}
		for k := i; j-i >= 2 && k < j; k++ {
			raw[k] = strings.Join(tabbed(raw[k]), " | ")
		}
		i = j
	}
	return raw
}

// linkLike is a line of a list of links: a headline, with no full stop,
// or a date or time on its own.
func linkLike(line string) bool {
	if kind(line) != "" {
		return true
	}
	n := utf8.RuneCountInString(line)
	return n < 160 && !strings.ContainsAny(lastRune(line), ".!?…:;\"»”") && !opensQuote(line)
}

// contactLike is a line of a press-contact block: a name, a title, a
// phone number or an address, not a sentence.
func contactLike(line string) bool {
	if sentenceLike(line) {
		return false
	}
	if contactish.MatchString(strings.ToLower(line)) && len(strings.Fields(line)) <= 16 {
		return true
	}
	return utf8.RuneCountInString(line) < 90 && len(strings.Fields(line)) <= 10 && !strings.HasSuffix(line, ".")
}

// trailingMark is an end mark at the end of the last paragraph: "… authorities. -0-".
var trailingMark = regexp.MustCompile(`\s+(?:-0-|--0--|—0—|###|-30-|\(END\)|\(end\))$`)

// lines splits text into its lines of news: a single line end starts a
// new paragraph, as agencies write them, unless the line was wrapped in
// the middle of a sentence: it ends without a stop, and the next line
// starts in lower case, or the text is wrapped at a width (its longest
// line is short) and this line fills it. A list item starts a line,
// but for a dash that goes on with a sentence the line above leaves
// open ("…сказал он, что главное\n— это поиск"): a dash item follows a
// colon or another item, or stands in a run of items that are clearly
// a list.
func lines(text string) []string {
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u00a0", " ", "\u2028", "\n", "\u2029", "\n\n").Replace(text)
	text = strings.Map(dropControl, terminalCodes.ReplaceAllString(text, ""))
	raw := tabbedRows(strings.Split(text, "\n"))
	width := 0
	for i, line := range raw {
		raw[i] = trailingMark.ReplaceAllString(strings.Join(strings.Fields(line), " "), "")
		width = max(width, utf8.RuneCountInString(raw[i]))
	}
	full := 0 // lines that fill the width: a wrapped text has many
	for _, line := range raw {
		if utf8.RuneCountInString(line) >= width*3/4 {
			full++
		}
	}
	wrapped := width >= 50 && width <= 100 && full >= 3
	var out []string
	joinable := false
	for i, line := range raw {
		switch {
		case line == "":
			joinable = false
			continue
		case joinable && dashGoesOn(out[len(out)-1], raw, i) && kind(out[len(out)-1]) == "":
			out[len(out)-1] += " " + line
		case joinable && !strings.Contains(line, "|") && !isListItem(line) && (startsLower(line) || wrapped && utf8.RuneCountInString(out[len(out)-1]) >= width*3/4 &&
			!isDateline(line) && !isStamp(line)) && kind(line) == "" && kind(out[len(out)-1]) == "":
			out[len(out)-1] += " " + line
		default:
			out = append(out, line)
		}
		joinable = !strings.ContainsAny(lastRune(out[len(out)-1]), ".!?…:;\"»”)")
	}
	return out
}

// dashGoesOn says whether line i, opening with a dash, goes on with the
// sentence of the paragraph above it, which is no list item and ends without
// a stop: unless it starts a run of short dash items without stops, two
// or more, which are a list however they are introduced.
func dashGoesOn(above string, raw []string, i int) bool {
	it, ok := listItemOf(raw[i])
	if !ok || !it.dash() || isListItem(above) {
		return false
	}
	n := 0
	for _, l := range raw[i:] {
		it, ok := listItemOf(l)
		if !ok || !it.dash() || utf8.RuneCountInString(l) > 60 || strings.ContainsAny(l, ".!?…") {
			break
		}
		n++
	}
	return n < 2
}

func isListItem(line string) bool {
	_, ok := listItemOf(line)
	return ok
}

func isStamp(line string) bool {
	_, ok := stamp(line)
	return ok
}

// isDateline says whether a line opens with a dateline, by its form alone.
func isDateline(line string) bool {
	_, ok := findDateline(line, noAgencies())
	return ok
}

// noAgencies reads datelines by their form alone.
var noAgencies = sync.OnceValue(func() *agencies { return compileAgencies(nil) })

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// dropControl drops the invisible characters pasted text can carry, which
// articles may not hold; tabs and line ends stay, and direction marks.
func dropControl(r rune) rune {
	switch {
	case r == '\t' || r == '\n':
		return r
	case r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0xfffe || r == 0xffff || r == 0xfeff:
		return -1
	case r == '\u00ad' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060':
		return -1 // soft hyphens and zero-width spaces
	case r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069':
		return -1 // direction controls, which the build refuses: the letters set the direction
	}
	return r
}
