package photo

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"testing"
)

// photoLike makes a w × h picture that compresses like a photo: smooth
// gradients, a few soft shapes and fine noise.
func photoLike(w, h int, seed uint64) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	cx, cy := rng.IntN(w), rng.IntN(h)
	r0, g0, b0 := rng.IntN(256), rng.IntN(256), rng.IntN(256)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := x-cx, y-cy
			d := (dx*dx + dy*dy) >> 12
			n := rng.IntN(24) - 12
			i := img.PixOffset(x, y)
			img.Pix[i+0] = clamp8(r0 + 128*x/w - d%96 + n)
			img.Pix[i+1] = clamp8(g0 + 128*y/h - d%64 + n)
			img.Pix[i+2] = clamp8(b0 - 96*(x+y)/(w+h) + d%48 + n)
			img.Pix[i+3] = 255
		}
	}
	return img
}

func clamp8(v int) uint8 {
	return uint8(min(max(v, 0), 255))
}

func encodeJPEG(t testing.TB, img image.Image, q int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func solid(w, h int, c color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	return img
}
