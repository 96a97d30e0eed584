package build

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"briefings/internal/diag"
	"briefings/internal/testproject"
)

var (
	diffSteps = flag.Int("differential.steps", 0, "edits per seed in TestDifferential (0: a few, to fit go test)")
	diffSeed  = flag.Uint64("differential.seed", 0, "first seed of TestDifferential (0: the fixed seeds)")
	diffSeeds = flag.Int("differential.seeds", 1, "how many seeds TestDifferential runs from -differential.seed")
	diffLeave = flag.String("differential.without", "", "kinds of edit TestDifferential leaves out, by name, comma-separated (editLongBody,editStylesheet)")
)

// The seeds and steps go test runs: about four seconds on two cores.
var differentialSeeds = []uint64{1, 2, 4, 18} // 1: a budget failure; 2 and 4: static files turned into folders and back

const differentialSteps = 40

// TestDifferential edits a project on disk with seeded random edits, as an
// editor does while serve or watch runs, and after every edit compares what
// the one Builder leaves in its output, told what changed as the watcher
// tells it, with a fresh build of the same files: the fresh build is the
// reference. An edit a fresh build refuses must fail the rebuild too, with
// the same problems, and leave the output byte for byte as it was.
//
//	go test ./internal/build -run TestDifferential -differential.seed=1 -differential.seeds=200 -differential.steps=500
func TestDifferential(t *testing.T) {
	seeds, steps := differentialSeeds, differentialSteps
	if *diffSeed != 0 {
		seeds = nil
		for i := range *diffSeeds {
			seeds = append(seeds, *diffSeed+uint64(i))
		}
	}
	if *diffSteps > 0 {
		steps = *diffSteps
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) { runDifferential(t, seed, steps, nil) })
	}
}

// inPlace are the edits that keep every page where it was, which most
// saves are: the ones after which a rebuild replans only the pages whose
// inputs hold an article that changed, reusing the plan of the rest.
var inPlace = []string{"editBody", "editLongBody", "editCountries", "editSummary", "editTranslationKey", "editLink", "editBrokenLink", "editPage", "touch"}

// TestDifferentialInPlace is TestDifferential with only edits that move no
// page, many in a row, so that each rebuild replans from the last one's
// plan: an article's countries, summary or translation changed where its
// page is must still reach every page that shows it.
func TestDifferentialInPlace(t *testing.T) {
	for _, seed := range []uint64{5, 6, 7, 9} {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			runDifferential(t, seed, differentialSteps, func(p *project) { p.only = inPlace })
		})
	}
}

// runDifferential runs steps edits on a random project, which configure,
// if not nil, may change before the first build: the kinds of edit made,
// the project's articles.
func runDifferential(t *testing.T, seed uint64, steps int, configure func(*project)) {
	p := newRandomProject(t, seed)
	if configure != nil {
		configure(p)
	}
	// A fixed clock amid the articles' dates: some are scheduled, and a
	// preview (Future, as serve builds) shows them.
	opts := Options{Root: p.root, Out: filepath.Join(testproject.MemoryDir(t), "public"), Drafts: seed%3 == 0,
		Future: seed%2 == 0, Now: time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)}
	freshOpts := opts
	freshOpts.Out = filepath.Join(testproject.MemoryDir(t), "public")
	b := New(opts)
	if _, err := b.Build(); err != nil {
		t.Fatalf("seed %d: the first build failed: %v", seed, err)
	}
	p.good = snapshot(t, p.root)
	failing, refused, untold := 0, 0, 0
	defer func() {
		t.Logf("%d steps: %d refused by a fresh build, %d not told what changed", steps, refused, untold)
	}()
	for step := 1; step <= steps; step++ {
		told := p.rng.IntN(10) != 0 // else as after lost events: the builder looks at everything
		if !told {
			untold++
			// Let the clock move on, so that a file saved now does not carry
			// the modification time it had when last read; no editor types
			// within a few milliseconds of a build.
			time.Sleep(10 * time.Millisecond)
		}
		var e change
		if failing > 0 && (failing >= 3 || p.rng.IntN(2) == 0) {
			e = p.revert()
		} else {
			e = p.randomEdit()
			for p.bursts && p.rng.IntN(4) == 0 { // saves that come before the build
				more := p.randomEdit()
				e.what += "\n    and " + more.what
				e.paths = append(e.paths, more.paths...)
			}
		}
		if p.later != 0 { // the clock moved on: the same for a fresh build
			b.opts.Now = b.opts.Now.Add(p.later)
			freshOpts.Now, p.later = b.opts.Now, 0
		}
		p.history = append(p.history, e.what)
		slices.Sort(e.paths)
		e.paths = slices.Compact(e.paths)
		before := snapshot(t, opts.Out)
		if told {
			b.Changed(e.paths...)
		}
		rep, err := b.Build()
		os.RemoveAll(freshOpts.Out)
		frep, ferr := Build(freshOpts)
		got := snapshot(t, opts.Out)
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("seed %d, step %d: %s\n  edit: %s\n  told: %v\n  earlier edits:\n    %s\n  (go test ./internal/build -run TestDifferential -differential.seed=%d -differential.steps=%d)",
				seed, step, fmt.Sprintf(format, args...), e.what, tellOf(told, e.paths), strings.Join(lastOf(p.history[:len(p.history)-1], 6), "\n    "), seed, step)
		}
		switch {
		case ferr == nil && err != nil:
			fail("the rebuild failed where a fresh build succeeds:\n%v", err)
		case ferr != nil && err == nil:
			fail("the rebuild succeeded where a fresh build fails:\n%v", ferr)
		case ferr == nil:
			fresh := snapshot(t, freshOpts.Out)
			if d := treeDiff(got, fresh, "rebuilt", "fresh"); d != "" {
				fail("the output differs from a fresh build's: %s", d)
			}
			if name := withPlaceholder(fresh); name != "" {
				fail("%s holds a placeholder of a link or photo", name)
			}
			if rep.Files != frep.Files {
				fail("the rebuild reports %d files, a fresh build %d", rep.Files, frep.Files)
			}
			p.good, failing = snapshot(t, p.root), 0
		default:
			if d := treeDiff(got, before, "after", "before"); d != "" {
				fail("the failed rebuild changed the output: %s\n  its error: %v", d, err)
			}
			if g, w := problemsOf(err, opts.Out), problemsOf(ferr, freshOpts.Out); !slices.Equal(g, w) {
				fail("the failed rebuild's problems differ from a fresh build's:\n  rebuilt: %q\n  fresh:   %q", g, w)
			}
			failing++
			refused++
		}
	}
}

// problemsOf is what a failed build says is wrong, without what it says of
// its output folder, which a fresh build into a new folder says otherwise.
func problemsOf(err error, out string) []string {
	var list diag.List
	if errors.As(err, &list) {
		var out []string
		for _, d := range list {
			out = append(out, d.String())
		}
		return out
	}
	var lines []string
	for _, l := range strings.Split(err.Error(), "\n") {
		if !strings.Contains(l, out) {
			lines = append(lines, l)
		}
	}
	return lines
}

func tellOf(told bool, paths []string) string {
	if !told {
		return "nothing (the builder looks at every file)"
	}
	return fmt.Sprint(paths)
}

func lastOf(s []string, n int) []string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	if len(s) == 0 {
		return []string{"(none)"}
	}
	return s
}

// entry is a file's bytes, or a folder.
type entry struct {
	dir  bool
	data string
}

// withPlaceholder names a file that holds what load puts where a link's
// address or a photo's markup goes, which no reader may see; "" if none.
func withPlaceholder(files map[string]entry) string {
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if d := files[name].data; strings.Contains(d, "briefings-link-") || strings.Contains(d, "briefings-photo-") {
			return name
		}
	}
	return ""
}

// snapshot reads every file and folder under dir; a missing dir is empty.
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	files := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return fs.SkipAll
		}
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			files[rel] = entry{dir: true}
			return nil
		}
		data, err := os.ReadFile(p)
		files[rel] = entry{data: string(data)}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// treeDiff says how two snapshots differ: how many paths, and the first
// of them with a short diff; "" when they are the same.
func treeDiff(got, want map[string]entry, gotName, wantName string) string {
	var differ []string
	for p, w := range want {
		if g, ok := got[p]; !ok || g != w {
			differ = append(differ, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			differ = append(differ, p)
		}
	}
	if len(differ) == 0 {
		return ""
	}
	slices.Sort(differ)
	first := differ[0]
	g, inGot := got[first]
	w, inWant := want[first]
	var what string
	switch {
	case !inGot:
		what = fmt.Sprintf("%s is missing", first)
	case !inWant:
		what = fmt.Sprintf("%s should not be there", first)
	case g.dir != w.dir:
		what = fmt.Sprintf("%s is a folder in one and a file in the other (%s folder: %v)", first, gotName, g.dir)
	default:
		what = fmt.Sprintf("%s differs:\n%s", first, lineDiff(g.data, w.data, gotName, wantName))
	}
	more := ""
	if len(differ) > 1 {
		more = fmt.Sprintf("\n  %d paths differ in all: %s", len(differ), strings.Join(differ[:min(8, len(differ))], ", "))
	}
	return what + more
}

// lineDiff shows the first line where two files differ, cut to a window
// around the first differing byte.
func lineDiff(a, b, aName, bName string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	i := 0
	for i < len(al) && i < len(bl) && al[i] == bl[i] {
		i++
	}
	line := func(l []string) string {
		if i >= len(l) {
			return "(end of file)"
		}
		return l[i]
	}
	x, y := line(al), line(bl)
	c := 0
	for c < len(x) && c < len(y) && x[c] == y[c] {
		c++
	}
	cut := func(s string) string {
		from, to := max(0, c-60), min(len(s), c+100)
		for from > 0 && !utf8.RuneStart(s[from]) {
			from--
		}
		for to < len(s) && !utf8.RuneStart(s[to]) {
			to++
		}
		return strconv.Quote(s[from:to])
	}
	return fmt.Sprintf("    line %d, %s: %s\n    line %d, %s: %s", i+1, aName, cut(x), i+1, bName, cut(y))
}

// project is a project on disk and the random source of its edits.
type project struct {
	t       *testing.T
	rng     *rand.Rand
	root    string
	serial  int              // makes new names and words unique
	good    map[string]entry // the sources at the last edit a fresh build accepted
	history []string
	css     string        // the stylesheet as it came
	only    []string      // the kinds of edit made; nil: all
	more    []editKind    // kinds of edit made besides edits
	bursts  bool          // some builds come after several edits
	later   time.Duration // how far an edit moved the build's clock
}

// change is one edit: what it did, and the paths the watcher reports.
type change struct {
	what  string
	paths []string
}

var langs = []string{"en", "ru"}

// countryPool is the countries an edit may add to countries.yaml.
var countryPool = []string{
	"KG: {en: Kyrgyzstan, ru: Киргизия}", "TJ: {en: Tajikistan, ru: Таджикистан}",
	"UZ: {en: Uzbekistan, ru: Узбекистан}", "TM: {en: Turkmenistan, ru: Туркмения}",
	"TR: {en: Turkey, ru: Турция}",
}

func newRandomProject(t *testing.T, seed uint64) *project {
	p := &project{t: t, rng: rand.New(rand.NewPCG(seed, 0x5eed))}
	p.root = testproject.New(t, `
-- content/site.yaml --
base_url: https://example.org/portal/
default_language: en
languages:
  en: {name: English, title: Briefings, description: "News in English."}
  ru: {name: Русский, title: Брифинги, description: "Новости по-русски."}
page_size: 3
max_page_kb: 24
-- content/countries.yaml --
AM: {en: Armenia, ru: Армения}
AZ: {en: Azerbaijan, ru: Азербайджан, match: [Azerbaijan, Азербайджане]}
GE: {en: Georgia, ru: Грузия}
KZ: {en: Kazakhstan, ru: Казахстан}
`)
	p.css = p.read("static/style.css")
	// A site that builds: each story at most once a language.
	count := map[string]int{}
	for range 6 + p.rng.IntN(8) {
		lang := pick(p.rng, langs)
		folder := path.Join("content", lang, pick(p.rng, []string{"2024", "2025", "2025/autumn", "misc"}))
		count[lang]++
		text := p.article(lang, false)
		text = strings.Replace(text, "---\n", fmt.Sprintf("---\ntranslation_key: s%d\n", count[lang]), 1)
		p.write(path.Join(folder, p.name()+".md"), text)
	}
	return p
}

func pick[T any](rng *rand.Rand, s []T) T { return s[rng.IntN(len(s))] }

// editKind is a kind of edit, as likely as its weight.
type editKind struct {
	weight int
	name   string
	do     func(p *project) (change, bool) // false: not possible now
}

// edits are the kinds of edit every run makes; a project's more are
// made besides.
var edits = []editKind{
	{6, "editBody", (*project).editBody},
	{2, "editLongBody", (*project).editLongBody},
	{4, "editTitle", (*project).editTitle},
	{3, "editDate", (*project).editDate},
	{3, "editCountries", (*project).editCountries},
	{3, "editSummary", (*project).editSummary},
	{2, "editDraft", (*project).editDraft},
	{3, "editTranslationKey", (*project).editTranslationKey},
	{1, "editSlug", (*project).editSlug},
	{1, "editLink", (*project).editLink},
	{1, "editBrokenLink", (*project).editBrokenLink},
	{4, "newArticle", (*project).newArticle},
	{3, "deleteArticle", (*project).deleteArticle},
	{2, "renameArticle", (*project).renameArticle},
	{2, "moveArticle", (*project).moveArticle},
	{1, "newFolder", (*project).newFolder},
	{1, "moveFolder", (*project).moveFolder},
	{1, "deleteFolder", (*project).deleteFolder},
	{1, "articleToFolder", (*project).articleToFolder},
	{1, "folderToFile", (*project).folderToFile},
	{2, "editSite", (*project).editSite},
	{2, "editCountriesFile", (*project).editCountriesFile},
	{2, "editStrings", (*project).editStrings},
	{2, "editTemplate", (*project).editTemplate},
	{2, "editStylesheet", (*project).editStylesheet},
	{2, "addStatic", (*project).addStatic},
	{1, "removeStatic", (*project).removeStatic},
	{1, "staticToFolder", (*project).staticToFolder},
	{1, "staticFolderToFile", (*project).staticFolderToFile},
	{1, "touch", (*project).touch},
	{2, "editPage", (*project).editPage},
	{1, "deletePage", (*project).deletePage},
}

func (p *project) randomEdit() change {
	total := 0
	weight := func(name string, w int) int {
		if slices.Contains(strings.Split(*diffLeave, ","), name) || p.only != nil && !slices.Contains(p.only, name) {
			return 0
		}
		return w
	}
	kinds := slices.Concat(edits, p.more)
	for _, e := range kinds {
		total += weight(e.name, e.weight)
	}
	for {
		n := p.rng.IntN(total)
		for _, e := range kinds {
			if n -= weight(e.name, e.weight); n < 0 {
				if c, ok := e.do(p); ok {
					return c
				}
				break
			}
		}
	}
}

// revert puts every source back as it was at the last good step, as
// `git checkout .` does.
func (p *project) revert() change {
	now := snapshot(p.t, p.root)
	var changed, gone []string
	for rel, e := range now {
		if g, ok := p.good[rel]; !ok || g.dir != e.dir {
			gone = append(gone, rel)
		}
	}
	slices.Sort(gone)
	for _, rel := range gone {
		if !slices.ContainsFunc(changed, func(c string) bool { return strings.HasPrefix(rel, c+"/") }) {
			p.must(os.RemoveAll(p.abs(rel)))
			changed = append(changed, rel)
		}
	}
	want := slices.Sorted(func(yield func(string) bool) {
		for rel := range p.good {
			if !yield(rel) {
				return
			}
		}
	})
	for _, rel := range want {
		g := p.good[rel]
		if e, ok := now[rel]; ok && e == g && !slices.Contains(gone, rel) {
			continue
		}
		if g.dir {
			p.must(os.MkdirAll(p.abs(rel), 0o755))
		} else {
			p.must(os.WriteFile(p.abs(rel), []byte(g.data), 0o644))
		}
		changed = append(changed, rel)
	}
	slices.Sort(changed)
	return change{"revert every source to the last good step", changed}
}

// Paths and files.

func (p *project) abs(rel string) string { return filepath.Join(p.root, filepath.FromSlash(rel)) }

func (p *project) must(err error) {
	if err != nil {
		p.t.Helper()
		p.t.Fatal(err)
	}
}

func (p *project) read(rel string) string { return testproject.Read(p.t, p.abs(rel)) }

// write saves a file, as an editor does: often through a temporary file
// renamed over it. It returns the paths the watcher reports: the file,
// the temporary file, and the folders it made.
func (p *project) write(rel, data string) []string {
	changed := p.mkdirs(path.Dir(rel))
	if p.rng.IntN(2) == 0 {
		tmp := rel + ".tmp"
		p.must(os.WriteFile(p.abs(tmp), []byte(data), 0o644))
		p.must(os.Rename(p.abs(tmp), p.abs(rel)))
		changed = append(changed, tmp)
	} else {
		p.must(os.WriteFile(p.abs(rel), []byte(data), 0o644))
	}
	return append(changed, rel)
}

// mkdirs makes a folder and its parents and returns those it made.
func (p *project) mkdirs(dir string) []string {
	var made []string
	for d := dir; d != "." && !p.exists(d); d = path.Dir(d) {
		made = append(made, d)
	}
	p.must(os.MkdirAll(p.abs(dir), 0o755))
	slices.Reverse(made)
	return made
}

func (p *project) exists(rel string) bool {
	_, err := os.Lstat(p.abs(rel))
	return err == nil
}

// remove deletes a file or a folder with all it holds; the watcher
// reports each of them.
func (p *project) remove(rel string) []string {
	changed := p.under(rel)
	p.must(os.RemoveAll(p.abs(rel)))
	return changed
}

// under is rel and every path below it.
func (p *project) under(rel string) []string {
	var paths []string
	p.must(filepath.WalkDir(p.abs(rel), func(full string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(p.root, full)
		paths = append(paths, filepath.ToSlash(r))
		return nil
	}))
	return paths
}

// move renames a file or folder; the watcher reports the old name, and
// the new one with what it holds.
func (p *project) move(from, to string) []string {
	changed := append([]string{from}, p.mkdirs(path.Dir(to))...)
	p.must(os.Rename(p.abs(from), p.abs(to)))
	return append(changed, p.under(to)...)
}

// files lists the regular files under dir whose names match.
func (p *project) files(dir string, match func(string) bool) []string {
	var out []string
	filepath.WalkDir(p.abs(dir), func(full string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && match(d.Name()) {
			r, _ := filepath.Rel(p.root, full)
			out = append(out, filepath.ToSlash(r))
		}
		return nil
	})
	return out
}

// folders lists the folders below dir, not dir itself.
func (p *project) folders(dir string) []string {
	var out []string
	filepath.WalkDir(p.abs(dir), func(full string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && full != p.abs(dir) {
			r, _ := filepath.Rel(p.root, full)
			out = append(out, filepath.ToSlash(r))
		}
		return nil
	})
	return out
}

func (p *project) articles() []string {
	var out []string
	for _, l := range langs {
		out = append(out, p.files("content/"+l, func(n string) bool { return strings.HasSuffix(n, ".md") })...)
	}
	return out
}

func (p *project) contentFolders() []string {
	var out []string
	for _, l := range langs {
		out = append(out, p.folders("content/"+l)...)
	}
	return out
}

func (p *project) randomArticle() (string, bool) {
	arts := p.articles()
	if len(arts) == 0 {
		return "", false
	}
	return pick(p.rng, arts), true
}

func langOf(rel string) string { return strings.Split(rel, "/")[1] }

// Words, titles and articles.

var syllables = map[string][]string{
	"en": {"ka", "lo", "mi", "ter", "sun", "ven", "dor", "bra", "el", "nor", "qui", "pas"},
	"ru": {"ка", "ло", "ми", "тер", "сун", "вен", "дор", "бра", "ель", "нор", "жи", "пас"},
}

// word makes a word; every few words one never seen before, so that the
// search index grows.
func (p *project) word(lang string) string {
	var w strings.Builder
	for range 2 + p.rng.IntN(3) {
		w.WriteString(pick(p.rng, syllables[lang]))
	}
	if p.rng.IntN(3) == 0 {
		p.serial++
		for n := p.serial; n > 0; n /= 12 {
			w.WriteString(syllables[lang][n%12])
		}
	}
	return w.String()
}

func (p *project) words(lang string, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = p.word(lang)
	}
	return strings.Join(ws, " ")
}

// name is a new file or folder name.
func (p *project) name() string {
	p.serial++
	return fmt.Sprintf("%s-%d", p.word("en"), p.serial)
}

func (p *project) title(lang string) string {
	t := p.words(lang, 2+p.rng.IntN(4))
	r := []rune(t)
	t = strings.ToUpper(string(r[:1])) + string(r[1:])
	if p.rng.IntN(8) == 0 {
		t += ` & "<b>quoted</b>"`
	}
	return strconv.Quote(t)
}

func (p *project) date() string {
	d := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, p.rng.IntN(1200))
	switch p.rng.IntN(4) {
	case 0:
		return d.Add(time.Duration(p.rng.IntN(24*60)) * time.Minute).In(time.FixedZone("", 4*3600)).Format(time.RFC3339)
	case 1:
		return d.Add(time.Duration(p.rng.IntN(24*60)) * time.Minute).Format(time.RFC3339)
	}
	return d.Format(time.DateOnly)
}

func (p *project) countryCodes() []string {
	var codes []string
	for _, l := range strings.Split(p.read("content/countries.yaml"), "\n") {
		if m := regexp.MustCompile(`^([A-Z]{2}):`).FindStringSubmatch(l); m != nil {
			codes = append(codes, m[1])
		}
	}
	return codes
}

func (p *project) countries(unknown bool) string {
	codes := p.countryCodes()
	var chosen []string
	for range 1 + p.rng.IntN(2) {
		if len(codes) > 0 {
			if c := pick(p.rng, codes); !slices.Contains(chosen, c) {
				chosen = append(chosen, c)
			}
		}
	}
	if len(chosen) == 0 || unknown && p.rng.IntN(15) == 0 {
		chosen = append(chosen, "QQ") // not in countries.yaml
	}
	return "[" + strings.Join(chosen, ", ") + "]"
}

func (p *project) body(lang string) string {
	var paras []string
	for range 1 + p.rng.IntN(3) {
		paras = append(paras, p.words(lang, 4+p.rng.IntN(12))+".")
	}
	return strings.Join(paras, "\n\n") + "\n"
}

// article is a new article; with odd, sometimes one the build refuses.
func (p *project) article(lang string, odd bool) string {
	var fm strings.Builder
	fmt.Fprintf(&fm, "---\ntitle: %s\ndate: %s\ncountries: %s\n", p.title(lang), p.date(), p.countries(odd))
	if p.rng.IntN(3) == 0 {
		fmt.Fprintf(&fm, "summary: %s\n", strconv.Quote(p.words(lang, 5)))
	}
	if odd && p.rng.IntN(3) == 0 {
		fmt.Fprintf(&fm, "translation_key: %s\n", p.key())
	}
	return fm.String() + "---\n" + p.body(lang)
}

// setField sets a front matter field, or removes it when value is "".
func (p *project) setField(rel, key, value string) change {
	text := p.read(rel)
	front, body, ok := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	if !ok {
		front, body = "", text
	}
	var lines []string
	for _, l := range strings.Split(front, "\n") {
		if !strings.HasPrefix(l, key+":") && l != "" {
			lines = append(lines, l)
		}
	}
	if value != "" {
		lines = append(lines, key+": "+value)
	}
	what := fmt.Sprintf("%s: %s set to %s", rel, key, value)
	if value == "" {
		what = fmt.Sprintf("%s: %s removed", rel, key)
	}
	return change{what, p.write(rel, "---\n"+strings.Join(lines, "\n")+"\n---\n"+body)}
}

func (p *project) setBody(rel, body string) []string {
	text := p.read(rel)
	i := strings.Index(text[min(4, len(text)):], "\n---\n")
	if i < 0 {
		return p.write(rel, text+body)
	}
	return p.write(rel, text[:4+i+5]+body)
}

// Edits of articles.

func (p *project) editBody() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	return change{rel + ": body rewritten with new words", p.setBody(rel, p.body(langOf(rel)))}, true
}

// editLongBody makes a body long enough, often, to put its page over the
// budget.
func (p *project) editLongBody() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	kb := 4 + p.rng.IntN(24)
	var b strings.Builder
	for b.Len() < kb*1024 {
		b.WriteString(p.words(langOf(rel), 12) + ".\n\n")
	}
	return change{fmt.Sprintf("%s: body of %d KB", rel, kb), p.setBody(rel, b.String())}, true
}

func (p *project) editTitle() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	return p.setField(rel, "title", p.title(langOf(rel))), true
}

func (p *project) editDate() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	if p.rng.IntN(4) == 0 {
		if p.rng.IntN(3) == 0 {
			return p.setField(rel, "updated", ""), true
		}
		return p.setField(rel, "updated", p.date()), true
	}
	return p.setField(rel, "date", p.date()), true
}

func (p *project) editCountries() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	return p.setField(rel, "countries", p.countries(true)), true
}

func (p *project) editSummary() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	if p.rng.IntN(3) == 0 {
		return p.setField(rel, "summary", ""), true
	}
	return p.setField(rel, "summary", strconv.Quote(p.words(langOf(rel), 3+p.rng.IntN(6)))), true
}

func (p *project) editDraft() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	if strings.Contains(p.read(rel), "\ndraft: true\n") {
		return p.setField(rel, "draft", ""), true
	}
	return p.setField(rel, "draft", "true"), true
}

// editTranslationKey links, relinks or unlinks a story: keys are drawn
// from a few, so that stories meet their translations, and sometimes two
// stories of one language share one, which the build refuses.
func (p *project) editTranslationKey() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	if p.rng.IntN(4) == 0 {
		return p.setField(rel, "translation_key", ""), true
	}
	return p.setField(rel, "translation_key", p.key()), true
}

// key is a translation key of a few: stories of the first site, or new.
func (p *project) key() string {
	if p.rng.IntN(2) == 0 {
		return fmt.Sprintf("s%d", 1+p.rng.IntN(6))
	}
	return fmt.Sprintf("k%d", p.rng.IntN(4))
}

func (p *project) editSlug() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	if p.rng.IntN(2) == 0 {
		return p.setField(rel, "slug", ""), true
	}
	return p.setField(rel, "slug", p.name()), true
}

// editLink adds a link to another article, by its file's relative path.
func (p *project) editLink() (change, bool) {
	arts := p.articles()
	if len(arts) < 2 {
		return change{}, false
	}
	from, to := pick(p.rng, arts), pick(p.rng, arts)
	link, err := filepath.Rel(path.Dir(from), to)
	p.must(err)
	text := p.read(from)
	return change{fmt.Sprintf("%s: a link to %s", from, to), p.write(from, text+"\nSee [this story]("+filepath.ToSlash(link)+").\n")}, true
}

// editBrokenLink links an article to a file that is not there.
func (p *project) editBrokenLink() (change, bool) {
	arts := p.articles()
	if len(arts) == 0 {
		return change{}, false
	}
	from := pick(p.rng, arts)
	return change{from + ": a link to a missing file", p.write(from, p.read(from)+"\nSee [this story]("+p.name()+".md).\n")}, true
}

// A folder an article may go to: an existing one, or a new one, in
// either language.
func (p *project) folder() string {
	if folders := p.contentFolders(); len(folders) > 0 && p.rng.IntN(3) != 0 {
		return pick(p.rng, folders)
	}
	return path.Join("content", pick(p.rng, langs), p.name())
}

func (p *project) newArticle() (change, bool) {
	dir := p.folder()
	rel := path.Join(dir, p.name()+".md")
	return change{"new article " + rel, p.write(rel, p.article(langOf(rel), true))}, true
}

// pageNames are the pages of the site an edit writes: the same names in
// both languages, so that translations come and go.
var pageNames = []string{"about", "contact", "privacy"}

// editPage writes a page of the site: a title, maybe a summary and a
// translation key, and a body that may link to an article.
func (p *project) editPage() (change, bool) {
	lang, name := pick(p.rng, langs), pick(p.rng, pageNames)
	rel := "content/" + lang + "/pages/" + name + ".md"
	fm := "title: " + p.title(lang) + "\n"
	if p.rng.IntN(2) == 0 {
		fm += "translation_key: page-" + name + "\n"
	}
	if p.rng.IntN(3) == 0 {
		fm += "summary: " + p.words(lang, 5) + "\n"
	}
	body := p.words(lang, 12) + "\n"
	if arts := p.articles(); p.rng.IntN(2) == 0 && len(arts) > 0 {
		to := pick(p.rng, arts)
		if rel, err := filepath.Rel(path.Dir(rel), to); err == nil {
			body += "\nSee [this](" + filepath.ToSlash(rel) + ").\n"
		}
	}
	var changed []string
	if info, err := os.Lstat(p.abs(rel)); err == nil && info.IsDir() {
		changed = p.remove(rel) // an earlier edit turned the page into a folder; the editor deletes it
	}
	return change{"wrote the page " + rel, append(changed, p.write(rel, "---\n"+fm+"---\n"+body)...)}, true
}

func (p *project) deletePage() (change, bool) {
	var pages []string
	for _, rel := range p.articles() {
		if strings.Contains(rel, "/pages/") {
			pages = append(pages, rel)
		}
	}
	if len(pages) == 0 {
		return change{}, false
	}
	rel := pick(p.rng, pages)
	return change{"deleted the page " + rel, p.remove(rel)}, true
}

func (p *project) deleteArticle() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	return change{"deleted " + rel, p.remove(rel)}, true
}

func (p *project) renameArticle() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	to := path.Join(path.Dir(rel), p.name()+".md")
	return change{fmt.Sprintf("renamed %s to %s", rel, to), p.move(rel, to)}, true
}

func (p *project) moveArticle() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	to := path.Join(p.folder(), path.Base(rel))
	if p.exists(to) {
		return change{}, false
	}
	return change{fmt.Sprintf("moved %s to %s", rel, to), p.move(rel, to)}, true
}

// newFolder moves in a folder of articles written elsewhere, as a copy
// from another machine arrives.
func (p *project) newFolder() (change, bool) {
	staged := filepath.Join(p.t.TempDir(), "staged")
	lang := pick(p.rng, langs)
	for range 1 + p.rng.IntN(3) {
		sub := ""
		if p.rng.IntN(2) == 0 {
			sub = "inner"
		}
		testproject.Write(p.t, filepath.Join(staged, sub, p.name()+".md"), p.article(lang, true))
	}
	to := path.Join("content", lang, p.name())
	changed := p.mkdirs(path.Dir(to))
	p.must(os.Rename(staged, p.abs(to)))
	return change{"new folder of articles " + to, append(changed, p.under(to)...)}, true
}

func (p *project) moveFolder() (change, bool) {
	folders := p.contentFolders()
	if len(folders) == 0 {
		return change{}, false
	}
	from := pick(p.rng, folders)
	to := path.Join("content", pick(p.rng, langs), p.name())
	if others := slices.DeleteFunc(slices.Clone(folders), func(f string) bool {
		return f == from || strings.HasPrefix(f, from+"/")
	}); len(others) > 0 && p.rng.IntN(2) == 0 {
		to = path.Join(pick(p.rng, others), p.name())
	}
	return change{fmt.Sprintf("moved folder %s to %s", from, to), p.move(from, to)}, true
}

func (p *project) deleteFolder() (change, bool) {
	folders := p.contentFolders()
	if len(folders) == 0 {
		return change{}, false
	}
	rel := pick(p.rng, folders)
	return change{"deleted folder " + rel, p.remove(rel)}, true
}

// articleToFolder replaces an article by a folder of the same name that
// holds an article.
func (p *project) articleToFolder() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	changed := p.remove(rel)
	inner := path.Join(rel, p.name()+".md")
	return change{fmt.Sprintf("article %s turned into a folder holding %s", rel, inner),
		append(changed, p.write(inner, p.article(langOf(rel), true))...)}, true
}

// folderToFile replaces a folder of content by a file of the same name:
// an article if the name ends in .md, else a file the build refuses.
func (p *project) folderToFile() (change, bool) {
	folders := p.contentFolders()
	if len(folders) == 0 {
		return change{}, false
	}
	rel := pick(p.rng, folders)
	changed := p.remove(rel)
	return change{"folder " + rel + " turned into a file", append(changed, p.write(rel, p.article(langOf(rel), true))...)}, true
}

// Edits of the site's files.

func (p *project) replaceLine(rel string, re *regexp.Regexp, repl func(m []string) string) (change, bool) {
	text := p.read(rel)
	lines := strings.Split(text, "\n")
	var at []int
	for i, l := range lines {
		if re.MatchString(l) {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return change{}, false
	}
	i := pick(p.rng, at)
	old := lines[i]
	lines[i] = repl(re.FindStringSubmatch(old))
	return change{fmt.Sprintf("%s: %q became %q", rel, old, lines[i]), p.write(rel, strings.Join(lines, "\n"))}, true
}

var (
	pageSizeLine = regexp.MustCompile(`^page_size: .*$`)
	langLine     = regexp.MustCompile(`^(  (?:en|ru): \{name: [^,]*, title: )([^,]*)(, .*)$`)
	countryLine  = regexp.MustCompile(`^([A-Z]{2}): \{en: ([^,]*), ru: ([^,}]*)(.*)\}$`)
	stringLine   = regexp.MustCompile(`^([a-z_]+): ("?)([^"{\[]*?)("?)$`)
	tagStart     = regexp.MustCompile(`<(h1|h2|p|main|header|footer|nav|ol|ul|li|time)[ >]`)
)

func (p *project) editSite() (change, bool) {
	const rel = "content/site.yaml"
	switch p.rng.IntN(6) {
	case 0:
		return p.replaceLine(rel, pageSizeLine, func([]string) string { return fmt.Sprint("page_size: ", 1+p.rng.IntN(5)) })
	case 1:
		c, _ := p.replaceLine(rel, pageSizeLine, func([]string) string { return "page_size: [" })
		c.what += " (broken YAML)"
		return c, true
	}
	return p.replaceLine(rel, langLine, func(m []string) string {
		return m[1] + p.words(strings.TrimSpace(m[1])[:2], 1+p.rng.IntN(2)) + m[3]
	})
}

func (p *project) editCountriesFile() (change, bool) {
	const rel = "content/countries.yaml"
	switch p.rng.IntN(6) {
	case 0: // its English name, and so its pages' URLs
		return p.replaceLine(rel, countryLine, func(m []string) string {
			return fmt.Sprintf("%s: {en: %s %s, ru: %s%s}", m[1], m[2], p.word("en"), m[3], m[4])
		})
	case 1:
		return p.replaceLine(rel, countryLine, func(m []string) string {
			return fmt.Sprintf("%s: {en: %s, ru: %s%s, about: {en: %s, ru: %s}}", m[1], m[2], m[3],
				strings.ReplaceAll(m[4], ", about: ", ", was: "), p.words("en", 6), p.words("ru", 6))
		})
	case 2: // which the build refuses if an article names it
		return p.replaceLine(rel, countryLine, func(m []string) string { return "" })
	case 3:
		text := p.read(rel)
		c := pick(p.rng, countryPool)
		if strings.Contains(text, c[:3]) {
			return change{}, false
		}
		return change{rel + ": added " + c, p.write(rel, text+c+"\n")}, true
	case 4:
		return change{rel + ": broken YAML", p.write(rel, p.read(rel)+"ZZ: {en: [\n")}, true
	}
	return p.replaceLine(rel, countryLine, func(m []string) string {
		return fmt.Sprintf("%s: {en: %s, ru: %s %s%s}", m[1], m[2], m[3], p.word("ru"), m[4])
	})
}

func (p *project) editStrings() (change, bool) {
	lang := pick(p.rng, langs)
	rel := "templates/i18n/" + lang + ".yaml"
	if p.rng.IntN(8) == 0 {
		return change{rel + ": broken YAML", p.write(rel, p.read(rel)+"home: [\n")}, true
	}
	return p.replaceLine(rel, stringLine, func(m []string) string {
		return m[1] + ": " + m[2] + m[3] + " " + p.word(lang) + m[4]
	})
}

func (p *project) editTemplate() (change, bool) {
	tpls := p.files("templates", func(n string) bool { return strings.HasSuffix(n, ".html") })
	rel := pick(p.rng, tpls)
	text := p.read(rel)
	if p.rng.IntN(8) == 0 {
		i := strings.Index(text, "}}") + 2
		return change{rel + ": a field no view has", p.write(rel, text[:i]+"{{.NoSuchField}}"+text[i:])}, true
	}
	at := tagStart.FindAllStringIndex(text, -1)
	if len(at) == 0 {
		return change{}, false
	}
	m := pick(p.rng, at)
	i := m[1] - 1
	attr := fmt.Sprintf(` data-v="%s"`, p.word("en"))
	return change{fmt.Sprintf("%s: %s added to %s", rel, attr, text[m[0]:i]), p.write(rel, text[:i]+attr+text[i:])}, true
}

// editStylesheet adds a rule, grows the stylesheet by kilobytes (past the
// page budget, after a few), or puts it back as it came.
func (p *project) editStylesheet() (change, bool) {
	const rel = "static/style.css"
	if info, err := os.Stat(p.abs(rel)); err == nil && info.IsDir() {
		p.must(os.RemoveAll(p.abs(rel)))
		return change{rel + ", a folder, turned back into the stylesheet", p.write(rel, p.css)}, true
	}
	if !p.exists(rel) {
		return change{rel + " written back", p.write(rel, p.css)}, true
	}
	text := p.read(rel)
	switch p.rng.IntN(4) {
	case 0:
		return change{rel + " put back as it came", p.write(rel, p.css)}, true
	case 1:
		kb := 2 + p.rng.IntN(8)
		return change{fmt.Sprintf("%s grown by %d KB to %d KB", rel, kb, (len(text)+kb*1024)/1024),
			p.write(rel, text+"/* "+strings.Repeat("x", kb*1024)+" */\n")}, true
	}
	rule := fmt.Sprintf(".%s{color:#%03x}\n", p.word("en"), p.rng.IntN(4096))
	return change{rel + ": added " + strings.TrimSpace(rule), p.write(rel, text+rule)}, true
}

func (p *project) staticFiles() []string {
	return p.files("static", func(string) bool { return true })
}

// addStatic adds a file to static/, sometimes in a folder, sometimes where
// the site has a page or needs a file, which the build refuses.
func (p *project) addStatic() (change, bool) {
	rel := "static/" + p.name() + ".txt"
	switch p.rng.IntN(6) {
	case 0:
		rel = path.Join("static", p.name(), p.name()+".txt")
	case 1:
		rel = "static/en/" + p.name() + ".txt" // beside the pages of en/
	case 2:
		rel = pick(p.rng, []string{"static/en/index.html", "static/sitemap.xml/x.txt", "static/404.html", "static/ru/feed.xml/y"})
	}
	return change{"static file " + rel + " added", p.write(rel, p.words("en", 3)+"\n")}, true
}

func (p *project) removeStatic() (change, bool) {
	files := p.staticFiles()
	if len(files) == 0 {
		return change{}, false
	}
	rel := pick(p.rng, files)
	return change{"static file " + rel + " removed", p.remove(rel)}, true
}

// staticToFolder replaces a static file by a folder of the same name.
func (p *project) staticToFolder() (change, bool) {
	files := p.staticFiles()
	if len(files) == 0 {
		return change{}, false
	}
	rel := pick(p.rng, files)
	changed := p.remove(rel)
	inner := path.Join(rel, p.name()+".txt")
	return change{fmt.Sprintf("static file %s turned into a folder holding %s", rel, inner),
		append(changed, p.write(inner, "inside\n")...)}, true
}

// staticFolderToFile replaces a folder of static/ by a file of the same name.
func (p *project) staticFolderToFile() (change, bool) {
	folders := p.folders("static")
	if len(folders) == 0 {
		return change{}, false
	}
	rel := pick(p.rng, folders)
	changed := p.remove(rel)
	return change{"static folder " + rel + " turned into a file", append(changed, p.write(rel, "a file again\n")...)}, true
}

// touch saves a file with the bytes it has.
func (p *project) touch() (change, bool) {
	files := append(p.articles(), "content/site.yaml", "templates/layout.html")
	rel := pick(p.rng, files)
	return change{rel + " saved unchanged", p.write(rel, p.read(rel))}, true
}
