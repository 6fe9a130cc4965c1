package discord

import (
	"sync"
	"time"
)

// replayGuard remembers interaction ids for as long as their signatures are
// accepted, so a signed request captured and sent again within that window
// does not run its command twice.
type replayGuard struct {
	mu     sync.Mutex
	seen   map[string]time.Time
	window time.Duration
	swept  time.Time
}

func newReplayGuard(window time.Duration) *replayGuard {
	return &replayGuard{seen: map[string]time.Time{}, window: window}
}

// first reports whether id is new at now, and records it.
func (g *replayGuard) first(id string, now time.Time) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if now.Sub(g.swept) > g.window {
		for k, t := range g.seen {
			if now.Sub(t) > 2*g.window {
				delete(g.seen, k)
			}
		}
		g.swept = now
	}
	if _, dup := g.seen[id]; dup {
		return false
	}
	g.seen[id] = now
	return true
}
