package write

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// claimName is the file beside an output folder that the process writing
// it holds locked while it runs: two builds writing one folder would undo
// each other's renames. A killed process leaves it, unlocked, for the next.
func claimName(out string) string {
	return filepath.Join(filepath.Dir(out), ".briefings-"+filepath.Base(out)+".lock")
}

// Claim takes the output folder out of the project for this process, a
// build or a preview named by command, until release is called or the
// process ends. It refuses what Check refuses, before it makes its lock
// beside the folder, and while another process holds the folder, naming it.
func Claim(out, project, command string) (release func(), err error) {
	out, err = filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	if err := checkOutput(out, project); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(claimName(out), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return func() {}, nil // a folder the lock cannot be made in: as without flock
	}
	if !tryLock(f) {
		held, _ := os.ReadFile(claimName(out))
		f.Close()
		by := "another briefings"
		if fields := strings.Fields(string(held)); len(fields) == 2 {
			if pid, err := strconv.Atoi(fields[0]); err == nil {
				by = fmt.Sprintf("briefings %s (process %d)", fields[1], pid)
			}
		}
		return nil, fmt.Errorf("%s is being written by %s: stop it first, or write this one elsewhere with --out", filepath.Base(out), by)
	}
	f.Truncate(0)
	fmt.Fprintf(f, "%d %s\n", os.Getpid(), command)
	return func() {
		// Removed while still held, so that no process takes it between.
		os.Remove(f.Name())
		f.Close()
	}, nil
}
