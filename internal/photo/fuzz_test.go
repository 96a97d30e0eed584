package photo

import (
	"encoding/binary"
	"testing"
)

// FuzzProbe: Probe, and Process on what Probe accepts when it is small,
// never panic, whatever the bytes. Process makes only the JPEG files here:
// what the fuzzer attacks is the decoding, and the WebP encoder's start in
// each fuzzing process (a fifth of a second) ran past the fuzzing time.
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
				var plan []Rendition
				for _, r := range Plan(info, true) {
					if r.Format == "jpeg" {
						plan = append(plan, r)
					}
				}
				outs, err := Process(data, info, plan)
				if err == nil && len(outs) != len(plan) {
					t.Fatalf("Process returned %d files", len(outs))
				}
			}
		}
	})
}
