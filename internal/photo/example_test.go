package photo_test

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"

	"briefings/internal/photo"
)

// A build probes each source, plans its renditions, ensures they are in
// the cache and copies them into the site.
func Example() {
	dir, _ := os.MkdirTemp("", "photos")
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "Market Day.png")
	img := image.NewRGBA(image.Rect(0, 0, 2, 1))
	f, _ := os.Create(src)
	png.Encode(f, img)
	f.Close()

	data, _ := os.ReadFile(src)
	info, err := photo.Probe(src, data)
	if err != nil {
		fmt.Println(err) // a sentence for the author
		return
	}
	plan := photo.Plan(info, false)
	cache := &photo.Cache{Dir: filepath.Join(dir, ".cache", "photos")}
	errs := cache.Ensure([]photo.Job{photo.FileJob(src, info, plan)})
	fmt.Println(info.Format, info.Width, info.Height, errs[0])
	for _, r := range plan {
		_, err := os.Stat(cache.Path(info, r)) // copy this file into the site as r.Name
		fmt.Println(strings.Replace(r.Name, info.ID(), "{id}", 1), r.Width, r.Height, err == nil)
	}
	// Output:
	// png 2 1 <nil>
	// market-day-{id}-2w.webp 2 1 true
	// market-day-{id}-2w.jpg 2 1 true
}
