//go:build !unix

package framing

import "time"

// stanceProcessCPU is not measured on this platform.
func stanceProcessCPU() time.Duration { return 0 }
