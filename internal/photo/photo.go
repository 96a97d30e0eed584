// Package photo turns the photos that articles carry into the files the
// site publishes: it checks a source (Probe), decides which renditions to
// publish (Plan), renders them (Process) and keeps them in a cache outside
// the site output (Cache).
//
// Every published file is re-encoded from decoded pixels, never copied, so
// it carries no metadata at all: no EXIF (and so no GPS position, date or
// camera), no XMP, IPTC, ICC profile, comment or embedded thumbnail. In
// this region a photo's position can put people at risk.
//
// WebP files are encoded by libwebp compiled to WebAssembly
// (github.com/gen2brain/webp, run by wazero): the module is compiled on
// the first encode, not at start-up, so a build without photos does not
// pay for it. That library prefers a system libwebp.so when the program
// is dynamically linked and one is installed, and it links programs
// dynamically even with CGO_ENABLED=0; build with -tags nodynamic to
// always use the WebAssembly encoder and get a static program.
package photo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"path"
	"strings"
	"unicode"

	"github.com/gosimple/slug"
	xwebp "golang.org/x/image/webp"
)

// Limits a source must respect. They are checked by Probe from the file
// size and the declared dimensions, before any pixel is decoded, so a
// "decompression bomb" (a few bytes declaring a huge image) is refused
// without allocating anything.
const (
	// MaxSourceBytes is the largest source file accepted: 25 MiB holds
	// any camera JPEG at full quality; larger files are usually raw or
	// uncompressed exports.
	MaxSourceBytes = 25 << 20
	// MaxSide is the largest width or height accepted, in pixels.
	MaxSide = 12000
	// MaxPixels is the largest width × height accepted: 40 MP. Decoded,
	// such a photo takes 160 MB of memory per worker.
	MaxPixels = 40_000_000
)

// Info is what Probe learns about a source without decoding its pixels.
type Info struct {
	Hash        string // hex SHA-256 of the source bytes
	Base        string // safe lower-case ASCII slug of the file name's stem, "photo" if none
	Format      string // "jpeg", "png" or "webp", sniffed from the bytes
	Width       int    // as displayed, i.e. after applying Orientation
	Height      int    // as displayed, i.e. after applying Orientation
	Orientation int    // EXIF orientation 1–8, 1 if none
}

// ID is the first 12 hex digits of Hash, used in file names.
func (i Info) ID() string {
	if len(i.Hash) < 12 {
		return i.Hash
	}
	return i.Hash[:12]
}

// storedSize is the size of the pixels as stored in the file, before
// orientation is applied.
func (i Info) storedSize() (w, h int) {
	if i.Orientation >= 5 && i.Orientation <= 8 {
		return i.Height, i.Width
	}
	return i.Width, i.Height
}

var formatNames = map[string]string{"jpeg": "JPEG", "png": "PNG", "webp": "WebP"}

var extFormat = map[string]string{".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}

var formatExt = map[string]string{"jpeg": ".jpg", "png": ".png", "webp": ".webp"}

// sniff names the format of data from its first bytes: one of the three
// accepted formats, the name of a known unsupported format, or "".
func sniff(data []byte) (format string, supported bool) {
	switch {
	case len(data) >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF:
		return "jpeg", true
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png", true
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "webp", true
	case bytes.HasPrefix(data, []byte("GIF8")):
		return "GIF", false
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		switch string(data[8:12]) {
		case "avif", "avis":
			return "AVIF", false
		case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1":
			return "HEIC", false
		}
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return "TIFF", false
	case bytes.HasPrefix(data, []byte("BM")):
		return "BMP", false
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "PDF", false
	case bytes.HasPrefix(data, []byte("<svg")), bytes.HasPrefix(data, []byte("<?xml")):
		return "SVG", false
	}
	return "", false
}

// HowToConvert says how to make a photo the site publishes of a picture
// in another format, as sniff names them: "HEIC", "AVIF", "GIF", "TIFF",
// "BMP"; any other is exported as JPEG.
func HowToConvert(format string) string {
	switch format {
	case "HEIC":
		return "convert it to JPEG and show the .jpg (on a Mac, open it in Preview and choose File > Export as JPEG; " +
			"on Windows, open it in Photos and save a copy as .jpg; on Linux, heif-convert photo.heic photo.jpg); " +
			"an iPhone takes JPEGs with Settings > Camera > Formats > Most Compatible"
	case "AVIF":
		return "convert it to JPEG and show the .jpg (export it as JPEG from the program that made it)"
	case "GIF":
		return "save the frame to show as PNG, or a photo as JPEG"
	case "TIFF", "BMP":
		return "export it as JPEG (a photo) or PNG (a drawing or a screenshot)"
	}
	return "export it as JPEG"
}

// Probe checks a source photo named name (its path or file name) with
// contents data, and reports what it is. It never decodes pixels. Its
// errors are sentences for the author: they name the file, say what is
// wrong and what to do.
func Probe(name string, data []byte) (info Info, err error) {
	defer func() {
		if r := recover(); r != nil {
			info, err = Info{}, fmt.Errorf("%s is damaged: its header cannot be read (%v); export it again from the original", name, r)
		}
	}()
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/")))
	want, extOK := extFormat[ext]
	if len(data) == 0 {
		return Info{}, fmt.Errorf("%s is empty: replace it with the photo itself", name)
	}
	if len(data) > MaxSourceBytes {
		return Info{}, fmt.Errorf("%s is %.1f MB; photos may be at most %d MB: export it at a smaller size or higher compression", name, float64(len(data))/(1<<20), MaxSourceBytes>>20)
	}
	got, supported := sniff(data)
	switch {
	case !supported && got != "":
		return Info{}, fmt.Errorf("%s is a %s file; photos must be JPEG, PNG or WebP: %s", name, got, HowToConvert(got))
	case !supported:
		if !extOK {
			return Info{}, fmt.Errorf("%s is not a photo this site can publish: photos must be JPEG, PNG or WebP files ending in .jpg, .jpeg, .png or .webp", name)
		}
		return Info{}, fmt.Errorf("%s is not a valid %s file (its first bytes are not a %s header): it may be damaged or not an image; export it again", name, formatNames[want], formatNames[want])
	case !extOK:
		return Info{}, fmt.Errorf("%s is a %s file but its name does not end in .jpg, .jpeg, .png or .webp: rename it to end in %s", name, formatNames[got], formatExt[got])
	case got != want:
		return Info{}, fmt.Errorf("%s is a %s file but its name ends in %s: rename it to end in %s", name, formatNames[got], ext, formatExt[got])
	}

	if got == "webp" && len(data) >= 21 && string(data[12:16]) == "VP8X" && data[20]&0x02 != 0 {
		return Info{}, fmt.Errorf("%s is an animated WebP; photos must be still images: export one frame as JPEG", name)
	}

	var cfg image.Config
	r := bytes.NewReader(data)
	switch got {
	case "jpeg":
		cfg, err = jpeg.DecodeConfig(r)
	case "png":
		cfg, err = png.DecodeConfig(r)
	case "webp":
		cfg, err = xwebp.DecodeConfig(r)
	}
	if err != nil {
		return Info{}, headerError(name, got, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, fmt.Errorf("%s declares %d × %d pixels, which is not a picture: export it again", name, cfg.Width, cfg.Height)
	}
	if cfg.Width > MaxSide || cfg.Height > MaxSide {
		return Info{}, fmt.Errorf("%s declares %d × %d pixels; photos may be at most %d pixels on a side: resize it before adding it", name, cfg.Width, cfg.Height, MaxSide)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxPixels {
		return Info{}, fmt.Errorf("%s declares %d × %d pixels (%d MP); photos may have at most %d MP: resize it before adding it", name, cfg.Width, cfg.Height, (px+500_000)/1_000_000, MaxPixels/1_000_000)
	}

	sum := sha256.Sum256(data)
	info = Info{
		Hash:        hex.EncodeToString(sum[:]),
		Base:        baseName(name),
		Format:      got,
		Width:       cfg.Width,
		Height:      cfg.Height,
		Orientation: orientation(got, data),
	}
	if info.Orientation >= 5 {
		info.Width, info.Height = info.Height, info.Width
	}
	return info, nil
}

// headerError says why a source's header cannot be read: the file stops
// before it ends, it is of a kind of its format the decoders do not read,
// or it is damaged.
func headerError(name, format string, err error) error {
	var jpegKind jpeg.UnsupportedError
	var pngKind png.UnsupportedError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return fmt.Errorf("%s ends early, inside its %s header: it was probably cut short when copied; copy or export it again", name, formatNames[format])
	case errors.As(err, &jpegKind) || errors.As(err, &pngKind):
		return fmt.Errorf("%s is a %s of a kind that cannot be read here (%v), such as 12-bit, lossless or arithmetic-coded: export it again as an ordinary 8-bit %s", name, formatNames[format], err, formatNames[format])
	}
	return fmt.Errorf("%s is damaged: its %s header cannot be read (%v); export it again from the original", name, formatNames[format], err)
}

// baseName makes the file-name slug of a source: its stem, transliterated
// to ASCII, lower case, letters, digits and single hyphens, at most 40
// characters; "photo" if nothing is left. Words of digits alone go, and
// a camera's own name: "IMG_20260312_141503" would publish when and with
// what the photo was taken, which its file no longer says.
func baseName(name string) string {
	var words []string
	named := false // by a word of the editor's
	for _, w := range strings.Split(slugOf(name), "-") {
		if strings.ContainsFunc(w, unicode.IsLetter) && !cameraWords[w] && digits(w) < 4 { // DSC01234, P1010123
			words = append(words, w)
			named = named || !fillers[w]
		}
	}
	if !named {
		return "photo"
	}
	return strings.Join(words, "-")
}

// digits counts a word's digits: four or more are a date, a time or a
// camera's counter.
func digits(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// cameraWords are what cameras, phones and apps call every photo.
var cameraWords = map[string]bool{"img": true, "image": true, "dsc": true, "dscn": true, "dscf": true, "dcim": true,
	"pxl": true, "mvimg": true, "photo": true, "pic": true, "wp": true, "dji": true, "gopr": true, "mp": true,
	"screenshot": true, "snapshot": true, "whatsapp": true, "signal": true, "telegram": true}

// fillers name nothing on their own: "Screenshot 2026-03-12 at 14.15.03".
var fillers = map[string]bool{"at": true, "edited": true, "copy": true, "output": true, "of": true, "and": true}

// slugOf is a source's stem as letters, digits and single hyphens.
func slugOf(name string) string {
	stem := path.Base(strings.ReplaceAll(name, `\`, "/"))
	stem = strings.TrimSuffix(stem, path.Ext(stem))
	s := strings.ToLower(slug.Make(stem))
	var b strings.Builder
	dash := false
	for _, c := range s {
		ok := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		if !ok {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(c)
	}
	out := b.String()
	if len(out) > 40 {
		out = strings.TrimRight(out[:40], "-")
	}
	if out == "" {
		return "photo"
	}
	return out
}
