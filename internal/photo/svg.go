package photo

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// SVGFinding is what an SVG drawing tells of its author or of the
// computer it was drawn on, at its line.
type SVGFinding struct {
	Line int
	What string
	Kind SVGKind // which way it is taken out
}

// SVGKind tells how a finding is taken out of a drawing.
type SVGKind int

const (
	SVGEditorData SVGKind = iota // deleted, as svgo does
	SVGLocalFile                 // a link to a file: address, replaced
	SVGImage                     // an embedded image, stripped and embedded again
	SVGPacket                    // an XMP packet outside <metadata>, which svgo leaves: deleted by hand
)

// fileURL is a CSS url() of a file: address, in a style attribute or a
// <style> element.
var fileURL = regexp.MustCompile(`(?i)url\(\s*['"]?\s*file:[^)]*\)`)

// editorFiles are the attributes in which Inkscape (and Sodipodi before
// it) keeps the names of the drawing's files on the computer it was
// drawn on: the drawing's own, its folder, its export, a linked image's.
// No SVG attribute has these local names, so their prefix is not read.
var editorFiles = map[string]string{
	"docname":         "the name the drawing was saved under",
	"docbase":         "the folder the drawing was saved in",
	"export-filename": "the file the drawing was exported to",
	"absref":          "where a linked image is on the drawing's computer",
}

// SVGMetadata reports what an SVG drawing published as it is would tell
// beyond the drawing: a <metadata> element holding RDF or another
// element (an editor's author, dates, titles, licence), an XMP packet
// anywhere, the editors' attributes naming files of the computer it was
// drawn on, a link to a file: address, and an embedded image carrying
// EXIF, XMP or IPTC metadata. A <title> or <desc> is what the drawing
// shows a reader, and stays. A drawing that is not well-formed XML is
// read as far as it can be: a browser shows none of it.
func SVGMetadata(data []byte) []SVGFinding {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false // an Illustrator drawing uses entities of its own DTD
	s := svgScan{data: data, line: 1}
	for {
		start := d.InputOffset()
		tok, err := d.RawToken()
		if err != nil {
			return s.out
		}
		s.token(tok, start, d.InputOffset())
	}
}

// svgScan is SVGMetadata's reading of a drawing.
type svgScan struct {
	data  []byte
	out   []SVGFinding
	meta  int  // <metadata> elements open
	told  bool // that the open <metadata> holds an element or text
	style int  // <style> elements open
	// The line at offset at: counted on from the last token, as counting
	// from the start at each token took a map of 100,000 paths 19 s.
	line, at int
}

// lineAt is the line of an offset, at or after the last asked for.
func (s *svgScan) lineAt(off int64) int {
	off = min(max(off, int64(s.at)), int64(len(s.data)))
	s.line += bytes.Count(s.data[s.at:off], []byte("\n"))
	s.at = int(off)
	return s.line
}

// token reads the token between the offsets start and end.
func (s *svgScan) token(tok xml.Token, start, end int64) {
	line := s.lineAt(start)
	switch t := tok.(type) {
	case xml.StartElement:
		switch {
		case s.meta > 0 && !s.told:
			s.told = true
			s.out = append(s.out, SVGFinding{line, "<metadata> holds <" + rawName(t.Name) + "> (RDF or XMP: the drawing's author, dates, titles, the file it came from)", SVGEditorData})
		case t.Name.Local == "pgf":
			s.out = append(s.out, SVGFinding{line, "Illustrator's own copy of the drawing (<" + rawName(t.Name) + ">: the whole .ai file, its author and metadata with it)", SVGEditorData})
		case s.meta == 0 && t.Name.Local == "xmpmeta":
			s.out = append(s.out, SVGFinding{line, "an XMP packet (<" + rawName(t.Name) + ">: the drawing's author, dates, software, places)", SVGPacket})
		}
		switch t.Name.Local {
		case "metadata":
			s.meta++
		case "style":
			s.style++
		}
		tag := s.data[min(int(start), len(s.data)):min(int(end), len(s.data))]
		s.out = append(s.out, attrFindings(t.Attr, tag, line)...)
	case xml.EndElement:
		switch {
		case t.Name.Local == "metadata" && s.meta > 0:
			s.meta--
			s.told = s.told && s.meta > 0
		case t.Name.Local == "style" && s.style > 0:
			s.style--
		}
	case xml.CharData:
		s.text(t, s.data[min(int(start), len(s.data)):min(int(end), len(s.data))], line)
	case xml.ProcInst:
		if t.Target == "xpacket" && s.meta == 0 && !bytes.HasPrefix(bytes.TrimSpace(t.Inst), []byte("end")) {
			s.out = append(s.out, SVGFinding{line, "an XMP packet (<?xpacket?>: the drawing's author, dates, software, places)", SVGPacket})
		}
	}
}

// text reads the text between tags, t, written raw: in <metadata>, an
// editor's words (an author, a path); in <style>, rules that may load
// local files. Lines are counted in raw: the decoder reads a lone \r as
// a line's end, where the drawing's lines end at \n.
func (s *svgScan) text(t xml.CharData, raw []byte, line int) {
	if s.meta > 0 && !s.told && len(bytes.TrimSpace(t)) > 0 {
		s.told = true
		s.out = append(s.out, SVGFinding{line + leadingLines(raw), fmt.Sprintf("<metadata> holds text (%q: an editor's words of the drawing, its author, the file it came from)", shorten(string(bytes.TrimSpace(t)))), SVGEditorData})
	}
	if s.style > 0 {
		for _, loc := range fileURL.FindAllIndex(t, -1) {
			within := min(bytes.Count(t[:loc[0]], []byte("\n")), bytes.Count(raw, []byte("\n")))
			s.out = append(s.out, SVGFinding{line + within, fmt.Sprintf("<style> loads %s, a file on the drawing's computer, not on the site", t[loc[0]:loc[1]]), SVGLocalFile})
		}
	}
}

// leadingLines counts the lines raw text starts with before its first
// word or character reference.
func leadingLines(raw []byte) int {
	return bytes.Count(raw[:len(raw)-len(bytes.TrimLeft(raw, " \t\r\n"))], []byte("\n"))
}

// shorten keeps the start of a long text for a message.
func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// attrFindings reports an element's attributes that name files of the
// drawing's computer or embed an image with metadata, each at the line
// of the tag it is written on.
func attrFindings(attrs []xml.Attr, tag []byte, line int) []SVGFinding {
	var out []SVGFinding
	for _, a := range attrs {
		name := rawName(a.Name)
		at := line
		if i := bytes.Index(tag, []byte(name)); i >= 0 {
			at += bytes.Count(tag[:i], []byte("\n"))
		}
		switch {
		case editorFiles[a.Name.Local] != "":
			out = append(out, SVGFinding{at, fmt.Sprintf("%s=%q, %s", name, a.Value, editorFiles[a.Name.Local]), SVGEditorData})
		case a.Name.Local == "style" && fileURL.MatchString(a.Value):
			out = append(out, SVGFinding{at, fmt.Sprintf("%s=%q loads a file on the drawing's computer, not on the site", name, a.Value), SVGLocalFile})
		case a.Name.Local != "href":
		case strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Value)), "file:"):
			out = append(out, SVGFinding{at, fmt.Sprintf("%s=%q, a file on the drawing's computer, not on the site", name, a.Value), SVGLocalFile})
		default:
			if found := Metadata(dataURI(a.Value)); len(found) > 0 {
				out = append(out, SVGFinding{at, "an embedded image carrying " + listed(found) + " metadata (where, when, with what or by whom it was taken)", SVGImage})
			}
		}
	}
	return out
}

// dataURI is the bytes of an image written into a data: address, or nil.
func dataURI(href string) []byte {
	rest, ok := strings.CutPrefix(strings.TrimSpace(href), "data:")
	if !ok {
		return nil
	}
	head, body, ok := strings.Cut(rest, ",")
	if !ok || !strings.HasPrefix(strings.ToLower(head), "image/") {
		return nil
	}
	if strings.HasSuffix(strings.ToLower(head), ";base64") {
		body = strings.TrimRight(strings.Join(strings.Fields(body), ""), "=")
		b, _ := base64.RawStdEncoding.DecodeString(body)
		return b
	}
	b, err := url.PathUnescape(body)
	if err != nil {
		return nil
	}
	return []byte(b)
}

// listed writes "EXIF", "EXIF and XMP", "EXIF, XMP and IPTC".
func listed(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// rawName is a name as the file writes it, with its prefix.
func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
