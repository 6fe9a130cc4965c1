package discord

import (
	"context"
	"sync"
	"time"
)

// SeenStore remembers request ids for every instance sharing a database
// and across restarts; *store.Store has it.
type SeenStore interface {
	FirstSeen(ctx context.Context, key string, expires, now time.Time) (bool, error)
}

// replayGuard remembers interaction ids for as long as their signatures are
// accepted, so a signed request captured and sent again within that window
// does not run its command twice. With a shared SeenStore the ids are kept
// in the database, so a replay to another instance, or after a restart, is
// refused too; without one, in this process's memory.
type replayGuard struct {
	shared SeenStore
	mu     sync.Mutex
	seen   map[string]time.Time
	window time.Duration
	swept  time.Time
}

func newReplayGuard(window time.Duration, shared SeenStore) *replayGuard {
	return &replayGuard{shared: shared, seen: map[string]time.Time{}, window: window}
}

// first reports whether id is new at now, and records it. An interaction
// id never comes back legitimately, so it is kept for twice the window in
// which its signature is accepted.
func (g *replayGuard) first(ctx context.Context, id string, now time.Time) (bool, error) {
	if g.shared != nil {
		return g.shared.FirstSeen(ctx, "discord:"+id, now.Add(2*g.window), now)
	}
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
		return false, nil
	}
	g.seen[id] = now
	return true, nil
}
