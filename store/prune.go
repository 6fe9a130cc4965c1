package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Pruned counts what Prune deleted.
type Pruned struct {
	Articles   int64
	Deliveries int64
}

// Prune deletes what is older than before: articles first seen and
// published before it whose story (if any) saw nothing newer, with their
// analyses and stories, and finished (sent or failed) deliveries created
// before it. The record of stories sent to each channel is kept.
func (s *Store) Prune(ctx context.Context, before time.Time) (Pruned, error) {
	var p Pruned
	cutoff := dbTime(before)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			DELETE FROM articles
			WHERE window_at < $1 AND first_seen_at < $1
				AND (story_id IS NULL OR story_id IN (SELECT id FROM stories WHERE last_seen_at < $1))`, cutoff)
		if err != nil {
			return fmt.Errorf("articles: %w", err)
		}
		if p.Articles, err = res.RowsAffected(); err != nil {
			return fmt.Errorf("articles: %w", err)
		}
		res, err = tx.ExecContext(ctx, `DELETE FROM deliveries WHERE status IN ('sent', 'failed') AND created_at < $1`, cutoff)
		if err != nil {
			return fmt.Errorf("deliveries: %w", err)
		}
		if p.Deliveries, err = res.RowsAffected(); err != nil {
			return fmt.Errorf("deliveries: %w", err)
		}
		return nil
	})
	if err != nil {
		return Pruned{}, fmt.Errorf("store: prune before %s: %w", before.Format(time.RFC3339), err)
	}
	return p, nil
}
