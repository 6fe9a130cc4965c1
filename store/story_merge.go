package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// errStoryGone ends a merge whose source story no longer exists: there is
// nothing to move.
var errStoryGone = errors.New("story gone")

// MergeStory moves every article of the story from into the story into
// (the story clustering found them to be one), refreshes the counts of
// into and deletes from, for the instance that clusters under lease l, like
// AssignStory: it returns the lease's new Seq, and ErrLeaseLost when l is
// no longer held. Merging a story into itself, or one that no longer
// exists, changes nothing; ErrNotFound when into does not exist.
func (s *Store) MergeStory(ctx context.Context, l Lease, into, from int64) (int64, error) {
	var seq int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if seq, err = fence(ctx, tx, l); err != nil {
			return err
		}
		if into == from {
			return nil
		}
		// Lock in ID order, as SetStory does, so concurrent calls do not deadlock.
		ids := []int64{into, from}
		slices.Sort(ids)
		for _, id := range ids {
			err := s.lockStories(ctx, tx, []int64{id})
			if errors.Is(err, ErrNotFound) && id == from {
				return errStoryGone
			}
			if err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = $1 WHERE story_id = $2`, into, from); err != nil {
			return fmt.Errorf("move articles: %w", err)
		}
		if err := refreshStories(ctx, tx, []int64{into}); err != nil {
			return err
		}
		// A channel that was sent from has seen these articles: it is sent
		// into as an update, not as news, unless into was sent there too.
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO sent_stories (channel_id, story_id, outlet_count, article_count, delivery_id, sent_at)
			SELECT channel_id, $1, outlet_count, article_count, delivery_id, sent_at FROM sent_stories WHERE story_id = $2
			ON CONFLICT (channel_id, story_id) DO NOTHING`, into, from); err != nil {
			return fmt.Errorf("carry sent records: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sent_stories WHERE story_id = $1`, from); err != nil {
			return fmt.Errorf("carry sent records: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = $1`, from); err != nil {
			return fmt.Errorf("delete merged story: %w", err)
		}
		return nil
	})
	if errors.Is(err, errStoryGone) {
		// The fence's Seq was rolled back with the rest: nothing changed.
		return l.Seq, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: merge story %d into %d: %w", from, into, err)
	}
	return seq, nil
}
