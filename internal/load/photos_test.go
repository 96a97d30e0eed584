package load

import (
	"strings"
	"testing"
)

const head = "---\ntitle: T\ndate: 2025-09-03\ncountries: [AZ]\n"

// Each bad photo is an error at its own line, with what to do.
func TestPhotoErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"remote", head + "---\ntext\n\n![a](https://elsewhere.example/track.png)\n", ":8: image: a picture from another site"},
		{"protocol-relative", head + "---\n![a](//elsewhere.example/t.png)\n", ":6: image: a picture from another site"},
		{"data", head + "---\n\n\n![a](data:image/png;base64,iVBOR)\n", ":8: image: a data: image cannot be published"},
		{"script", head + "---\n![a](javascript:alert(1))\n", `:6: image: the address javascript:alert(1) is not a photo's`},
		{"root-relative", head + "---\n![a](/img/seminar.jpg)\n", ":6: image: the address /img/seminar.jpg starts with /, so it would miss the site's base path"},
		{"no alt", head + "---\n\n![](../../media/x.jpg)\n", ":7: image ../../media/x.jpg has no alt text"},
		{"not a photo", head + "---\n![a](notes.pdf)\n", ":6: image: the file notes.pdf is not a photo"},
		{"outside content", head + "---\n![a](../../../static/x.jpg)\n", ":6: image: the photo ../../../static/x.jpg is outside content/"},
		{"query", head + "---\n![a](x.jpg?w=3)\n", ":6: image: the photo's address x.jpg?w=3 is not a file path"},
		{"hash in a name", head + "---\n![a](a#1.jpg)\n", ":6: image: the photo's address a#1.jpg is not a file path: a # in it begins a part of a page, not of the file's name: write # as %23"},
		{"lead without alt", head + "image: ../../media/x.jpg\n---\nb\n", ":5: image needs image_alt"},
		{"lead empty alt", head + "image: ../../media/x.jpg\nimage_alt: \"\"\n---\nb\n", ":6: image_alt is empty"},
		{"lead remote", head + "image: https://x.example/a.jpg\nimage_alt: a\n---\nb\n", ":5: image: a picture from another site"},
		{"caption without image", head + "image_caption: c\n---\nb\n", ":5: image_caption is given without image"},
		{"alt a file name", head + "---\n![IMG_20260312_141503.jpg](../../media/x.jpg)\n", `:6: image ../../media/x.jpg: its alt text "IMG_20260312_141503.jpg" is a file's name, not what the photo shows`},
		{"alt a camera's name", head + "---\n![DSC01234](../../media/x.jpg)\n", `:6: image ../../media/x.jpg: its alt text "DSC01234" is a file's name`},
		{"alt the file's stem", head + "---\n![seminar-2](../../media/seminar-2.jpg)\n", `:6: image ../../media/seminar-2.jpg: its alt text "seminar-2" is a file's name`},
		{"alt a word for photo", head + "---\n![Фото](../../media/x.jpg)\n", `:6: image ../../media/x.jpg: its alt text "Фото" only says that it is a photo, not what it shows`},
		{"lead alt a file name", head + "image: ../../media/x.jpg\nimage_alt: photo.JPG\n---\nb\n", `:6: image_alt "photo.JPG" is a file's name, not what the photo shows`},
		{"alt marks only", head + "---\n![...](../../media/x.jpg)\n", `:6: image ../../media/x.jpg: its alt text "..." has no word, only marks`},
		{"lead alt a dash", head + "image: ../../media/x.jpg\nimage_alt: \"—\"\n---\nb\n", `:6: image_alt "—" has no word, only marks`},
		{"lead alt a word for photo", head + "image: ../../media/x.jpg\nimage_alt: Image.\n---\nb\n", `:6: image_alt "Image." only says that it is a photo`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := ParseArticle(at, []byte(tc.src))
			if len(errs) != 1 || !strings.HasPrefix(errs[0].String(), at+tc.want) {
				t.Fatalf("got %v\nwant one error starting %s%s", errs, at, tc.want)
			}
		})
	}
}

// Alt texts that say what a photo shows pass, though they name a place
// or hold a number.
func TestAltTexts(t *testing.T) {
	for _, alt := range []string{"Baku", "Photo of the delegates in Baku", "Фото делегатов в Баку", "A 2026 map", "Building No. 5", "IMG and DSC signs on a wall", "photography class"} {
		if p := altProblem(alt, "content/media/baku.jpg"); p != "" {
			t.Errorf("%q: %s", alt, p)
		}
	}
}

// An image alone in its paragraph is a block, its title the caption;
// one among words stays inline. Both leave a placeholder in the HTML.
func TestBodyPhotos(t *testing.T) {
	src := head + "image: ../../media/lead.JPG\nimage_alt: The lead\nimage_caption: A caption\nimage_credit: \"Photo: ICRC\"\n---\n" +
		"Intro.\n\n![Delegates in *Baku*](../../media/seminar.jpg \"The seminar &amp; after\")\n\nText ![icon](pic.png) more.\n"
	a, errs := ParseArticle(at, []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if a.Lead == nil || *a.Lead != (PhotoRef{File: "content/media/lead.JPG", Alt: "The lead", Caption: "A caption", Credit: "Photo: ICRC", Line: 5}) {
		t.Errorf("lead = %+v", a.Lead)
	}
	if len(a.Photos) != 2 {
		t.Fatalf("photos = %+v", a.Photos)
	}
	block, inline := a.Photos[0], a.Photos[1]
	if block.File != "content/media/seminar.jpg" || block.Alt != "Delegates in Baku" || block.Caption != "The seminar & after" || !block.Block || block.Line != 12 {
		t.Errorf("block photo = %+v", block)
	}
	if inline.File != "content/ru/2025/pic.png" || inline.Block || inline.Line != 14 {
		t.Errorf("inline photo = %+v", inline)
	}
	// What stands before each, where a page places it: the text shown,
	// not the alt text nor the addresses, and the blocks it is in.
	if block.Before != (Before{Chars: 6, Blocks: 2}) || inline.Before != (Before{Chars: 11, Blocks: 3}) {
		t.Errorf("before the photos: %+v, %+v", block.Before, inline.Before)
	}
	if !strings.Contains(a.HTML, "\n"+block.Placeholder+"\n") || strings.Contains(a.HTML, "<p>"+block.Placeholder) {
		t.Errorf("block placeholder not a block of its own:\n%s", a.HTML)
	}
	if !strings.Contains(a.HTML, "<p>Text "+inline.Placeholder+" more.</p>") {
		t.Errorf("inline placeholder not in its paragraph:\n%s", a.HTML)
	}
	if strings.Contains(a.HTML, "<img") {
		t.Errorf("an image was rendered as it was written:\n%s", a.HTML)
	}
}

// A root-relative link is a link to a site path, resolved with the base path.
func TestSiteLinks(t *testing.T) {
	a, errs := ParseArticle(at, []byte(head+"---\n[KZ](/en/countries/kazakhstan/?x=1#top) [file](/img/a.pdf)\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(a.Links) != 2 || a.Links[0].Site != "/en/countries/kazakhstan/" || a.Links[0].Fragment != "?x=1#top" ||
		a.Links[1].Site != "/img/a.pdf" || a.Links[0].Target != "" {
		t.Fatalf("links = %+v", a.Links)
	}
}

// TestLinksThatLeadNowhere: a link a browser, a feed reader or a search
// result would each follow elsewhere, or not at all, is an error at its
// line with the address to write; one that shows readers a password is
// too. The same holds for source_url.
func TestLinksThatLeadNowhere(t *testing.T) {
	for dest, want := range map[string]string{
		"//x.example/a":            "an address without its scheme, which a feed reader cannot follow: write https://x.example/a",
		"https:x.example":          "the address has no host: write https://, then the host",
		"https:/x.example/a":       "the address has no host",
		"HTTP:x.example":           "the address has no host: write http://",
		"?q=1":                     "a query alone leads back to this page",
		"https://user:pw@x.org/":   "has a user name or password before the host",
		"http://editor@x.org/page": "has a user name or password before the host",
		"<https:x.example>":        "the address has no host",
		"<https://a:b@x.example>":  "has a user name or password",
	} {
		link := "[this](" + dest + ")"
		if strings.HasPrefix(dest, "<") {
			link, dest = dest, strings.Trim(dest, "<>")
		}
		_, errs := ParseArticle(at, []byte(head+"---\nText.\n\nSee "+link+".\n"))
		if len(errs) != 1 || errs[0].Line != 8 || !strings.Contains(errs[0].Message, "link to "+dest+": ") || !strings.Contains(errs[0].Message, want) {
			t.Errorf("%s: %v, want one error at line 8 with %q", dest, errs, want)
		}
		_, errs = ParseArticle(at, []byte(strings.Replace(head, "---\n", "---\nsource_url: '"+dest+"'\n", 1)+"---\nText.\n"))
		if len(errs) != 1 || !strings.Contains(errs[0].Message, "source_url") {
			t.Errorf("source_url %s: %v", dest, errs)
		}
	}
	for _, dest := range []string{"https://x.example/a?q=1#top", "mailto:press@icrc.org", "tel:+99412000", "#part", "/en/"} {
		if _, errs := ParseArticle(at, []byte(head+"---\nSee [this]("+dest+").\n")); len(errs) > 0 {
			t.Errorf("%s: %v", dest, errs)
		}
	}
}

// Wherever an image stands, its placeholder is in the HTML once, and no
// image is rendered as written.
func TestPhotosAnywhere(t *testing.T) {
	for _, body := range []string{
		"[![a](x.jpg)](https://example.org)",
		"| h |\n|---|\n| ![a](x.jpg) |",
		"## ![a](x.jpg) heading",
		"- ![a](x.jpg)\n- two",
		"> ![a](x.jpg)",
		"*![a](x.jpg)*",
		"![a](x.jpg) ![b](y.png)",
		"![a ![b](y.png)](x.jpg)",
		"1. ![a](x.jpg)\n\n   ![b](y.png)",
		"Text\n![a](x.jpg)\nmore",
	} {
		a, errs := ParseArticle(at, []byte(head+"---\n"+body+"\n"))
		if len(errs) > 0 {
			t.Errorf("%q: %v", body, errs)
			continue
		}
		if len(a.Photos) == 0 || strings.Contains(a.HTML, "<img") {
			t.Errorf("%q: %d photos, HTML:\n%s", body, len(a.Photos), a.HTML)
		}
		for _, p := range a.Photos {
			if strings.Count(a.HTML, p.Placeholder) != 1 {
				t.Errorf("%q: placeholder %s is in the HTML %d times:\n%s", body, p.Placeholder, strings.Count(a.HTML, p.Placeholder), a.HTML)
			}
		}
	}
}

// A photo's file name may hold a %, as a link's address may: 100%.jpg is
// that file, not an address that cannot be read.
func TestPhotoNameWithPercent(t *testing.T) {
	a, errs := ParseArticle(at, []byte(head+"---\n![a](100%.jpg)\n\n![b](a%231.jpg)\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(a.Photos) != 2 || a.Photos[0].File != "content/ru/2025/100%.jpg" || a.Photos[1].File != "content/ru/2025/a#1.jpg" {
		t.Errorf("photos = %+v", a.Photos)
	}
}
