package sitecheck

import (
	"context"
	"maps"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"briefings/internal/build"
	"briefings/internal/testproject"
)

// markupArticle is an article with an aligned table, footnotes (one of
// them referred to twice) and a heading, as a txtar file of content/.
const markupArticle = `-- content/en/figures.md --
---
title: Detention visits in figures
date: 2025-09-04
countries: [AZ]
---
The delegation visited places of detention[^visits] and met the families
of the missing.[^families]

# Visits by region

| Region | Visits | Share | Note |
|:-------|-------:|:-----:|------|
| Baku   | 12     | 60 %  | Joint-visits-with-the-national-society-and-the-authorities |
| Ganja  | 8      | 40 %  | — |

The figures are the delegation's own.[^visits]

[^visits]: As of September, from the delegation's reports.

[^families]: Of people missing since the conflict.

    Some of them met the delegates twice.
`

// markupPage is where markupArticle's page is, under /briefings/.
const markupPage = "/briefings/en/2025/09/detention-visits-in-figures/"

// TestTablesAndFootnotesInBrowser opens an article with an aligned table
// and footnotes: the page's Content-Security-Policy refuses nothing (no
// console error), the table's columns are aligned as the Markdown says,
// ids are unique, every link within the page leads to an element of it,
// and a footnote's reference and its back link lead to each other. With
// AXE_CORE set, axe-core finds no violation on it.
func TestTablesAndFootnotesInBrowser(t *testing.T) {
	root := testproject.New(t, `
-- content/site.yaml --
base_url: https://example.github.io/briefings/
default_language: en
languages:
  en: {name: English, title: Briefings}
-- content/countries.yaml --
AZ: {en: Azerbaijan}
`+markupArticle)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	srv := serveSite(t, out)
	b := newBrowser(t, srv)
	for _, problem := range b.load(t, srv.URL+markupPage) {
		t.Errorf("%s: %s", markupPage, problem)
	}
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[map[string]any](`(() => {
		const align = s => { const e = document.querySelector(s); return e ? getComputedStyle(e).textAlign : "missing" };
		const ids = [...document.querySelectorAll("[id]")].map(e => e.id);
		const broken = [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute("href").slice(1))
			.filter(id => !document.getElementById(id));
		return {
			left: align("tbody tr td:nth-child(1)"), right: align("tbody tr td:nth-child(2)"), center: align("tbody tr td:nth-child(3)"),
			headLeft: align("thead th:nth-child(1)"), headRight: align("thead th:nth-child(2)"),
			styled: document.querySelectorAll(".body [style]").length,
			duplicates: ids.filter((id, i) => ids.indexOf(id) != i).join(" "),
			broken: broken.join(" "),
			refs: document.querySelectorAll(".body sup a[href^='#']").length,
			notes: document.querySelectorAll(".footnotes li[id]").length,
			backs: document.querySelectorAll(".footnotes a[href^='#']").length,
			heading: document.querySelector(".body h2") ? document.querySelector(".body h2").textContent : "",
		};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"left": "left", "right": "right", "center": "center", "headLeft": "left",
		"headRight": "right", "styled": 0.0, "duplicates": "", "broken": "", "refs": 3.0, "notes": 2.0, "backs": 3.0,
		"heading": "Visits by region"} {
		if got[k] != want {
			t.Errorf("%s: %s is %v, want %v", markupPage, k, got[k], want)
		}
	}
	// Follow the second reference to the first note, and its back link.
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	for _, c := range []struct{ click, want string }{
		{`.body p:last-of-type sup a`, "#fn-1"},
		{`#fn-1 a[href="#fnref-1-2"]`, "#fnref-1-2"},
	} {
		hash := ""
		err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(c.click), chromedp.NodeVisible))
		if err == nil {
			hash, err = chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`))
		}
		if err != nil || hash != c.want {
			t.Errorf("clicking %s led to %q (%v), want %s", c.click, hash, err, c.want)
		}
	}
	b.mu.Lock()
	problems := b.problems
	b.mu.Unlock()
	if len(problems) > 0 {
		t.Errorf("following the footnotes: %v", problems)
	}
	// At 320 px the wide table scrolls in its box, and stays a table: as
	// display:block, some screen readers read it as one run of text.
	t.Run("narrow", func(t *testing.T) {
		metrics := emulation.SetDeviceMetricsOverrideParams{Width: 320, Height: 640, DeviceScaleFactor: 1, Mobile: true}
		if err := chromedp.Do(b.ctx, call(emulation.SetDeviceMetricsOverride, metrics)); err != nil {
			t.Fatal(err)
		}
		defer chromedp.Do(b.ctx, call(emulation.ClearDeviceMetricsOverride, cdp.Empty{}))
		for _, problem := range b.load(t, srv.URL+markupPage) {
			t.Errorf("%s at 320 px: %s", markupPage, problem)
		}
		got, err := chromedp.Run(b.ctx, chromedp.Evaluate[map[string]any](`(() => {
			const table = document.querySelector(".body table"), box = table && table.parentElement;
			const root = document.documentElement;
			return {display: table ? getComputedStyle(table).display : "missing",
				boxScrolls: !!box && box.matches(".body .table") && box.scrollWidth > box.clientWidth,
				pageScrolls: root.scrollWidth > root.clientWidth};
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]any{"display": "table", "boxScrolls": true, "pageScrolls": false}; !maps.Equal(got, want) {
			t.Errorf("at 320 px the table is %v, want %v", got, want)
		}
	})
	t.Run("axe", func(t *testing.T) {
		axe := axeSource(t)
		if err := chromedp.Do(b.ctx, call(page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})); err != nil {
			t.Fatal(err)
		}
		for _, v := range runAxe(t, b, axe, srv.URL+markupPage).Violations {
			t.Errorf("%s: %s (%s): %s", markupPage, v.ID, v.Impact, v.Help)
		}
	})
}
