package photo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	stddraw "image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"strings"

	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"
	xwebp "golang.org/x/image/webp"
)

// Process decodes a source once, turns it upright according to its EXIF
// orientation, flattens any transparency onto white, and renders every
// rendition of plan, returning their bytes in plan's order. info must be
// what Probe reported for data.
//
// Downscaling halves the picture with a 2 × 2 box filter while the half
// is still at least the target size, then finishes with Catmull-Rom (a
// factor below 2): close to a direct Catmull-Rom in quality, and about
// twice as fast for camera-sized sources. Outputs are 8-bit opaque RGB; colour profiles are dropped (the
// pixels are published as decoded, which browsers treat as sRGB).
//
// The files carry no metadata: the JPEG encoder writes only the image
// segments, and libwebp writes only the image chunk.
func Process(data []byte, info Info, plan []Rendition) (out [][]byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("the photo cannot be decoded (%v): it is probably damaged; export it again", r)
		}
	}()
	for _, r := range plan {
		if r.Width <= 0 || r.Height <= 0 || r.Width > MaxSide || r.Height > MaxSide {
			return nil, fmt.Errorf("rendition %s has an impossible size %d × %d", r.Name, r.Width, r.Height)
		}
		if r.Format != "jpeg" && r.Format != "webp" {
			return nil, fmt.Errorf("rendition %s has unknown format %q", r.Name, r.Format)
		}
		if _, ok := cropRatio[r.Kind]; !ok && r.Kind != KindWidth {
			return nil, fmt.Errorf("rendition %s has unknown kind %q", r.Name, r.Kind)
		}
	}
	pic, err := decodeUpright(data, info)
	if err != nil {
		return nil, err
	}
	pyr := &pyramid{levels: []*image.RGBA{pic}}
	out = make([][]byte, len(plan))
	for i, r := range plan {
		img := pyr.render(sourceRect(info, r), r.Width, r.Height)
		var buf bytes.Buffer
		switch r.Format {
		case "jpeg":
			err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: JPEGQuality})
		case "webp":
			err = webp.Encode(&buf, img, webp.Options{Quality: WebPQuality, Method: webpMethod})
		}
		if err != nil {
			return nil, fmt.Errorf("encoding %s: %w", r.Name, err)
		}
		out[i] = buf.Bytes()
	}
	return out, nil
}

// decodeUpright decodes data and returns it upright, opaque, as RGBA
// with its origin at 0,0.
func decodeUpright(data []byte, info Info) (*image.RGBA, error) {
	sw, sh := info.storedSize()
	if sw <= 0 || sh <= 0 || int64(sw)*int64(sh) > MaxPixels || sw > MaxSide || sh > MaxSide {
		return nil, fmt.Errorf("the photo's size %d × %d is not allowed; probe it first", info.Width, info.Height)
	}
	var (
		img image.Image
		err error
	)
	r := bytes.NewReader(data)
	switch info.Format {
	case "jpeg":
		img, err = jpeg.Decode(r)
	case "png":
		img, err = png.Decode(r)
	case "webp":
		img, err = xwebp.Decode(r)
	default:
		return nil, fmt.Errorf("unknown photo format %q", info.Format)
	}
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("the photo is incomplete (the file ends before its image data does): copy or export it again")
		}
		// Go's JPEG decoder tells a file cut short by what it ran out of,
		// its PNG decoder by the rows its compressed data ran out before.
		if strings.HasPrefix(err.Error(), "invalid JPEG format: short") || err.Error() == "png: invalid format: not enough pixel data" {
			return nil, fmt.Errorf("the photo's image data ends early (%v): it was probably cut short when copied; copy or export it again", err)
		}
		return nil, fmt.Errorf("the photo's image data is damaged (%v): export it again", err)
	}
	b := img.Bounds()
	if b.Dx() != sw || b.Dy() != sh {
		return nil, fmt.Errorf("the photo decodes to %d × %d pixels but its header declared %d × %d: export it again", b.Dx(), b.Dy(), sw, sh)
	}
	flat := image.NewRGBA(image.Rect(0, 0, sw, sh))
	switch img.(type) {
	case *image.YCbCr, *image.Gray, *image.CMYK:
		stddraw.Draw(flat, flat.Bounds(), img, b.Min, stddraw.Src)
	default:
		if o, ok := img.(interface{ Opaque() bool }); ok && o.Opaque() {
			stddraw.Draw(flat, flat.Bounds(), img, b.Min, stddraw.Src)
		} else {
			stddraw.Draw(flat, flat.Bounds(), image.White, image.Point{}, stddraw.Src)
			stddraw.Draw(flat, flat.Bounds(), img, b.Min, stddraw.Over)
		}
	}
	return orient(flat, info.Orientation), nil
}

// orient returns src as a viewer shows it given its EXIF orientation o.
// Display pixel (x, y) comes from stored pixel (sx, sy):
//
//	1: (x, y)            2: (W-1-x, y)         3: (W-1-x, H-1-y)   4: (x, H-1-y)
//	5: (y, x)            6: (y, H-1-x)         7: (W-1-y, H-1-x)   8: (W-1-y, x)
//
// where W × H is the stored size.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return src
	}
	W, H := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := W, H
	if o >= 5 {
		dw, dh = H, W
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	sp, dp := src.Pix, dst.Pix
	ss := src.Stride
	for y := 0; y < dh; y++ {
		row := dp[y*dst.Stride : y*dst.Stride+4*dw]
		for x := 0; x < dw; x++ {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = W-1-x, y
			case 3:
				sx, sy = W-1-x, H-1-y
			case 4:
				sx, sy = x, H-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, H-1-x
			case 7:
				sx, sy = W-1-y, H-1-x
			case 8:
				sx, sy = W-1-y, x
			}
			i := sy*ss + 4*sx
			copy(row[4*x:4*x+4], sp[i:i+4])
		}
	}
	return dst
}

// pyramid holds a picture and its successive halvings, made on demand.
type pyramid struct {
	levels []*image.RGBA
}

// level returns the picture halved k times.
func (p *pyramid) level(k int) *image.RGBA {
	for len(p.levels) <= k {
		p.levels = append(p.levels, halve(p.levels[len(p.levels)-1]))
	}
	return p.levels[k]
}

// render returns the part r of the picture (in full-size coordinates)
// scaled to exactly w × h, as a fresh RGBA image with its origin at 0,0.
func (p *pyramid) render(r image.Rectangle, w, h int) *image.RGBA {
	k := 0
	for (r.Dx()>>(k+1)) >= w && (r.Dy()>>(k+1)) >= h {
		k++
	}
	src := p.level(k)
	sr := image.Rect(r.Min.X>>k, r.Min.Y>>k, r.Max.X>>k, r.Max.Y>>k).Intersect(src.Rect)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if sr.Dx() == w && sr.Dy() == h {
		stddraw.Draw(dst, dst.Rect, src, sr.Min, stddraw.Src)
		return dst
	}
	draw.CatmullRom.Scale(dst, dst.Rect, src, sr, draw.Src, nil)
	return dst
}

// halve averages each 2 × 2 block of src into one pixel (an odd last row
// or column is dropped).
func halve(src *image.RGBA) *image.RGBA {
	w, h := src.Rect.Dx()/2, src.Rect.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	if w == 0 || h == 0 {
		stddraw.Draw(dst, dst.Rect, src, src.Rect.Min, stddraw.Src)
		return dst
	}
	sp, ss := src.Pix, src.Stride
	for y := 0; y < h; y++ {
		r0 := sp[(2*y)*ss:]
		r1 := sp[(2*y+1)*ss:]
		d := dst.Pix[y*dst.Stride:]
		for x := 0; x < w; x++ {
			i := 8 * x
			for c := 0; c < 4; c++ {
				s := uint(r0[i+c]) + uint(r0[i+4+c]) + uint(r1[i+c]) + uint(r1[i+4+c])
				d[4*x+c] = uint8((s + 2) >> 2)
			}
		}
	}
	return dst
}
