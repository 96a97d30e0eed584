package photo

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/rwcarlsen/goexif/exif"
)

// tiffTag is one entry of a hand-built TIFF IFD: its value bytes, already
// in the block's byte order.
type tiffTag struct {
	id, typ uint16
	count   uint32
	val     []byte
}

func (t tiffTag) extLen() int {
	if len(t.val) <= 4 {
		return 0
	}
	return len(t.val) + len(t.val)&1
}

func ifdLen(tags []tiffTag) int {
	n := 2 + 12*len(tags) + 4
	for _, t := range tags {
		n += t.extLen()
	}
	return n
}

// writeIFD appends an IFD that starts at offset off, its out-of-line
// values right after it.
func writeIFD(buf *bytes.Buffer, bo binary.ByteOrder, off int, tags []tiffTag, next uint32) {
	if buf.Len() != off {
		panic(fmt.Sprintf("IFD at %d, expected %d", buf.Len(), off))
	}
	ext := off + 2 + 12*len(tags) + 4
	var data bytes.Buffer
	binary.Write(buf, bo, uint16(len(tags)))
	for _, t := range tags {
		binary.Write(buf, bo, t.id)
		binary.Write(buf, bo, t.typ)
		binary.Write(buf, bo, t.count)
		if len(t.val) <= 4 {
			v := make([]byte, 4)
			copy(v, t.val)
			buf.Write(v)
		} else {
			binary.Write(buf, bo, uint32(ext+data.Len()))
			data.Write(t.val)
			if len(t.val)&1 == 1 {
				data.WriteByte(0)
			}
		}
	}
	binary.Write(buf, bo, next)
	buf.Write(data.Bytes())
}

// buildEXIF makes a TIFF block like a phone's: camera make and model, an
// orientation, the date taken, a GPS position and a JPEG thumbnail in
// IFD1.
func buildEXIF(bo binary.ByteOrder, orient int, thumb []byte) []byte {
	u16 := func(v uint16) []byte { b := make([]byte, 2); bo.PutUint16(b, v); return b }
	u32 := func(v uint32) []byte { b := make([]byte, 4); bo.PutUint32(b, v); return b }
	rats := func(v ...uint32) []byte {
		var b []byte
		for _, x := range v {
			b = append(b, u32(x)...)
		}
		return b
	}
	ascii := func(s string) []byte { return append([]byte(s), 0) }
	ifd0 := []tiffTag{
		{0x010F, 2, 8, ascii("TestCam")},
		{0x0110, 2, 9, ascii("Model X1")},
		{0x0112, 3, 1, u16(uint16(orient))},
		{0x8769, 4, 1, nil}, // Exif IFD, filled below
		{0x8825, 4, 1, nil}, // GPS IFD, filled below
	}
	exifIFD := []tiffTag{{0x9003, 2, 20, ascii("2026:11:30 10:00:00")}}
	gps := []tiffTag{
		{0x0000, 1, 4, []byte{2, 3, 0, 0}},
		{0x0001, 2, 2, ascii("N")},
		{0x0002, 5, 3, rats(46, 1, 28, 1, 3012, 100)},
		{0x0003, 2, 2, ascii("E")},
		{0x0004, 5, 3, rats(30, 1, 43, 1, 5040, 100)},
	}
	ifd1 := []tiffTag{
		{0x0103, 3, 1, u16(6)},
		{0x0201, 4, 1, nil}, // thumbnail offset, filled below
		{0x0202, 4, 1, u32(uint32(len(thumb)))},
	}
	o0 := 8
	oExif := o0 + ifdLen(ifd0)
	oGPS := oExif + ifdLen(exifIFD)
	o1 := oGPS + ifdLen(gps)
	oThumb := o1 + ifdLen(ifd1)
	ifd0[3].val = u32(uint32(oExif))
	ifd0[4].val = u32(uint32(oGPS))
	ifd1[1].val = u32(uint32(oThumb))

	var buf bytes.Buffer
	if bo == binary.ByteOrder(binary.LittleEndian) {
		buf.WriteString("II")
	} else {
		buf.WriteString("MM")
	}
	buf.Write(u16(42))
	buf.Write(u32(8))
	writeIFD(&buf, bo, o0, ifd0, uint32(o1))
	writeIFD(&buf, bo, oExif, exifIFD, 0)
	writeIFD(&buf, bo, oGPS, gps, 0)
	writeIFD(&buf, bo, o1, ifd1, 0)
	buf.Write(thumb)
	return buf.Bytes()
}

// secrets are strings the metadata of test sources carries; no output
// may contain any of them.
var secrets = []string{"TestCam", "Model X1", "2026:11:30", "Exif", "http://ns.adobe.com", "GPSLatitude", "Photoshop", "8BIM", "Secret location", "ICC_PROFILE", "Shot near the checkpoint"}

func segment(marker byte, payload []byte) []byte {
	s := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(s[2:], uint16(len(payload)+2))
	return append(s, payload...)
}

// withMetadata inserts, after the SOI of a plain JPEG, the metadata
// segments phones and editors write: EXIF (with GPS and a thumbnail),
// XMP, IPTC in Photoshop APP13, an ICC profile and a comment.
func withMetadata(t testing.TB, plain []byte, orient int, bo binary.ByteOrder) []byte {
	t.Helper()
	thumb := encodeJPEG(t, solid(16, 12, color.RGBA{200, 50, 50, 255}), 50)
	tiff := buildEXIF(bo, orient, thumb)
	xmp := []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"46,28.50N\" exif:GPSLongitude=\"30,43.84E\"/></rdf:RDF></x:xmpmeta>")
	iptc := []byte{0x1C, 0x02, 0x5C, 0x00, 15}
	iptc = append(iptc, "Secret location"...)
	res := []byte("8BIM\x04\x04\x00\x00")
	res = binary.BigEndian.AppendUint32(res, uint32(len(iptc)))
	res = append(res, iptc...)
	if len(res)&1 == 1 {
		res = append(res, 0)
	}
	app13 := append([]byte("Photoshop 3.0\x00"), res...)
	icc := append([]byte("ICC_PROFILE\x00\x01\x01"), bytes.Repeat([]byte{0x42}, 128)...)
	var out []byte
	out = append(out, plain[:2]...)
	out = append(out, segment(0xE1, append([]byte("Exif\x00\x00"), tiff...))...)
	out = append(out, segment(0xE1, xmp)...)
	out = append(out, segment(0xED, app13)...)
	out = append(out, segment(0xE2, icc)...)
	out = append(out, segment(0xFE, []byte("Shot near the checkpoint"))...)
	out = append(out, plain[2:]...)
	return out
}

// pngWithMetadata adds an eXIf chunk and a tEXt chunk to a plain PNG,
// after its IHDR.
func pngWithMetadata(t testing.TB, plain []byte, orient int) []byte {
	t.Helper()
	thumb := encodeJPEG(t, solid(8, 8, color.RGBA{0, 0, 0, 255}), 50)
	ihdrEnd := 8 + 12 + 13
	var out []byte
	out = append(out, plain[:ihdrEnd]...)
	out = append(out, pngChunk("eXIf", buildEXIF(binary.BigEndian, orient, thumb))...)
	out = append(out, pngChunk("tEXt", []byte("Comment\x00Shot near the checkpoint"))...)
	return append(out, plain[ihdrEnd:]...)
}

func pngChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(c, typ...)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkJPEGClean walks a JPEG's marker structure: before the scan only
// DQT, SOF, DHT, DRI and APP0/JFIF may appear, never another APPn or a
// comment; the scan must be followed by EOI at the very end.
func jpegProblems(d []byte) (probs []string) {
	if len(d) < 4 || d[0] != 0xFF || d[1] != 0xD8 {
		probs = append(probs, "no SOI")
		return probs
	}
	i := 2
	for {
		if i+4 > len(d) || d[i] != 0xFF {
			probs = append(probs, fmt.Sprintf("broken marker structure at %d", i))
			return probs
		}
		m := d[i+1]
		n := int(binary.BigEndian.Uint16(d[i+2:]))
		seg := d[i+4 : min(i+2+n, len(d))]
		switch {
		case m == 0xE0 && bytes.HasPrefix(seg, []byte("JFIF\x00")):
		case m >= 0xE0 && m <= 0xEF:
			probs = append(probs, fmt.Sprintf("has an APP%d segment (%q…)", m-0xE0, seg[:min(len(seg), 12)]))
		case m == 0xFE:
			probs = append(probs, fmt.Sprintf("has a comment %q", seg))
		case m == 0xDB, m == 0xC4, m == 0xDD, m >= 0xC0 && m <= 0xC2:
		case m == 0xDA:
			// Entropy-coded data up to the next marker that is neither
			// a stuffed 0xFF00 nor a restart.
			j := i + 2 + n
			for j+1 < len(d) && !(d[j] == 0xFF && d[j+1] != 0 && (d[j+1] < 0xD0 || d[j+1] > 0xD7)) {
				j++
			}
			if j+2 != len(d) || d[j+1] != 0xD9 {
				probs = append(probs, fmt.Sprintf("after the scan, marker %#x at %d of %d instead of a final EOI", d[min(j+1, len(d)-1)], j, len(d)))
			}
			return probs
		default:
			probs = append(probs, fmt.Sprintf("unexpected marker %#x", m))
		}
		i += 2 + n
	}
}

// checkWebPClean walks a WebP's RIFF chunks: only image chunks (VP8,
// VP8L, VP8X without metadata flags, ALPH) may appear.
func webpProblems(d []byte) (probs []string) {
	if len(d) < 12 || string(d[:4]) != "RIFF" || string(d[8:12]) != "WEBP" {
		probs = append(probs, "not a RIFF WEBP file")
		return probs
	}
	if n := binary.LittleEndian.Uint32(d[4:]); int(n)+8 != len(d) {
		probs = append(probs, fmt.Sprintf("RIFF size %d for %d bytes", n, len(d)))
	}
	for i := 12; i < len(d); {
		if i+8 > len(d) {
			probs = append(probs, fmt.Sprintf("truncated chunk header at %d", i))
			return probs
		}
		typ := string(d[i : i+4])
		n := int(binary.LittleEndian.Uint32(d[i+4:]))
		switch typ {
		case "VP8 ", "VP8L", "ALPH":
		case "VP8X":
			if flags := d[i+8]; flags&(0x20|0x08|0x04) != 0 {
				probs = append(probs, fmt.Sprintf("VP8X declares metadata (flags %#x)", flags))
			}
		default:
			probs = append(probs, fmt.Sprintf("has a %q chunk", typ))
		}
		i += 8 + n + n&1
	}
	return probs
}

func checkNoMetadata(t *testing.T, name string, format string, d []byte) {
	t.Helper()
	if x, err := exif.Decode(bytes.NewReader(d)); err == nil {
		t.Errorf("%s: EXIF found in output: %v", name, x)
	}
	for _, s := range secrets {
		if bytes.Contains(d, []byte(s)) {
			t.Errorf("%s: contains %q", name, s)
		}
	}
	var probs []string
	switch format {
	case "jpeg":
		probs = jpegProblems(d)
	case "webp":
		probs = webpProblems(d)
	default:
		probs = []string{"unexpected format " + format}
	}
	for _, p := range probs {
		t.Errorf("%s: %s", name, p)
	}
}

func TestNoMetadataInOutputs(t *testing.T) {
	plain := encodeJPEG(t, photoLike(700, 460, 7), 90)
	src := withMetadata(t, plain, 6, binary.LittleEndian)

	// The source really carries what the outputs must not.
	x, err := exif.Decode(bytes.NewReader(src))
	if err != nil {
		t.Fatalf("test EXIF unreadable: %v", err)
	}
	if lat, long, err := x.LatLong(); err != nil || lat < 46 || lat > 47 || long < 30 || long > 31 {
		t.Fatalf("test EXIF GPS = %v, %v, %v", lat, long, err)
	}
	if th, err := x.JpegThumbnail(); err != nil || len(th) == 0 {
		t.Fatalf("test EXIF thumbnail: %v", err)
	}
	if m, err := x.Get(exif.Make); err != nil || !bytes.Contains([]byte(m.String()), []byte("TestCam")) {
		t.Fatalf("test EXIF make: %v %v", m, err)
	}
	if _, err := x.Get(exif.DateTimeOriginal); err != nil {
		t.Fatalf("test EXIF date: %v", err)
	}

	pngSrc := pngWithMetadata(t, encodePNG(t, photoLike(300, 200, 3)), 3)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"phone.jpg", src},
		{"big-endian.jpg", withMetadata(t, plain, 1, binary.BigEndian)},
		{"screenshot.png", pngSrc},
	} {
		info, err := Probe(c.name, c.data)
		if err != nil {
			t.Fatal(err)
		}
		plan := Plan(info, true)
		outs, err := Process(c.data, info, plan)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range plan {
			checkNoMetadata(t, c.name+"→"+r.Name, r.Format, outs[i])
		}
	}
	if info, _ := Probe("phone.jpg", src); info.Orientation != 6 || info.Width != 460 || info.Height != 700 {
		t.Errorf("phone.jpg: %+v", info)
	}
	if info, _ := Probe("screenshot.png", pngSrc); info.Orientation != 3 {
		t.Errorf("screenshot.png: orientation %d from eXIf, want 3", info.Orientation)
	}
}

// The checkers find the metadata the test sources carry.
func TestCheckersSeeMetadata(t *testing.T) {
	src := withMetadata(t, encodeJPEG(t, solid(32, 32, color.RGBA{1, 2, 3, 255}), 80), 1, binary.LittleEndian)
	if p := jpegProblems(src); len(p) != 5 {
		t.Errorf("source JPEG: %d problems found, want 5 (EXIF, XMP, IPTC, ICC, COM): %q", len(p), p)
	}
	w := []byte("RIFF\x00\x00\x00\x00WEBP")
	w = append(w, "VP8X\x0a\x00\x00\x00\x2c\x00\x00\x00\x1f\x00\x00\x1f\x00\x00"...)
	w = append(w, "EXIF\x02\x00\x00\x00II"...)
	w = append(w, "XMP \x01\x00\x00\x00<\x00"...)
	w = append(w, "ICCP\x02\x00\x00\x00ab"...)
	binary.LittleEndian.PutUint32(w[4:], uint32(len(w)-8))
	if p := webpProblems(w); len(p) != 4 {
		t.Errorf("WebP with metadata: %d problems, want 4 (flags, EXIF, XMP, ICCP): %q", len(p), p)
	}
}
