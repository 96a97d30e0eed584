package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"briefings/internal/photo/phototest"
)

// scriptCmds make the files a script cannot hold: bytes a text archive
// should not carry, and files too large or too many to check in.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	// writebytes FILE 'bytes': the bytes as in a Go string, \x00 and \n
	// included; so is the file's name, which may hold \n or \x1b too.
	"writebytes": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf(`usage: writebytes FILE 'bytes, escaped as in a Go string'`)
		}
		name, err := strconv.Unquote(`"` + args[0] + `"`)
		ts.Check(err)
		data, err := strconv.Unquote(`"` + args[1] + `"`)
		ts.Check(err)
		ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(name)), 0o755))
		ts.Check(os.WriteFile(ts.MkAbs(name), []byte(data), 0o644))
	},
	// photo FILE WIDTH HEIGHT: a phone photo, as a JPEG with the metadata a
	// camera writes (a GPS position among it), or a PNG if FILE ends so.
	"photo": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 3 {
			ts.Fatalf("usage: photo FILE WIDTH HEIGHT")
		}
		w, err := strconv.Atoi(args[1])
		ts.Check(err)
		h, err := strconv.Atoi(args[2])
		ts.Check(err)
		data := phototest.WithMetadata(phototest.JPEG(w, h, uint64(w*h)), 1)
		if strings.HasSuffix(args[0], ".png") {
			data = phototest.PNG(w, h, uint64(w*h))
		}
		ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[0])), 0o755))
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
	},
	// mdrepeat FILE N 'markdown': an article whose body is the Markdown,
	// escaped as in a Go string, N times.
	"mdrepeat": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 3 {
			ts.Fatalf("usage: mdrepeat FILE N 'markdown'")
		}
		n, err := strconv.Atoi(args[1])
		ts.Check(err)
		md, err := strconv.Unquote(`"` + args[2] + `"`)
		ts.Check(err)
		body := "---\ntitle: Shape\ndate: 2025-09-05\ncountries: [AZ]\n---\nA first line.\n\n" + strings.Repeat(md, n) + "\n"
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(body), 0o644))
	},
	// bigarticle FILE MB [LAST LINE]: an article whose body is MB megabytes
	// of paragraphs, then the last line given.
	"bigarticle": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 2 || len(args) > 3 {
			ts.Fatalf("usage: bigarticle FILE MB [LAST LINE]")
		}
		mb, err := strconv.Atoi(args[1])
		ts.Check(err)
		para := strings.Repeat("The delegation met the families of the missing. ", 20) + "\n\n"
		body := strings.Repeat(para, mb<<20/len(para)+1) + strings.Join(args[2:], "") + "\n"
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte("---\ntitle: A very long report\ndate: 2025-09-05\ncountries: [AZ]\n---\n"+body), 0o644))
	},
	// articles DIR N: N small articles in one folder.
	"articles": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: articles DIR N")
		}
		n, err := strconv.Atoi(args[1])
		ts.Check(err)
		dir := ts.MkAbs(args[0])
		ts.Check(os.MkdirAll(dir, 0o755))
		for i := range n {
			src := fmt.Sprintf("---\ntitle: Briefing number %d\ndate: 2025-08-%02d\ncountries: [AZ]\n---\nText %d.\n", i, i%28+1, i)
			ts.Check(os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%05d.md", i)), []byte(src), 0o644))
		}
	},
}

// scriptCondition adds [root]: chmod does not stop root from reading.
func scriptCondition(cond string) (bool, error) {
	if cond == "root" {
		return os.Geteuid() == 0, nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}
