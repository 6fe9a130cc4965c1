package store

import (
	"context"
	"fmt"
	"time"
)

// seenPruneEvery is how often FirstSeen deletes expired keys, at most.
const seenPruneEvery = time.Minute

// FirstSeen records key until expires and reports whether it is new: false
// when it was recorded before and has not expired at now. Every instance
// sharing the database sees the same answer, and the record outlives
// restarts, so a signed chat request replayed to another instance, or after
// a restart, is still recognised. Keys are namespaced by the caller
// ("discord:<interaction id>"). Expired keys are deleted now and then.
func (s *Store) FirstSeen(ctx context.Context, key string, expires, now time.Time) (bool, error) {
	if key == "" {
		return false, fmt.Errorf("store: first seen: empty key")
	}
	s.pruneSeen(ctx, now)
	// An expired record is taken over as if new; a live one is left alone,
	// which makes the statement change no row.
	res, err := s.db.ExecContext(ctx, `
		INSERT INTO seen_requests (key, expires_at) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at
		WHERE seen_requests.expires_at <= $3`, cleanText(key), dbTime(expires), dbTime(now))
	if err != nil {
		return false, fmt.Errorf("store: record request %s: %w", key, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: record request %s: %w", key, err)
	}
	return n > 0, nil
}

// pruneSeen deletes expired keys when seenPruneEvery has passed since this
// Store last did. Failing to prune is not worth failing a request for: the
// next call tries again.
func (s *Store) pruneSeen(ctx context.Context, now time.Time) {
	last := s.seenPruned.Load()
	if now.UnixNano()-last < int64(seenPruneEvery) || !s.seenPruned.CompareAndSwap(last, now.UnixNano()) {
		return
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM seen_requests WHERE expires_at <= $1`, dbTime(now)); err != nil {
		s.seenPruned.Store(last)
	}
}

// CountSeen reports how many request keys are recorded, expired or not
// (for tests and metrics).
func (s *Store) CountSeen(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM seen_requests`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count seen requests: %w", err)
	}
	return n, nil
}
