package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// DeliveryStatus is where a delivery is in the outbox.
type DeliveryStatus string

// Delivery statuses. A delivery is created pending, becomes sending when an
// instance claims it, and ends sent or failed; a transient failure returns
// it to pending with a later NextAttemptAt.
const (
	DeliveryPending DeliveryStatus = "pending"
	DeliverySending DeliveryStatus = "sending"
	DeliverySent    DeliveryStatus = "sent"
	DeliveryFailed  DeliveryStatus = "failed"
)

// Delivery kinds, by convention; the store does not interpret them.
const (
	KindDigest = "digest" // a scheduled digest
	KindLive   = "live"   // a story posted as it formed
	KindNotice = "notice" // feed health and "nothing new" notices
)

// Delivery is one message in the outbox: at most one per channel and period.
type Delivery struct {
	ID            int64
	ChannelID     int64
	PeriodKey     string // identifies what this delivery is for, e.g. the scheduled run time; unique per channel
	Kind          string
	Status        DeliveryStatus
	Payload       json.RawMessage // the message to post, as the bot encoded it; "null" when empty
	Stories       []SentStory     // the stories it carries, recorded for novelty when it is delivered
	MessageIDs    []string        // the platform's ids of the posts made
	Attempts      int             // claims so far
	NextAttemptAt time.Time
	LeaseOwner    string
	LeaseUntil    time.Time
	Error         string // the last failure
	CreatedAt     time.Time
	SentAt        time.Time
}

// SentStory is a story as a channel last received it: a story is new to a
// channel until it is sent, and news again when its coverage grew since.
type SentStory struct {
	StoryID    int64     `json:"story_id"`
	Outlets    int       `json:"outlets"`
	Articles   int       `json:"articles"`
	DeliveryID int64     `json:"delivery_id,omitempty"`
	SentAt     time.Time `json:"sent_at,omitzero"`
}

const deliveryColumns = `id, channel_id, period_key, kind, status, payload, stories, message_ids, attempts,
	next_attempt_at, lease_owner, lease_until, error, created_at, sent_at`

// scanDelivery reads one row selected with deliveryColumns.
func scanDelivery(row rowScanner) (Delivery, error) {
	var (
		d                                       Delivery
		status, payload, stories, messages      string
		nextAttempt, leaseEnd, created, sentRaw int64
	)
	err := row.Scan(&d.ID, &d.ChannelID, &d.PeriodKey, &d.Kind, &status, &payload, &stories, &messages, &d.Attempts,
		&nextAttempt, &d.LeaseOwner, &leaseEnd, &d.Error, &created, &sentRaw)
	if err != nil {
		return Delivery{}, err
	}
	d.Status = DeliveryStatus(status)
	d.Payload = json.RawMessage(payload)
	if d.Stories, err = fromJSONText[SentStory](stories); err != nil {
		return Delivery{}, fmt.Errorf("delivery %d stories: %w", d.ID, err)
	}
	if d.MessageIDs, err = fromJSONText[string](messages); err != nil {
		return Delivery{}, fmt.Errorf("delivery %d message ids: %w", d.ID, err)
	}
	d.NextAttemptAt = goTime(nextAttempt)
	d.LeaseUntil = goTime(leaseEnd)
	d.CreatedAt = goTime(created)
	d.SentAt = goTime(sentRaw)
	return d, nil
}

// CreateDelivery puts a pending delivery in the outbox, due at
// d.NextAttemptAt (at once when zero). It is idempotent per channel and
// period: when the channel already has a delivery for d.PeriodKey, that one
// is returned unchanged with created false. ErrNotFound: no such channel.
func (s *Store) CreateDelivery(ctx context.Context, d Delivery) (stored Delivery, created bool, err error) {
	if d.PeriodKey == "" {
		return Delivery{}, false, fmt.Errorf("store: create delivery for channel %d: empty period key", d.ChannelID)
	}
	payload := string(cleanJSON(d.Payload))
	if payload == "" {
		payload = "null"
	}
	if !json.Valid([]byte(payload)) {
		return Delivery{}, false, fmt.Errorf("store: create delivery %s for channel %d: payload is not JSON", d.PeriodKey, d.ChannelID)
	}
	stories, err := jsonText(d.Stories)
	if err != nil {
		return Delivery{}, false, fmt.Errorf("store: create delivery %s for channel %d: %w", d.PeriodKey, d.ChannelID, err)
	}
	if d.Kind == "" {
		d.Kind = KindDigest
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := channelExists(ctx, tx, d.ChannelID); err != nil {
			return err
		}
		var err error
		stored, err = scanDelivery(tx.QueryRowContext(ctx, `
			INSERT INTO deliveries (channel_id, period_key, kind, status, payload, stories, next_attempt_at, created_at)
			VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7)
			ON CONFLICT (channel_id, period_key) DO NOTHING
			RETURNING `+deliveryColumns,
			d.ChannelID, d.PeriodKey, d.Kind, payload, stories, dbTime(d.NextAttemptAt), dbTime(time.Now())))
		if err == nil {
			created = true
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		stored, err = scanDelivery(tx.QueryRowContext(ctx,
			`SELECT `+deliveryColumns+` FROM deliveries WHERE channel_id = $1 AND period_key = $2`, d.ChannelID, d.PeriodKey))
		return err
	})
	if err != nil {
		return Delivery{}, false, fmt.Errorf("store: create delivery %s for channel %d: %w", d.PeriodKey, d.ChannelID, err)
	}
	return stored, created, nil
}

// DeliveryByID returns one delivery.
func (s *Store) DeliveryByID(ctx context.Context, id int64) (Delivery, error) {
	d, err := oneRow(scanDelivery(s.db.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE id = $1`, id)))
	if err != nil {
		return Delivery{}, fmt.Errorf("store: delivery %d: %w", id, err)
	}
	return d, nil
}

// Deliveries returns a channel's most recent deliveries, newest first.
func (s *Store) Deliveries(ctx context.Context, channelID int64, limit int) ([]Delivery, error) {
	if limit <= 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries
		WHERE channel_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, channelID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: deliveries of channel %d: %w", channelID, err)
	}
	out, err := scanAll(rows, scanDelivery)
	if err != nil {
		return nil, fmt.Errorf("store: deliveries of channel %d: %w", channelID, err)
	}
	return out, nil
}

// CountDeliveries counts a channel's deliveries of a kind created at or
// after since, whatever their status; the live mode's rate cap uses it.
func (s *Store) CountDeliveries(ctx context.Context, channelID int64, kind string, since time.Time) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM deliveries WHERE channel_id = $1 AND kind = $2 AND created_at >= $3`,
		channelID, kind, dbTime(since)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count %s deliveries of channel %d: %w", kind, channelID, err)
	}
	return n, nil
}

// ClaimDeliveries leases up to limit deliveries that are due at now: pending
// ones, and sending ones whose holder's lease expired (an instance that
// crashed mid-send; the Poster's delivery-id idempotency keeps the retry
// from posting twice). Claimed deliveries become sending and count an
// attempt. Oldest due first.
func (s *Store) ClaimDeliveries(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]Delivery, error) {
	if owner == "" || limit <= 0 || lease <= 0 {
		return nil, fmt.Errorf("store: claim deliveries: need an owner, a positive lease and limit")
	}
	at := dbTime(now)
	rows, err := s.db.QueryContext(ctx, `
		UPDATE deliveries SET status = 'sending', lease_owner = $1, lease_until = $2, attempts = attempts + 1
		WHERE id IN (
			SELECT id FROM deliveries
			WHERE status IN ('pending', 'sending') AND next_attempt_at <= $3 AND (lease_owner = '' OR lease_until <= $3)
			ORDER BY next_attempt_at, id
			LIMIT $4`+s.skipLocked()+`)
		RETURNING `+deliveryColumns,
		owner, leaseUntil(now, lease), at, limit)
	if err != nil {
		return nil, fmt.Errorf("store: claim deliveries for %s: %w", owner, err)
	}
	out, err := scanAll(rows, scanDelivery)
	if err != nil {
		return nil, fmt.Errorf("store: claim deliveries for %s: %w", owner, err)
	}
	slices.SortFunc(out, func(a, b Delivery) int {
		return cmp.Or(a.NextAttemptAt.Compare(b.NextAttemptAt), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}
