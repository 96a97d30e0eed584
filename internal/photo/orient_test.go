package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"

	xwebp "golang.org/x/image/webp"
)

// Quadrant colours of the test pattern as a viewer should see it.
var (
	qTL = color.RGBA{220, 30, 30, 255}   // red, top left
	qTR = color.RGBA{30, 200, 30, 255}   // green, top right
	qBL = color.RGBA{30, 30, 220, 255}   // blue, bottom left
	qBR = color.RGBA{240, 240, 240, 255} // white, bottom right
)

func quadrants(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := qBR
			switch {
			case x < w/2 && y < h/2:
				c = qTL
			case y < h/2:
				c = qTR
			case x < w/2:
				c = qBL
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// Geometric operations, written independently of orient.
func remap(src *image.RGBA, w, h int, f func(x, y int) (int, int)) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dst.SetRGBA(x, y, src.RGBAAt(f(x, y)))
		}
	}
	return dst
}

func flipH(s *image.RGBA) *image.RGBA {
	w, h := s.Rect.Dx(), s.Rect.Dy()
	return remap(s, w, h, func(x, y int) (int, int) { return w - 1 - x, y })
}

func flipV(s *image.RGBA) *image.RGBA {
	w, h := s.Rect.Dx(), s.Rect.Dy()
	return remap(s, w, h, func(x, y int) (int, int) { return x, h - 1 - y })
}

func transpose(s *image.RGBA) *image.RGBA {
	w, h := s.Rect.Dx(), s.Rect.Dy()
	return remap(s, h, w, func(x, y int) (int, int) { return y, x })
}

// rotCW turns a picture a quarter turn clockwise: its top row becomes the
// right column.
func rotCW(s *image.RGBA) *image.RGBA { return flipH(transpose(s)) }

func rotCCW(s *image.RGBA) *image.RGBA { return flipV(transpose(s)) }

// stored returns what a camera stores for displayed picture d with EXIF
// orientation o, i.e. the inverse of what a viewer applies: 2 mirror,
// 3 half turn, 4 flip, 5 transpose, 6 viewer turns clockwise, 7
// transverse, 8 viewer turns counter-clockwise.
func stored(d *image.RGBA, o int) *image.RGBA {
	switch o {
	case 2:
		return flipH(d)
	case 3:
		return flipH(flipV(d))
	case 4:
		return flipV(d)
	case 5:
		return transpose(d)
	case 6:
		return rotCCW(d)
	case 7:
		return rotCW(rotCW(transpose(d)))
	case 8:
		return rotCW(d)
	}
	return d
}

func near(a, b color.Color) bool {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) bool { return x>>8 < y>>8+40 && y>>8 < x>>8+40 }
	return d(r1, r2) && d(g1, g2) && d(b1, b2)
}

func TestOrientation(t *testing.T) {
	const W, H = 96, 64 // as displayed
	display := quadrants(W, H)
	for o := 1; o <= 8; o++ {
		s := stored(display, o)
		if sw := s.Rect.Dx(); (o >= 5) != (sw == H) {
			t.Fatalf("orientation %d: stored width %d", o, sw)
		}
		for _, src := range []struct {
			name string
			data []byte
		}{
			{"o.jpg", withMetadata(t, encodeJPEG(t, s, 95), o, binary.BigEndian)},
			{"o.png", pngWithMetadata(t, encodePNG(t, s), o)},
			{"o.webp", webpOriented(t, s, o)},
		} {
			checkOrientation(t, src.name, src.data, o, W, H)
		}
	}
}

// webpOriented is an extended WebP of picture s with an EXIF chunk
// giving orientation o, as a phone's gallery app writes it.
func webpOriented(t *testing.T, s *image.RGBA, o int) []byte {
	t.Helper()
	w, h := s.Rect.Dx(), s.Rect.Dy()
	info, err := Probe("s.png", encodePNG(t, s))
	if err != nil {
		t.Fatal(err)
	}
	outs, err := Process(encodePNG(t, s), info, []Rendition{{Name: "s.webp", Format: "webp", Kind: KindWidth, Width: w, Height: h}})
	if err != nil {
		t.Fatal(err)
	}
	d := webpWith(t, outs[0], riffChunk("EXIF", buildEXIF(binary.LittleEndian, o, nil)))
	d[20] |= 0x08 // VP8X: has EXIF
	d[24], d[25], d[26] = byte(w-1), byte((w-1)>>8), 0
	d[27], d[28], d[29] = byte(h-1), byte((h-1)>>8), 0
	return d
}

// checkOrientation checks that a source of orientation o, W × H once
// upright, is published upright in every rendition.
func checkOrientation(t *testing.T, name string, src []byte, o, W, H int) {
	t.Helper()
	info, err := Probe(name, src)
	if err != nil {
		t.Fatal(err)
	}
	if info.Orientation != o || info.Width != W || info.Height != H {
		t.Errorf("%s orientation %d: Probe says %+v", name, o, info)
		return
	}
	plan := Plan(info, false)
	outs, err := Process(src, info, plan)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range plan {
		var img image.Image
		if r.Format == "jpeg" {
			img, err = jpeg.Decode(bytes.NewReader(outs[i]))
		} else {
			img, err = xwebp.Decode(bytes.NewReader(outs[i]))
		}
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != W || b.Dy() != H {
			t.Errorf("%s orientation %d %s: %v", name, o, r.Format, b)
			continue
		}
		for _, p := range []struct {
			x, y int
			c    color.RGBA
		}{{W / 4, H / 4, qTL}, {3 * W / 4, H / 4, qTR}, {W / 4, 3 * H / 4, qBL}, {3 * W / 4, 3 * H / 4, qBR}} {
			if got := img.At(p.x, p.y); !near(got, p.c) {
				t.Errorf("%s orientation %d %s: at %d,%d got %v, want %v", name, o, r.Format, p.x, p.y, got, p.c)
			}
		}
	}
}

func decodeAny(format string, d []byte) (image.Image, error) {
	if format == "jpeg" {
		return jpeg.Decode(bytes.NewReader(d))
	}
	return xwebp.Decode(bytes.NewReader(d))
}
