package photo

import (
	"fmt"
	"image"
)

// Version changes whenever Process's output for the same input and plan
// would change (quality settings, filters, Plan's rounding, or an upgrade
// of the encoders' modules), or ShareImage's for the same titles. It is
// part of every cache key, and of the share image's name.
const Version = "1"

// Widths are the widths, in pixels, each photo is published at (those no
// wider than the source).
var Widths = []int{320, 640, 960, 1280}

// Quality settings. JPEG 80 and WebP 75 are the usual points where
// photos show no visible artefacts at phone sizes while staying small;
// WebP at 75 is about 25–35% smaller than JPEG at 80 for the same look.
const (
	JPEGQuality = 80
	WebPQuality = 75
	webpMethod  = 4 // libwebp's default speed/size trade-off
)

// MaxCropWidth is the largest width of a lead photo's crops.
const MaxCropWidth = 1200

// Rendition kinds.
const (
	KindWidth = "w"    // a width of the photo, aspect kept
	KindOG    = "og"   // link preview, 1.91:1 (1200 × 630 at most)
	Kind1x1   = "1x1"  // square crop for structured data
	Kind4x3   = "4x3"  // 4:3 crop for structured data
	Kind16x9  = "16x9" // 16:9 crop for structured data
)

// cropRatio gives each crop kind its aspect ratio, width:height.
var cropRatio = map[string][2]int{
	KindOG:   {40, 21}, // 1200:630
	Kind1x1:  {1, 1},
	Kind4x3:  {4, 3},
	Kind16x9: {16, 9},
}

// LeadCrops are the crop kinds a lead photo gets, in Plan's order.
var LeadCrops = []string{KindOG, Kind1x1, Kind4x3, Kind16x9}

// Rendition is one published file of a photo.
type Rendition struct {
	Kind   string // KindWidth or one of the crop kinds
	Format string // "webp" or "jpeg"
	Width  int
	Height int
	Name   string // content-addressed file name, e.g. "market-0123456789ab-640w.webp"
}

// Plan lists the renditions of a photo: each of Widths no wider than the
// photo, and its own width if it is narrower than the smallest or by a
// quarter wider than the widest of those, as WebP and as JPEG; and for an article's lead photo, the JPEG crops of
// LeadCrops, centred, at most MaxCropWidth wide, never upscaled. Width and
// Height are exactly those of the files Process makes. Plan is a pure
// function of its arguments.
func Plan(info Info, lead bool) []Rendition {
	if info.Width <= 0 || info.Height <= 0 {
		return nil
	}
	base := info.Base
	if base == "" {
		base = "photo"
	}
	prefix := base + "-" + info.ID() + "-"
	var ws []int
	for _, w := range Widths {
		if w <= info.Width {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 || info.Width < Widths[len(Widths)-1] && info.Width*4 > ws[len(ws)-1]*5 {
		// Narrower than the widest, and by more than a quarter wider than
		// its widest rendition (a 600-pixel photo, only 320 of them): its
		// own width too, or wide screens would show it blurred.
		ws = append(ws, info.Width)
	}
	var out []Rendition
	for _, w := range ws {
		h := scaledHeight(info.Width, info.Height, w)
		out = append(out,
			Rendition{Kind: KindWidth, Format: "webp", Width: w, Height: h, Name: fmt.Sprintf("%s%dw.webp", prefix, w)},
			Rendition{Kind: KindWidth, Format: "jpeg", Width: w, Height: h, Name: fmt.Sprintf("%s%dw.jpg", prefix, w)},
		)
	}
	if lead {
		for _, k := range LeadCrops {
			_, w, h := cropGeometry(info.Width, info.Height, k)
			out = append(out, Rendition{Kind: k, Format: "jpeg", Width: w, Height: h, Name: prefix + k + ".jpg"})
		}
	}
	return out
}

// scaledHeight is the height of a W × H picture scaled to width w,
// rounded to the nearest pixel, at least 1.
func scaledHeight(W, H, w int) int {
	h := int((2*int64(H)*int64(w) + int64(W)) / (2 * int64(W)))
	return max(h, 1)
}

// cropGeometry gives, for a crop kind of a W × H (displayed) picture, the
// centred source rectangle and the output size.
func cropGeometry(W, H int, kind string) (src image.Rectangle, w, h int) {
	r, ok := cropRatio[kind]
	if !ok {
		return image.Rect(0, 0, W, H), W, H
	}
	a, b := int64(r[0]), int64(r[1])
	cw, ch := int64(W), int64(H)
	if int64(W)*b > int64(H)*a { // wider than the ratio: keep the height
		cw = (2*int64(H)*a + b) / (2 * b)
	} else {
		ch = (2*int64(W)*b + a) / (2 * a)
	}
	cw, ch = max(cw, 1), max(ch, 1)
	x0, y0 := (int64(W)-cw)/2, (int64(H)-ch)/2
	src = image.Rect(int(x0), int(y0), int(x0+cw), int(y0+ch))
	if cw <= MaxCropWidth {
		return src, int(cw), int(ch)
	}
	return src, MaxCropWidth, int(max((2*MaxCropWidth*b+a)/(2*a), 1))
}

// sourceRect is the part of the displayed picture a rendition shows.
func sourceRect(info Info, r Rendition) image.Rectangle {
	if r.Kind == KindWidth {
		return image.Rect(0, 0, info.Width, info.Height)
	}
	src, _, _ := cropGeometry(info.Width, info.Height, r.Kind)
	return src
}
