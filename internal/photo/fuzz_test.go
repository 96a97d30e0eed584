package photo

import (
	"encoding/binary"
	"testing"
)

// FuzzProbe: Probe, and Process on what Probe accepts when it is small,
// never panic, whatever the bytes.
func FuzzProbe(f *testing.F) {
	f.Add(withMetadata(f, encodeJPEG(f, quadrants(24, 16), 80), 6, binary.LittleEndian))
	f.Add(encodePNG(f, quadrants(9, 7)))
	f.Add(pngWithMetadata(f, encodePNG(f, quadrants(5, 5)), 8))
	f.Add(encodeWebP(f, 12, 10))
	f.Add(pngHeader(60000, 60000))
	f.Add(jpegHeader(300, 200))
	f.Add([]byte("RIFF\x10\x00\x00\x00WEBPVP8X"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.jpg", "f.png", "f.webp"} {
			info, err := Probe(name, data)
			if err != nil {
				continue
			}
			if info.Width <= 0 || info.Height <= 0 || info.Orientation < 1 || info.Orientation > 8 {
				t.Fatalf("Probe accepted %+v", info)
			}
			if info.Width*info.Height <= 64*64 {
				outs, err := Process(data, info, Plan(info, true))
				if err == nil && len(outs) != len(Plan(info, true)) {
					t.Fatalf("Process returned %d files", len(outs))
				}
			}
		}
	})
}
