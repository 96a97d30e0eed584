package photo

import (
	"bytes"
	"encoding/binary"
	"path"
	"strings"
)

// revealingExt are the names of the image files that may carry a
// camera's metadata: the photos' formats and the other formats phones
// and cameras write.
var revealingExt = map[string]bool{".jpg": true, ".jpeg": true, ".jpe": true, ".jfif": true,
	".png": true, ".apng": true, ".webp": true, ".gif": true,
	".heic": true, ".heif": true, ".avif": true, ".tif": true, ".tiff": true}

// MayReveal tells whether a file named name is an image that Metadata
// should read before it is published as it is.
func MayReveal(name string) bool {
	return revealingExt[strings.ToLower(path.Ext(name))]
}

// IsSVG tells whether a file named name is an SVG drawing, which
// SVGMetadata reads.
func IsSVG(name string) bool { return strings.EqualFold(path.Ext(name), ".svg") }

// Metadata names the blocks of metadata an image file carries that tell
// where, when, with what or by whom it was taken: "EXIF" (which holds a
// GPS position, the time and the camera), "XMP" and "IPTC", in that
// order; none for a clean file or one that is no image. It reads JPEG,
// PNG and WebP by their structure (PNG's eXIf and text chunks, WebP's
// EXIF and XMP chunks), and finds in any file the blocks as JPEG writes
// them (APP1 Exif and XMP, APP13 Photoshop), in a second image after the
// first too, and as HEIC and GIF carry them. It is for files published
// as they are, such as those of static/: a photo an article shows is
// encoded anew and carries none.
func Metadata(data []byte) []string {
	var exif, xmp, iptc bool
	switch format, _ := sniff(data); format {
	case "png":
		for i := 8; i+8 <= len(data); {
			n := int(binary.BigEndian.Uint32(data[i:]))
			if n < 0 || n > len(data)-i-12 {
				break
			}
			typ, body := string(data[i+4:i+8]), data[i+8:i+8+n]
			switch typ {
			case "eXIf":
				exif = true
			case "tEXt", "zTXt", "iTXt":
				key, _, _ := bytes.Cut(body, []byte{0})
				switch k := strings.ToLower(string(key)); {
				case k == "xml:com.adobe.xmp", k == "raw profile type xmp":
					xmp = true
				case k == "raw profile type exif", k == "raw profile type app1":
					exif = true
				case k == "raw profile type iptc", k == "raw profile type 8bim":
					iptc = true
				}
			}
			i += 12 + n
		}
	case "webp":
		for i := 12; i+8 <= len(data); {
			n := int(binary.LittleEndian.Uint32(data[i+4:]))
			if n < 0 || n > len(data)-i-8 {
				break
			}
			switch string(data[i : i+4]) {
			case "EXIF":
				exif = true
			case "XMP ":
				xmp = true
			}
			i += 8 + n + n&1
		}
	case "", "PDF", "SVG":
		return nil // no photo
	}
	exif = exif || bytes.Contains(data, []byte("Exif\x00\x00"))
	xmp = xmp || bytes.Contains(data, []byte("<x:xmpmeta")) || bytes.Contains(data, []byte("http://ns.adobe.com/xap/1.0/")) ||
		bytes.Contains(data, []byte("XMP DataXMP"))
	iptc = iptc || bytes.Contains(data, []byte("Photoshop 3.0\x00"))
	var found []string
	for _, b := range []struct {
		on   bool
		name string
	}{{exif, "EXIF"}, {xmp, "XMP"}, {iptc, "IPTC"}} {
		if b.on {
			found = append(found, b.name)
		}
	}
	return found
}
