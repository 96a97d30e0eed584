//go:build !linux

package write

func swap(tmp, out string) (string, error) { return swapByRenames(tmp, out) }
