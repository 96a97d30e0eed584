package photo

import (
	"bytes"
	"image/png"
	"os"
	"testing"
)

var siteTitles = []string{"Humanitarian Briefings", "Гуманитарные сводки"}

func TestShareImage(t *testing.T) {
	a, err := ShareImage(siteTitles)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ShareImage(siteTitles)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("same titles gave different bytes")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s.X != ShareWidth || s.Y != ShareHeight {
		t.Errorf("size %v", s)
	}
	// Text was drawn: some pixels are dark ink; the accent is red.
	dark, red := 0, 0
	for y := 0; y < ShareHeight; y++ {
		for x := 0; x < ShareWidth; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r < 0x4000 && g < 0x4000 && b < 0x4000 {
				dark++
			}
			if r > 0xB000 && g < 0x3000 && b < 0x4000 {
				red++
			}
		}
	}
	if dark < 2000 || red < 500 {
		t.Errorf("dark=%d red=%d pixels: titles or accent missing", dark, red)
	}
	c, _ := ShareImage([]string{"Humanitarian Briefings", "Другое"})
	if bytes.Equal(a, c) {
		t.Error("different titles gave the same bytes")
	}
	if _, err := ShareImage([]string{"汉字"}); err == nil {
		t.Error("characters the fonts lack were accepted")
	}
	if _, err := ShareImage(nil); err == nil {
		t.Error("no titles accepted")
	}
	if p := os.Getenv("PHOTO_SHARE_OUT"); p != "" {
		os.WriteFile(p, a, 0o644)
	}
}
