package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Story is a group of articles about one event. Its ID is the ID of the
// article that founded it.
type Story struct {
	ID          int64
	Title       string // the founding article's title
	FirstSeenAt time.Time
	LastSeenAt  time.Time
	Outlets     int // distinct sources
	Articles    int
}

// SetStory puts an article into the story founded by storyID, creating the
// story when storyID's article has none yet (the founding article joins its
// own story), and refreshes the counts of the stories involved. It returns
// ErrNotFound when either article does not exist.
func (s *Store) SetStory(ctx context.Context, articleID, storyID int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error { return s.setStory(ctx, tx, articleID, storyID) })
	if err != nil {
		return fmt.Errorf("store: put article %d in story %d: %w", articleID, storyID, err)
	}
	return nil
}

// setStory is SetStory inside tx.
func (s *Store) setStory(ctx context.Context, tx *sql.Tx, articleID, storyID int64) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO stories (id, title, first_seen_at, last_seen_at)
		SELECT id, title, first_seen_at, first_seen_at FROM articles WHERE id = $1
		ON CONFLICT (id) DO NOTHING`, storyID)
	if err != nil {
		return fmt.Errorf("create story: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("create story: %w", err)
	} else if n > 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = $1 WHERE id = $1 AND story_id IS NULL`, storyID); err != nil {
			return fmt.Errorf("found story: %w", err)
		}
	}
	var oldStory sql.NullInt64
	err = tx.QueryRowContext(ctx, `SELECT story_id FROM articles WHERE id = $1`, articleID).Scan(&oldStory)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("article %d: %w", articleID, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("read article: %w", err)
	}
	touched := []int64{storyID}
	if oldStory.Valid && oldStory.Int64 != storyID {
		touched = append(touched, oldStory.Int64)
	}
	slices.Sort(touched)
	if err := s.lockStories(ctx, tx, touched); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = $2 WHERE id = $1`, articleID, storyID); err != nil {
		return fmt.Errorf("join story: %w", err)
	}
	return refreshStories(ctx, tx, touched)
}

// lockStories takes the story rows in ID order so that concurrent SetStory
// calls refresh counts one after another (PostgreSQL; SQLite's write lock
// already serialises them). A missing story is ErrNotFound.
func (s *Store) lockStories(ctx context.Context, tx *sql.Tx, ids []int64) error {
	lock := ""
	if s.dialect == Postgres {
		lock = " FOR UPDATE"
	}
	for _, id := range ids {
		var got int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM stories WHERE id = $1`+lock, id).Scan(&got)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("story %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("lock story %d: %w", id, err)
		}
	}
	return nil
}

// refreshStories recomputes the seen times and counts of the stories.
func refreshStories(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		_, err := tx.ExecContext(ctx, `
			UPDATE stories SET
				first_seen_at = COALESCE((SELECT MIN(first_seen_at) FROM articles WHERE story_id = $1), first_seen_at),
				last_seen_at = COALESCE((SELECT MAX(first_seen_at) FROM articles WHERE story_id = $1), last_seen_at),
				outlet_count = (SELECT COUNT(DISTINCT source) FROM articles WHERE story_id = $1),
				article_count = (SELECT COUNT(*) FROM articles WHERE story_id = $1)
			WHERE id = $1`, id)
		if err != nil {
			return fmt.Errorf("refresh story %d: %w", id, err)
		}
	}
	return nil
}

// Story returns one story.
func (s *Store) Story(ctx context.Context, id int64) (Story, error) {
	st, err := oneRow(scanStory(s.db.QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = $1`, id)))
	if err != nil {
		return Story{}, fmt.Errorf("store: story %d: %w", id, err)
	}
	return st, nil
}

// Stories returns the stories with the given IDs that exist, by ID.
func (s *Store) Stories(ctx context.Context, ids []int64) (map[int64]Story, error) {
	out := make(map[int64]Story, len(ids))
	// Batches keep the parameter count within every database's limit.
	for chunk := range slices.Chunk(ids, 500) {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT `+storyColumns+` FROM stories WHERE id IN (`+placeholders(1, len(chunk))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: stories: %w", err)
		}
		stories, err := scanAll(rows, scanStory)
		if err != nil {
			return nil, fmt.Errorf("store: stories: %w", err)
		}
		for _, st := range stories {
			out[st.ID] = st
		}
	}
	return out, nil
}

const storyColumns = `id, title, first_seen_at, last_seen_at, outlet_count, article_count`

// scanStory reads one row selected with storyColumns.
func scanStory(row rowScanner) (Story, error) {
	var (
		st                  Story
		firstSeen, lastSeen int64
	)
	if err := row.Scan(&st.ID, &st.Title, &firstSeen, &lastSeen, &st.Outlets, &st.Articles); err != nil {
		return Story{}, err
	}
	st.FirstSeenAt = goTime(firstSeen)
	st.LastSeenAt = goTime(lastSeen)
	return st, nil
}
