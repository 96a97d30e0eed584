package photo

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	xwebp "golang.org/x/image/webp"
)

const testHash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func planString(p []Rendition) string {
	var b strings.Builder
	for _, r := range p {
		fmt.Fprintf(&b, "%s %s %s %dx%d\n", r.Name, r.Kind, r.Format, r.Width, r.Height)
	}
	return b.String()
}

func TestPlanGolden(t *testing.T) {
	info := Info{Hash: testHash, Base: "market", Format: "jpeg", Width: 4000, Height: 3000, Orientation: 1}
	want := `market-0123456789ab-320w.webp w webp 320x240
market-0123456789ab-320w.jpg w jpeg 320x240
market-0123456789ab-640w.webp w webp 640x480
market-0123456789ab-640w.jpg w jpeg 640x480
market-0123456789ab-960w.webp w webp 960x720
market-0123456789ab-960w.jpg w jpeg 960x720
market-0123456789ab-1280w.webp w webp 1280x960
market-0123456789ab-1280w.jpg w jpeg 1280x960
market-0123456789ab-og.jpg og jpeg 1200x630
market-0123456789ab-1x1.jpg 1x1 jpeg 1200x1200
market-0123456789ab-4x3.jpg 4x3 jpeg 1200x900
market-0123456789ab-16x9.jpg 16x9 jpeg 1200x675
`
	if got := planString(Plan(info, true)); got != want {
		t.Errorf("Plan:\n%s\nwant:\n%s", got, want)
	}
	if got := Plan(info, false); len(got) != 8 {
		t.Errorf("not lead: %d renditions", len(got))
	}
	// Small: one width, its own; crops never upscaled.
	small := Info{Hash: testHash, Base: "", Width: 200, Height: 100}
	want = `photo-0123456789ab-200w.webp w webp 200x100
photo-0123456789ab-200w.jpg w jpeg 200x100
photo-0123456789ab-og.jpg og jpeg 190x100
photo-0123456789ab-1x1.jpg 1x1 jpeg 100x100
photo-0123456789ab-4x3.jpg 4x3 jpeg 133x100
photo-0123456789ab-16x9.jpg 16x9 jpeg 178x100
`
	if got := planString(Plan(small, true)); got != want {
		t.Errorf("Plan small:\n%s\nwant:\n%s", got, want)
	}
	// Between widths: only those no wider than the source.
	mid := Info{Hash: testHash, Base: "x", Width: 1000, Height: 3000}
	for _, r := range Plan(mid, true) {
		if r.Width > 1000 {
			t.Errorf("%s wider than the source", r.Name)
		}
	}
	if n := len(Plan(mid, false)); n != 6 {
		t.Errorf("1000 wide: %d renditions, want 6", n)
	}
	// A photo well wider than its widest rendition is published at its
	// own width too: a 600-pixel one is not shown from 320 pixels.
	for width, want := range map[int][]int{600: {320, 600}, 700: {320, 640}, 900: {320, 640, 900}, 1280: {320, 640, 960, 1280}, 5000: {320, 640, 960, 1280}} {
		var got []int
		for _, r := range Plan(Info{Hash: testHash, Base: "x", Width: width, Height: 400}, false) {
			if r.Format == "webp" {
				got = append(got, r.Width)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d wide: widths %v, want %v", width, got, want)
		}
	}
}

func TestBaseName(t *testing.T) {
	for in, want := range map[string]string{
		"photos/Market Day.JPG":                 "market-day",
		`C:\Users\a\IMG_0042.jpeg`:              "photo",
		"IMG_20260312_141503.jpg":               "photo",
		"PXL_20260312_141503123.MP.jpg":         "photo",
		"floods-2024-05-12-shelter2.jpg":        "floods-shelter2",
		"DSC01234.JPG":                          "photo",
		"P1010123.JPG":                          "photo",
		"IMG20260312141503.jpg":                 "photo",
		"IMG-20260312-WA0001.jpg":               "photo",
		"Market at dawn 3.jpg":                  "market-at-dawn",
		"Screenshot 2026-03-12 at 14.15.03.png": "photo",
		"content/ru/Рынок в Одессе.webp":        "rynok-v-odesse",
		"../../???.png":                         "photo",
		".jpg":                                  "photo",
		"a_very_long_file_name_that_goes_on_and_on_forever.jpg": "a-very-long-file-name-that-goes-on-and-o",
	} {
		if got := baseName(in); got != want {
			t.Errorf("baseName(%q) = %q, want %q", in, got, want)
		}
	}
}

// For random sizes and orientations, every rendition's planned size is
// the size of the file Process makes.
func TestPlanMatchesOutputs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sizes := [][2]int{{1, 1}, {1, 500}, {700, 1}, {321, 319}, {1283, 77}}
	for range 7 {
		sizes = append(sizes, [2]int{1 + rng.IntN(1400), 1 + rng.IntN(1400)})
	}
	for _, s := range sizes {
		o := 1 + rng.IntN(8)
		src := withMetadata(t, encodeJPEG(t, quadrants(s[0], s[1]), 80), o, bigEndian)
		info, err := Probe("p.jpg", src)
		if err != nil {
			t.Fatal(err)
		}
		plan := Plan(info, true)
		outs, err := Process(src, info, plan)
		if err != nil {
			t.Fatalf("%v o=%d: %v", s, o, err)
		}
		for i, r := range plan {
			if r.Width > max(info.Width, 1) || r.Height > max(info.Height, 1) {
				t.Errorf("%v o=%d: %s %dx%d upscales", s, o, r.Name, r.Width, r.Height)
			}
			var cfg image.Config
			if r.Format == "jpeg" {
				cfg, err = jpeg.DecodeConfig(bytes.NewReader(outs[i]))
			} else {
				cfg, err = xwebp.DecodeConfig(bytes.NewReader(outs[i]))
			}
			if err != nil || cfg.Width != r.Width || cfg.Height != r.Height {
				t.Errorf("%v o=%d: %s planned %dx%d, file %dx%d (%v)", s, o, r.Name, r.Width, r.Height, cfg.Width, cfg.Height, err)
			}
		}
	}
}

var bigEndian = binary.BigEndian
