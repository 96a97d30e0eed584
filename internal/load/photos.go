package load

import (
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"

	"briefings/internal/diag"
	"briefings/internal/photo"
)

// MediaDir is the language-neutral folder of photos that a story's
// articles in several languages share.
const MediaDir = "content/media"

// PhotoRef is a photo an article shows: its lead photo (front matter
// image:) or one in its body (a Markdown image).
type PhotoRef struct {
	File    string // the photo file, from the project root: content/media/seminar.jpg
	Alt     string // what the photo shows, for those who cannot see it
	Caption string // the lead's image_caption, or a body image's title
	Credit  string // the lead's image_credit
	Line    int
	// Body photos only: where the photo's markup goes in the HTML, and
	// whether it stands alone in its paragraph, so is shown as a figure.
	Placeholder string
	Block       bool
	// Body photos only: what of the body stands before it, so that a
	// page can tell how far down a screen shows it.
	Before Before
}

// Before is what of an article's body stands before one of its photos:
// the characters of its text, and the blocks (paragraphs, headings, list
// items, quotes) that text is in, each of which ends a line of its own.
type Before struct {
	Chars, Blocks int
}

// PhotoExt tells whether a file name is a photo's: JPEG, PNG or WebP,
// whatever the case of its extension (cameras write .JPG).
func PhotoExt(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".webp":
		return true
	}
	return false
}

// otherImage says, of a file named as an image of a format phones and
// cameras write that the site does not publish, what it is and how to
// make a photo of it; "" for any other file.
func otherImage(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".heic", ".heif":
		return "is a HEIC photo, as iPhones and many phones take them, which most browsers cannot show and the site does not publish: " + photo.HowToConvert("HEIC")
	case ".avif":
		return "is an AVIF picture, which the site does not publish: " + photo.HowToConvert("AVIF")
	case ".gif":
		return "is a GIF, which the site does not publish (an animation cannot be a photo): " + photo.HowToConvert("GIF")
	case ".tif", ".tiff", ".bmp":
		return "is a " + strings.ToUpper(strings.TrimPrefix(path.Ext(name), ".")) + " picture, which browsers do not show: " + photo.HowToConvert("TIFF")
	case ".dng", ".cr2", ".cr3", ".nef", ".arw", ".orf", ".rw2", ".raf":
		return "is a camera's raw file, which browsers do not show: develop it and export it as JPEG"
	}
	return ""
}

// photoFile resolves the address of a photo, as written in the article at
// from, to the photo's file. Photos are the site's own files, given by a
// path relative to the article's file: anything else is a problem, whose
// message says how to write it.
func photoFile(from, dest string) (string, string) {
	const how = "save the photo under content/ (content/media/ for one that articles in several languages share) and give its path relative to this file, like ../../media/seminar.jpg"
	d := strings.TrimSpace(dest)
	low := strings.ToLower(d)
	switch {
	case d == "":
		return "", "the photo's address is empty: " + how
	case strings.HasPrefix(low, "data:"):
		return "", "a data: image cannot be published: feeds carry it as it is and it cannot be resized or stripped of its metadata; " + how
	case strings.Contains(strings.SplitN(d, "/", 2)[0], ":") && !strings.HasPrefix(low, "http:") && !strings.HasPrefix(low, "https:"):
		return "", "the address " + shorten([]byte(d)) + " is not a photo's: " + how
	case strings.HasPrefix(d, "//") || strings.Contains(strings.SplitN(d, "/", 2)[0], ":"):
		return "", "a picture from another site cannot be published: a remote image lets that site track every reader, in pages and feeds alike; " + how
	case strings.HasPrefix(d, "/"):
		return "", "the address " + shorten([]byte(d)) + " starts with /, so it would miss the site's base path: " + how
	}
	u, err := url.Parse(escapeStrayPercent(d)) // 100%.jpg is the file it names, as in a link
	switch {
	case err == nil && u.Fragment != "":
		return "", "the photo's address " + shorten([]byte(d)) + " is not a file path: a # in it begins a part of a page, not of the file's name: write # as %23, or rename the file without it"
	case err != nil || u.RawQuery != "" || u.ForceQuery:
		return "", "the photo's address " + shorten([]byte(d)) + " is not a file path: " + how
	}
	file := path.Join(path.Dir(from), u.Path)
	if !strings.HasPrefix(file, "content/") || strings.Count(file, "/") < 2 {
		return "", "the photo " + shorten([]byte(u.Path)) + " is outside content/: " + how
	}
	if other := otherImage(file); other != "" {
		return "", "the file " + shorten([]byte(u.Path)) + " " + other
	}
	if !PhotoExt(file) {
		return "", "the file " + shorten([]byte(u.Path)) + " is not a photo: photos are .jpg, .jpeg, .png or .webp files"
	}
	return file, ""
}

// altProblem says why an alt text tells a reader who cannot see the
// photo nothing of it, or "": a file's name (an editor's tool or a CMS
// put it there), or a word that only says it is a photo.
func altProblem(alt, file string) string {
	a := strings.TrimRight(strings.TrimSpace(alt), ".")
	stem := strings.TrimSuffix(path.Base(file), path.Ext(file))
	switch low := strings.ToLower(a); {
	case fileNamed.MatchString(a), cameraNamed.MatchString(a),
		a == stem && strings.ContainsAny(stem, "_-0123456789"):
		return "is a file's name, not what the photo shows"
	case placeholderAlts[low]:
		return "only says that it is a photo, not what it shows"
	case !strings.ContainsFunc(a, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }):
		return "has no word, only marks"
	}
	return ""
}

var (
	fileNamed   = regexp.MustCompile(`(?i)^\S+\.(jpe?g|png|webp|heic|heif|avif|gif|tiff?|bmp|dng)$`)
	cameraNamed = regexp.MustCompile(`(?i)^(img|dsc|dscn|dscf|pxl|mvimg|dji|gopr|p|wp)[ _-]?\d{3,}([ _-]\d+)*$`)
	// What alt texts say that say nothing, in the site's languages.
	placeholderAlts = map[string]bool{"photo": true, "image": true, "picture": true, "img": true, "pic": true, "alt": true,
		"untitled": true, "photograph": true, "фото": true, "фотография": true, "изображение": true, "картинка": true,
		"снимок": true, "рисунок": true, "фотосурет": true, "сурет": true, "şəkil": true, "foto": true}
)

// leadPhoto checks the front matter's photo fields together.
func (a *Article) leadPhoto(fields map[string]photoField, errs *diag.List) {
	img, ok := fields["image"]
	if !ok {
		for _, k := range []string{"image_alt", "image_caption", "image_credit"} {
			if f, given := fields[k]; given {
				errs.Add(a.Path, f.line, "%s is given without image: add image: with the photo's path, or remove %s", k, k)
			}
		}
		return
	}
	if img.text == "" {
		return // reported as read
	}
	file, problem := photoFile(a.Path, img.text)
	if problem != "" {
		errs.Add(a.Path, img.line, "image: %s", problem)
		return
	}
	alt, ok := fields["image_alt"]
	if !ok {
		errs.Add(a.Path, img.line, "image needs image_alt: a line that says what the photo shows, for readers who cannot see it")
		return
	}
	if alt.text == "" {
		return // reported as read
	}
	if bad := altProblem(alt.text, file); bad != "" {
		errs.Add(a.Path, alt.line, "image_alt %q %s: write what it shows, for readers who cannot see it, like \"Delegates at the seminar in Baku\"", alt.text, bad)
		return
	}
	a.Lead = &PhotoRef{File: file, Alt: alt.text, Caption: fields["image_caption"].text,
		Credit: fields["image_credit"].text, Line: img.line}
}

// photoField is a front matter photo field as read.
type photoField struct {
	text string
	line int
}
