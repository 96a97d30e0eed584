package photo

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"testing"
	"time"

	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"
)

func TestTiming(t *testing.T) {
	if os.Getenv("PHOTO_TIMING") == "" {
		t.Skip()
	}
	t0 := time.Now()
	webp.Init()
	t.Logf("webp init %v dynamic=%v", time.Since(t0), webp.Dynamic())
	src := photoLike(3000, 2000, 1)
	data := encodeJPEG(t, src, 90)
	t.Logf("6MP jpeg %d KB", len(data)>>10)
	info, err := Probe("x.jpg", data)
	if err != nil {
		t.Fatal(err)
	}
	t0 = time.Now()
	pic, err := decodeUpright(data, info)
	t.Logf("decode+flatten %v", time.Since(t0))
	t0 = time.Now()
	orient(pic, 6)
	t.Logf("orient %v", time.Since(t0))
	t0 = time.Now()
	dst := image.NewRGBA(image.Rect(0, 0, 1280, 853))
	draw.CatmullRom.Scale(dst, dst.Rect, pic, pic.Rect, draw.Src, nil)
	t.Logf("direct catmullrom 1280 %v", time.Since(t0))
	t0 = time.Now()
	p := &pyramid{levels: []*image.RGBA{pic}}
	img := p.render(pic.Rect, 1280, 853)
	t.Logf("pyramid 1280 %v", time.Since(t0))
	t0 = time.Now()
	var b bytes.Buffer
	webp.Encode(&b, img, webp.Options{Quality: 75, Method: 4})
	t.Logf("webp 1280 %v %d KB", time.Since(t0), b.Len()>>10)
	t0 = time.Now()
	b.Reset()
	jpegEnc(&b, img)
	t.Logf("jpeg 1280 %v %d KB", time.Since(t0), b.Len()>>10)
	for _, lead := range []bool{false, true} {
		t0 = time.Now()
		out, err := Process(data, info, Plan(info, lead))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, o := range out {
			n += len(o)
		}
		t.Logf("Process lead=%v: %d files %d KB in %v", lead, len(out), n>>10, time.Since(t0))
	}
}

func jpegEnc(b *bytes.Buffer, img image.Image) {
	jpeg.Encode(b, img, &jpeg.Options{Quality: JPEGQuality})
}
