//go:build unix

package summarize

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user + system) this process has used,
// which, unlike wall time, does not grow when other processes compete for
// the machine.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
