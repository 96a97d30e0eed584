package load

import (
	"strings"
	"testing"
)

// TestCheckBaseURL: only http or https, a host, and a clean path; each
// refusal says what is wrong, and the URLs a site has are accepted.
func TestCheckBaseURL(t *testing.T) {
	for _, ok := range []string{
		"https://example.github.io/briefings/", "http://localhost:1313/", "https://x.org",
		"https://x.org/a/b/", "HTTPS://X.org/", "https://[::1]:8080/", "https://xn--80ak6aa92e.com/",
	} {
		if err := CheckBaseURL(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for url, why := range map[string]string{
		"https://example.github.io//elsewhere.example/": "empty or escaped part",
		"https://host//x/":      "empty or escaped part",
		"https://host/a%2Fb/":   "empty or escaped part",
		"https://user@host/":    "user name or password",
		"https://user:pw@host/": "user name or password",
		"https://host/a/../b/":  ". or .. part",
		"https://host/./":       ". or .. part",
		"https://host/%2e%2e/":  ". or .. part",
		"ftp://x/":              "not an absolute http(s) URL",
		"javascript:alert(1)//": "not an absolute http(s) URL",
		"//evil.example/":       "not an absolute http(s) URL",
		"https:///x/":           "not an absolute http(s) URL",
		"https:host/":           "not an absolute http(s) URL",
		"https://host/?q=1":     "query or a fragment",
		"https://host/#top":     "query or a fragment",
		"https://host/?":        "query or a fragment",
		"https://host:99999/":   "port outside",
		"https://host:0/":       "port outside",
		"https://host/a b/":     "spaces, backslashes",
		"https://host/\x1b[2J/": "",
		"https://host\\@evil/":  "",
	} {
		err := CheckBaseURL(url)
		if err == nil {
			t.Errorf("%q accepted", url)
		} else if !strings.Contains(err.Error(), why) {
			t.Errorf("%q: %v; want it to say %q", url, err, why)
		}
	}
}

// TestHashReader: a file fingerprinted in pieces is fingerprinted as whole.
func TestHashReader(t *testing.T) {
	data := []byte(strings.Repeat("static bytes ", 100000))
	got, err := HashReader(strings.NewReader(string(data)))
	if err != nil || got != HashBytes(data) {
		t.Fatalf("HashReader = %x, %v; HashBytes = %x", got, err, HashBytes(data))
	}
}
