package render

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"briefings/internal/load"
	"briefings/internal/photo"
)

// shownPhoto is a processed photo of w × h pixels, its phone file of size bytes.
func shownPhoto(file string, w, h int, size int64) *Photo {
	info := photo.Info{Hash: file, Base: file, Format: "jpeg", Width: w, Height: h}
	p := &Photo{File: file, Info: info}
	for _, r := range photo.Plan(info, false) {
		p.Files = append(p.Files, PhotoFile{Rendition: r, Size: size})
	}
	return p
}

// loadedBody is how many of an article's body photos a phone loads with
// its page, each of the n photos w × h after lines of text of seeded
// random lengths.
func loadedBody(n, w, h int, seed uint64) int {
	rng := rand.New(rand.NewPCG(seed, 1))
	a := &load.Article{}
	var photos []*Photo
	var before load.Before
	for i := range n {
		before.Chars += rng.IntN(300)
		before.Blocks += 1 + rng.IntN(2)
		a.Photos = append(a.Photos, load.PhotoRef{File: fmt.Sprint("p", i), Alt: "a", Line: i + 6, Block: true, Before: before})
		photos = append(photos, shownPhoto(fmt.Sprint("p", i), w, h, 1000))
		before.Blocks++ // the photo's own paragraph
	}
	pg := &Page{}
	loadBodyPhotos(pg, a, nil, photos)
	return len(pg.Loaded)
}

// A phone loads more of a body's small photos than of its large ones at
// the same places, shown no wider than they are; and never all of a long
// body's.
func TestLoadedBodyPhotos(t *testing.T) {
	for seed := range uint64(20) {
		icons, photos := loadedBody(40, 100, 100, seed), loadedBody(40, 1200, 1200, seed)
		if icons <= photos || photos == 0 || icons == 40 {
			t.Errorf("seed %d: %d icons of 100 pixels loaded, %d photos of 1,200", seed, icons, photos)
		}
	}
}
