package cli

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"time"
)

// staleAfter is how long a loop may go without a tick before /healthz fails.
const staleAfter = 5 * time.Minute

// pinger is the database check /healthz runs.
type pinger interface {
	Ping(ctx context.Context) error
}

// health answers /healthz: the database answers and every loop ticked
// recently. The answer names the failing checks ("failing"); why the
// database failed (a driver message with hosts and users) goes to the log,
// not to whoever can reach /healthz.
type health struct {
	db       pinger
	log      *slog.Logger
	now      func() time.Time
	mu       sync.Mutex
	ticks    map[string]time.Time
	watchers map[string]func() time.Time // loops that report their own last round
}

func newHealth(db pinger, log *slog.Logger) *health {
	return &health{db: db, log: log, now: time.Now, ticks: map[string]time.Time{}, watchers: map[string]func() time.Time{}}
}

// watch checks a loop that records its own last round; a zero time means it
// has not finished one yet, which is healthy for the first minutes.
func (h *health) watch(name string, lastRound func() time.Time) {
	h.mu.Lock()
	h.watchers[name] = lastRound
	h.mu.Unlock()
}

// tick records that the named loop completed a round.
func (h *health) tick(name string) {
	h.mu.Lock()
	h.ticks[name] = h.now()
	h.mu.Unlock()
}

func (h *health) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	status := map[string]string{}
	ok := true
	if err := h.db.Ping(ctx); err != nil {
		h.log.LogAttrs(ctx, slog.LevelError, "health check failed", slog.String("check", "database"), slog.String("error", err.Error()))
		status["database"] = "failing: no answer"
		ok = false
	} else {
		status["database"] = "ok"
	}
	h.mu.Lock()
	ticks := make(map[string]time.Time, len(h.ticks)+len(h.watchers))
	for name, at := range h.ticks {
		ticks[name] = at
	}
	for name, last := range h.watchers {
		if at := last(); !at.IsZero() {
			ticks[name] = at
		}
	}
	h.mu.Unlock()
	for name, at := range ticks {
		age := h.now().Sub(at)
		if age > staleAfter {
			status[name] = "stale: last tick " + age.Round(time.Second).String() + " ago"
			ok = false
		} else {
			status[name] = "ok"
		}
	}
	failing := []string{}
	for name, st := range status {
		if st != "ok" {
			failing = append(failing, name)
		}
	}
	slices.Sort(failing)
	w.Header().Set("Content-Type", "application/json")
	if !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": ok, "checks": status, "failing": failing})
}
