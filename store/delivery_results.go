package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// MarkDelivered records that a delivery was posted, with the platform's
// message ids, releases its lease and records its stories as sent to the
// channel. Marking a delivery that is already sent changes nothing.
func (s *Store) MarkDelivered(ctx context.Context, id int64, messageIDs []string) error {
	messages, err := jsonText(messageIDs)
	if err != nil {
		return fmt.Errorf("store: mark delivery %d sent: %w", id, err)
	}
	now := time.Now()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var (
			channelID int64
			stories   string
		)
		err := tx.QueryRowContext(ctx, `
			UPDATE deliveries SET status = 'sent', message_ids = $2, sent_at = $3, error = '', lease_owner = '', lease_until = 0
			WHERE id = $1 AND status <> 'sent'
			RETURNING channel_id, stories`, id, messages, dbTime(now)).Scan(&channelID, &stories)
		if errors.Is(err, sql.ErrNoRows) {
			return deliveryExists(ctx, tx, id)
		}
		if err != nil {
			return err
		}
		sent, err := fromJSONText[SentStory](stories)
		if err != nil {
			return err
		}
		return recordSentStories(ctx, tx, channelID, id, sent, now)
	})
	if err != nil {
		return fmt.Errorf("store: mark delivery %d sent: %w", id, err)
	}
	return nil
}

// deliveryExists returns ErrNotFound when there is no delivery with that ID.
func deliveryExists(ctx context.Context, q queryer, id int64) error {
	var exists bool
	if err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM deliveries WHERE id = $1)`, id).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		return ErrNotFound
	}
	return nil
}

// recordSentStories remembers the coverage each story had when sent.
func recordSentStories(ctx context.Context, tx *sql.Tx, channelID, deliveryID int64, stories []SentStory, now time.Time) error {
	for _, st := range stories {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO sent_stories (channel_id, story_id, outlet_count, article_count, delivery_id, sent_at)
			VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (channel_id, story_id) DO UPDATE SET
				outlet_count = excluded.outlet_count, article_count = excluded.article_count,
				delivery_id = excluded.delivery_id, sent_at = excluded.sent_at`,
			channelID, st.StoryID, st.Outlets, st.Articles, deliveryID, dbTime(now))
		if err != nil {
			return fmt.Errorf("record story %d sent: %w", st.StoryID, err)
		}
	}
	return nil
}

// FailOutcome is what a failed delivery attempt leads to.
type FailOutcome int

const (
	// RetryLater makes the delivery pending again from retryAt.
	RetryLater FailOutcome = iota
	// GiveUp fails the delivery for good (too many transient failures);
	// the channel's schedule keeps running.
	GiveUp
	// StopChannel fails the delivery for good and stops the channel's
	// schedule and live posts with the reason: the platform said retrying
	// cannot help (channel deleted, bot removed).
	StopChannel
)

// MarkDeliveryFailed records a failed attempt and releases the lease; out
// says what follows. A delivery already sent is left alone.
func (s *Store) MarkDeliveryFailed(ctx context.Context, id int64, reason string, retryAt time.Time, out FailOutcome) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		status := DeliveryPending
		if out != RetryLater {
			status = DeliveryFailed
		}
		var channelID int64
		err := tx.QueryRowContext(ctx, `
			UPDATE deliveries SET status = $2, error = $3, next_attempt_at = $4, lease_owner = '', lease_until = 0
			WHERE id = $1 AND status <> 'sent'
			RETURNING channel_id`, id, string(status), cleanText(reason), dbTime(retryAt)).Scan(&channelID)
		if errors.Is(err, sql.ErrNoRows) {
			return deliveryExists(ctx, tx, id)
		}
		if err != nil {
			return err
		}
		if out != StopChannel {
			return nil
		}
		_, err = tx.ExecContext(ctx, `
			UPDATE schedules SET enabled = FALSE, stop_reason = $2, lease_owner = '', lease_until = 0, updated_at = $3
			WHERE channel_id = $1`, channelID, cleanText(reason), dbTime(time.Now()))
		if err != nil {
			return fmt.Errorf("stop schedule of channel %d: %w", channelID, err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE channels SET stop_reason = $2, updated_at = $3 WHERE id = $1`,
			channelID, cleanText(reason), dbTime(time.Now()))
		if err != nil {
			return fmt.Errorf("stop channel %d: %w", channelID, err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: mark delivery %d failed: %w", id, err)
	}
	return nil
}

// SentStories returns what each story sent to a channel looked like when it
// was sent, by story ID. A story in one of the channel's deliveries still
// pending or being sent counts as sent, with the coverage it has there
// (and no SentAt): it is on its way, and a delivery interrupted between
// posting and recording must not put its stories in the next digest again.
func (s *Store) SentStories(ctx context.Context, channelID int64) (map[int64]SentStory, error) {
	out, err := s.sentStories(ctx, channelID)
	if err != nil {
		return nil, err
	}
	if err := s.queuedStories(ctx, channelID, out); err != nil {
		return nil, err
	}
	return out, nil
}

// queuedStories adds to sent the stories of the channel's unfinished
// deliveries, keeping the larger coverage of a story found in both.
func (s *Store) queuedStories(ctx context.Context, channelID int64, sent map[int64]SentStory) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, stories FROM deliveries
		WHERE channel_id = $1 AND status IN ('pending', 'sending') AND stories <> '[]'`, channelID)
	if err != nil {
		return fmt.Errorf("store: stories queued for channel %d: %w", channelID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id      int64
			stories string
		)
		if err := rows.Scan(&id, &stories); err != nil {
			return fmt.Errorf("store: stories queued for channel %d: %w", channelID, err)
		}
		queued, err := fromJSONText[SentStory](stories)
		if err != nil {
			return fmt.Errorf("store: stories queued for channel %d: delivery %d: %w", channelID, id, err)
		}
		for _, q := range queued {
			prev, ok := sent[q.StoryID]
			if ok && prev.Outlets >= q.Outlets && prev.Articles >= q.Articles {
				continue
			}
			q.DeliveryID, q.SentAt = id, time.Time{}
			sent[q.StoryID] = q
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: stories queued for channel %d: %w", channelID, err)
	}
	return nil
}

// sentStories reads the stories recorded as sent to a channel.
func (s *Store) sentStories(ctx context.Context, channelID int64) (map[int64]SentStory, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT story_id, outlet_count, article_count, delivery_id, sent_at FROM sent_stories WHERE channel_id = $1`, channelID)
	if err != nil {
		return nil, fmt.Errorf("store: stories sent to channel %d: %w", channelID, err)
	}
	defer rows.Close()
	out := map[int64]SentStory{}
	for rows.Next() {
		var (
			st   SentStory
			sent int64
		)
		if err := rows.Scan(&st.StoryID, &st.Outlets, &st.Articles, &st.DeliveryID, &sent); err != nil {
			return nil, fmt.Errorf("store: stories sent to channel %d: %w", channelID, err)
		}
		st.SentAt = goTime(sent)
		out[st.StoryID] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: stories sent to channel %d: %w", channelID, err)
	}
	return out, nil
}
