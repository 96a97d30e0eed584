package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"
	"sync/atomic"

	"briefings/internal/index"
	"briefings/internal/load"
)

// fragmentKinds are the templates of one story in a list: "item" on list
// pages, "related-item" under other articles and beside the home page's
// stories, "brief" below the home page's newest story; then
// those of the parts of a page's frame that many pages share.
var fragmentKinds = [...]string{"item", "related-item", "brief", "sections", "feed-links", "feed", "photo", "figure", "feed-photo", "story",
	"social-site", "social-image", "assets", "masthead", "footer"}

var fragmentRoles = [...]string{"one story in a list page", "one story in an article's related stories",
	"one story, without its summary, in the home page's list",
	"the site's sections in the header", "the <link>s of a feed in a page's head", "a feed's line in the footer",
	"a photo among words", "a photo with its caption", "a photo in a feed", "the newest story at the top of the home page",
	"the site's OpenGraph tags in a page's head", "a page's OpenGraph image and Twitter card",
	"the stylesheet and icon links in a page's head", "the skip link and the site's name at the top of a page",
	"a page's footer"}

const (
	listItem = iota
	relatedItem
	briefItem
	storyKinds // the kinds rendered once per story: the first three of fragmentKinds
)

var storyKindsAll = []int{listItem, relatedItem, briefItem}

// fragments renders each story's list entry once per reader's language
// and kind. A story appears on about four list pages per language and
// under five articles, and html/template's escaping is most of the cost
// of a page: rendering each entry once cut the 10,000-article build's
// template time by more than half (bench/run.sh). A fragment is made when
// a view needs it, and the memo keeps it from one build to the next by
// the digest of its data, so a rebuild renders only new ones. It is a
// cache: what it gives is a pure function of what it is asked for.
type fragments struct {
	s     *siteView
	dig   *digester
	memo  *generation[uint64, string]
	pos   map[*load.Article]int
	slots [][storyKinds]storySlots // by reader's language and kind

	share string // where the site's share image is, if it has one

	mu     sync.Mutex
	chrome map[uint64]*fragment // by id
}

// storySlots holds one kind of entry of every story for readers of one
// language: its slots are made when a page is queued to show one, or on
// first use where nothing is counted, and an entry takes memory only
// while pages show it. left counts, by story, the pages queued to show an
// entry that have not been planned yet (see expect).
type storySlots struct {
	once  sync.Once
	slots []atomic.Pointer[fragment] // by story; nil: not rendered, or dropped
	left  []atomic.Int32
}

func (s *storySlots) init(n int) {
	s.once.Do(func() { s.slots, s.left = make([]atomic.Pointer[fragment], n), make([]atomic.Int32, n) })
}

// slot is the slot of a story's entry, made empty if there is none.
func (f *fragments) slot(lang, kind, story int) *fragment {
	s := &f.slots[lang][kind]
	s.init(len(f.pos))
	for {
		if got := s.slots[story].Load(); got != nil {
			return got
		}
		s.slots[story].CompareAndSwap(nil, &fragment{})
	}
}

// expect notes a page queued to show the entries of these stories, of one
// kind, for readers of lang; shown, that it was planned. The last page to
// show an entry drops it. Pages planned in the order of their stories'
// dates then hold only the entries of the stories around that date: a
// language's entries held until all its lists were planned were a sixth
// of a 50,000-article build's peak. A count that is off costs memory or
// time, never bytes: an entry asked for again is rendered again. A memo
// kept for a next build holds every entry anyway, so there is nothing to
// count: counting was 60 ms of a rebuild at 50,000 articles.
func (f *fragments) expect(kind int, lang string, stories []index.Entry) {
	f.count(kind, lang, stories, 1)
}

func (f *fragments) shown(kind int, lang string, stories []index.Entry) {
	f.count(kind, lang, stories, -1)
}

func (f *fragments) count(kind int, lang string, stories []index.Entry, d int32) {
	li := f.s.languageIndex(lang)
	if li < 0 || !f.memo.once {
		return
	}
	s := &f.slots[li][kind]
	s.init(len(f.pos))
	for _, en := range stories {
		if pos, ok := f.pos[en.Article]; ok && s.left[pos].Add(d) == 0 && d < 0 {
			s.slots[pos].Store(nil)
		}
	}
}

type fragment struct {
	once sync.Once
	f    Fragment
	err  error
}

func newFragments(s *siteView, dig *digester, memo *generation[uint64, string], arts []*load.Article) *fragments {
	f := &fragments{s: s, dig: dig, memo: memo, pos: make(map[*load.Article]int, len(arts))}
	for i, a := range arts {
		f.pos[a] = i
	}
	f.slots = make([][storyKinds]storySlots, len(s.Languages))
	f.chrome = map[uint64]*fragment{}
	if s.Share != nil {
		f.share = s.URLs.Abs(index.MediaPath(s.Share.Name))
	}
	return f
}

// drop forgets the stories' entries of the given kinds rendered for
// readers of lang, once no page left to plan shows them. One asked for
// again is rendered again. Not safe while pages of lang are planned.
func (f *fragments) drop(lang string, kinds ...int) {
	li := f.s.languageIndex(lang)
	if li < 0 {
		return
	}
	for _, k := range kinds {
		f.slots[li][k] = storySlots{}
	}
}

// frame fills in the parts of a page's frame many pages share, each made
// once a build: they were most of the template work of a page.
func (f *fragments) frame(pg *Page) error {
	c := &pg.Chrome
	var err error
	fill := func(into *Fragment, name string, data any) {
		if err == nil {
			*into, err = f.once(name, data)
		}
	}
	if len(c.Nav) > 0 {
		fill(&c.Sections, "sections", Sections{Label: pg.T.Navigation, Links: c.Nav})
	}
	c.FeedLinks, c.FeedLines = make([]Fragment, len(pg.Feeds)), make([]Fragment, len(pg.Feeds))
	for i, fl := range pg.Feeds {
		fill(&c.FeedLinks[i], "feed-links", fl)
		fill(&c.FeedLines[i], "feed", fl)
	}
	so := pg.Social
	fill(&c.Site, "social-site", SocialSite{SiteName: so.SiteName, Locale: so.Locale, Alternates: so.Alternates})
	img := SocialImage{Image: so.Image, Alt: so.ImageAlt, Width: so.ImageWidth, Height: so.ImageHeight}
	if so.Image == "" || so.Image == f.share {
		fill(&c.Image, "social-image", img)
	} else if err == nil { // an article's own photo: kept once a build, they would all be held to its end
		c.Image, err = f.render("social-image", img)
	}
	fill(&c.Assets, "assets", Assets{Stylesheet: c.Stylesheet, Icon: c.Icon})
	m := Masthead{Skip: pg.T.SkipToContent, Home: c.Home, Wordmark: c.Wordmark, SiteTitle: c.SiteTitle}
	for _, lang := range c.Also {
		m.Also = append(m.Also, Phrase{Lang: lang, Text: f.s.t(lang).SkipToContent})
	}
	fill(&c.Masthead, "masthead", m)
	fill(&c.Footer, "footer", f.footer(pg))
	return err
}

// footer is a page's footer: in its language, and on a page for every
// language in each of the others, each with its pages, feeds and
// publisher's line, so that a reader of any finds them in their own.
func (f *fragments) footer(pg *Page) Footer {
	c := &pg.Chrome
	feeds := func(lang string) []Fragment {
		var lines []Fragment
		for i, fl := range pg.Feeds {
			if fl.Lang == lang || fl.Lang == "" && lang == pg.Lang {
				lines = append(lines, c.FeedLines[i])
			}
		}
		return lines
	}
	parts := []FooterPart{{Label: pg.T.AboutSite, Pages: c.Pages, FeedLines: feeds(pg.Lang), Publisher: c.Publisher}}
	for _, lang := range c.Also {
		t := f.s.t(lang)
		parts = append(parts, FooterPart{Lang: lang, Label: t.AboutSite, Pages: f.s.Pages[lang], FeedLines: feeds(lang), Publisher: t.Publisher})
	}
	return Footer{Parts: parts}
}

// once renders a template of the layout for data once a build: pages
// that share a part of their frame share its fragment, found by its id.
func (f *fragments) once(name string, data any) (Fragment, error) {
	id := f.id(name, data)
	f.mu.Lock()
	s := f.chrome[id]
	if s == nil {
		s = &fragment{}
		f.chrome[id] = s
	}
	f.mu.Unlock()
	s.once.Do(func() { s.f, s.err = f.made(id, name, data) })
	return s.f, s.err
}

// id is the id of a fragment: the digest of the template set and the
// fragment's data, which decide its HTML.
func (f *fragments) id(name string, data any) uint64 {
	return f.dig.sum("fragment", name, f.s.Theme.Key, data)
}

// render renders a fragment, or takes it from the memo. A memo that
// keeps nothing has nothing to find by the fragment's id, and a page's
// key, which holds it, is not made then (see pageKey).
func (f *fragments) render(name string, data any) (Fragment, error) {
	if f.memo.once {
		html, err := f.execute(name, data)
		return Fragment{template.HTML(html), 0}, err
	}
	return f.made(f.id(name, data), name, data)
}

// made is the fragment id names, from the memo or rendered now.
func (f *fragments) made(id uint64, name string, data any) (Fragment, error) {
	html, err := f.memo.get(id, func() (string, error) { return f.execute(name, data) })
	return Fragment{template.HTML(html), id}, err
}

// execute renders a fragment.
func (f *fragments) execute(name string, data any) (string, error) {
	var buf bytes.Buffer
	err := f.s.Theme.Fragment(&buf, name, data)
	return buf.String(), err
}

// list renders the entries of a list for readers of lang.
func (f *fragments) list(kind int, lang string, refs []ref) ([]Fragment, error) {
	li := f.s.languageIndex(lang)
	out := make([]Fragment, len(refs))
	for i, r := range refs {
		pos, ok := f.pos[r.A]
		if !ok || li < 0 {
			return nil, fmt.Errorf("%s is not part of the site", r.A.Path)
		}
		s := f.slot(li, kind, pos)
		s.once.Do(func() { s.f, s.err = f.render(fragmentKinds[kind], f.s.item(lang, r)) })
		if s.err != nil {
			return nil, s.err
		}
		out[i] = s.f
	}
	return out, nil
}
