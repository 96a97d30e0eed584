// Command edit times editing through `briefings serve`, end to end, as an
// editor sees it: it makes a corpus with the shared generator, starts the
// built program's serve on a loopback port, and for each kind of edit
// saves an article the way editors do (a temporary file renamed over it),
// then times from the save until the article's page, its language's home
// list and its language's feed are on disk with their new content. Every
// edit changes what those pages show and adds words no page had.
//
//	go run ./bench/edit -briefings BIN [-n 10000] [-edits 10] [-gencorpus FILE]
//
// It prints, for each kind, the median (and least and most) from the save
// to the pages on disk, the wait for the save to settle that serve's log
// line reports, the rest (save to disk less the settle wait), the build's
// own time from the log line, and the files written and removed. Run it
// from the repository's root: it copies templates/ and static/ from there.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	bin := flag.String("briefings", "", "the built briefings program (required)")
	n := flag.Int("n", 10000, "articles in the corpus")
	edits := flag.Int("edits", 10, "edits of each kind (at most 20: the edited stories must be on the home page)")
	gen := flag.String("gencorpus", "../shared/bench/gencorpus/main.go", "the corpus generator")
	flag.Parse()
	if *bin == "" || *edits < 1 || *edits > 20 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*bin, *gen, *n, *edits); err != nil {
		fmt.Fprintln(os.Stderr, "bench/edit:", err)
		os.Exit(1)
	}
}

// rebuilt is serve's line for a rebuild.
var rebuilt = regexp.MustCompile(`^rebuilt after .*: (\d+) of (\d+) files written, (\d+) removed, in (\S+) \(after (\S+) waiting for the save to settle\)$`)

// timing is one edit's figures.
type timing struct {
	onDisk, settle, build time.Duration
	written, removed      int
}

// bench is a running serve of a corpus.
type bench struct {
	root, out string
	log       chan string
	failed    chan error
}

func run(bin, gen string, n, edits int) error {
	work, err := os.MkdirTemp("", "briefings-edit-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	b := &bench{root: filepath.Join(work, "project"), log: make(chan string, 100), failed: make(chan error, 1)}
	b.out = filepath.Join(b.root, "public")
	gc := exec.Command("go", "run", gen, "-n", strconv.Itoa(n), "-out", filepath.Join(b.root, "content"))
	gc.Stderr = os.Stderr
	if err := gc.Run(); err != nil {
		return fmt.Errorf("making the corpus: %w", err)
	}
	for _, dir := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(b.root, dir), os.DirFS(dir)); err != nil {
			return err
		}
	}
	serve := exec.Command(bin, "serve", "--root", b.root, "--addr", "127.0.0.1:0")
	stdout, err := serve.StdoutPipe()
	if err != nil {
		return err
	}
	serve.Stderr = os.Stderr
	if err := serve.Start(); err != nil {
		return err
	}
	defer func() {
		serve.Process.Signal(syscall.SIGTERM)
		serve.Wait()
	}()
	go b.read(stdout)
	if _, err := b.line("serving ", 10*time.Minute); err != nil {
		return err
	}
	newest, err := b.listedArticles(edits)
	if err != nil {
		return err
	}
	fmt.Printf("%d articles, editing through briefings serve: %d edits of each kind, of %d stories on the English home page; times in ms (median, least–most)\n",
		n, edits, len(newest))
	fmt.Printf("%-16s %-18s %-8s %-18s %-8s %-8s %s\n", "edit", "save → on disk", "settle", "on disk − settle", "build", "written", "removed")
	for _, kind := range kinds {
		var ts []timing
		for i := range edits {
			e, err := kind.make(b, &newest[i%len(newest)], i)
			if err != nil {
				return fmt.Errorf("%s %d: %w", kind.name, i+1, err)
			}
			t, err := b.edit(e)
			if err != nil {
				return fmt.Errorf("%s %d (%s): %w", kind.name, i+1, e.file, err)
			}
			ts = append(ts, t)
		}
		report(kind.name, ts)
	}
	return nil
}

// read passes serve's output on, line by line.
func (b *bench) read(r io.Reader) {
	s := bufio.NewScanner(r)
	for s.Scan() {
		b.log <- s.Text()
	}
	b.failed <- errors.New("serve stopped")
}

// line waits for serve's next line that starts with prefix; a failed build
// is an error.
func (b *bench) line(prefix string, wait time.Duration) (string, error) {
	deadline := time.After(wait)
	for {
		select {
		case l := <-b.log:
			if strings.Contains(l, "the last good site stays") {
				return "", fmt.Errorf("serve: %s", l)
			}
			if strings.HasPrefix(l, prefix) {
				return l, nil
			}
		case err := <-b.failed:
			return "", err
		case <-deadline:
			return "", fmt.Errorf("no line %q from serve in %s", prefix, wait)
		}
	}
}

// article is a corpus article: its file, and its page's folder.
type article struct {
	file, page, text string
}

// listedArticles are up to n of the English articles that its home page
// and its feed list (with stories of other languages among them), whose
// summary is their first paragraph and whose slug is their title's.
func (b *bench) listedArticles(n int) ([]article, error) {
	dir := filepath.Join(b.root, "content", "en")
	var lists []string
	for _, p := range []string{"en/index.html", "en/feed.xml"} {
		data, err := os.ReadFile(filepath.Join(b.out, p))
		if err != nil {
			return nil, err
		}
		lists = append(lists, string(data))
	}
	type dated struct {
		article
		date string
	}
	var all []dated
	dateLine := regexp.MustCompile(`(?m)^date: (\d{4})-(\d{2})(\S*)$`)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m := dateLine.FindStringSubmatch(string(data))
		if m == nil || strings.Contains(string(data), "\nsummary:") || strings.Contains(string(data), "\nslug:") {
			return nil // the edits need a summary made from the body, and a slug made from the title
		}
		slug := strings.TrimSuffix(filepath.Base(p), ".md")
		page := filepath.Join("en", m[1], m[2], slug)
		for _, l := range lists {
			if !strings.Contains(l, "/"+page+"/") {
				return nil
			}
		}
		all = append(all, dated{article{p, page, string(data)}, m[1] + m[2] + m[3]})
		return nil
	})
	slices.SortFunc(all, func(a, b dated) int { return strings.Compare(b.date, a.date) })
	if len(all) == 0 {
		return nil, fmt.Errorf("no article of %s is on the home page and in the feed", dir)
	}
	var out []article
	for i := 0; i < n && i < len(all); i++ {
		out = append(out, all[i].article)
	}
	return out, err
}

// edit is one save and what the pages must then show.
type edit struct {
	file, text string  // the file saved, and its new text; "" deletes it
	checks     []check // what must be on disk after it
}

// check is a file of the output that must hold, or not hold, a text; a
// file that must not hold it may be gone.
type check struct {
	path, text string
	gone       bool
}

type kind struct {
	name string
	make func(b *bench, a *article, i int) (edit, error)
}

// word is a word no page has: letters only, as the search index keeps them.
func word(kind, i int) string {
	var w strings.Builder
	w.WriteString("zq")
	for n := kind*100 + i + 1; n > 0; n /= 26 {
		w.WriteByte(byte('a' + n%26))
	}
	return w.String()
}

// listed are the checks that a language's home list and feed hold a text.
func listed(text string) []check {
	return []check{{path: "en/index.html", text: text}, {path: "en/feed.xml", text: text}}
}

// summarised are the checks that the list of the article's month, which
// shows summaries as the home page shows only its lead's, and the feed
// hold a text.
func summarised(a *article, text string) []check {
	return []check{{path: filepath.Join(filepath.Dir(a.page), "index.html"), text: text}, {path: "en/feed.xml", text: text}}
}

var kinds = []kind{
	{"body, new words", func(b *bench, a *article, i int) (edit, error) {
		w := word(1, i)
		front, body, ok := strings.Cut(strings.TrimPrefix(a.text, "---\n"), "\n---\n")
		if !ok {
			return edit{}, errors.New("no front matter")
		}
		// A first paragraph: the summary the lists and feed show.
		a.text = "---\n" + front + "\n---\nThe delegation reports " + w + " and " + w + "s in the field.\n\n" + body
		return edit{a.file, a.text, append(summarised(a, w), check{path: a.page + "/index.html", text: w})}, nil
	}},
	{"title", func(b *bench, a *article, i int) (edit, error) {
		w := word(2, i)
		title := "Edited briefing " + w
		text, err := setField(a.text, "title", strconv.Quote(title))
		a.text, a.page = text, filepath.Join(filepath.Dir(a.page), "edited-briefing-"+w)
		return edit{a.file, text, append(listed(title), check{path: a.page + "/index.html", text: title})}, err
	}},
	{"summary", func(b *bench, a *article, i int) (edit, error) {
		w := word(3, i)
		summary := "A summary that says " + w
		text, err := setField(a.text, "summary", strconv.Quote(summary))
		a.text = text
		return edit{a.file, text, append(summarised(a, summary), check{path: a.page + "/index.html", text: summary})}, err
	}},
	{"new article", func(b *bench, a *article, i int) (edit, error) {
		w := word(4, i)
		title := "New briefing " + w
		date := time.Now().UTC().Add(-time.Hour).Truncate(time.Minute)
		text := fmt.Sprintf("---\ntitle: %q\ndate: %s\ncountries: [KZ]\n---\nThe delegation reports %s in the field.\n", title, date.Format(time.RFC3339), w)
		page := filepath.Join("en", date.Format("2006/01"), "new-briefing-"+w, "index.html")
		return edit{filepath.Join(b.root, "content", "en", "new", w+".md"), text, append(listed(title), check{path: page, text: title})}, nil
	}},
	{"deleted article", func(b *bench, a *article, i int) (edit, error) {
		w := word(4, i) // the article the new-article edit made
		title := "New briefing " + w
		page := filepath.Join("en", time.Now().UTC().Add(-time.Hour).Format("2006/01"), "new-briefing-"+w, "index.html")
		checks := []check{{path: page, text: title, gone: true}}
		for _, c := range listed(title) {
			checks = append(checks, check{path: c.path, text: title, gone: true})
		}
		return edit{filepath.Join(b.root, "content", "en", "new", w+".md"), "", checks}, nil
	}},
}

// setField sets a front matter field.
func setField(text, key, value string) (string, error) {
	front, body, ok := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	if !ok {
		return "", errors.New("no front matter")
	}
	var lines []string
	for _, l := range strings.Split(front, "\n") {
		if !strings.HasPrefix(l, key+":") {
			lines = append(lines, l)
		}
	}
	return "---\n" + strings.Join(append(lines, key+": "+value), "\n") + "\n---\n" + body, nil
}

// edit saves a file as an editor does and times it until the pages show
// it; then it waits for serve's line, and for serve to be idle again.
func (b *bench) edit(e edit) (timing, error) {
	p := b.poller(e.checks)
	if p.done() {
		return timing{}, errors.New("the pages show the edit before it is made")
	}
	for len(b.log) > 0 {
		<-b.log
	}
	var start time.Time
	if e.text == "" {
		start = time.Now()
		if err := os.Remove(e.file); err != nil {
			return timing{}, err
		}
	} else {
		if err := os.MkdirAll(filepath.Dir(e.file), 0o755); err != nil {
			return timing{}, err
		}
		tmp := filepath.Join(filepath.Dir(e.file), "."+filepath.Base(e.file)+".tmp")
		if err := os.WriteFile(tmp, []byte(e.text), 0o644); err != nil {
			return timing{}, err
		}
		start = time.Now()
		if err := os.Rename(tmp, e.file); err != nil {
			return timing{}, err
		}
	}
	deadline := start.Add(time.Minute)
	for !p.done() {
		if time.Now().After(deadline) {
			return timing{}, fmt.Errorf("the pages did not show the edit in a minute: %s", p.missing())
		}
		time.Sleep(500 * time.Microsecond)
	}
	t := timing{onDisk: time.Since(start)}
	l, err := b.line("rebuilt after", time.Minute)
	if err != nil {
		return t, err
	}
	m := rebuilt.FindStringSubmatch(l)
	if m == nil {
		return t, fmt.Errorf("serve's line is not as expected: %s", l)
	}
	t.written, _ = strconv.Atoi(m[1])
	t.removed, _ = strconv.Atoi(m[3])
	t.build, _ = time.ParseDuration(m[4])
	t.settle, _ = time.ParseDuration(m[5])
	time.Sleep(300 * time.Millisecond) // apart from the next save
	return t, nil
}

// poller checks output files, reading one again only when it changed.
type poller struct {
	out    string
	checks []check
	seen   []string // what each file's stat was when last read
	ok     []bool
}

func (b *bench) poller(checks []check) *poller {
	return &poller{out: b.out, checks: checks, seen: make([]string, len(checks)), ok: make([]bool, len(checks))}
}

func (p *poller) done() bool {
	all := true
	for i, c := range p.checks {
		full := filepath.Join(p.out, c.path)
		info, err := os.Stat(full)
		stat := "gone"
		if err == nil {
			st := info.Sys().(*syscall.Stat_t)
			stat = fmt.Sprint(st.Ino, info.Size(), info.ModTime().UnixNano())
		}
		if stat != p.seen[i] {
			p.seen[i] = stat
			data, err := os.ReadFile(full)
			holds := err == nil && strings.Contains(string(data), c.text)
			p.ok[i] = holds != c.gone
		}
		all = all && p.ok[i]
	}
	return all
}

func (p *poller) missing() string {
	var m []string
	for i, c := range p.checks {
		if !p.ok[i] {
			verb := "holds"
			if c.gone {
				verb = "no longer holds"
			}
			m = append(m, fmt.Sprintf("%s %s %q", c.path, verb, c.text))
		}
	}
	return "not yet: " + strings.Join(m, "; ")
}

// report prints a kind's row: medians, with the least and most of the
// times that matter.
func report(name string, ts []timing) {
	sorted := func(get func(timing) int64) []int64 {
		var v []int64
		for _, t := range ts {
			v = append(v, get(t))
		}
		slices.Sort(v)
		return v
	}
	ms := func(d int64) string { return fmt.Sprintf("%.0f", float64(d)/1e6) }
	spread := func(get func(timing) time.Duration) string {
		v := sorted(func(t timing) int64 { return int64(get(t)) })
		return fmt.Sprintf("%s (%s–%s)", ms(v[len(v)/2]), ms(v[0]), ms(v[len(v)-1]))
	}
	median := func(get func(timing) int64) int64 { v := sorted(get); return v[len(v)/2] }
	fmt.Printf("%-16s %-18s %-8s %-18s %-8s %-8d %d\n", name,
		spread(func(t timing) time.Duration { return t.onDisk }),
		ms(median(func(t timing) int64 { return int64(t.settle) })),
		spread(func(t timing) time.Duration { return t.onDisk - t.settle }),
		ms(median(func(t timing) int64 { return int64(t.build) })),
		median(func(t timing) int64 { return int64(t.written) }), median(func(t timing) int64 { return int64(t.removed) }))
}
