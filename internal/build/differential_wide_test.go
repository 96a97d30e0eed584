package build

import (
	"fmt"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefings/internal/photo/phototest"
)

// TestDifferentialWide is TestDifferential on a larger site, with edits
// of what the others leave alone: photos, translation keys traded between
// stories, dates written with other offsets around a year's end, the
// site's time zone, base URL and default language, links to the site's
// own pages, the build's clock moving on as a long session's does, and
// several saves before one build.
//
//	go test ./internal/build -run TestDifferentialWide -differential.seed=1 -differential.seeds=100 -differential.steps=200
func TestDifferentialWide(t *testing.T) {
	seeds, steps := []uint64{3, 8, 11}, differentialSteps
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
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) { runDifferential(t, seed, steps, widen) })
	}
}

// widen adds stories to the project, some in both languages, and the
// edits.
func widen(p *project) {
	p.more, p.bursts = wideEdits, true
	for i := range 12 + p.rng.IntN(12) {
		in := []string{pick(p.rng, langs)}
		if i%3 == 0 {
			in = langs
		}
		for _, lang := range in {
			text := p.article(lang, false)
			if len(in) > 1 {
				text = strings.Replace(text, "---\n", fmt.Sprintf("---\ntranslation_key: w%d\n", i), 1)
			}
			p.write(path.Join("content", lang, pick(p.rng, []string{"2024", "2025", "misc"}), p.name()+".md"), text)
		}
	}
}

var wideEdits = []editKind{
	{3, "editLeadPhoto", (*project).editLeadPhoto},
	{2, "editBodyPhoto", (*project).editBodyPhoto},
	{1, "replacePhoto", (*project).replacePhoto},
	{1, "removePhoto", (*project).removePhoto},
	{3, "tradeTranslationKeys", (*project).tradeTranslationKeys},
	{3, "editDateAtYearEnd", (*project).editDateAtYearEnd},
	{2, "moveClock", (*project).moveClock},
	{1, "editTimeZone", (*project).editTimeZone},
	{1, "editBaseURL", (*project).editBaseURL},
	{1, "editDefaultLanguage", (*project).editDefaultLanguage},
	{2, "editSiteLink", (*project).editSiteLink},
	{1, "editSource", (*project).editSource},
}

// photo writes a new photo into dir and returns its path, and the paths
// the watcher reports.
func (p *project) photo(dir string) (string, []string) {
	rel := path.Join(dir, p.name()+".jpg")
	return rel, p.write(rel, string(phototest.JPEG(300+p.rng.IntN(700), 200+p.rng.IntN(500), p.rng.Uint64())))
}

// relative is the path from an article's folder to a file.
func (p *project) relative(from, to string) string {
	rel, err := filepath.Rel(path.Dir(from), to)
	p.must(err)
	return filepath.ToSlash(rel)
}

// editLeadPhoto gives an article a new lead photo, beside it or in
// content/media, with an alt text and maybe a caption and credit; or
// takes its lead photo away.
func (p *project) editLeadPhoto() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	if strings.Contains(p.read(rel), "\nimage: ") && p.rng.IntN(3) == 0 {
		var changed []string
		for _, key := range []string{"image", "image_alt", "image_caption", "image_credit"} {
			changed = append(changed, p.setField(rel, key, "").paths...)
		}
		return change{rel + ": lead photo removed", changed}, true
	}
	dir := pick(p.rng, []string{path.Dir(rel), "content/media"})
	img, changed := p.photo(dir)
	lang := langOf(rel)
	fields := [][2]string{{"image", p.relative(rel, img)}, {"image_alt", strconv.Quote(p.words(lang, 3))},
		{"image_caption", ""}, {"image_credit", ""}}
	if p.rng.IntN(2) == 0 {
		fields[2][1] = strconv.Quote(p.words(lang, 4))
	}
	if p.rng.IntN(2) == 0 {
		fields[3][1] = strconv.Quote(p.words("en", 2))
	}
	for _, f := range fields {
		changed = append(changed, p.setField(rel, f[0], f[1]).paths...)
	}
	return change{rel + ": lead photo " + img, changed}, true
}

// editBodyPhoto adds a photo to an article's body.
func (p *project) editBodyPhoto() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	img, changed := p.photo(pick(p.rng, []string{path.Dir(rel), "content/media"}))
	text := p.read(rel) + "\n![" + p.words(langOf(rel), 3) + "](" + p.relative(rel, img) + ")\n"
	return change{rel + ": a photo in the body, " + img, append(changed, p.write(rel, text)...)}, true
}

func (p *project) photos() []string {
	return p.files("content", func(n string) bool { return strings.HasSuffix(n, ".jpg") })
}

func (p *project) replacePhoto() (change, bool) {
	photos := p.photos()
	if len(photos) == 0 {
		return change{}, false
	}
	rel := pick(p.rng, photos)
	return change{"photo " + rel + " replaced", p.write(rel, string(phototest.JPEG(300+p.rng.IntN(700), 200+p.rng.IntN(500), p.rng.Uint64())))}, true
}

// removePhoto deletes a photo, which the build refuses if an article
// still shows it.
func (p *project) removePhoto() (change, bool) {
	photos := p.photos()
	if len(photos) == 0 {
		return change{}, false
	}
	rel := pick(p.rng, photos)
	return change{"photo " + rel + " removed", p.remove(rel)}, true
}

// tradeTranslationKeys gives two articles each other's translation key,
// in one save each: stories change places and languages at once.
func (p *project) tradeTranslationKeys() (change, bool) {
	var keyed []string
	keys := map[string]string{}
	for _, rel := range p.articles() {
		for _, l := range strings.Split(p.read(rel), "\n") {
			if k, ok := strings.CutPrefix(l, "translation_key: "); ok {
				keyed, keys[rel] = append(keyed, rel), k
			}
		}
	}
	if len(keyed) < 2 {
		return change{}, false
	}
	a, b := pick(p.rng, keyed), pick(p.rng, keyed)
	if keys[a] == keys[b] {
		return change{}, false
	}
	changed := append(p.setField(a, "translation_key", keys[b]).paths, p.setField(b, "translation_key", keys[a]).paths...)
	return change{fmt.Sprintf("%s and %s traded translation keys", a, b), changed}, true
}

// editDateAtYearEnd dates an article about a year's end, in an offset of
// its own: an instant's order and its date as written then disagree.
func (p *project) editDateAtYearEnd() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	at := time.Date(2023+p.rng.IntN(3), 12, 31, 12, 0, 0, 0, time.UTC).Add(time.Duration(p.rng.IntN(48*60)-24*60) * time.Minute)
	zone := time.FixedZone("", pick(p.rng, []int{0, 4, 6, -5, 14})*3600)
	date := at.In(zone).Format(time.RFC3339)
	if p.rng.IntN(4) == 0 {
		date = at.In(zone).Format(time.DateOnly)
	}
	return p.setField(rel, "date", date), true
}

// moveClock lets time pass, as it does while serve runs: scheduled
// articles come due, with nothing saved.
func (p *project) moveClock() (change, bool) {
	p.later = time.Duration(1+p.rng.IntN(30*24)) * time.Hour
	return change{fmt.Sprintf("the clock moved on by %v", p.later), nil}, true
}

// setSiteField sets a field of site.yaml, or removes it when value is "".
func (p *project) setSiteField(key, value string) (change, bool) {
	const rel = "content/site.yaml"
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(p.read(rel), "\n"), "\n") {
		if !strings.HasPrefix(l, key+":") {
			lines = append(lines, l)
		}
	}
	if value != "" {
		lines = append(lines, key+": "+value)
	}
	return change{fmt.Sprintf("%s: %s set to %q", rel, key, value), p.write(rel, strings.Join(lines, "\n")+"\n")}, true
}

func (p *project) editTimeZone() (change, bool) {
	return p.setSiteField("time_zone", pick(p.rng, []string{"", "Asia/Almaty", "Asia/Baku", "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"}))
}

func (p *project) editBaseURL() (change, bool) {
	return p.setSiteField("base_url", pick(p.rng, []string{"https://example.org/portal/", "https://example.org/", "https://example.github.io/a/b/"}))
}

func (p *project) editDefaultLanguage() (change, bool) {
	return p.setSiteField("default_language", pick(p.rng, langs))
}

// editSiteLink links an article to a path of the site, which may be
// there or not: a country's page, an archive, a numbered page.
func (p *project) editSiteLink() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	l := pick(p.rng, langs)
	to := pick(p.rng, []string{"countries/azerbaijan/", "countries/georgia/", "2024/", "2025/12/", "page/2/", "about/", "feed.xml"})
	return change{rel + ": a link to /" + l + "/" + to, p.write(rel, p.read(rel)+"\nSee [the site](/"+l+"/"+to+").\n")}, true
}

func (p *project) editSource() (change, bool) {
	rel, ok := p.randomArticle()
	if !ok {
		return change{}, false
	}
	if p.rng.IntN(3) == 0 {
		return p.setField(rel, "source", ""), true
	}
	return p.setField(rel, "source", strconv.Quote(p.words("en", 2))), true
}
