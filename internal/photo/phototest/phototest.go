// Package phototest makes photos for tests: photo-like pixels, and the
// metadata a camera writes (EXIF with GPS, XMP, IPTC, a comment), so that
// tests can check that none of it is published. No binary blobs in the
// repository: every photo is made by the test that needs it.
package phototest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
)

// Pixels is a photo-like picture: smooth gradients and some noise, so that
// encoders work as on a real photo. Its top-left quarter is red, so that a
// test can tell which way up it is.
func Pixels(w, h int, seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 7))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			n := r.IntN(24)
			c := color.RGBA{uint8(40 + 150*x/w + n), uint8(60 + 120*y/h + n), uint8(120 + n), 255}
			if x < w/2 && y < h/2 {
				c = color.RGBA{220, uint8(20 + n), uint8(20 + n), 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// JPEG is a plain JPEG of photo-like pixels.
func JPEG(w, h int, seed uint64) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, Pixels(w, h, seed), &jpeg.Options{Quality: 85}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// PNG is a plain PNG of photo-like pixels.
func PNG(w, h int, seed uint64) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, Pixels(w, h, seed)); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// Latitude and Longitude are where the photos say they were taken.
const Latitude, Longitude = 40.4093, 49.8671

// WithMetadata is a JPEG with what a phone camera adds after its JFIF
// header: EXIF (orientation, make, model, time, and a GPS position), XMP
// with the position again, IPTC, and a comment.
func WithMetadata(plain []byte, orientation int) []byte {
	segs := [][]byte{
		segment(0xE1, append([]byte("Exif\x00\x00"), exif(orientation)...)),
		segment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description exif:GPSLatitude=\"40,24.558N\" exif:GPSLongitude=\"49,52.026E\"/></rdf:RDF></x:xmpmeta>")),
		segment(0xED, []byte("Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0c\x1c\x02\x5a\x00\x04Baku")),
		segment(0xFE, []byte("taken at the detention centre")),
	}
	// After SOI and the JFIF APP0 segment, if there is one.
	at := 2
	if len(plain) > 4 && plain[2] == 0xFF && plain[3] == 0xE0 {
		at = 4 + int(binary.BigEndian.Uint16(plain[4:6]))
	}
	out := append([]byte{}, plain[:at]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, plain[at:]...)
}

// TIFF is the start of a TIFF file as a scanner or a camera writes it:
// its first directory names the camera, the time and a GPS position, as
// EXIF does, for EXIF is made of TIFF.
func TIFF() []byte { return exif(1) }

func segment(marker byte, payload []byte) []byte {
	s := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(s[2:], uint16(len(payload)+2))
	return append(s, payload...)
}

// exif is a little-endian TIFF structure: IFD0 with Orientation, Make,
// Model, DateTime and a pointer to the GPS IFD.
func exif(orientation int) []byte {
	type tag struct {
		id, typ uint16
		count   uint32
		value   []byte // inline if 4 bytes or fewer
	}
	ascii := func(s string) []byte { return append([]byte(s), 0) }
	rational := func(vals ...[2]uint32) []byte {
		var b []byte
		for _, v := range vals {
			b = binary.LittleEndian.AppendUint32(b, v[0])
			b = binary.LittleEndian.AppendUint32(b, v[1])
		}
		return b
	}
	short := func(v uint16) []byte { return binary.LittleEndian.AppendUint16(nil, v) }
	long := func(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
	gps := []tag{
		{0x0001, 2, 2, ascii("N")},
		{0x0002, 5, 3, rational([2]uint32{40, 1}, [2]uint32{24, 1}, [2]uint32{3348, 100})},
		{0x0003, 2, 2, ascii("E")},
		{0x0004, 5, 3, rational([2]uint32{49, 1}, [2]uint32{52, 1}, [2]uint32{156, 100})},
	}
	ifd0 := []tag{
		{0x010F, 2, 6, ascii("Phone")},
		{0x0110, 2, 8, ascii("Model 7")},
		{0x0112, 3, 1, short(uint16(orientation))},
		{0x0132, 2, 20, ascii("2025:09:03 10:30:00")},
		{0x8825, 4, 1, nil}, // the GPS IFD's offset, filled in below
	}
	size := func(tags []tag) int { return 2 + 12*len(tags) + 4 }
	extra := func(tags []tag) int {
		n := 0
		for _, t := range tags {
			if len(t.value) > 4 {
				n += len(t.value)
			}
		}
		return n
	}
	gpsAt := 8 + size(ifd0) + extra(ifd0)
	ifd0[4].value = long(uint32(gpsAt))
	var b bytes.Buffer
	b.WriteString("II*\x00")
	b.Write(long(8))
	write := func(tags []tag, at int) {
		data := at + size(tags)
		var tail []byte
		b.Write(short(uint16(len(tags))))
		for _, t := range tags {
			b.Write(short(t.id))
			b.Write(short(t.typ))
			b.Write(long(t.count))
			if len(t.value) <= 4 {
				v := append(append([]byte{}, t.value...), make([]byte, 4-len(t.value))...)
				b.Write(v)
				continue
			}
			b.Write(long(uint32(data + len(tail))))
			tail = append(tail, t.value...)
		}
		b.Write(long(0))
		b.Write(tail)
	}
	write(ifd0, 8)
	write(gps, gpsAt)
	return b.Bytes()
}

// Bomb is a PNG a few hundred bytes long that declares a picture of
// width × height pixels: decoded, it would take all memory.
func Bomb(width, height uint32) []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1)))
	d := b.Bytes()
	binary.BigEndian.PutUint32(d[16:], width) // IHDR's width and height
	binary.BigEndian.PutUint32(d[20:], height)
	binary.BigEndian.PutUint32(d[29:], crc32.ChecksumIEEE(d[12:29])) // over "IHDR" and its data
	return d
}
