package sitecheck

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// frontBoxes is what TestFrontPage measures of a home page.
type frontBoxes struct {
	Stories, Aside, Front    box
	TopSize, ItemSize        float64 // the font sizes of the lead's headline and of the others'
	TopSummary               bool    // the lead shows its summary
	ItemSummaries            int     // summaries in the list below it
	Countries                []region
	ScrollWidth, ClientWidth int
	Wordmark                 string // the header's image's accessible name
}

type box struct{ Left, Top, Right, Bottom, Width float64 }

type region struct{ Country, Href, Count, Latest, LatestHref string }

const measureFront = `(() => {
	const b = s => { const e = document.querySelector(s); if (!e) return {}; const r = e.getBoundingClientRect();
		return {Left: r.left, Top: r.top + scrollY, Right: r.right, Bottom: r.bottom + scrollY, Width: r.width} };
	const size = s => { const e = document.querySelector(s); return e ? parseFloat(getComputedStyle(e).fontSize) : 0 };
	const img = document.querySelector('header.site .brand img');
	return {Stories: b('.stories-col'), Aside: b('aside.regions'), Front: b('.front'),
		TopSize: size('.top h2'), ItemSize: size('.items h2'),
		TopSummary: !!document.querySelector('.top h2 ~ p:not(.meta)'),
		ItemSummaries: document.querySelectorAll('.items li > p:not(.meta)').length,
		Countries: [...document.querySelectorAll('aside.regions > ul > li')].map(li => {
			const c = li.querySelector('p a'), l = li.querySelector('.related a');
			return {Country: c ? c.textContent : '', Href: c ? c.href : '', Count: (li.querySelector('p span') || {}).textContent || '',
				Latest: l ? l.textContent : '', LatestHref: l ? l.href : ''} }),
		ScrollWidth: document.documentElement.scrollWidth, ClientWidth: document.documentElement.clientWidth,
		Wordmark: img ? img.alt : ''};
})()`

// TestFrontPage opens the home page of each language at 1280 and at 390
// px. At 1280 the countries stand beside the stories, the page uses more
// than 900 px of the width, and the screenshot shows them there; at 390
// they follow the stories in one column and nothing scrolls sideways. The
// newest story leads with a larger headline and its summary, the others
// follow without; each country links to its page with its count and its
// newest story, the five with the newest first. SCREENSHOTS names a folder to keep the screenshots in.
func TestFrontPage(t *testing.T) {
	dir := site(t)
	srv := serveSite(t, dir)
	b := newBrowser(t, srv)
	shots := os.Getenv("SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	titles := map[string]string{"en": "Humanitarian Briefings", "ru": "Гуманитарные брифинги"}
	for _, width := range []int64{1280, 390} {
		metrics := emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 600}
		if err := chromedp.Do(b.ctx, call(emulation.SetDeviceMetricsOverride, metrics)); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "ru"} {
			page := srv.URL + "/briefings/" + lang + "/"
			for _, problem := range b.load(t, page) {
				if width == 390 || problem != "scrolls sideways at 390 px" {
					t.Errorf("%s at %d px: %s", page, width, problem)
				}
			}
			ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
			m, err := chromedp.Run(ctx, chromedp.Evaluate[frontBoxes](measureFront))
			var shot []byte
			if err == nil {
				shot, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
			}
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(shots, "front-"+lang+"-"+strconv.FormatInt(width, 10)+".png")
			if err := os.WriteFile(name, shot, 0o644); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(shot))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			where := lang + " at " + strconv.FormatInt(width, 10) + " px"
			if m.Wordmark != titles[lang] {
				t.Errorf("%s: the wordmark is named %q, want %q", where, m.Wordmark, titles[lang])
			}
			if img.Bounds().Dx() != int(width) || m.ScrollWidth > m.ClientWidth {
				t.Errorf("%s: the page is %d px wide (screenshot %d px), the window %d", where, m.ScrollWidth, img.Bounds().Dx(), m.ClientWidth)
			}
			if m.Stories.Width == 0 || m.Aside.Width == 0 {
				t.Fatalf("%s: no stories column or no countries beside them: %+v", where, m)
			}
			if width == 1280 {
				if m.Aside.Left < m.Stories.Right || m.Aside.Top > m.Stories.Top+100 || m.Front.Width <= 900 {
					t.Errorf("%s: the countries (%+v) are not beside the stories (%+v) on a page %.0f px wide", where, m.Aside, m.Stories, m.Front.Width)
				}
				// The screenshot shows the countries there: text, not the background, in their box.
				if inked(img, m.Aside) < 0.02 || inked(img, m.Stories) < 0.02 {
					t.Errorf("%s: the screenshot shows little in the columns: %.3f and %.3f of their pixels inked", where, inked(img, m.Stories), inked(img, m.Aside))
				}
			} else if m.Aside.Top < m.Stories.Bottom || m.Aside.Left != m.Stories.Left || m.Aside.Width != m.Stories.Width {
				t.Errorf("%s: the countries (%+v) do not follow the stories (%+v) in one column", where, m.Aside, m.Stories)
			}
			if m.TopSize < 1.4*m.ItemSize || !m.TopSummary || m.ItemSummaries != 0 {
				t.Errorf("%s: the lead's headline is %.0f px against %.0f, its summary shown: %v; %d summaries below it",
					where, m.TopSize, m.ItemSize, m.TopSummary, m.ItemSummaries)
			}
			countries := dirs(t, filepath.Join(dir, lang, "countries"), lang+"/countries/")
			if len(m.Countries) != len(countries) {
				t.Errorf("%s: %d countries beside the stories, the site has %d pages of countries", where, len(m.Countries), len(countries))
			}
			for i, r := range m.Countries {
				if (r.LatestHref != "") != (i < 5) {
					t.Errorf("%s: country %d of %d, %s, shows its newest story: %v; want the first 5", where, i+1, len(m.Countries), r.Country, r.LatestHref != "")
				}
				rel := strings.TrimPrefix(r.Href, srv.URL+"/briefings/")
				page := readPage(t, dir, rel)
				if !strings.Contains(page, "<h1>") || r.Count == "" || !strings.ContainsAny(r.Count, "0123456789") {
					t.Errorf("%s: country %q leads to %s, counted %q", where, r.Country, r.Href, r.Count)
					continue
				}
				// Its newest story is the first its own page lists.
				latest := strings.TrimPrefix(r.LatestHref, srv.URL)
				if latest == "" {
					continue
				}
				if i := strings.Index(page, `<ol class="items">`); i < 0 || !strings.HasPrefix(page[i:], `<ol class="items">`+"\n<li>\n<h2><a href=\""+latest+`"`) {
					t.Errorf("%s: %s's newest story is %q (%s), not the first of its page", where, r.Country, r.Latest, latest)
				}
			}
		}
	}
}

// TestWordmarkSchemes opens the home page in the light and the dark
// colour scheme: the wordmark's names are dark on the light page and
// light on the dark one, as the page's text is.
func TestWordmarkSchemes(t *testing.T) {
	dir := site(t)
	srv := serveSite(t, dir)
	b := newBrowser(t, srv)
	shots := os.Getenv("SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	for _, scheme := range []string{"light", "dark"} {
		media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
		if err := chromedp.Do(b.ctx, call(emulation.SetEmulatedMedia, media)); err != nil {
			t.Fatal(err)
		}
		b.load(t, srv.URL+"/briefings/en/")
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		names, err := chromedp.Run(ctx, chromedp.Evaluate[box](`(() => { const r = document.querySelector('header.site .brand img').getBoundingClientRect();
			return {Left: r.left + r.width * 46 / 232, Top: r.top, Right: r.right, Bottom: r.bottom, Width: r.width} })()`))
		var shot []byte
		if err == nil {
			shot, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		}
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(shots, "wordmark-"+scheme+".png"), shot, 0o644)
		img, err := png.Decode(bytes.NewReader(shot))
		if err != nil {
			t.Fatal(err)
		}
		// The names' letters are the pixels farthest from the background.
		_, _, bg, _ := img.At(0, 0).RGBA()
		far := uint32(0)
		var letter uint32
		for y := int(names.Top); y < int(names.Bottom); y++ {
			for x := int(names.Left); x < int(names.Right); x++ {
				_, _, v, _ := img.At(x, y).RGBA()
				if d := diff(v, bg); d > far {
					far, letter = d, v
				}
			}
		}
		if dark := letter < 0x8000; (scheme == "light") != dark || far < 0x8000 || names.Width < 200 {
			t.Errorf("%s scheme: the wordmark's letters are %#x on a background of %#x (its box %+v)", scheme, letter, bg, names)
		}
	}
}

// inked is the share of a box's pixels of a screenshot that are far from
// the page's background, its top left pixel.
func inked(img image.Image, b box) float64 {
	bg := img.At(0, 0)
	br, bgG, bb, _ := bg.RGBA()
	var n, all int
	for y := int(b.Top); y < int(b.Bottom) && y < img.Bounds().Dy(); y++ {
		for x := int(b.Left); x < int(b.Right) && x < img.Bounds().Dx(); x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if diff(r, br)+diff(g, bgG)+diff(bl, bb) > 3*0x3000 {
				n++
			}
			all++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(n) / float64(all)
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// readPage is a built page, by its URL path under the site.
func readPage(t *testing.T, dir, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel), "index.html"))
	if err != nil {
		t.Errorf("no page %s: %v", rel, err)
	}
	return string(b)
}
