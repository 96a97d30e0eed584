package photo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"slices"
	"testing"
)

// webpWith wraps a simple WebP's image chunk in an extended file with
// the given chunks after it, as exiftool and cwebp -metadata write them.
func webpWith(t *testing.T, simple []byte, extra ...[]byte) []byte {
	t.Helper()
	if string(simple[12:16]) != "VP8 " && string(simple[12:16]) != "VP8L" {
		t.Fatalf("not a simple WebP: %q", simple[12:16])
	}
	vp8x := []byte("VP8X\x0a\x00\x00\x00\x0c\x00\x00\x00\x00\x00\x00\x00\x00\x00")
	body := append([]byte("WEBP"), vp8x...)
	body = append(body, simple[12:]...)
	for _, c := range extra {
		body = append(body, c...)
	}
	return append(binary.LittleEndian.AppendUint32([]byte("RIFF"), uint32(len(body))), body...)
}

func riffChunk(typ string, data []byte) []byte {
	c := binary.LittleEndian.AppendUint32([]byte(typ), uint32(len(data)))
	c = append(c, data...)
	if len(data)&1 == 1 {
		c = append(c, 0)
	}
	return c
}

// TestMetadataFound: every block a camera, a phone or an editor writes,
// in every place a format keeps it, is named; the files the site
// encodes carry none.
func TestMetadataFound(t *testing.T) {
	plain := encodeJPEG(t, photoLike(120, 80, 1), 90)
	tiff := buildEXIF(binary.BigEndian, 6, nil)
	xmp := []byte(`<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="46,28.50N"/></rdf:RDF></x:xmpmeta>`)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(xmp)
	zw.Close()
	plainPNG := encodePNG(t, photoLike(60, 40, 2))
	ihdrEnd := 8 + 12 + 13
	pngWith := func(chunks ...[]byte) []byte {
		out := slices.Clone(plainPNG[:ihdrEnd])
		for _, c := range chunks {
			out = append(out, c...)
		}
		return append(out, plainPNG[ihdrEnd:]...)
	}
	info, err := Probe("a.jpg", plain)
	if err != nil {
		t.Fatal(err)
	}
	outs, err := Process(plain, info, []Rendition{{Name: "a.webp", Format: "webp", Kind: KindWidth, Width: 60, Height: 40}})
	if err != nil {
		t.Fatal(err)
	}
	simpleWebP := outs[0]
	second := append(slices.Clone(plain[:2]), segment(0xE1, append([]byte("Exif\x00\x00"), tiff...))...)
	second = append(second, plain[2:]...)

	heif := func(version byte, itemType string, payload []byte) []byte {
		infe := []byte("\x00\x00\x00\x15infe")
		infe = append(infe, version, 0, 0, 0, 0, 1)
		if version >= 3 {
			infe = append(infe, 0, 0)
		}
		infe = append(append(append(infe, 0, 0), itemType...), "Metadata\x00"...) // its name
		out := append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), infe...)
		return append(append(out, "\x00\x00\x10\x00mdat"...), payload...)
	}
	var plainTIFF bytes.Buffer
	plainTIFF.WriteString("II*\x00\x08\x00\x00\x00")
	writeIFD(&plainTIFF, binary.LittleEndian, 8, []tiffTag{{0x0100, 3, 1, []byte{1, 0}}, {0x0101, 3, 1, []byte{1, 0}}}, 0)

	for _, c := range []struct {
		name string
		data []byte
		want []string
	}{
		{"scan.tif", buildEXIF(binary.BigEndian, 1, nil), []string{"EXIF"}},
		{"scan-le.tif", buildEXIF(binary.LittleEndian, 1, nil), []string{"EXIF"}},
		{"plain.tif", plainTIFF.Bytes(), nil},
		{"libheif.heic", heif(2, "Exif", append([]byte{0, 0, 0, 0}, tiff...)), []string{"EXIF"}},
		{"item-id-32.avif", heif(3, "Exif", append([]byte{0, 0, 0, 0}, tiff...)), []string{"EXIF"}},
		{"plain.heic", heif(2, "hvc1", nil), nil},
		{"phone.jpg", withMetadata(t, plain, 6, binary.LittleEndian), []string{"EXIF", "XMP", "IPTC"}},
		{"exif.jpg", second, []string{"EXIF"}},
		{"xmp.jpg", append(slices.Clone(plain[:2]), append(segment(0xE1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), xmp...)), plain[2:]...)...), []string{"XMP"}},
		{"second-image.jpg", append(slices.Clone(plain), second...), []string{"EXIF"}},
		{"exif.png", pngWith(pngChunk("eXIf", tiff)), []string{"EXIF"}},
		{"exif-after-data.png", append(slices.Clone(plainPNG[:len(plainPNG)-12]), append(pngChunk("eXIf", tiff), plainPNG[len(plainPNG)-12:]...)...), []string{"EXIF"}},
		{"xmp-itxt.png", pngWith(pngChunk("iTXt", append([]byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"), xmp...))), []string{"XMP"}},
		{"xmp-ztxt.png", pngWith(pngChunk("zTXt", append([]byte("XML:com.adobe.xmp\x00\x00"), z.Bytes()...))), []string{"XMP"}},
		{"imagemagick.png", pngWith(pngChunk("zTXt", []byte("Raw profile type exif\x00\x00x")), pngChunk("zTXt", []byte("Raw profile type iptc\x00\x00x"))), []string{"EXIF", "IPTC"}},
		{"exif.webp", webpWith(t, simpleWebP, riffChunk("EXIF", tiff)), []string{"EXIF"}},
		{"xmp.webp", webpWith(t, simpleWebP, riffChunk("XMP ", xmp)), []string{"XMP"}},
		{"plain.jpg", plain, nil},
		{"plain.png", plainPNG, nil},
		{"text.png", pngWith(pngChunk("tEXt", []byte("Software\x00an editor"))), nil},
		{"site.webp", simpleWebP, nil},
		{"notes.jpg", []byte("Exif\x00\x00 is a word here, not an image"), nil},
	} {
		if got := Metadata(c.data); !slices.Equal(got, c.want) {
			t.Errorf("%s: Metadata = %v, want %v", c.name, got, c.want)
		}
	}
}
