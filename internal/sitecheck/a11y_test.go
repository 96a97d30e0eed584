package sitecheck

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// axeSource is axe-core's script, from the file AXE_CORE names: .ci/run
// installs the npm package axe-core and sets it.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("AXE_CORE")
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("AXE_CORE is not set, and CI must run the accessibility checks: .ci/run sets it")
		}
		t.Skip("AXE_CORE is not set: npm install axe-core and set AXE_CORE to its axe.min.js to run the accessibility checks (CI does)")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// axeResult is what the test reads of axe.run's results.
type axeResult struct {
	Violations []struct {
		ID, Impact, Help string
		Nodes            []struct{ Target []any }
	}
	Passes []struct{ ID string }
}

// TestAccessibility runs axe-core's WCAG 2.1 A and AA rules on the home,
// an article, a country page, the countries, a year and a month of the
// archive, the search page (empty, and showing results), the language chooser and the 404 page, in
// each language, in the light and in the dark colour scheme, 390 px wide,
// and on the home pages at 1280 px too, in two columns: no violation.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	dir := site(t)
	srv := serveSite(t, dir)
	b := newBrowser(t, srv)
	// axe is added to pages by DevTools; the site's policy would have no say
	// over it, but bypassing it rules out any doubt. TestBrowser checks the policy.
	if err := chromedp.Do(b.ctx, call(page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})); err != nil {
		t.Fatal(err)
	}
	pages := []string{"", "404.html"}
	for _, lang := range []string{"en", "ru"} {
		pages = append(pages, lang+"/", lang+"/countries/", lang+"/"+firstArticle(t, dir, lang), lang+"/search/", lang+"/search/?q=icrc")
		pages = append(pages, lang+"/"+firstOf(t, dir, lang, "countries/*/index.html"), lang+"/"+firstOf(t, dir, lang, "[0-9]*/index.html"),
			lang+"/"+firstOf(t, dir, lang, "[0-9]*/[0-9]*/index.html"), lang+"/about/", lang+"/privacy/")
	}
	checked, violations, rules := 0, 0, map[string]bool{}
	check := func(p, scheme, width string) {
		res := runAxe(t, b, axe, srv.URL+"/briefings/"+p)
		checked++
		for _, pass := range res.Passes {
			rules[pass.ID] = true
		}
		violations += len(res.Violations)
		for _, v := range res.Violations {
			var where []string
			for _, n := range v.Nodes {
				b, _ := json.Marshal(n.Target)
				where = append(where, string(b))
			}
			t.Errorf("/briefings/%s (%s, %s): %s (%s): %s at %s", p, scheme, width, v.ID, v.Impact, v.Help, strings.Join(where, ", "))
		}
	}
	scheme := func(scheme string) {
		media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
		if err := chromedp.Do(b.ctx, call(emulation.SetEmulatedMedia, media)); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []string{"light", "dark"} {
		scheme(s)
		for _, p := range pages {
			check(p, s, "390 px")
		}
	}
	// The home pages again as wide screens show them, in two columns.
	wide := emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 900, DeviceScaleFactor: 1}
	if err := chromedp.Do(b.ctx, call(emulation.SetDeviceMetricsOverride, wide)); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"light", "dark"} {
		scheme(s)
		for _, p := range []string{"en/", "ru/"} {
			check(p, s, "1280 px")
		}
	}
	if len(rules) < 15 {
		t.Errorf("axe passed only %d rules: did it run?", len(rules))
	}
	t.Logf("axe-core: %d page views (%d pages, light and dark, and the home pages at 1280 px), %d rules passed, violations: %d", checked, len(pages),
		len(rules), violations)
}

func runAxe(t *testing.T, b *browser, axe, pageURL string) axeResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("%s: %v", pageURL, err)
	}
	if strings.Contains(pageURL, "?q=") { // check the results, once the script has shown them
		if err := chromedp.Do(ctx, chromedp.WaitVisible("#search-results li")); err != nil {
			t.Fatalf("%s: no results shown: %v", pageURL, err)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axe+";true")); err != nil {
		t.Fatalf("%s: loading axe: %v", pageURL, err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag",
		values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe: %v", pageURL, err)
	}
	var res axeResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// firstArticle is the path of one article page of a language.
func firstArticle(t *testing.T, dir, lang string) string {
	return firstOf(t, dir, lang, "[0-9]*/[0-9]*/*/index.html")
}

// firstOf is the first page of a language matching pattern, as a URL path.
func firstOf(t *testing.T, dir, lang, pattern string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, lang, pattern))
	if len(m) == 0 {
		t.Fatalf("no page %s/%s", lang, pattern)
	}
	rel, _ := filepath.Rel(filepath.Join(dir, lang), m[0])
	return strings.TrimSuffix(filepath.ToSlash(rel), "index.html")
}
