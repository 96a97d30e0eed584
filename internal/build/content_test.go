package build

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLaunchContent builds the real content/ of the repository and checks
// the five launch articles, their countries' pages and both feeds.
func TestLaunchContent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	rep := mustBuild(t, Options{Root: filepath.Join("..", ".."), Out: out})
	if rep.Articles != 5 || len(rep.Warnings) > 0 {
		t.Fatalf("%d articles, warnings %v", rep.Articles, rep.Warnings)
	}
	files := tree(t, out)
	articles := []struct {
		path, title, date, source string
		quotes                    bool
	}{
		{"ru/2025/09/mkkk-zakryvaet-delegatsiiu-v-azerbaidzhane-po-resheniiu-pravitelstva/",
			"МККК закрывает делегацию в Азербайджане по решению правительства", "3 сентября 2025", "АрмИнфо", true},
		{"ru/2026/02/pervyi-zamglavy-mid-kazakhstana-prinial-glavu-regionalnoi-delegatsii-mkkk-v-tsentralnoi-azii/",
			"Первый замглавы МИД Казахстана принял главу региональной делегации МККК в Центральной Азии", "10 февраля 2026", "МИД РК", false},
		{"ru/2026/03/tokaev-obsudil-s-prezidentom-mkkk-mirianoi-spoliarich-gumanitarnoe-sotrudnichestvo/",
			"Токаев обсудил с президентом МККК Мирьяной Сполярич гуманитарное сотрудничество", "6 марта 2026", "BAQ.KZ", true},
		{"en/2024/08/azerbaijan-activity-highlights-for-the-first-half-of-2024/",
			"Azerbaijan: Activity highlights for the first half of 2024", "15 August 2024", "ICRC", false},
		{"en/2023/09/azerbaijani-presidential-aide-holds-meeting-with-icrc-baku-office-to-discuss-humanitarian-issues/",
			"Azerbaijani presidential aide holds meeting with ICRC Baku Office to discuss humanitarian issues", "22 September 2023", "News.Az", true},
	}
	for _, a := range articles {
		page := readFile(t, filepath.Join(out, a.path, "index.html"))
		if strings.Contains(page, "<blockquote>") != a.quotes {
			t.Errorf("%s: quotations as blockquotes: %v, want %v", a.path, !a.quotes, a.quotes)
		}
		for _, want := range []string{"<h1>" + a.title + "</h1>", a.date + "</time>", a.source + "</",
			`<link rel="canonical" href="https://example.github.io/briefings/` + a.path + `">`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %q", a.path, want)
			}
		}
		for _, junk := range []string{"Leave a Reply", "You Might Also Like", "Your email address", ">close<", "date 2026"} {
			if strings.Contains(page, junk) {
				t.Errorf("%s holds boilerplate %q", a.path, junk)
			}
		}
	}
	for _, country := range []string{"azerbaijan", "kazakhstan", "armenia", "jordan"} {
		for _, lang := range []string{"en", "ru"} {
			for _, f := range []string{"index.html", "feed.xml"} {
				if _, ok := files[lang+"/countries/"+country+"/"+f]; !ok {
					t.Errorf("no %s/countries/%s/%s", lang, country, f)
				}
			}
		}
	}
	az := readFile(t, filepath.Join(out, "ru/countries/azerbaijan/index.html"))
	if !strings.Contains(az, "<h1>Азербайджан</h1>") || strings.Count(az, `<li>
<h2>`) != 3 {
		t.Errorf("the Russian Azerbaijan page does not list its three stories")
	}
	// No story is translated: each language's feed, as its home page,
	// carries all five, each in its own language.
	all := []string{articles[2].title, articles[1].title, articles[0].title, articles[3].title, articles[4].title}
	feeds := map[string][]string{"en/feed.xml": all, "ru/feed.xml": all}
	for path, want := range feeds {
		var got []string
		for _, it := range parseFeed(t, filepath.Join(out, path)).Channel.Items {
			got = append(got, it.Title)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: items %q, want %q", path, got, want)
		}
	}
}
