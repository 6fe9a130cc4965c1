package store

import (
	"context"
	"fmt"
	"time"
)

// ClearChannelStop lets channel id be posted to again after a permanent
// platform error stopped it (its live posts and notices resume; a stopped
// schedule is restarted with SetSchedule). It returns ErrNotFound when
// there is no such channel.
func (s *Store) ClearChannelStop(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `UPDATE channels SET stop_reason = '', updated_at = $2 WHERE id = $1`, id, dbTime(time.Now()))
	if err != nil {
		return fmt.Errorf("store: enable channel %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: enable channel %d: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("store: enable channel %d: %w", id, ErrNotFound)
	}
	return nil
}
