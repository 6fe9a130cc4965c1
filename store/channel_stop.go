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
	if err := touchedOne(s.db.ExecContext(ctx, `UPDATE channels SET stop_reason = '', updated_at = $2 WHERE id = $1`, id, dbTime(time.Now()))); err != nil {
		return fmt.Errorf("store: enable channel %d: %w", id, err)
	}
	return nil
}
