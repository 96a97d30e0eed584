package load

import "testing"

// hasControl reads bytes; it must find exactly the runes textRune refuses,
// wherever they stand.
func TestHasControlMatchesTextRune(t *testing.T) {
	check := func(r rune) {
		for _, s := range []string{string(r), "ab" + string(r) + "cd", "Ж" + string(r)} {
			if got := hasControl(s); got != !textRune(r) {
				t.Errorf("hasControl(%q) = %v for U+%04X", s, got, r)
			}
		}
	}
	for r := rune(0); r < 0x800; r++ {
		check(r)
	}
	for r := rune(0xff00); r <= 0x10ffff; r++ {
		if r < 0x10000 || r%0x1000 == 0 {
			check(r)
		}
	}
}
