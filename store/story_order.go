package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// AssignStory is SetStory for the instance that clusters under lease l
// (LeasePipeline): it fails with ErrLeaseLost, changing nothing, once
// anyone else has taken the lease, and it numbers the article's first
// assignment, so that the articles of a window can be read back in the
// order they were clustered (ClusteredSince). It returns the lease's Seq
// after the write, which counts every fenced write.
func (s *Store) AssignStory(ctx context.Context, l Lease, articleID, storyID int64) (int64, error) {
	var seq int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if seq, err = fence(ctx, tx, l); err != nil {
			return err
		}
		if err := s.setStory(ctx, tx, articleID, storyID); err != nil {
			return err
		}
		// An article clustered again (its text was edited) keeps its
		// place: the index that clustered it first still has it there.
		_, err = tx.ExecContext(ctx, `UPDATE articles SET story_seq = $2 WHERE id = $1 AND story_seq = 0`, articleID, seq)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: put article %d in story %d: %w", articleID, storyID, err)
	}
	return seq, nil
}

// ClusteredSince returns the articles of the window from since on that are
// in a story, in the order they were put there: those clustered before
// assignments were numbered first, by time, then the numbered ones. An
// index that replays them in this order with their stories ends up as the
// index that made the assignments, had it seen nothing older.
func (s *Store) ClusteredSince(ctx context.Context, since time.Time) ([]Article, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+articleFrom+`
		WHERE a.story_id IS NOT NULL AND a.window_at >= $1
		ORDER BY a.story_seq, a.window_at, a.id`, dbTime(since))
	if err != nil {
		return nil, fmt.Errorf("store: clustered articles: %w", err)
	}
	out, err := scanAll(rows, scanArticle)
	if err != nil {
		return nil, fmt.Errorf("store: clustered articles: %w", err)
	}
	return out, nil
}
