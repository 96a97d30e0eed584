package load

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/extension"
)

// Bare addresses are links: Linkify's converter is the one chosen.
func TestBareAddressesAreLinks(t *testing.T) {
	for src, want := range map[string]string{
		"See https://example.org/a for more.":       `<a href="https://example.org/a">https://example.org/a</a>`,
		"Minutes (https://files.example.org/m.txt)": `<a href="https://files.example.org/m.txt">`,
		"At www.example.org today.":                 `<a href="http://www.example.org">www.example.org</a>`,
		"Write to press@example.org.":               `<a href="mailto:press@example.org">press@example.org</a>`,
		"`code`https://example.org/b":               `<a href="https://example.org/b">`,
	} {
		if b := convertBody("content/en/2025/a.md", []byte(src+"\n"), 6, "", 1); !strings.Contains(b.html, want) {
			t.Errorf("%q renders %q, without %s", src, b.html, want)
		}
	}
}

// A body converts as it does with goldmark's own Linkify.
func FuzzLinkify(f *testing.F) {
	for _, s := range linkifySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkLinkify(t, []byte(src))
	})
}

// The same of the site's articles and the test articles, as they are
// and with their addresses taken out.
func TestLinkifyOnArticles(t *testing.T) {
	defang := strings.NewReplacer("://", ":/ /", "www.", "ww w.", "@", " at ")
	n := 0
	for _, root := range []string{"../../content", "testdata"} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			checkLinkify(t, src)
			checkLinkify(t, []byte(defang.Replace(string(src))))
			n++
			return nil
		})
	}
	if n < 10 {
		t.Fatalf("only %d articles read", n)
	}
}

var goldmarkLinkify = newMarkdown(extension.Linkify)

func checkLinkify(t *testing.T, src []byte) {
	t.Helper()
	const path = "content/en/2025/a.md"
	want := convertWith(goldmarkLinkify, path, src, 6, "", 1)
	if got := convertBody(path, src, 6, "", 1); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q converts differently from goldmark's Linkify:\ngot  %#v\nwant %#v", src, got, want)
	}
	if got := convertWith(markdown, path, src, 6, "", 1); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q converts differently with quickLinkify:\ngot  %#v\nwant %#v", src, got, want)
	}
	if bytes.IndexByte(src, '@') >= 0 {
		return
	}
	if got := convertWith(unmailed, path, src, 6, "", 1); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q, without '@', converts differently with quickLinkify for no e-mail:\ngot  %#v\nwant %#v", src, got, want)
	}
}

func TestLinkifyTriggers(t *testing.T) {
	if string(linkifyTriggers) != " *_~(" {
		t.Errorf("Linkify is called at %q: see what quickLinkify refuses", linkifyTriggers)
	}
}

var linkifySeeds = []string{
	"Plain text, two sentences. Another one.\n",
	"Line one  \nline two\\\nline three \nfour\n",
	"*em* _em_ **strong** __strong__ ~~gone~~ ~x~ (aside) ( *in* ) _(a)_\n",
	"[a link](other.md) [ref][r] [bad](  ) ](x) [x]( y )\n\n[r]: /en/countries/\n",
	"`code` ``two `ticks` `` `a`b_c_ *`d`*\n",
	"| a | b |\n|---|:-:|\n| *c* | (d) |\n",
	"- [ ] task\n- [x] done\n  * nested (x)\n\n1. one\n2. two\n",
	"Note[^1] and[^n].\n\n[^1]: The note.\n[^n]: Another *one*.\n",
	"> quote (q)\n>(no space)\n\n    code block\n\n```\nfenced ~ _ *\n```\n",
	"![A photo](photo.jpg \"Caption\")\n\nText ![inline](b.png) after.\n",
	"<b>raw</b> <span>x</span> &amp; &copy; \\* \\_ \\(\n",
	"# Heading (h)\n\nSetext\n---\n\n***\n",
	"a_b c*d e~f (g)h i(j k)l\n\t\ttabs\t(x)\t*y*\n",
	"https://a.example.org/x www.b.example.org (www.c.example.org) *http://d.example.org* _ftp://e.example.org_\n",
	"mail a.b+c@example.org, (x@y.example.org) ~z@w.example.org~ not@ @no x@y\n",
	"[www.in.label](o.md) `https://in.code` <https://auto.example.org> <me@example.org>\n",
	"0123456789012345678901234567890123456789012345678901234567890123456789@example.org\n",
}
