package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"briefings/internal/index"
	"briefings/internal/load"
)

// fragmentKinds are the templates of one story in a list: "item" on home,
// country and month pages, "related-item" under other articles; then
// those of the parts of a page's frame that many pages share.
var fragmentKinds = [...]string{"item", "related-item", "sections", "feed-links", "feed"}

var fragmentRoles = [...]string{"one story in a list page", "one story in an article's related stories",
	"the site's sections in the header", "the <link>s of a feed in a page's head", "a feed's line in the footer"}

const (
	listItem = iota
	relatedItem
	storyKinds // the kinds rendered once per story: the first two of fragmentKinds
)

// fragments renders each story's list entry once per reader's language
// and kind. A story appears on about four list pages per language and
// under five articles, and html/template's escaping is most of the cost
// of a page: rendering each entry once cut the 10,000-article build's
// template time by more than half (bench/run.sh). A Plan's fragments are
// made as its views are, and the memo keeps each from one build to the
// next by the digest of its data, so a rebuild renders only new ones.
type fragments struct {
	p     *planner
	pos   map[*load.Article]int
	slots []fragment // article × language × kind

	mu     sync.Mutex
	chrome map[string]*fragment // by template and what it shows
}

type fragment struct {
	once sync.Once
	html template.HTML
	err  error
}

func newFragments(p *planner) *fragments {
	f := &fragments{p: p, pos: make(map[*load.Article]int, len(p.site.Articles))}
	for i, a := range p.site.Articles {
		f.pos[a] = i
	}
	f.slots = make([]fragment, len(p.site.Articles)*len(p.site.Languages)*storyKinds)
	f.chrome = map[string]*fragment{}
	return f
}

// frame fills in the parts of a page's frame many pages share, each made
// once a build: they were a third of the template work of a page.
func (f *fragments) frame(pg *Page) error {
	c := &pg.Chrome
	if len(c.Nav) > 0 {
		key := pg.Lang
		for _, l := range c.Nav {
			key += "|" + l.Current
		}
		html, err := f.once("sections", key, Sections{Label: pg.T.Navigation, Links: c.Nav})
		if err != nil {
			return err
		}
		c.Sections = html
	}
	for _, fl := range pg.Feeds {
		links, err := f.once("feed-links", fl.RSS, fl)
		if err != nil {
			return err
		}
		line, err := f.once("feed", fl.RSS, fl)
		if err != nil {
			return err
		}
		c.FeedLinks, c.FeedLines = append(c.FeedLinks, links), append(c.FeedLines, line)
	}
	return nil
}

// once renders a template of the layout for data that key names, once.
func (f *fragments) once(name, key string, data any) (template.HTML, error) {
	f.mu.Lock()
	s := f.chrome[name+"\x00"+key]
	if s == nil {
		s = &fragment{}
		f.chrome[name+"\x00"+key] = s
	}
	f.mu.Unlock()
	s.once.Do(func() { s.html, s.err = f.render(name, data) })
	return s.html, s.err
}

// render renders a fragment, or takes it from the memo: its id is the
// digest of the template set and the fragment's data.
func (f *fragments) render(name string, data any) (template.HTML, error) {
	html, err := f.p.memo.frags.get(f.p.dig.sum("fragment", name, f.p.theme.Key, data), func() (string, error) {
		var buf bytes.Buffer
		err := f.p.theme.Fragment(&buf, name, data)
		return buf.String(), err
	})
	return template.HTML(html), err
}

// list renders the entries of a list for readers of lang.
func (f *fragments) list(kind int, lang string, entries []index.Entry) ([]template.HTML, error) {
	li := f.p.languageIndex(lang)
	out := make([]template.HTML, len(entries))
	for i, en := range entries {
		pos, ok := f.pos[en.Article]
		if !ok || li < 0 {
			return nil, fmt.Errorf("%s is not part of the site", en.Article.Path)
		}
		s := &f.slots[(pos*len(f.p.site.Languages)+li)*storyKinds+kind]
		s.once.Do(func() { s.html, s.err = f.render(fragmentKinds[kind], f.p.item(lang, en.Article)) })
		if s.err != nil {
			return nil, s.err
		}
		out[i] = s.html
	}
	return out, nil
}
