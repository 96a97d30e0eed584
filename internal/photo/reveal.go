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

// IsImage tells whether data, the first bytes of a file (16 are enough),
// begin an image of a format that may carry a camera's metadata, whatever
// the file is named: a phone photo saved as "download" or "photo.jpg.orig"
// is published as it is too.
func IsImage(head []byte) bool {
	format, _ := sniff(head)
	return format != "" && format != "PDF" && format != "SVG"
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
// first too, and as HEIC and GIF carry them; a TIFF's by the tags of its
// first directory, a HEIC's or AVIF's EXIF by its item's type. It is for files published
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
	case "TIFF":
		exif, xmp, iptc = tiffTags(data)
	case "HEIC", "AVIF":
		exif = heifExif(data)
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

// tiffTags tells which metadata a TIFF file's first directory points to:
// a TIFF is itself the structure EXIF is made of, and keeps the camera,
// the time and the GPS position there without any "Exif" mark.
func tiffTags(t []byte) (exif, xmp, iptc bool) {
	if len(t) < 8 {
		return false, false, false
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if t[0] == 'M' {
		bo = binary.BigEndian
	}
	off := int64(bo.Uint32(t[4:]))
	if off < 8 || off+2 > int64(len(t)) {
		return false, false, false
	}
	n := int64(bo.Uint16(t[off:]))
	for k := int64(0); k < n && off+2+12*k+12 <= int64(len(t)); k++ {
		switch bo.Uint16(t[off+2+12*k:]) {
		case 0x010F, 0x0110, 0x0132, 0x013B, 0x8769, 0x8825, 0x927C: // make, model, time, artist, EXIF, GPS, maker note
			exif = true
		case 0x02BC:
			xmp = true
		case 0x83BB, 0x8649: // IPTC, Photoshop's
			iptc = true
		}
	}
	return exif, xmp, iptc
}

// heifExif tells whether a HEIC or AVIF file has an item of type Exif,
// which not every writer starts with the "Exif" mark a JPEG has.
func heifExif(d []byte) bool {
	for i := 0; ; {
		j := bytes.Index(d[i:], []byte("infe"))
		if j < 0 {
			return false
		}
		at := i + j + 4 // the box's version, after its type
		i = at
		if at >= len(d) {
			return false
		}
		typ := at + 4 + 2 + 2 // version and flags, a 16-bit item ID, its protection
		if d[at] >= 3 {
			typ += 2 // a 32-bit item ID
		}
		if d[at] >= 2 && typ+4 <= len(d) && string(d[typ:typ+4]) == "Exif" {
			return true
		}
	}
}
