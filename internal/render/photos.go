package render

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"briefings/internal/index"
	"briefings/internal/load"
	"briefings/internal/photo"
)

// Photo is a photo as pages show it: the source, what it is, and its
// files in the site, processed.
type Photo struct {
	File  string // the source: content/media/seminar.jpg
	Info  photo.Info
	Files []PhotoFile // as photo.Plan planned them
}

// PhotoFile is one of a photo's files in the site.
type PhotoFile struct {
	photo.Rendition
	Size  int64  // bytes
	Cache string // the file holding its bytes, in the photo cache
}

// Photos are a site's photos that its articles show, by source file.
type Photos map[string]*Photo

// Media are a site's images, processed: the photos articles show, and the
// share image pages without a photo of their own show where they are shared.
type Media struct {
	Photos Photos
	Share  *Share // nil: none
}

// Share is the site's share image: its name, which says what it is
// drawn from, its size, and its bytes, drawn when first asked for.
type Share struct {
	Name          string
	Width, Height int
	Bytes         func() ([]byte, error)
}

// The page column, as style.css sets it: at most 40rem, less 1rem of
// padding each side on narrower screens. photoSizes tells browsers so,
// and slotWidth is the same rule, for the budget.
const photoSizes = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"

// frontPhotoSizes is the home page's column: from 60rem on, the page is
// at most 74rem wide and the countries take 18rem and a 3rem gap.
const frontPhotoSizes = "(min-width: 74rem) 51rem, (min-width: 60rem) calc(100vw - 23rem), " + photoSizes

func slotWidth(screen int) int { return min(640, screen-32) }

// A phone on first view: the budget counts the photo files it downloads.
const phoneScreen, phoneDensity = 390, 2

// Where a phone shows a page's photos, for the budget. Its screen is
// 390 × 844, and its browser loads a photo marked lazy as soon as it is
// within lazyReach pixels below the screen: Chrome's distance on a slow
// connection, 2,500 pixels (1,250 on a fast one), and slow connections
// are whom the budget is for. A body photo whose top is within that
// reach of the page's top loads with the page. Its top is estimated as
// style.css lays the page out on that phone: the header, title and date
// line take pageHead pixels; each line of the body's text lineHeight
// (17-pixel text at 1.6), a line holding lineChars characters, and each
// paragraph, heading or item ends its last line and adds a margin, a line
// more; each photo above it, the lead's too, its height in the column,
// and a figure its margins and its caption's lines.
const (
	phoneHeight = 844
	lazyReach   = 2500
	pageHead    = 200
	lineHeight  = 27
	lineChars   = 40
	figureGap   = 40 // a figure's margins, 1.2rem above and below
)

// reach is how far below the page's top a phone loads photos at once.
const reach = phoneHeight + lazyReach

// phoneHeightOf is how tall a phone shows a photo in the column, no
// wider than the photo, with its caption and credit when it is a figure.
func phoneHeightOf(p *Photo, ref load.PhotoRef, figure bool) int {
	w := min(slotWidth(phoneScreen), p.Info.Width)
	h := 0
	if p.Info.Width > 0 {
		h = w * p.Info.Height / p.Info.Width
	}
	if figure {
		h += figureGap
		if chars := utf8.RuneCountInString(ref.Caption + " " + ref.Credit); chars > 1 {
			h += lineHeight * ((chars + lineChars - 1) / lineChars)
		}
	}
	return h
}

// textHeight is how tall a phone shows what of a body stands before a photo.
func textHeight(b load.Before) int {
	return lineHeight * ((b.Chars+lineChars-1)/lineChars + b.Blocks)
}

// PhotoView is a photo in a page, for the "photo" and "figure" templates.
type PhotoView struct {
	Alt, Caption, Credit string
	WebP, JPEG, Sizes    string // srcset and sizes
	Src                  string // the JPEG a browser without srcset shows
	Width, Height        int    // of the largest file: the photo's shape, so the page does not shift
	Lazy                 bool   // not the first thing a reader sees: loaded when scrolled to
	Figure               bool   // alone in its paragraph: a figure with its caption
	Lang                 string // of the alt text and caption, when not the page's
}

// widths are a photo's files of a format at the widths planned, narrowest first.
func (p *Photo) widths(format string) []PhotoFile {
	var out []PhotoFile
	for _, f := range p.Files {
		if f.Kind == photo.KindWidth && f.Format == format {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b PhotoFile) int { return a.Width - b.Width })
	return out
}

// crop is the photo's file of a crop kind, if planned.
func (p *Photo) crop(kind string) *PhotoFile {
	for i, f := range p.Files {
		if f.Kind == kind {
			return &p.Files[i]
		}
	}
	return nil
}

// pick is the file a browser picks from a srcset of files for a slot of
// width device pixels: the narrowest at least as wide, else the widest.
func pick(files []PhotoFile, width int) PhotoFile {
	for _, f := range files {
		if f.Width >= width {
			return f
		}
	}
	return files[len(files)-1]
}

// phoneFile is the file a phone downloads of a photo shown in the column.
func (p *Photo) phoneFile() PhotoFile {
	return pick(p.widths("webp"), slotWidth(phoneScreen)*phoneDensity)
}

// view is how a page shows a photo; url makes its files' URLs.
func (p *Photo) view(ref load.PhotoRef, url func(string) string, lazy bool) PhotoView {
	srcset := func(format string) (string, PhotoFile) {
		var parts []string
		files := p.widths(format)
		for _, f := range files {
			parts = append(parts, url(index.MediaPath(f.Name))+" "+strconv.Itoa(f.Width)+"w")
		}
		return strings.Join(parts, ", "), files[len(files)-1]
	}
	webp, _ := srcset("webp")
	jpeg, largest := srcset("jpeg")
	return PhotoView{Alt: ref.Alt, Caption: ref.Caption, Credit: ref.Credit, WebP: webp, JPEG: jpeg, Sizes: photoSizes,
		Src: url(index.MediaPath(largest.Name)), Width: largest.Width, Height: largest.Height, Lazy: lazy, Figure: ref.Block}
}

// LoadedPhoto is a photo a phone loads with the page, as its weight
// counts it: the lead, and the body's photos near the top.
type LoadedPhoto struct {
	File string // the source
	Line int    // of the article that shows it, where it names it
	Size int64  // of the file a phone downloads
	Name string // that file's
}

// loaded is what a phone loads of a photo shown at line.
func (p *Photo) loaded(line int) LoadedPhoto {
	phone := p.phoneFile()
	return LoadedPhoto{File: p.File, Line: line, Size: phone.Size, Name: phone.Name}
}

// loadBodyPhotos adds to a page's weight the photos of an article's body
// that a phone loads with the page although they are marked lazy: those
// whose top is within reach of the page's top (see lazyReach). lead is
// the article's lead photo, shown above the body, or nil.
func loadBodyPhotos(pg *Page, a *load.Article, lead *Photo, photos []*Photo) {
	above := pageHead // the photos' heights above the next
	if lead != nil {
		above += phoneHeightOf(lead, *a.Lead, true)
	}
	for i, ref := range a.Photos {
		if above+textHeight(ref.Before) >= reach {
			return
		}
		pg.Loaded = append(pg.Loaded, photos[i].loaded(ref.Line))
		above += phoneHeightOf(photos[i], ref, ref.Block)
	}
}

// photoHTML renders the photos of an article's body, in order: a figure
// for one alone in its paragraph, the picture alone for one among words.
func (s *siteView) photoHTML(a *load.Article, photos []*Photo, url func(string) string, tmpl string) ([]string, error) {
	var out []string
	for i, ref := range a.Photos {
		name := tmpl
		if name == "" {
			name = "photo"
			if ref.Block {
				name = "figure"
			}
		}
		f, err := s.frags.render(name, photos[i].view(ref, url, true))
		if err != nil {
			return nil, err
		}
		out = append(out, string(f.HTML))
	}
	return out, nil
}

// articlePhotos are the photos an article shows, in PhotoRefs order.
func (p *planner) articlePhotos(a *load.Article) []*Photo {
	var out []*Photo
	for _, ref := range a.PhotoRefs() {
		out = append(out, p.photos[ref.File])
	}
	return out
}

// photoOutputs plans every photo's files, once each: two sources with the
// same bytes share their files. A file's key is its name, which holds the
// digest of its source, and the version of the processing that made it.
func (p *planner) photoOutputs() []Output {
	seen := map[string]bool{}
	var out []Output
	for _, file := range slices.Sorted(maps.Keys(p.photos)) {
		for _, f := range p.photos[file].Files {
			if seen[f.Name] {
				continue
			}
			seen[f.Name] = true
			out = append(out, p.mediaFile(f))
		}
	}
	if sh := p.share; sh != nil {
		out = append(out, Output{Path: index.MediaPath(sh.Name), Key: p.dig.sum("share", sh.Name), Make: func(w *bytes.Buffer) error {
			data, err := sh.Bytes()
			if err != nil {
				return fmt.Errorf("the share image: %w", err)
			}
			w.Write(data)
			return nil
		}})
	}
	return out
}

func (p *planner) mediaFile(f PhotoFile) Output {
	return Output{Path: index.MediaPath(f.Name), Key: p.dig.sum("photo", photo.Version, f.Name), Make: copyFile(f.Cache, f.Size)}
}

// copyFile makes a file's bytes from the photo cache, as processed.
func copyFile(path string, size int64) func(w *bytes.Buffer) error {
	return func(w *bytes.Buffer) error {
		b, err := os.ReadFile(path)
		if err == nil && int64(len(b)) != size {
			err = fmt.Errorf("it changed since the build began (%d bytes, not %d)", len(b), size)
		}
		if err != nil {
			return fmt.Errorf("photo cache %s: %w; build again", path, err)
		}
		w.Write(b)
		return nil
	}
}

// leadFigure is a page's lead photo, shown at once: the page's weight
// counts the file a phone downloads of it. lang is the language of its
// alt text and caption, the story's, when not the page's.
func (s *siteView) leadFigure(pg *Page, ref load.PhotoRef, p *Photo, sizes, lang string) (*Fragment, error) {
	v := p.view(ref, s.URLs.Href, false)
	v.Sizes, v.Lang = sizes, lang
	f, err := s.frags.render("figure", v)
	if err != nil {
		return nil, err
	}
	pg.Loaded = append(pg.Loaded, p.loaded(ref.Line))
	return &f, nil
}

// setImage makes the image a shared page shows the file name, of its size.
func (sc *Social) setImage(u URLs, name string, w, h int, alt string) {
	sc.Image, sc.ImageAlt, sc.ImageWidth, sc.ImageHeight = u.Abs(index.MediaPath(name)), alt, w, h
}

// structuredImages are a lead photo's crops for search engines: Google
// asks for 16:9, 4:3 and 1:1, each at least 50,000 pixels.
func (s *siteView) structuredImages(p *Photo) []string {
	var urls []string
	for _, kind := range []string{photo.Kind16x9, photo.Kind4x3, photo.Kind1x1} {
		if f := p.crop(kind); f != nil && f.Width*f.Height >= 50_000 {
			urls = append(urls, s.URLs.Abs(index.MediaPath(f.Name)))
		}
	}
	if len(urls) == 0 { // a small photo: its largest file
		ws := p.widths("jpeg")
		urls = append(urls, s.URLs.Abs(index.MediaPath(ws[len(ws)-1].Name)))
	}
	return urls
}

// feedImage is an item's lead photo in a feed: its largest JPEG, which
// every feed reader shows.
type feedImage struct {
	URL, Type           string
	Size                int64
	Width, Height       int
	Description, Credit string // its caption, else its alt text; its credit
}

func (p *Photo) feedImage(u URLs) *feedImage {
	ws := p.widths("jpeg")
	f := ws[len(ws)-1]
	return &feedImage{URL: u.Abs(index.MediaPath(f.Name)), Type: "image/jpeg", Size: f.Size, Width: f.Width, Height: f.Height}
}
