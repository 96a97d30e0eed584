package index

import (
	"net/url"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"briefings/internal/load"
)

// FuzzURLs writes an article and a country from fuzzed fields, as an
// editor could, and checks every URL made for those the loader accepts.
func FuzzURLs(f *testing.F) {
	f.Add("МККК закрывает делегацию", "", "2025-09-03", true, "Azerbaijan", 1)
	f.Add("Activity highlights", "activity", "2024-08-15T10:00:00+04:00", false, "Côte d'Ivoire", 3)
	f.Add("../../etc", "../x", "0000-01-01", false, "../..", -1)
	f.Add("<script>", "a--b", "9999-12-31T23:59:59-12:00", true, "%2e%2e", 1<<40)
	f.Fuzz(func(t *testing.T, title, slug, date string, ru bool, country string, page int) {
		lang := "en"
		if ru {
			lang = "ru"
		}
		fields := map[string]any{"title": title, "date": date, "countries": []string{"AZ"}}
		if slug != "" {
			fields["slug"] = slug
		}
		fm, err := yaml.Marshal(fields)
		if err != nil {
			return
		}
		a, errs := load.ParseArticle("content/"+lang+"/fuzz.md", append(append([]byte("---\n"), fm...), "---\nBody.\n"...))
		if len(errs) == 0 {
			checkPath(t, lang, ArticlePath(a), true)
			checkPath(t, lang, YearPath(lang, a.Date.Year()), true)
			checkPath(t, lang, ListPage(MonthPath(lang, a.Date.Year(), int(a.Date.Month())), page), true)
		}
		checkPath(t, lang, ListPage(HomePath(lang), page), true)
		checkPath(t, lang, FeedPath(lang), false)
		if c := parseCountry(country); c != nil {
			checkPath(t, lang, ListPage(CountryPath(lang, c), page), true)
			checkPath(t, lang, CountryFeedPath(lang, c), false)
		}
	})
}

// parseCountry is the country countries.yaml gives for an English name, or nil.
func parseCountry(name string) *load.Country {
	cfg, _ := load.ParseConfig([]byte("base_url: https://x.org/\ndefault_language: en\nlanguages:\n" +
		"  en: {name: English, title: T}\n  ru: {name: Русский, title: Т}\n"))
	src, err := yaml.Marshal(map[string]map[string]string{"AZ": {"en": name, "ru": "Азербайджан"}})
	if err != nil {
		return nil
	}
	cs, _ := load.ParseCountries(src, cfg)
	return cs["AZ"]
}

// checkPath: inside the language's folder, no empty, "." or ".." segment,
// nothing that needs escaping, and a page's path ends in "/".
func checkPath(t *testing.T, lang, p string, page bool) {
	t.Helper()
	if !strings.HasPrefix(p, lang+"/") || strings.HasSuffix(p, "/") != page {
		t.Fatalf("path %q: not a %s path under /%s/", p, map[bool]string{true: "page", false: "file"}[page], lang)
	}
	segs := strings.Split(strings.TrimSuffix(p, "/"), "/")
	for _, s := range segs {
		if s == "" || s == "." || s == ".." || url.PathEscape(s) != s || strings.ContainsAny(s, "%:?#\\") {
			t.Fatalf("path %q: segment %q", p, s)
		}
	}
	u, err := url.Parse("https://example.org/" + p)
	if err != nil || u.Path != "/"+p || u.RawQuery != "" || u.Fragment != "" {
		t.Fatalf("path %q does not stay one path in a URL: %v", p, err)
	}
}
