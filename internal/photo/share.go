package photo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Share image geometry: the size link previews use.
const (
	ShareWidth  = 1200
	ShareHeight = 630
)

var (
	shareBG     = color.RGBA{0xFA, 0xF8, 0xF5, 0xFF} // warm off-white field
	shareInk    = color.RGBA{0x1C, 0x1C, 0x1C, 0xFF}
	shareInk2   = color.RGBA{0x4A, 0x4A, 0x4A, 0xFF}
	shareAccent = color.RGBA{0xC8, 0x10, 0x2E, 0xFF} // thin red rule; no emblem
)

var shareFonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	b, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return [2]*opentype.Font{}, err
	}
	r, err := opentype.Parse(goregular.TTF)
	return [2]*opentype.Font{b, r}, err
})

// ShareImage renders the site's 1200 × 630 share image as PNG: titles
// (for example the portal's name in English and in Russian), the first in
// bold and larger, the others below it, left-aligned on a plain field
// under a short red rule. Each line is made smaller if needed to fit.
// The same titles always give the same bytes. It fails if a title has a
// character the Go fonts lack (they cover Latin, Greek and Cyrillic).
func ShareImage(titles []string) ([]byte, error) {
	lines, fonts, err := shareLines(titles)
	if err != nil {
		return nil, err
	}
	return drawShare(lines, fonts)
}

// CheckShareTitles reports what ShareImage would refuse in titles,
// without drawing them.
func CheckShareTitles(titles []string) error {
	_, _, err := shareLines(titles)
	return err
}

// shareLines are the titles the share image shows, each of which its
// font can draw.
func shareLines(titles []string) ([]string, [2]*opentype.Font, error) {
	var lines []string
	for _, t := range titles {
		if t = strings.TrimSpace(t); t != "" {
			lines = append(lines, t)
		}
	}
	if len(lines) == 0 {
		return nil, [2]*opentype.Font{}, errors.New("the share image needs at least one title")
	}
	fonts, err := shareFonts()
	if err != nil {
		return nil, fonts, err
	}
	var sb sfnt.Buffer
	for i, l := range lines {
		f := fonts[min(i, 1)]
		for _, r := range l {
			if g, err := f.GlyphIndex(&sb, r); err != nil || g == 0 && r != ' ' {
				return nil, fonts, fmt.Errorf("the share image cannot show %q in %q: the Go fonts have no such character", r, l)
			}
		}
	}
	return lines, fonts, nil
}

func drawShare(lines []string, fonts [2]*opentype.Font) ([]byte, error) {

	img := image.NewRGBA(image.Rect(0, 0, ShareWidth, ShareHeight))
	draw.Draw(img, img.Rect, image.NewUniform(shareBG), image.Point{}, draw.Src)

	const margin = 96
	maxW := fixed.I(ShareWidth - 2*margin)
	type line struct {
		face font.Face
		ink  color.Color
		text string
		asc  int
		h    int
	}
	var ls []line
	total := 0
	for i, l := range lines {
		size, ink := 76.0, color.Color(shareInk)
		if i > 0 {
			size, ink = 56.0, shareInk2
		}
		var face font.Face
		var err error
		for ; ; size -= 2 {
			face, err = opentype.NewFace(fonts[min(i, 1)], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
			if err != nil {
				return nil, err
			}
			if font.MeasureString(face, l) <= maxW || size <= 20 {
				break
			}
		}
		m := face.Metrics()
		h := (m.Height.Ceil() * 6) / 5
		ls = append(ls, line{face, ink, l, m.Ascent.Ceil(), h})
		total += h
	}

	const rule = 8
	const gap = 40
	y := (ShareHeight - (rule + gap + total)) / 2
	draw.Draw(img, image.Rect(margin, y, margin+120, y+rule), image.NewUniform(shareAccent), image.Point{}, draw.Src)
	y += rule + gap
	for _, l := range ls {
		d := font.Drawer{Dst: img, Src: image.NewUniform(l.ink), Face: l.face, Dot: fixed.P(margin, y+l.asc)}
		d.DrawString(l.text)
		y += l.h
	}

	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
