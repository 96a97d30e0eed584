package sitecheck

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"briefings/internal/build"
	"briefings/internal/photo/phototest"
	"briefings/internal/testproject"
)

// TestPhotosInBrowser opens an article with a lead photo and a photo far
// down its body on a phone and on a wide screen. The browser picks the
// file the budget counts on the phone and the largest on the wide screen,
// never loads the body photo before it is scrolled to, shifts no layout
// as photos arrive, and asks nothing of another host.
func TestPhotosInBrowser(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	photoSite(t, out)
	srv := serveSite(t, out)
	b := newBrowser(t, srv)
	page := srv.URL + "/briefings/en/2025/09/a-visit-to-the-families/"
	for _, c := range []struct {
		width   int64
		density float64
		want    string // the lead's file, by its width
	}{
		{390, 2, "-960w.webp"}, // (390 − 32) × 2 = 716 device pixels: the budget's candidate
		{390, 1, "-640w.webp"},
		{1280, 2, "-1280w.webp"}, // the 640 px column at 2×
		{1280, 1, "-640w.webp"},
	} {
		metrics := emulation.SetDeviceMetricsOverrideParams{Width: c.width, Height: 800, DeviceScaleFactor: c.density, Mobile: c.width < 600}
		if err := chromedp.Do(b.ctx, call(emulation.SetDeviceMetricsOverride, metrics),
			call(emulation.SetDeviceMetricsOverride, metrics)); err != nil {
			t.Fatal(err)
		}
		// A fresh browser cache each time, so that every file is fetched.
		if err := chromedp.Do(b.ctx, chromedp.Navigate("about:blank")); err != nil {
			t.Fatal(err)
		}
		for _, problem := range b.load(t, page) {
			t.Errorf("%d px at %gx: %s", c.width, c.density, problem)
		}
		// Layout shifts since the page began, as the browser counts them.
		if err := chromedp.Do(b.ctx, chromedp.Evaluate[chromedp.Void](`window.shifts = 0;
			new PerformanceObserver(l => l.getEntries().forEach(e => window.shifts += e.value)).observe({type: "layout-shift", buffered: true})`)); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
		var seen map[string]any
		for seen == nil || seen["complete"] != true {
			var err error
			seen, err = chromedp.Run(ctx, chromedp.Evaluate[map[string]any](`(() => {
				const lead = document.querySelector("article > figure img");
				const later = document.querySelector(".body figure img"), box = later.getBoundingClientRect();
				const media = performance.getEntriesByType("resource").map(e => e.name).filter(n => n.includes("/media/"));
				return {complete: lead.complete, lead: lead.currentSrc, media: media.join(" "), shifts: window.shifts,
					reserved: box.height > 0 && Math.abs(box.height - box.width * later.height / later.width) < 1};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
		lead, media := seen["lead"].(string), strings.Fields(seen["media"].(string))
		if !strings.HasSuffix(lead, c.want) {
			t.Errorf("%d px at %gx: the browser chose %s, want the file ending %s", c.width, c.density, lead, c.want)
		}
		if len(media) != 1 || media[0] != lead {
			t.Errorf("%d px at %gx: photo files fetched on first view: %v, want only %s", c.width, c.density, media, lead)
		}
		if s, ok := seen["shifts"].(float64); !ok || s != 0 {
			t.Errorf("%d px at %gx: layout shifted by %v as the photos came", c.width, c.density, seen["shifts"])
		}
		if seen["reserved"] != true {
			t.Errorf("%d px at %gx: the body photo's place is not kept before it loads", c.width, c.density)
		}
	}
	// Scrolled to, the body photo comes, in its place.
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(`.body figure img`), chromedp.WaitReady(`.body figure img`)); err != nil {
		t.Fatal(err)
	}
	for {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".body figure img").complete && document.querySelector(".body figure img").naturalWidth > 0`))
		if err != nil {
			t.Fatal(err)
		}
		if done {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
}

// photoSite builds, into out, a site whose article has a lead photo and a
// photo far down its body, beside markupArticle, for the HTML checkers.
func photoSite(t *testing.T, out string) {
	long := strings.Repeat("A paragraph of the report, long enough to fill a line or two on a phone.\n\n", 80)
	root := testproject.New(t, `
-- content/site.yaml --
base_url: https://example.github.io/briefings/
default_language: en
languages:
  en: {name: English, title: Briefings}
-- content/countries.yaml --
AZ: {en: Azerbaijan}
-- content/en/visit.md --
---
title: A visit to the families
date: 2025-09-03
countries: [AZ]
image: ../media/visit.jpg
image_alt: Relatives hold photographs of the missing
image_caption: A meeting in Baku
---
`+long+`
![A map of the region](../media/map.jpg "The region")
`+markupArticle)
	testproject.Write(t, filepath.Join(root, "content/media/visit.jpg"), string(phototest.JPEG(2000, 1300, 5)))
	testproject.Write(t, filepath.Join(root, "content/media/map.jpg"), string(phototest.JPEG(1500, 1000, 6)))
	if _, err := build.Build(build.Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
}

// TestPhotoSiteForChecker writes the photo site where PHOTO_SITE says,
// for CI to run the Nu HTML Checker over its pages.
func TestPhotoSiteForChecker(t *testing.T) {
	out := os.Getenv("PHOTO_SITE")
	if out == "" {
		t.Skip("PHOTO_SITE is not set: .ci/run sets it")
	}
	photoSite(t, out)
}
