package photo

import (
	"bytes"
	"encoding/binary"
	"image/color"
	"strings"
	"testing"

	"github.com/gen2brain/webp"
)

// pngHeader is a PNG that is only a signature and an IHDR declaring
// w × h RGBA pixels: a few bytes that would decode to gigabytes.
func pngHeader(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	return append([]byte("\x89PNG\r\n\x1a\n"), pngChunk("IHDR", ihdr)...)
}

// jpegHeader is a JPEG that is only SOI, a baseline SOF declaring w × h
// pixels and the start of a scan.
func jpegHeader(w, h uint16) []byte {
	sof := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1}
	sos := []byte{3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0}
	d := append([]byte{0xFF, 0xD8}, segment(0xC0, sof)...)
	return append(d, segment(0xDA, sos)...)
}

// sof is a JPEG whose frame header is made another kind: marker SOFn,
// of precision bits a sample.
func sof(jpg []byte, marker, precision byte) []byte {
	out := bytes.Clone(jpg)
	i := bytes.Index(out, []byte{0xFF, 0xC0})
	out[i+1], out[i+4] = marker, precision
	return out
}

func encodeWebP(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := webp.Encode(&buf, quadrants(w, h), webp.Options{Quality: 60}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestProbeRefuses(t *testing.T) {
	jpg := encodeJPEG(t, quadrants(40, 30), 80)
	png := encodePNG(t, quadrants(40, 30))
	big := make([]byte, MaxSourceBytes+1)
	copy(big, jpg)
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"bomb.png", pngHeader(60000, 60000), "bomb.png declares 60000 × 60000 pixels; photos may be at most 12000 pixels on a side: resize it before adding it"},
		{"bomb2.png", pngHeader(10000, 10000), "bomb2.png declares 10000 × 10000 pixels (100 MP); photos may have at most 40 MP: resize it before adding it"},
		{"bomb.jpg", jpegHeader(65000, 65000), "bomb.jpg declares 65000 × 65000 pixels; photos may be at most 12000 pixels on a side"},
		{"bomb2.jpg", jpegHeader(8000, 6000), "bomb2.jpg declares 8000 × 6000 pixels (48 MP); photos may have at most 40 MP"},
		{"cut.jpg", jpg[:20], "cut.jpg ends early, inside its JPEG header: it was probably cut short when copied; copy or export it again"},
		{"cut.png", png[:30], "cut.png ends early, inside its PNG header"},
		{"arithmetic.jpg", sof(jpg, 0xC9, 8), "arithmetic.jpg is a JPEG of a kind that cannot be read here (unsupported JPEG feature: unknown marker), such as 12-bit, lossless or arithmetic-coded: export it again as an ordinary 8-bit JPEG"},
		{"12-bit.jpg", sof(jpg, 0xC1, 12), "12-bit.jpg is a JPEG of a kind that cannot be read here (unsupported JPEG feature: precision)"},
		{"lossless.jpg", sof(jpg, 0xC3, 8), "lossless.jpg is a JPEG of a kind that cannot be read here"},
		{"zero.png", pngHeader(0, 10), "zero.png is damaged"},
		{"photo.jpg", png, "photo.jpg is a PNG file but its name ends in .jpg: rename it to end in .png"},
		{"photo.PNG", jpg, "photo.PNG is a JPEG file but its name ends in .png: rename it to end in .jpg"},
		{"photo", jpg, "photo is a JPEG file but its name does not end in .jpg, .jpeg, .png or .webp: rename it to end in .jpg"},
		{"anim.gif", []byte("GIF89a\x01\x00\x01\x00"), "anim.gif is a GIF file; photos must be JPEG, PNG or WebP: save the frame to show as PNG, or a photo as JPEG"},
		{"iphone.jpg", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), "iphone.jpg is a HEIC file; photos must be JPEG, PNG or WebP: convert it to JPEG and show the .jpg (on a Mac, open it in Preview"},
		{"notes.jpg", []byte("hello, world"), "notes.jpg is not a valid JPEG file (its first bytes are not a JPEG header)"},
		{"notes.txt", []byte("hello, world"), "notes.txt is not a photo this site can publish"},
		{"empty.jpg", nil, "empty.jpg is empty"},
		{"anim.webp", []byte("RIFF\x16\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x02\x00\x00\x00\x09\x00\x00\x09\x00\x00"), "anim.webp is an animated WebP; photos must be still images"},
		{"huge.jpg", big, "huge.jpg is 25.0 MB; photos may be at most 25 MB: export it at a smaller size or higher compression"},
	} {
		_, err := Probe(c.name, c.data)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
		} else if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s:\n got %q\nwant %q…", c.name, err, c.want)
		}
	}
}

func TestProbeAccepts(t *testing.T) {
	for _, c := range []struct {
		name   string
		data   []byte
		format string
	}{
		{"a.JPEG", encodeJPEG(t, quadrants(40, 30), 80), "jpeg"},
		{"dir.v2/b.png", encodePNG(t, quadrants(40, 30)), "png"},
		{"c.webp", encodeWebP(t, 40, 30), "webp"},
	} {
		info, err := Probe(c.name, c.data)
		if err != nil {
			t.Fatal(err)
		}
		if info.Format != c.format || info.Width != 40 || info.Height != 30 || info.Orientation != 1 || len(info.Hash) != 64 {
			t.Errorf("%s: %+v", c.name, info)
		}
	}
	// At the limits exactly: accepted without decoding.
	if _, err := Probe("edge.png", pngHeader(MaxSide, MaxPixels/MaxSide)); err != nil {
		t.Errorf("at the limits: %v", err)
	}
}

// Process on sources whose header is fine but whose data is cut or
// damaged fails with an error and never panics.
func TestProcessDamaged(t *testing.T) {
	jpg := withMetadata(t, encodeJPEG(t, photoLike(300, 200, 5), 85), 6, binary.LittleEndian)
	png := encodePNG(t, photoLike(300, 200, 5))
	wp := encodeWebP(t, 300, 200)
	noisy := bytes.Clone(jpg)
	for i := len(noisy) / 2; i < len(noisy)-2; i += 7 {
		noisy[i] = 0xFF
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"half.jpg", jpg[:len(jpg)/2]},
		{"noisy.jpg", noisy},
		{"half.png", png[:len(png)/2]},
		{"half.webp", wp[:len(wp)/2]},
		{"pngheader.png", pngHeader(300, 200)},
		{"jpegheader.jpg", jpegHeader(300, 200)},
	} {
		info, err := Probe(c.name, c.data)
		if err != nil {
			t.Logf("%s: refused by Probe: %v", c.name, err)
			continue
		}
		_, err = Process(c.data, info, Plan(info, true))
		switch {
		case err == nil:
			t.Errorf("%s: Process accepted damaged data", c.name)
		case strings.HasPrefix(c.name, "half.") && !strings.Contains(err.Error(), "cut short") && !strings.Contains(err.Error(), "incomplete"):
			t.Errorf("%s, cut in half, is not said to be cut short: %v", c.name, err)
		default:
			t.Logf("%s: %v", c.name, err)
		}
	}
	// Info that does not describe the data.
	info, _ := Probe("ok.png", png)
	info.Width, info.Height = 30, 20
	if _, err := Process(png, info, Plan(info, false)); err == nil {
		t.Error("Process accepted Info of another size")
	}
	info, _ = Probe("ok.png", png)
	if _, err := Process(png, info, []Rendition{{Kind: "w", Format: "gif", Width: 10, Height: 10, Name: "x.gif"}}); err == nil {
		t.Error("Process accepted an unknown format")
	}
}

// Transparent PNG pixels come out white in both formats.
func TestAlphaFlattenedOnWhite(t *testing.T) {
	img := solid(64, 64, color.RGBA{0, 0, 0, 0})
	src := encodePNG(t, img)
	info, err := Probe("clear.png", src)
	if err != nil {
		t.Fatal(err)
	}
	plan := Plan(info, false)
	outs, err := Process(src, info, plan)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range plan {
		m, err := decodeAny(r.Format, outs[i])
		if err != nil {
			t.Fatal(err)
		}
		if c := m.At(32, 32); !near(c, color.White) {
			t.Errorf("%s: transparent became %v", r.Name, c)
		}
	}
}
