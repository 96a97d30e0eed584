package build

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A feed gives every item an instant: a day written without a time
// begins at midnight in site.yaml's time_zone, as it does for scheduling;
// a date with its time keeps its own offset, midnight UTC written out too.
func TestFeedDatesInSiteTimeZone(t *testing.T) {
	root := newProject(t, `
-- content/site.yaml --
base_url: https://example.org/
default_language: en
time_zone: Asia/Baku
languages:
  en: {name: English, title: Briefings}
-- content/countries.yaml --
AZ: {en: Azerbaijan}
-- content/en/day.md --
---
title: A day
date: 2025-09-03
updated: 2025-09-05
countries: [AZ]
---
Text.
-- content/en/timed.md --
---
title: A time
date: 2025-09-01T10:30:00+05:00
countries: [AZ]
---
Text.
-- content/en/midnight.md --
---
title: At midnight UTC
date: 2025-08-30T00:00:00Z
countries: [AZ]
---
Text.
`)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	rss := regexp.MustCompile(`<pubDate>([^<]*)</pubDate>`).FindAllStringSubmatch(readFile(t, filepath.Join(out, "en/feed.xml")), -1)
	atom := regexp.MustCompile(`<(published|updated)>([^<]*)</`).FindAllStringSubmatch(readFile(t, filepath.Join(out, "en/atom.xml")), -1)
	var jf struct {
		Items []struct {
			DatePublished string `json:"date_published"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, "en/feed.json"))), &jf); err != nil {
		t.Fatal(err)
	}
	if len(rss) != 3 || len(jf.Items) != 3 {
		t.Fatalf("%d RSS and %d JSON Feed items, want 3", len(rss), len(jf.Items))
	}
	got := []string{rss[0][1], rss[1][1], rss[2][1], atom[1][1] + " " + atom[1][2], atom[2][1] + " " + atom[2][2],
		jf.Items[0].DatePublished, jf.Items[1].DatePublished, jf.Items[2].DatePublished}
	want := []string{"Wed, 03 Sep 2025 00:00:00 +0400", "Mon, 01 Sep 2025 10:30:00 +0500", "Sat, 30 Aug 2025 00:00:00 +0000",
		"published 2025-09-03T00:00:00+04:00", "updated 2025-09-05T00:00:00+04:00",
		"2025-09-03T00:00:00+04:00", "2025-09-01T10:30:00+05:00", "2025-08-30T00:00:00Z"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("date %d is %q, want %q", i, got[i], want[i])
		}
	}
}

// In a feed, a footnote and a link to a part of the article lead to the
// article's page: "#fn-1" alone would be read against the feed's address.
func TestFeedFragmentLinksLeadToPage(t *testing.T) {
	root := newProject(t, `
-- content/site.yaml --
base_url: https://example.org/b/
default_language: en
languages:
  en: {name: English, title: Briefings}
-- content/countries.yaml --
AZ: {en: Azerbaijan}
-- content/en/notes.md --
---
title: Notes
date: 2025-09-03
countries: [AZ]
---
A figure[^1], and [the method](#method).

## Method

[^1]: As of September.
`)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	page := "https://example.org/b/en/2025/09/notes/"
	for _, feed := range []string{"en/feed.xml", "en/atom.xml", "en/feed.json"} {
		body := readFile(t, filepath.Join(out, feed))
		for _, want := range []string{page + "#fn-1", page + "#fnref-1", page + "#method"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks a link to %s", feed, want)
			}
		}
		if regexp.MustCompile(`href=(?:"|\\"|&#34;|&quot;)#`).MatchString(body) {
			t.Errorf("%s keeps a link to a fragment alone", feed)
		}
	}
	if html := readFile(t, filepath.Join(out, "en/2025/09/notes/index.html")); !strings.Contains(html, `href="#fn-1"`) {
		t.Errorf("the page's own footnote link is not a fragment")
	}
}
