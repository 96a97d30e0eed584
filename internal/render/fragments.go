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
// country and month pages, "related-item" under other articles.
var fragmentKinds = [...]string{"item", "related-item"}

var fragmentRoles = [...]string{"one story in a list page", "one story in an article's related stories"}

const (
	listItem = iota
	relatedItem
)

// fragments renders each story's list entry once per reader's language
// and kind. A story appears on about four list pages per language and
// under five articles, and html/template's escaping is most of the cost
// of a page: rendering each entry once cut the 10,000-article build's
// template time by more than half (bench/run.sh). A Plan's fragments are
// made lazily, so a rebuild renders only those its changed pages show.
type fragments struct {
	p     *planner
	pos   map[*load.Article]int
	slots []fragment // article × language × kind
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
	f.slots = make([]fragment, len(p.site.Articles)*len(p.site.Languages)*len(fragmentKinds))
	return f
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
		s := &f.slots[(pos*len(f.p.site.Languages)+li)*len(fragmentKinds)+kind]
		s.once.Do(func() {
			var buf bytes.Buffer
			s.err = f.p.theme.Fragment(&buf, fragmentKinds[kind], f.p.item(lang, en.Article))
			s.html = template.HTML(buf.String())
		})
		if s.err != nil {
			return nil, s.err
		}
		out[i] = s.html
	}
	return out, nil
}
