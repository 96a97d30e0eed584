package build

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rwcarlsen/goexif/exif"
	_ "golang.org/x/image/webp"

	"briefings/internal/photo/phototest"
)

const photoArchive = `
-- content/site.yaml --
base_url: https://example.org/portal/
default_language: en
languages:
  en: {name: English, title: Briefings}
  ru: {name: Русский, title: Брифинги}
# The test photos' noise compresses worse than a photo.
max_photo_page_kb: 200
-- content/countries.yaml --
AZ: {en: Azerbaijan, ru: Азербайджан}
-- content/en/2025/seminar.md --
---
title: A seminar in Baku
date: 2025-09-03
countries: [AZ]
translation_key: seminar
image: ../../media/seminar.jpg
image_alt: Delegates listen to a lecture
image_caption: The seminar's second day
image_credit: "Photo: ICRC"
---
The seminar began.

![A map of the region](map.png "Where the delegations work")

Between words ![a small sign](map.png) too. See [the country](/en/countries/azerbaijan/).
-- content/ru/2025/seminar.md --
---
title: Семинар в Баку
date: 2025-09-03
countries: [AZ]
translation_key: seminar
image: ../../media/seminar.jpg
image_alt: Делегаты слушают лекцию
---
Семинар начался.
`

// photoProject is the archive with its photos: a phone photo, turned on
// its side by its EXIF orientation and full of metadata, shared by the
// story's two articles; and a PNG beside the English one.
func photoProject(t *testing.T) string {
	dir := newProject(t, photoArchive)
	writeFile(t, filepath.Join(dir, "content/media/seminar.jpg"), string(phototest.WithMetadata(phototest.JPEG(1600, 1000, 1), 6)))
	writeFile(t, filepath.Join(dir, "content/en/2025/map.png"), string(phototest.PNG(700, 400, 2)))
	return dir
}

func TestPhotos(t *testing.T) {
	dir := photoProject(t)
	rep := mustBuild(t, Options{Root: dir})
	if rep.Photos != 2 || rep.Processed != 2 {
		t.Errorf("photos shown %d, processed %d; want 2 and 2", rep.Photos, rep.Processed)
	}
	files := contents(t, filepath.Join(dir, "public"))
	media := 0
	for path, data := range files {
		if strings.HasPrefix(path, "media/") {
			media++
			noMetadata(t, path, []byte(data))
		}
	}
	// seminar.jpg is 1000 wide once upright: 320, 640 and 960, in two
	// formats, and the lead's four crops; map.png 320 and 640; the share image.
	if media != 6+4+4+1 {
		t.Errorf("%d files in media/, want 15", media)
	}
	article := files["en/2025/09/a-seminar-in-baku/index.html"]
	imgs := imgTag.FindAllString(article[strings.Index(article, "<main"):], -1) // the header's is the wordmark
	if len(imgs) != 3 {
		t.Fatalf("%d images on the article page, want 3:\n%s", len(imgs), article)
	}
	for i, img := range imgs {
		checkImage(t, files, img, i > 0)
	}
	if !strings.Contains(article, `<figcaption>The seminar&#39;s second day <span class="credit">Photo: ICRC</span></figcaption>`) ||
		!strings.Contains(article, `<figcaption>Where the delegations work</figcaption>`) {
		t.Errorf("captions or credit missing:\n%s", article)
	}
	if !strings.Contains(article, `Between words <picture>`) || !strings.Contains(article, `href="/portal/en/countries/azerbaijan/"`) {
		t.Errorf("the inline photo or the site link is not in place:\n%s", article)
	}
	og := metaContent(article, "og:image")
	if !strings.HasPrefix(og, "https://example.org/portal/media/seminar-") || !strings.HasSuffix(og, "-og.jpg") {
		t.Errorf("og:image = %q", og)
	}
	w, h := size(t, files[strings.TrimPrefix(og, "https://example.org/portal/")])
	if metaContent(article, "og:image:width") != itoa(w) || metaContent(article, "og:image:height") != itoa(h) || w*630 != h*1200 && w*630 != h*1200+630 {
		t.Errorf("og:image is %d × %d, the page says %s × %s", w, h, metaContent(article, "og:image:width"), metaContent(article, "og:image:height"))
	}
	if metaContent(article, "twitter:card") != "summary_large_image" || metaContent(article, "og:image:alt") != "Delegates listen to a lecture" {
		t.Errorf("twitter:card or og:image:alt wrong:\n%s", article)
	}
	if home := files["en/index.html"]; !strings.Contains(home, "seminar-") || strings.Count(home[strings.Index(home, "<main"):], "<img") != 1 {
		t.Errorf("the home page does not lead with the newest story's photo")
	} else if top := home[strings.Index(home, `<article class="top">`)+1:]; !strings.Contains(top[:strings.Index(top, "</article>")], "seminar-") ||
		!strings.Contains(home, `sizes="(min-width: 74rem) 51rem, (min-width: 60rem) calc(100vw - 23rem), (min-width: 42rem) 40rem`) {
		t.Errorf("the home page's photo is not in its lead story, or its sizes are not the home page's column:\n%s", home)
	}
	// The Russian article shares the photo's files.
	if ru := files["ru/2025/09/seminar-v-baku/index.html"]; metaContent(ru, "og:image") != og {
		t.Errorf("the Russian article's og:image is not the shared photo's")
	}
	checkFeeds(t, files)
	// A second build from the cache processes nothing, and writes the same.
	out2 := filepath.Join(t.TempDir(), "public")
	rep = mustBuild(t, Options{Root: dir, Out: out2})
	if rep.Processed != 0 {
		t.Errorf("the second build processed %d photos, want 0", rep.Processed)
	}
	sameTree(t, tree(t, out2), tree(t, filepath.Join(dir, "public")))
}

// contents are the files of a folder, by their slash-separated paths.
func contents(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var (
	imgTag  = regexp.MustCompile(`<img [^>]*>`)
	attrRe  = regexp.MustCompile(`([a-z]+)="([^"]*)"`)
	srcsetR = regexp.MustCompile(`/portal/(media/[^ ,]+) (\d+)w`)
)

// checkImage checks an <img>: its size is its largest file's, each file
// of its srcset is as wide as it says, and only a lead is loaded at once.
func checkImage(t *testing.T, files map[string]string, img string, lazy bool) {
	t.Helper()
	attrs := map[string]string{}
	for _, m := range attrRe.FindAllStringSubmatch(img, -1) {
		attrs[m[1]] = m[2]
	}
	w, h := size(t, files[strings.TrimPrefix(attrs["src"], "/portal/")])
	if attrs["width"] != itoa(w) || attrs["height"] != itoa(h) {
		t.Errorf("%s: width and height are not its file's, %d × %d", img, w, h)
	}
	if attrs["alt"] == "" {
		t.Errorf("%s: no alt text", img)
	}
	if (attrs["loading"] == "lazy") != lazy || (attrs["decoding"] == "async") != lazy {
		t.Errorf("%s: lazy loading should be %v", img, lazy)
	}
	cands := srcsetR.FindAllStringSubmatch(attrs["srcset"], -1)
	if len(cands) < 2 {
		t.Errorf("%s: srcset has %d candidates", img, len(cands))
	}
	for _, c := range cands {
		if cw, _ := size(t, files[c[1]]); itoa(cw) != c[2] {
			t.Errorf("%s: %s is %d wide, srcset says %s", img, c[1], cw, c[2])
		}
	}
}

func size(t *testing.T, data string) (int, int) {
	t.Helper()
	cfg, _, err := image.DecodeConfig(strings.NewReader(data))
	if err != nil {
		t.Fatalf("not an image: %v", err)
	}
	return cfg.Width, cfg.Height
}

func metaContent(page, property string) string {
	m := regexp.MustCompile(`<meta (?:property|name)="` + regexp.QuoteMeta(property) + `" content="([^"]*)">`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return m[1]
}

// checkFeeds checks that each format carries the lead photo, by an
// absolute URL, with its true size, its caption and its credit.
func checkFeeds(t *testing.T, files map[string]string) {
	t.Helper()
	rss := files["en/feed.xml"]
	m := regexp.MustCompile(`<enclosure url="https://example.org/portal/(media/[^"]+)" length="(\d+)" type="image/jpeg">`).FindStringSubmatch(rss)
	if m == nil || itoa(len(files[m[1]])) != m[2] || !strings.Contains(rss, `<media:content url="https://example.org/portal/`+m[1]) {
		t.Fatalf("RSS enclosure missing or wrong:\n%s", rss)
	}
	// Its caption and credit go with it, for readers that show it alone.
	if !regexp.MustCompile(`<media:description type="plain">The seminar&#39;s second day</media:description>\s*<media:credit>Photo: ICRC</media:credit>\s*</media:content>`).MatchString(rss) {
		t.Errorf("RSS media:content lacks the caption and credit:\n%s", rss)
	}
	if !strings.Contains(files["en/atom.xml"], `<link href="https://example.org/portal/`+m[1]+`" rel="enclosure" type="image/jpeg" length="`+m[2]+`" title="The seminar&#39;s second day Photo: ICRC">`) {
		t.Errorf("Atom enclosure missing:\n%s", files["en/atom.xml"])
	}
	var jf struct{ Items []struct{ Image string } }
	if err := json.Unmarshal([]byte(files["en/feed.json"]), &jf); err != nil || len(jf.Items) != 1 || jf.Items[0].Image != "https://example.org/portal/"+m[1] {
		t.Errorf("JSON Feed image: %v %+v", err, jf)
	}
	for _, src := range regexp.MustCompile(`src="([^"]*)"`).FindAllStringSubmatch(rss, -1) {
		if !strings.HasPrefix(src[1], "https://example.org/portal/media/") {
			t.Errorf("a feed's image is not an absolute URL of the site: %s", src[1])
		}
	}
}

// noMetadata parses a published file and fails on any metadata in it.
func noMetadata(t *testing.T, path string, d []byte) {
	t.Helper()
	if x, err := exif.Decode(bytes.NewReader(d)); err == nil {
		t.Errorf("%s: EXIF left in: %v", path, x)
	}
	switch {
	case bytes.HasPrefix(d, []byte{0xFF, 0xD8}):
		for i := 2; i+4 <= len(d) && d[i] == 0xFF && d[i+1] != 0xDA; {
			marker, n := d[i+1], int(binary.BigEndian.Uint16(d[i+2:]))
			if marker >= 0xE1 && marker <= 0xEF || marker == 0xFE {
				t.Errorf("%s: JPEG segment %#x (APPn or comment) left in", path, marker)
			}
			i += 2 + n
		}
	case bytes.HasPrefix(d, []byte("RIFF")):
		for i := 12; i+8 <= len(d); {
			id, n := string(d[i:i+4]), int(binary.LittleEndian.Uint32(d[i+4:]))
			if id == "EXIF" || id == "XMP " || id == "ICCP" {
				t.Errorf("%s: WebP chunk %s left in", path, id)
			}
			i += 8 + n + n%2
		}
	case bytes.HasPrefix(d, []byte("\x89PNG")):
		for i := 8; i+8 <= len(d); {
			n, id := int(binary.BigEndian.Uint32(d[i:])), string(d[i+4:i+8])
			if id == "eXIf" || id == "tEXt" || id == "iTXt" || id == "zTXt" || id == "iCCP" {
				t.Errorf("%s: PNG chunk %s left in", path, id)
			}
			i += 12 + n
		}
	default:
		t.Errorf("%s: not a JPEG, WebP or PNG file", path)
	}
	for _, s := range []string{"Phone", "Model 7", "detention", "Baku", "xmpmeta", "Photoshop"} {
		if bytes.Contains(d, []byte(s)) {
			t.Errorf("%s: holds %q from the source's metadata", path, s)
		}
	}
}

// Each bad photo is an error at the line that shows it; all are reported
// at once, and nothing is written.
func TestPhotoErrorsLeaveSite(t *testing.T) {
	dir := photoProject(t)
	mustBuild(t, Options{Root: dir})
	before := tree(t, filepath.Join(dir, "public"))
	good := phototest.JPEG(800, 600, 3)
	writeFile(t, filepath.Join(dir, "content/media/cut.jpg"), string(good[:len(good)/2]))
	writeFile(t, filepath.Join(dir, "content/media/bomb.png"), string(phototest.Bomb(60000, 60000)))
	writeFile(t, filepath.Join(dir, "content/media/named.jpg"), string(phototest.PNG(400, 300, 4)))
	writeFile(t, filepath.Join(dir, "content/media/garbage.jpg"), "not a photo at all")
	writeFile(t, filepath.Join(dir, "content/media/unused.jpg"), string(good))
	writeFile(t, filepath.Join(dir, "content/en/2025/bad.md"), `---
title: Bad photos
date: 2025-09-04
countries: [AZ]
---
![cut](../../media/cut.jpg)

![bomb](../../media/bomb.png)

![named](../../media/named.jpg)

![missing](../../media/gone.jpg)

![garbage](../../media/garbage.jpg)

[nowhere](/en/nowhere/)
`)
	_, err := Build(Options{Root: dir, Warn: true})
	wantProblems(t, err,
		"content/en/2025/bad.md:6: photo content/media/cut.jpg",
		"content/en/2025/bad.md:8: photo content/media/bomb.png",
		"60000",
		"content/en/2025/bad.md:10: photo content/media/named.jpg",
		"PNG",
		"content/en/2025/bad.md:12: photo content/media/gone.jpg: there is no such file",
		"content/en/2025/bad.md:14: photo content/media/garbage.jpg",
	)

	sameTree(t, tree(t, filepath.Join(dir, "public")), before)

	// Fixed, the photos pass; the link to no page and the unused photo remain.
	os.WriteFile(filepath.Join(dir, "content/en/2025/bad.md"), []byte("---\ntitle: Bad photos\ndate: 2025-09-04\ncountries: [AZ]\n---\n[nowhere](/en/nowhere/) [base](/portal/en/)\n"), 0o644)
	for _, f := range []string{"cut.jpg", "bomb.png", "named.jpg", "garbage.jpg"} {
		os.Remove(filepath.Join(dir, "content/media", f))
	}
	rep, err := Build(Options{Root: dir, Warn: true})
	if err == nil || !strings.Contains(err.Error(), "content/en/2025/bad.md:6: link to /en/nowhere/: the site has no page or file there") ||
		!strings.Contains(err.Error(), "link to /portal/en/: write it without the base path /portal/, as /en/") {
		t.Errorf("links to no page: %v", err)
	}
	if !strings.Contains(rep.Warnings.Error(), "content/media/unused.jpg: warning: no article shows this photo") {
		t.Errorf("no warning for the unused photo: %v", rep.Warnings)
	}
}

// The budget counts the photos a phone loads first, the lead and the
// body's first, just below it, and names them and their files.
func TestPhotoBudget(t *testing.T) {
	dir := photoProject(t)
	site := readFile(t, filepath.Join(dir, "content/site.yaml"))
	writeFile(t, filepath.Join(dir, "content/site.yaml"), strings.Replace(site, "max_photo_page_kb: 200", "max_photo_page_kb: 20", 1))
	_, err := Build(Options{Root: dir})
	if err == nil || !strings.Contains(err.Error(), "content/en/2025/seminar.md:6: the page /en/2025/09/a-seminar-in-baku/ weighs") ||
		!regexp.MustCompile(`the photos a phone loads with it, content/media/seminar\.jpg \([0-9.]+ KB as a phone loads it, seminar-[0-9a-f]{12}-960w\.webp\) and content/en/2025/map\.png at line 13 \([0-9.]+ KB as a phone loads it, map-[0-9a-f]{12}-640w\.webp\), over max_photo_page_kb \(20 KB\)`).MatchString(err.Error()) {
		t.Fatalf("err = %v", err)
	}
	// The Russian article has the lead alone.
	if !strings.Contains(err.Error(), "content/ru/2025/seminar.md:6: the page /ru/2025/09/seminar-v-baku/ weighs") ||
		!regexp.MustCompile(`/seminar-v-baku/ weighs [0-9.]+ KB with the stylesheet and its photo content/media/seminar\.jpg \(`).MatchString(err.Error()) {
		t.Errorf("the Russian article's lead is not named alone: %v", err)
	}
}

// A body photo near the top of a page loads with it, though marked lazy:
// the budget counts it, on a page without a lead too; one far down, which
// a phone loads only when the reader comes near, is not counted.
func TestBodyPhotosInBudget(t *testing.T) {
	long := strings.Repeat("A sentence of the report, long enough to fill a line. ", 150) // some 8,000 characters
	root := newProject(t, budgetArchive+`-- content/en/near.md --
---
title: Near
date: 2025-09-06
countries: [AZ]
---
A short opening.

![A map of the region](map.png "Where the delegations work")
-- content/en/far.md --
---
title: Far
date: 2025-09-07
countries: [AZ]
---
`+long+`

![A map of the region](map.png)
`)
	writeFile(t, filepath.Join(root, "content/en/map.png"), string(phototest.PNG(700, 400, 2)))
	site := filepath.Join(root, "content/site.yaml")
	writeFile(t, site, strings.Replace(readFile(t, site), "max_page_kb: 12", "max_page_kb: 40", 1))
	rep := mustBuild(t, Options{Root: root})
	kinds := map[string]int{}
	for _, w := range rep.Weights {
		kinds[w.Kind] = w.Pages
	}
	if kinds["article with a photo"] != 1 || kinds["article"] != 3 {
		t.Errorf("pages weighed with a photo, without: %d, %d; want 1 (near.md) and 3", kinds["article with a photo"], kinds["article"])
	}
	writeFile(t, site, readFile(t, site)+"max_photo_page_kb: 1\n")
	_, err := Build(Options{Root: root})
	wantProblems(t, err, "content/en/near.md:8: the page /en/2025/09/near/ weighs", "with the stylesheet and its photo content/en/map.png (", "-640w.webp), over max_photo_page_kb (1 KB)")
	if err != nil && strings.Contains(err.Error(), "far.md") {
		t.Errorf("a photo far down the page is counted: %v", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A site whose titles the share image cannot draw still builds, its pages
// shared without an image, and says so.
func TestShareImageOfOtherScripts(t *testing.T) {
	root := newProject(t, strings.Replace(budgetArchive, "title: Briefings", "title: 人道主义简报", 1))
	out := filepath.Join(t.TempDir(), "public")
	rep := mustBuild(t, Options{Root: root, Out: out})
	if !strings.Contains(rep.Warnings.Error(), "content/site.yaml: warning: no share image") {
		t.Errorf("no warning: %v", rep.Warnings)
	}
	if home := readFile(t, filepath.Join(out, "en/index.html")); strings.Contains(home, "og:image") || !strings.Contains(home, `<meta name="twitter:card" content="summary">`) {
		t.Errorf("the home page names an image it does not have")
	}
}

// A photo in static/ is published as it is, not encoded anew: one that
// carries a camera's metadata is refused, named, whatever its file is
// called (a photo saved as "download", a TIFF scan), and the site stays
// as it was; a clean one is copied byte for byte.
func TestStaticPhotoWithMetadata(t *testing.T) {
	dir := photoProject(t)
	mustBuild(t, Options{Root: dir})
	before := tree(t, filepath.Join(dir, "public"))
	clean := phototest.JPEG(300, 200, 5)
	writeFile(t, filepath.Join(dir, "static/logo.jpg"), string(clean))
	writeFile(t, filepath.Join(dir, "static/team/Group.JPG"), string(phototest.WithMetadata(clean, 1)))
	writeFile(t, filepath.Join(dir, "static/banner.png"), string(phototest.PNG(200, 100, 6)[:33])+
		"\x00\x00\x00\x08eXIfMM\x00\x2a\x00\x00\x00\x08\x00\x00\x00\x00"+string(phototest.PNG(200, 100, 6)[33:]))
	writeFile(t, filepath.Join(dir, "static/files/download"), string(phototest.WithMetadata(clean, 1)))
	writeFile(t, filepath.Join(dir, "static/photo.jpg.orig"), string(phototest.WithMetadata(clean, 1)))
	writeFile(t, filepath.Join(dir, "static/scan.tif"), string(phototest.TIFF()))
	_, err := Build(Options{Root: dir})
	wantProblems(t, err,
		"static/team/Group.JPG: carries EXIF, XMP and IPTC metadata",
		"static/banner.png: carries EXIF metadata",
		"exiftool -all= static/team/Group.JPG",
		"static/files/download: carries EXIF, XMP and IPTC metadata",
		"static/photo.jpg.orig: carries EXIF, XMP and IPTC metadata",
		"static/scan.tif: carries EXIF metadata",
	)
	if err != nil && strings.Contains(err.Error(), "logo.jpg") {
		t.Errorf("a clean photo in static/ refused: %v", err)
	}
	sameTree(t, tree(t, filepath.Join(dir, "public")), before)

	for _, f := range []string{"team/Group.JPG", "banner.png", "files/download", "photo.jpg.orig", "scan.tif"} {
		os.Remove(filepath.Join(dir, "static", f))
	}
	mustBuild(t, Options{Root: dir})
	if got, err := os.ReadFile(filepath.Join(dir, "public/logo.jpg")); err != nil || !bytes.Equal(got, clean) {
		t.Errorf("static/logo.jpg not copied as it is: %v", err)
	}
}

// An SVG drawing in static/ is published as it is too: one whose editor
// wrote who drew it or the files of the computer it was drawn on is
// refused at those lines, with how to clean it; one with a title and a
// description, which it shows a reader, is copied byte for byte.
func TestStaticSVGWithMetadata(t *testing.T) {
	root := newProject(t, baseArchive)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	before := tree(t, out)
	const clean = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4" role="img"><title>Map</title><desc>The region</desc><path d="M0 0h4v4z"/></svg>`
	writeFile(t, filepath.Join(root, "static/map.svg"), clean)
	writeFile(t, filepath.Join(root, "static/brand/Logo.SVG"), `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   sodipodi:docname="logo.svg">
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
</svg>
`)
	_, err := Build(Options{Root: root, Out: out})
	wantProblems(t, err,
		`static/brand/Logo.SVG:4: sodipodi:docname="logo.svg", the name the drawing was saved under, which static/ would publish as it is: delete it, or clean the drawing with svgo, which removes <metadata> and editors' data (npx svgo static/brand/Logo.SVG)`,
		`static/brand/Logo.SVG:5: <metadata> holds <rdf:RDF>`,
	)
	if err != nil && strings.Contains(err.Error(), "map.svg") {
		t.Errorf("a drawing with a title and a description refused: %v", err)
	}
	sameTree(t, tree(t, out), before)

	os.Remove(filepath.Join(root, "static/brand/Logo.SVG"))
	mustBuild(t, Options{Root: root, Out: out})
	if got := readFile(t, filepath.Join(out, "map.svg")); got != clean {
		t.Errorf("static/map.svg not copied as it is: %q", got)
	}
}

// An article with more photos than ten shows each of them in its place:
// the eleventh is not taken for the second with a stray digit after it,
// on its page or in its feed.
func TestManyBodyPhotos(t *testing.T) {
	body := ""
	for i := range 12 {
		body += fmt.Sprintf("\n![Photo number %d](p%d.png \"Caption %d\")\n", i+1, i+1, i+1)
	}
	root := newProject(t, `
-- content/site.yaml --
base_url: https://example.org/portal/
default_language: en
languages:
  en: {name: English, title: Briefings}
-- content/countries.yaml --
AZ: {en: Azerbaijan}
-- content/en/2025/album.md --
---
title: An album
date: 2025-09-03
countries: [AZ]
---
Photos of the day.
`+body)
	for i := range 12 {
		writeFile(t, filepath.Join(root, fmt.Sprintf("content/en/2025/p%d.png", i+1)), string(phototest.PNG(40+i, 30, uint64(i))))
	}
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	alt := regexp.MustCompile(`alt="Photo number (\d+)"`)
	for _, file := range []string{"en/2025/09/an-album/index.html", "en/feed.xml"} {
		page := html.UnescapeString(readFile(t, filepath.Join(out, file)))
		var got []string
		for _, m := range alt.FindAllStringSubmatch(page, -1) {
			got = append(got, m[1])
		}
		if strings.Join(got, " ") != "1 2 3 4 5 6 7 8 9 10 11 12" {
			t.Errorf("%s shows the photos %v, want 1 to 12 in order", file, got)
		}
		if strings.Contains(page, "briefings-photo-") || regexp.MustCompile(`</figure>\d`).MatchString(page) {
			t.Errorf("%s holds a placeholder or a stray digit after a photo", file)
		}
	}
}

// A home page led by a story of the other language says that its photo's
// alt text and caption are in that language, as its headline and summary
// do, so that a screen reader reads them in the right voice.
func TestFrontPhotoOfTheOtherLanguage(t *testing.T) {
	root := newProject(t, photoArchive+`-- content/ru/2025/alone.md --
---
title: Только по-русски
date: 2025-09-10
countries: [AZ]
image: ../../media/seminar.jpg
image_alt: Делегаты у здания
image_caption: Баку, сентябрь
---
Текст.
`)
	writeFile(t, filepath.Join(root, "content/media/seminar.jpg"), string(phototest.JPEG(800, 500, 1)))
	writeFile(t, filepath.Join(root, "content/en/2025/map.png"), string(phototest.PNG(700, 400, 2)))
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Root: root, Out: out})
	en, ru := readFile(t, filepath.Join(out, "en/index.html")), readFile(t, filepath.Join(out, "ru/index.html"))
	if !strings.Contains(en, `<figure class="photo" lang="ru">`) || !strings.Contains(en, `alt="Делегаты у здания"`) {
		t.Errorf("the English home page shows the Russian story's photo without saying its words are Russian:\n%s", en)
	}
	if !strings.Contains(ru, `alt="Делегаты у здания"`) || strings.Contains(ru, `<figure class="photo" lang=`) {
		t.Errorf("the Russian home page marks its own story's photo as of another language:\n%s", ru)
	}
}

// The same photo saved under two names, here a copy beside the Russian
// article shown in its body, is processed and published once, under the
// name of the first by path, content/media/seminar.jpg; each page shows
// those files.
func TestSamePhotoTwoNames(t *testing.T) {
	dir := photoProject(t)
	mustBuild(t, Options{Root: dir})
	before := contents(t, filepath.Join(dir, "public"))
	writeFile(t, filepath.Join(dir, "content/ru/2025/Seminar Copy.jpg"), readFile(t, filepath.Join(dir, "content/media/seminar.jpg")))
	ru := filepath.Join(dir, "content/ru/2025/seminar.md")
	writeFile(t, ru, readFile(t, ru)+"\n![Делегаты слушают лекцию](<Seminar Copy.jpg>)\n")
	cache := filepath.Join(t.TempDir(), "cache")
	rep := mustBuild(t, Options{Root: dir, PhotoCache: cache})
	if rep.Photos != 2 || rep.Processed != 2 {
		t.Errorf("photos %d, processed %d; want 2 and 2: the copy is the same photo", rep.Photos, rep.Processed)
	}
	after := contents(t, filepath.Join(dir, "public"))
	for path := range after {
		if strings.HasPrefix(path, "media/") && before[path] != after[path] {
			t.Errorf("%s is published anew for the copy", path)
		}
	}
	page := after["ru/2025/09/seminar-v-baku/index.html"]
	lead := regexp.MustCompile(`media/(seminar-[0-9a-f]{12})-960w\.jpg `).FindAllStringSubmatch(page, -1)
	if len(lead) != 2 || lead[0][1] != lead[1][1] {
		t.Errorf("the Russian page does not show the copy from the lead's files: %q", lead)
	}
	if strings.Contains(page, "seminar-copy") {
		t.Errorf("the copy is published under its own name")
	}
}

// A lead photo credited in one language and not in its translation is a
// warning at the translation's image line; credited in both, none.
func TestCreditInEveryLanguage(t *testing.T) {
	dir := photoProject(t)
	rep := mustBuild(t, Options{Root: dir, Warn: true})
	const want = `content/ru/2025/seminar.md:6: warning: the lead photo content/media/seminar.jpg has no image_credit here, but content/en/2025/seminar.md credits it ("Photo: ICRC"): add image_credit: in this article's language`
	if rep.Warnings == nil || !strings.Contains(rep.Warnings.Error(), want) {
		t.Errorf("no warning of the missing credit: %v", rep.Warnings)
	}
	ru := filepath.Join(dir, "content/ru/2025/seminar.md")
	writeFile(t, ru, strings.Replace(readFile(t, ru), "image_alt: Делегаты слушают лекцию\n", "image_alt: Делегаты слушают лекцию\nimage_credit: \"Фото: МККК\"\n", 1))
	rep = mustBuild(t, Options{Root: dir, Warn: true})
	if rep.Warnings != nil && strings.Contains(rep.Warnings.Error(), "image_credit") {
		t.Errorf("a warning though both credit the photo: %v", rep.Warnings)
	}
	if page := readFile(t, filepath.Join(dir, "public/ru/2025/09/seminar-v-baku/index.html")); !strings.Contains(page, `<span class="credit">Фото: МККК</span>`) {
		t.Errorf("the Russian page does not credit the photo")
	}
}

// A photo whose alt text is its caption is a warning at its line: a
// screen reader would read the same words twice.
func TestAltTextRepeatsCaption(t *testing.T) {
	dir := photoProject(t)
	en := filepath.Join(dir, "content/en/2025/seminar.md")
	writeFile(t, en, readFile(t, en)+"\n![Where the delegations work](map.png \"Where the delegations work\")\n")
	rep := mustBuild(t, Options{Root: dir, Warn: true})
	const want = "content/en/2025/seminar.md:17: warning: the photo content/en/2025/map.png has the same alt text as its caption"
	if rep.Warnings == nil || !strings.Contains(rep.Warnings.Error(), want) {
		t.Errorf("no warning of the alt text repeating the caption: %v", rep.Warnings)
	}
	if strings.Count(rep.Warnings.Error(), "same alt text as its caption") != 1 {
		t.Errorf("photos whose alt text differs from the caption are warned of: %v", rep.Warnings)
	}
}
