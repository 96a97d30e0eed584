package photo

import (
	"encoding/base64"
	"encoding/binary"
	"os"
	"slices"
	"strings"
	"testing"
)

// inkscape is a drawing as Inkscape saves it: each attribute on a line
// of its own, the file's names in the editor's attributes, and the
// author in RDF.
const inkscape = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg
   width="64"
   height="64"
   viewBox="0 0 64 64"
   version="1.1"
   sodipodi:docname="logo-final.svg"
   inkscape:export-filename="/home/aliya/Documents/Red Crescent/logo.png"
   inkscape:export-xdpi="96"
   inkscape:version="1.3 (0e150ed6c4, 2023-07-21)"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <title>Logo</title>
  <metadata
     id="metadata5">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:creator><cc:Agent><dc:title>Aliya Nurlanovna</dc:title></cc:Agent></dc:creator>
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <image width="10" height="10" xlink:href="file:///C:/Users/aliya/Pictures/IMG_0042.JPG"
     sodipodi:absref="C:\Users\aliya\Pictures\IMG_0042.JPG" />
  <rect width="64" height="64" fill="#b3001b"/>
</svg>
`

// illustrator is a drawing as Illustrator exports it: its namespaces are
// entities of its DTD, and its XMP packet sits in <metadata>.
const illustrator = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
	<!ENTITY ns_svg "http://www.w3.org/2000/svg">
	<!ENTITY ns_x "adobe:ns:meta/">
]>
<svg version="1.1" xmlns="&ns_svg;" xmlns:x="&ns_x;" viewBox="0 0 10 10">
<metadata>
	<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
	<x:xmpmeta x:xmptk="Adobe XMP Core 7.1">
	</x:xmpmeta>
	<?xpacket end="w"?>
</metadata>
<path d="M0 0h10v10z"/>
</svg>
`

// TestSVGMetadata: what a drawing tells beyond the drawing is found at
// its line; what it shows a reader, its title and description, is not.
func TestSVGMetadata(t *testing.T) {
	exifJPEG := base64.StdEncoding.EncodeToString(withMetadata(t, encodeJPEG(t, quadrants(8, 8), 80), 1, binary.LittleEndian))
	cleanJPEG := base64.StdEncoding.EncodeToString(encodeJPEG(t, quadrants(8, 8), 80))
	cases := []struct {
		name, svg string
		want      []SVGFinding
	}{
		{"inkscape", inkscape, []SVGFinding{
			{7, `sodipodi:docname="logo-final.svg", the name the drawing was saved under`, SVGEditorData},
			{8, `inkscape:export-filename="/home/aliya/Documents/Red Crescent/logo.png", the file the drawing was exported to`, SVGEditorData},
			{20, "<metadata> holds <rdf:RDF> (RDF or XMP: the drawing's author, dates, titles, the file it came from)", SVGEditorData},
			{26, `xlink:href="file:///C:/Users/aliya/Pictures/IMG_0042.JPG", a file on the drawing's computer, not on the site`, SVGLocalFile},
			{27, `sodipodi:absref="C:\\Users\\aliya\\Pictures\\IMG_0042.JPG", where a linked image is on the drawing's computer`, SVGEditorData},
		}},
		{"illustrator", illustrator, []SVGFinding{
			{10, "<metadata> holds <x:xmpmeta> (RDF or XMP: the drawing's author, dates, titles, the file it came from)", SVGEditorData},
		}},
		{"an XMP packet outside metadata", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<?xpacket begin=\"\"?>\n<g/></svg>", []SVGFinding{
			{2, "an XMP packet (<?xpacket?>: the drawing's author, dates, software, places)", SVGPacket},
		}},
		{"an XMP element outside metadata", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF/></x:xmpmeta>\n<?xpacket end=\"w\"?></svg>", []SVGFinding{
			{2, "an XMP packet (<x:xmpmeta>: the drawing's author, dates, software, places)", SVGPacket},
		}},
		{"words in metadata", "<svg xmlns=\"http://www.w3.org/2000/svg\"><metadata>\n\n  Drawn by Aliya Nurlanovna, C:\\Users\\aliya\\Desktop\\map.ai  </metadata><metadata>again</metadata></svg>", []SVGFinding{
			{3, `<metadata> holds text ("Drawn by Aliya Nurlanovna, C:\\Users\\aliya\\Desktop\\map.ai": an editor's words of the drawing, its author, the file it came from)`, SVGEditorData},
			{3, `<metadata> holds text ("again": an editor's words of the drawing, its author, the file it came from)`, SVGEditorData},
		}},
		{"a style loading local files", "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>\n.a { fill: red }\n.b { background: url( 'FILE:///home/aliya/tex.png' ) }</style>\n<g\n style=\"fill:url(file:///C:/p.svg#g)\"/><g style=\"fill:url(#g)\"/></svg>", []SVGFinding{
			{3, "<style> loads url( 'FILE:///home/aliya/tex.png' ), a file on the drawing's computer, not on the site", SVGLocalFile},
			{5, `style="fill:url(file:///C:/p.svg#g)" loads a file on the drawing's computer, not on the site`, SVGLocalFile},
		}},
		{"Illustrator's own copy of the drawing", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<i:pgf xmlns:i=\"&ns_ai;\" id=\"adobe_illustrator_pgf\">eJzsvQ...</i:pgf></svg>", []SVGFinding{
			{2, "Illustrator's own copy of the drawing (<i:pgf>: the whole .ai file, its author and metadata with it)", SVGEditorData},
		}},
		{"an embedded photo with EXIF", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<image\n href=\"data:image/jpeg;base64," + exifJPEG[:40] + "\n" + exifJPEG[40:] + "\"/></svg>", []SVGFinding{
			{3, "an embedded image carrying EXIF, XMP and IPTC metadata (where, when, with what or by whom it was taken)", SVGImage},
		}},
		{"an embedded clean photo", `<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/jpeg;base64,` + cleanJPEG + `"/></svg>`, nil},
		{"a title, a description, empty metadata", `<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>Map of the region</title>` +
			`<desc>Drawn by the ICRC delegation in Baku, 2024</desc><metadata/><metadata> </metadata><a href="/briefings/en/"><path d="M0 0h1"/></a></svg>`, nil},
		{"not XML after its metadata", "<svg><metadata><rdf:RDF/></metadata>\n<g a=1 <<", []SVGFinding{
			{1, "<metadata> holds <rdf:RDF> (RDF or XMP: the drawing's author, dates, titles, the file it came from)", SVGEditorData},
		}},
	}
	for _, c := range cases {
		got := SVGMetadata([]byte(c.svg))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

// TestOwnDrawings: the site's own mark and icon are published as they are.
func TestOwnDrawings(t *testing.T) {
	for _, name := range []string{"wordmark.svg", "favicon.svg"} {
		data, err := os.ReadFile("../../static/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if got := SVGMetadata(data); len(got) > 0 {
			t.Errorf("static/%s: %+v", name, got)
		}
	}
	if !IsSVG("static/Logo.SVG") || IsSVG("static/logo.svgz") {
		t.Errorf("IsSVG reads names wrong")
	}
}

// FuzzSVGMetadata: SVGMetadata never panics, whatever the bytes, and
// every finding is at a line of the drawing.
func FuzzSVGMetadata(f *testing.F) {
	f.Add([]byte(inkscape))
	f.Add([]byte(illustrator))
	f.Add([]byte(`<svg><image href="data:image/png;base64,iVBORw0KGgo="/><metadata><metadata/><x/></metadata></svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := 1 + strings.Count(string(data), "\n")
		for _, got := range SVGMetadata(data) {
			if got.Line < 1 || got.Line > lines {
				t.Fatalf("a finding at line %d of %d: %+v", got.Line, lines, got)
			}
		}
	})
}
