// Package build runs the pipeline: load → validate → index → render → write.
// build, check, watch and serve all call Build.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"time"

	"briefings/internal/diag"
	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/render"
	"briefings/internal/validate"
	"briefings/internal/write"
)

// Options say what to build and where.
type Options struct {
	Root    string    // the project folder
	FS      fs.FS     // the project's files; nil means Root on disk
	Out     string    // the output folder; "" means Root/public
	BaseURL string    // replaces site.yaml's base_url when set
	Drafts  bool      // build articles marked draft: true, marked as drafts
	Future  bool      // build articles dated later than Now, marked as scheduled
	Now     time.Time // the clock articles' dates are compared with; zero means the time the build starts
	DryRun  bool      // check everything, write nothing
	// PhotoCache holds the photos' files as processed, for every build to
	// come; "" means Root/.cache/photos.
	PhotoCache string
	Warn       bool // report warnings: what an editor should look at
}

// Report says what a build did.
type Report struct {
	Articles    int             // articles built, drafts and scheduled ones included when asked for
	Pages       int             // pages of the site built: About, Privacy
	Held        []validate.Held // drafts and scheduled articles built, marked as such
	Skipped     []validate.Held // drafts and scheduled articles left out
	Files       int             // files of the site
	Written     int             // files written: all of them, or on a rebuild those that changed
	Removed     int             // files of the previous build no longer part of the site
	BasePath    string          // the path the site is served under, "/briefings/"
	Warnings    diag.List       // problems that do not fail the build
	Weights     []render.Weight // of the pages made, by kind, with the stylesheet
	Budget      int             // the most a page may weigh with the stylesheet, in bytes
	PhotoBudget int             // the same for a page that loads photos at once, the photos counted
	Photos      int             // photos the articles show
	Processed   int             // of those, the photos processed, not found in the cache
	Took        time.Duration   // wall time
	Size        int64           // the bytes of the site's files; 0: not known, on a rebuild that made some of them
}

// Builder builds one project again and again. What a good build leaves
// for the next to start from is one value, its state, replaced whole when
// a build succeeds and kept as it was when one fails. A rebuild is the
// same pipeline finding most of its work already done: it reads only
// files that changed, renders only outputs whose key changed, and deletes
// outputs that are no longer planned.
type Builder struct {
	opts Options
	mu   sync.Mutex
	// What the sources hold, parsed: a memo of pure functions of each
	// file's bytes, right whatever a build made of them.
	cache load.Cache
	last  state
	// Held while a commit changes the output; nil: none.
	commits sync.Locker
}

// state is what a good build leaves for the next one.
type state struct {
	theme     *render.Theme
	memo      *render.Memo // what it made, for the next build to reuse
	paths     map[*load.Article]string
	published []*load.Article   // in the order validate.Editions.Select gave
	site      *index.Site       // their index
	keys      map[string]uint64 // what the output folder holds; nil: unknown
	order     []string          // the outputs' paths, in the order planned
	marker    os.FileInfo       // the output's marker as the build left it
}

// New returns a Builder for a project.
func New(opts Options) *Builder {
	if opts.Out == "" {
		opts.Out = filepath.Join(opts.Root, "public")
	}
	if opts.PhotoCache == "" {
		opts.PhotoCache = filepath.Join(opts.Root, ".cache", "photos")
	}
	return &Builder{opts: opts, last: state{memo: render.NewMemo()}}
}

// Build builds a project once, into a fresh output folder. Nothing is
// kept for a build after it.
func Build(opts Options) (Report, error) { return BuildContext(context.Background(), opts) }

// BuildContext is Build, stopped when ctx is done as Builder.BuildContext
// stops.
func BuildContext(ctx context.Context, opts Options) (Report, error) {
	b := New(opts)
	b.last.memo = render.OneBuild()
	defer boundHeap()()
	return b.BuildContext(ctx)
}

// Changed tells the builder every project path (slash-separated, from the
// root) that changed since its last build, as the watcher saw them: the
// next build reads those and trusts what it knew of the rest. A build not
// told looks at every file.
func (b *Builder) Changed(paths ...string) { b.cache.Changed(paths...) }

// Out is the output folder.
func (b *Builder) Out() string { return b.opts.Out }

// Build runs the whole pipeline. Content problems come back as a diag.List
// holding every one of them; nothing is written then, and the previous
// output stays as it was.
func (b *Builder) Build() (Report, error) { return b.BuildContext(context.Background()) }

// BuildContext is Build, stopped when ctx is done: between the stages of
// the pipeline, and while pages are planned and written at the next one.
// What was staged is removed and the output stays as it was, unless the
// commit had begun to change it: then it is finished, and the build
// succeeds. A build stopped fails with ctx's cause, and, but in a dry
// run, what it left (Left).
func (b *Builder) BuildContext(ctx context.Context) (Report, error) {
	rep, err := b.build(ctx)
	if err != nil && ctx.Err() != nil && !errors.Is(err, write.ErrInterrupted) {
		err = context.Cause(ctx)
		if !b.opts.DryRun {
			err = errors.Join(err, b.unchanged())
		}
	}
	return rep, err
}

func (b *Builder) build(ctx context.Context) (Report, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	start := time.Now()
	if err := b.checkFolders(); err != nil {
		return Report{}, err
	}
	if ctx.Err() != nil {
		return Report{}, context.Cause(ctx)
	}
	fsys, done, err := projectFS(b.opts)
	if err != nil {
		return Report{}, err
	}
	defer done()
	in, published, statics, next, rep, err := b.prepare(ctx, fsys)
	if err != nil {
		return rep, err
	}
	c, err := b.begin(ctx)
	if err != nil {
		return rep, err
	}
	in.Writer = c.writer
	outputs, err := b.plan(in, published, statics)
	if err == nil {
		rep.Files = len(outputs)
		next.keys, next.marker, err = b.finish(ctx, c, outputs, &rep)
		next.order = make([]string, len(outputs))
		for i, o := range outputs {
			next.order[i] = o.Path
		}
	} else {
		err = c.abort(err)
	}
	err = templateProblems(err)
	if over := in.Weights.Over(); len(over) > 0 {
		// The pages over budget were not written, nor was anything else.
		// Pages are weighed as they are planned: what else failed then
		// is said too.
		var list diag.List
		switch {
		case outputs != nil:
			err = over.Err()
		case errors.As(err, &list):
			err = append(append(diag.List{}, list...), over...).Sort().Err()
		default:
			err = errors.Join(err, over.Err())
		}
	}
	rep.Weights, rep.Took = in.Weights.Summary(), time.Since(start)
	if err == nil {
		if !next.memo.Keeps() {
			// Its pages' keys were not made: what the output holds is
			// not known to a build after it.
			next.keys = nil
		}
		b.last = next
		rep.Warnings = append(rep.Warnings, b.sizeWarning(rep.Size)...)
	}
	return rep, err
}

// pagesLimit is the most GitHub Pages publishes of a site, "1 GB",
// taken as the lesser reading: 10⁹ bytes rather than 2³⁰.
var pagesLimit int64 = 1e9 // a variable for the tests

// sizeWarning warns of a site too large for GitHub Pages, where a deploy
// fails or is cut short: better said by the build that makes it than
// found on the live site.
func (b *Builder) sizeWarning(size int64) diag.List {
	if size <= pagesLimit {
		return nil
	}
	out := b.opts.Out
	if rel, err := filepath.Rel(b.opts.Root, out); err == nil && filepath.IsLocal(rel) {
		out = rel
	}
	var l diag.List
	l.Warn(filepath.ToSlash(out), 0, "the site's files weigh %s (%s bytes), more than the 1 GB (%s bytes) GitHub Pages publishes of a site: a deploy there may fail; publish it on a host without that limit",
		Bytes(size), thousands(size), thousands(pagesLimit))
	return l
}

// Bytes writes a size as the build's summary shows it, in units of 1024
// as page weights are; a size that would show as 1024 of one unit shows
// as 1 of the next: 1,073,741,800 bytes are 1.00 GB, not 1024.0 MB.
func Bytes(n int64) string {
	if n < 1<<10 {
		return fmt.Sprintf("%d B", n)
	}
	v, unit := float64(n)/(1<<10), "KB"
	for _, next := range []string{"MB", "GB"} {
		if math.Round(v*10) < 1024*10 { // shows as less than 1024 of this unit
			break
		}
		v, unit = v/(1<<10), next
	}
	if unit == "GB" {
		return strconv.FormatFloat(v, 'f', 2, 64) + " GB"
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + " " + unit
}

// thousands writes a count with its thousands apart, 1,000,000,000.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// prepare loads, validates and indexes the project: what Plan needs to
// list every output, with the state a build of them leaves and the files
// of static/.
func (b *Builder) prepare(ctx context.Context, fsys fs.FS) (render.Input, []*load.Article, []render.Output, state, Report, error) {
	var next state
	content, errs := load.Load(fsys, &b.cache)
	if !b.last.memo.Keeps() {
		// What the cache knows of each file is for the next build; the
		// articles keep their bodies' store. 10 MB at 50,000 articles.
		b.cache = load.Cache{}
	}
	if ctx.Err() != nil {
		return render.Input{}, nil, nil, next, Report{}, context.Cause(ctx)
	}
	errs.Append(b.sourcesProblems(content.SourcesProblems))
	theme, terrs := render.LoadTheme(fsys, content.Languages, b.last.theme)
	errs.Append(terrs)
	sel, verrs := b.check(content)
	errs.Append(verrs)
	published, flawed, paths := sel.published, sel.flawed, sel.paths
	urls, err := baseURL(content, b.opts.BaseURL)
	if err != nil {
		errs.Add("", 0, "--base-url: %v", err)
	}
	statics, serrs := staticOutputs(fsys)
	errs.Append(serrs)
	rep := Report{BasePath: urls.BasePath(), Held: sel.held, Skipped: sel.skipped}
	rep.Articles, rep.Pages = count(published)
	if ctx.Err() != nil { // before photos are processed, which can take long
		return render.Input{}, nil, nil, next, rep, context.Cause(ctx)
	}
	var media render.Media
	if content.Config != nil {
		var merrs diag.List
		media, merrs = b.media(fsys, content, published, &rep)
		errs.Append(merrs)
	}
	rep.Warnings = errs.Warnings().Sort()
	if errs.Err() != nil {
		if len(terrs) == 0 && len(serrs) == 0 && err == nil {
			errs.Append(siteLinksDespite(content, published, flawed, theme, urls, statics, b.last.memo))
		}
		return render.Input{}, nil, nil, next, rep, errs.Err()
	}
	weights := render.NewWeights(content.Config, stylesheetSize(statics))
	rep.Budget, rep.PhotoBudget = content.Config.MaxPageKB*1024, content.Config.MaxPhotoPageKB*1024
	var site *index.Site
	if sel.swap == nil {
		site = index.Build(content, published, paths)
	} else {
		site = b.last.site.Swapped(content, sel.swap, paths)
	}
	next = state{theme: theme, paths: paths, memo: b.last.memo.Next(), published: published, site: site}
	in := render.Input{Site: site, Theme: theme, URLs: urls,
		Memo: next.memo, Weights: weights, Media: media, Held: sel.held}
	return in, published, statics, next, rep, nil
}

// sourcesProblems are sources.yaml's problems as this build reports
// them. Only import reads the file: what is wrong with it is for check
// and import to refuse, and a build to mention.
func (b *Builder) sourcesProblems(problems diag.List) diag.List {
	if b.opts.DryRun {
		return problems
	}
	var warnings diag.List
	for _, d := range problems {
		warnings.Warn(d.Path, d.Line, "%s (only import reads %s, and refuses to run until it is fixed)", d.Message, path.Base(d.Path))
	}
	return warnings
}

// count counts the articles and the static pages published.
func count(published []*load.Article) (articles, pages int) {
	for _, a := range published {
		if a.Static {
			pages++
		} else {
			articles++
		}
	}
	return articles, pages
}

// plan lists every output, the pages made as they are planned, and checks
// what only the whole list shows: links to site paths, and paths that
// collide.
func (b *Builder) plan(in render.Input, published []*load.Article, statics []render.Output) ([]render.Output, error) {
	outputs, err := render.Plan(in)
	if err != nil {
		return nil, err
	}
	all := append(outputs, statics...)
	if err := siteLinks(published, all, in.URLs.BasePath(), nil).Err(); err != nil {
		return nil, err
	}
	if !b.samePaths(all) { // collisions are a function of the paths alone
		if err := collisions(outputs, statics); err != nil {
			return nil, err
		}
	}
	return all, nil
}

// checkFolders refuses an output or photo cache folder in the wrong place
// before anything is read or processed into it: the output is checked
// again, with what it holds, when the build begins writing.
func (b *Builder) checkFolders() error {
	if b.opts.FS != nil {
		return nil // the sources are not on disk
	}
	if !b.opts.DryRun && b.last.keys == nil {
		if err := write.Check(b.opts.Out, b.opts.Root); err != nil {
			return err
		}
	}
	return write.CheckPhotoCache(b.opts.PhotoCache, b.opts.Out, b.opts.Root)
}

// samePaths reports whether outputs are at the paths of the last good
// build's, in the same order, which passed every check of paths. Plans
// list their outputs in a fixed order, so a rebuild that moved no page
// meets them in turn: a set of the paths, to find each once, was 5% of a
// rebuild at 50,000 articles.
func (b *Builder) samePaths(outputs []render.Output) bool {
	return b.last.keys != nil && slices.EqualFunc(outputs, b.last.order, func(o render.Output, path string) bool { return o.Path == path })
}

// projectFS is the project's files; close it when done.
func projectFS(opts Options) (fs.FS, func(), error) {
	if opts.FS != nil {
		return opts.FS, func() {}, nil
	}
	p, err := openProject(opts.Root)
	if err != nil {
		return nil, nil, fmt.Errorf("project folder: %w", err)
	}
	return p, func() { p.Close() }, nil
}

func baseURL(content *load.Content, override string) (render.URLs, error) {
	if override != "" {
		return render.NewURLs(override)
	}
	if content.Config == nil {
		return render.URLs{}, nil
	}
	return render.NewURLs(content.Config.BaseURL)
}
