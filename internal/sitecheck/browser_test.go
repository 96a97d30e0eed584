package sitecheck

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"briefings/internal/build"
	"briefings/internal/testproject"
)

// chromium finds the browser. Without one the browser checks are skipped,
// but not in CI, whose .ci/run installs Debian's chromium.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium, and CI must run the browser checks: .ci/run installs it")
	}
	t.Skip("no Chromium on this machine: apt-get install chromium to run the browser checks (CI does)")
	return ""
}

// browser is one headless Chromium, 390 px wide like a phone, that records
// every failed request, request to another host, and console error.
type browser struct {
	ctx      context.Context
	host     string
	mu       sync.Mutex
	problems []string
	loaded   int
}

func newBrowser(t *testing.T, site *httptest.Server) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium(t)), chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(390, 844))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	u, _ := url.Parse(site.URL)
	b := &browser{ctx: ctx, host: u.Host}
	if err := chromedp.Listen(ctx, b.event); err != nil {
		t.Fatal(err)
	}
	// chromedp enables the network, runtime and log events of its pages.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *browser) event(ev any) {
	var problem string
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		if u, err := url.Parse(e.Request.URL); err == nil && u.Scheme != "data" && u.Host != b.host {
			problem = "request to another host: " + e.Request.URL
		}
	case *network.EventLoadingFailed:
		problem = "failed request: " + e.ErrorText
	case *network.EventResponseReceived:
		if e.Response.Status >= 400 {
			problem = fmt.Sprintf("%d for %s", e.Response.Status, e.Response.URL)
		}
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError {
			problem = "console error"
		}
	case *runtime.EventExceptionThrown:
		problem = "script error: " + e.ExceptionDetails.Text
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.EntryLevelError {
			problem = "console: " + e.Entry.Text
		}
	}
	if problem != "" {
		b.mu.Lock()
		b.problems = append(b.problems, problem)
		b.mu.Unlock()
	}
}

// load opens a page and returns what went wrong with it.
func (b *browser) load(t *testing.T, pageURL string) []string {
	t.Helper()
	b.mu.Lock()
	b.problems = nil
	b.mu.Unlock()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("%s: %v", pageURL, err)
	}
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
	if err != nil {
		t.Fatalf("%s: %v", pageURL, err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.loaded++
	problems := b.problems
	if wide {
		problems = append(problems, "scrolls sideways at 390 px")
	}
	return problems
}

// serveSite serves a built site under /briefings/, as GitHub Pages does.
func serveSite(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.StripPrefix("/briefings", http.FileServer(http.Dir(dir))))
	t.Cleanup(srv.Close)
	return srv
}

// TestBrowser opens the home, an article, a country page and an archive in
// each language of the real site in Chromium: no failed request, no
// request to another host, no console error, no sideways scrolling.
func TestBrowser(t *testing.T) {
	dir := site(t)
	srv := serveSite(t, dir)
	b := newBrowser(t, srv)
	pages := []string{"", "en/", "ru/", "en/countries/", "ru/countries/", "en/countries/azerbaijan/",
		"ru/countries/kazakhstan/", "en/2025/", "ru/2026/03/", "404.html"}
	for _, lang := range []string{"en", "ru"} {
		arts := files(t, filepath.Join(dir, lang), "index.html")
		for _, a := range arts {
			if strings.Count(a, "/") == 3 { // yyyy/mm/slug/index.html
				pages = append(pages, lang+"/"+strings.TrimSuffix(a, "index.html"))
				break
			}
		}
	}
	for _, p := range pages {
		for _, problem := range b.load(t, srv.URL+"/briefings/"+p) {
			t.Errorf("/briefings/%s: %s", p, problem)
		}
	}
	t.Logf("%d pages loaded in Chromium", b.loaded)
}

// TestLanguageSwitch clicks the language switch on a translated article
// and on an untranslated one.
func TestLanguageSwitch(t *testing.T) {
	root := testproject.New(t, `
-- content/site.yaml --
base_url: https://example.github.io/briefings/
default_language: en
languages:
  en: {name: English, title: Briefings}
  ru: {name: Русский, title: Брифинги}
-- content/countries.yaml --
AZ: {en: Azerbaijan, ru: Азербайджан}
-- content/en/closure.md --
---
title: ICRC closes its delegation
date: 2025-09-03
countries: [AZ]
translation_key: closure
---
Closes.
-- content/ru/closure.md --
---
title: МККК закрывает делегацию
date: 2025-09-03
countries: [AZ]
translation_key: closure
---
Закрывает.
-- content/ru/alone.md --
---
title: Без перевода
date: 2025-09-04
countries: [AZ]
---
Текст.
`)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	srv := serveSite(t, out)
	b := newBrowser(t, srv)
	cases := map[string]string{
		"/briefings/en/2025/09/icrc-closes-its-delegation/": "/briefings/ru/2025/09/mkkk-zakryvaet-delegatsiiu/",
		"/briefings/ru/2025/09/mkkk-zakryvaet-delegatsiiu/": "/briefings/en/2025/09/icrc-closes-its-delegation/",
		"/briefings/ru/2025/09/bez-perevoda/":               "/briefings/en/",
	}
	for from, want := range cases {
		if got, err := b.follow(srv.URL+from, srv.URL+want); err != nil || got != srv.URL+want {
			t.Errorf("switch on %s led to %s (%v), want %s", from, got, err, want)
		}
	}
}

// follow opens a page, clicks its language switch and returns where the
// browser ends up. The click's navigation runs on its own time, and a
// command that meets it fails with "Inspected target navigated", the click
// itself among them; so such errors count only if the browser has not
// reached the page wanted ten seconds later.
func (b *browser) follow(from, want string) (string, error) {
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(from), chromedp.WaitReady("body")); err != nil {
		return "", err
	}
	err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav.langs a`), chromedp.NodeVisible))
	got := ""
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		var lerr error
		if got, lerr = chromedp.Run(ctx, chromedp.Location()); lerr == nil && got == want {
			return got, nil
		} else if lerr != nil {
			err = lerr
		}
		time.Sleep(20 * time.Millisecond)
	}
	return got, err
}

// TestNarrowAndPrinted opens an article and a list at 320 px, the
// narrowest phone: nothing scrolls sideways. Printed, an article keeps its
// words and source and loses the navigation, and its links to other sites
// print their addresses.
func TestNarrowAndPrinted(t *testing.T) {
	dir := site(t)
	srv := serveSite(t, dir)
	b := newBrowser(t, srv)
	article := "/briefings/en/" + firstArticle(t, dir, "en")
	metrics := emulation.SetDeviceMetricsOverrideParams{Width: 320, Height: 640, DeviceScaleFactor: 1, Mobile: true}
	if err := chromedp.Do(b.ctx, call(emulation.SetDeviceMetricsOverride, metrics)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{article, "/briefings/ru/", "/briefings/ru/countries/"} {
		for _, problem := range b.load(t, srv.URL+p) {
			t.Errorf("%s at 320 px: %s", p, problem)
		}
	}
	print := emulation.SetEmulatedMediaParams{Media: "print"}
	if err := chromedp.Do(b.ctx, call(emulation.SetEmulatedMedia, print)); err != nil {
		t.Fatal(err)
	}
	b.load(t, srv.URL+article)
	shown, err := chromedp.Run(b.ctx, chromedp.Evaluate[map[string]string](`(() => {
		const display = s => { const e = document.querySelector(s); return e ? getComputedStyle(e).display : "missing" };
		const out = {};
		for (const s of ["header.site nav.sections", "header.site nav.langs", "footer.site", "aside", ".skip", "h1", ".body", ".source"]) out[s] = display(s);
		const ext = document.querySelector('.body a[href^="http"], .source a[href^="http"]');
		out.after = ext ? getComputedStyle(ext, "::after").content : "no link to another site";
		out.href = ext ? ext.getAttribute("href") : "";
		return out;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	for s, want := range map[string]string{"header.site nav.sections": "none", "header.site nav.langs": "none",
		"footer.site": "none", "aside": "none", ".skip": "none", "h1": "block", ".body": "block", ".source": "block"} {
		if shown[s] != want {
			t.Errorf("printed, %s is display %q, want %q", s, shown[s], want)
		}
	}
	if !strings.Contains(shown["after"], shown["href"]) || shown["href"] == "" {
		t.Errorf("printed, a link to another site ends with %s, not its address %q", shown["after"], shown["href"])
	}
}

// call makes a DevTools command an action.
func call[P any](cmd cdp.Command[P, cdp.Empty], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, cmd, params)
		return err
	})
}
