package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrLeaseHeld means another instance holds the named lease asked for.
var ErrLeaseHeld = errors.New("store: lease held by another instance")

// Names of the leases newsdigest takes.
const (
	// LeasePipeline guards clustering: stories depend on the order in
	// which articles are clustered, so one instance at a time does it.
	LeasePipeline = "pipeline"
	// LeaseDiscordGateway guards the Discord gateway connection: every
	// connection receives every interaction, so only one instance connects.
	LeaseDiscordGateway = "discord-gateway"
)

// Lease is a named lease on work that one instance at a time may do, as
// AcquireLease granted it.
type Lease struct {
	Name  string
	Owner string
	// Token changes every time the lease changes hands, also when the same
	// owner takes it again after a restart. Writes fenced with it
	// (AssignStory) fail once anyone else has taken the lease.
	Token int64
	// Seq counts the fenced writes made under the lease, by any holder.
	// A holder that finds it changed since its own last write knows
	// that someone else worked in between.
	Seq   int64
	Until time.Time
}

// AcquireLease takes or renews lease name for owner until now+ttl. held is
// the token of the lease the caller holds (0: none). The lease is renewed,
// keeping its token, when owner holds it under held; it is taken under a
// new token when it is free, expired, or recorded for owner under another
// token (owner restarted: instance names are stable, so what a name holds
// is its own work). Otherwise the error is ErrLeaseHeld.
func (s *Store) AcquireLease(ctx context.Context, name, owner string, held int64, now time.Time, ttl time.Duration) (Lease, error) {
	if name == "" || owner == "" || ttl <= 0 {
		return Lease{}, fmt.Errorf("store: acquire lease: need a name, an owner and a positive ttl")
	}
	l := Lease{Name: name, Owner: owner}
	var until int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO leases (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, name); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, `
			UPDATE leases SET
				token = CASE WHEN lease_owner = $2 AND token = $3 THEN token ELSE token + 1 END,
				lease_owner = $2, lease_until = $4
			WHERE name = $1 AND (lease_owner = '' OR lease_owner = $2 OR lease_until <= $5)
			RETURNING token, seq, lease_until`,
			name, owner, held, leaseUntil(now, ttl), dbTime(now)).Scan(&l.Token, &l.Seq, &until)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var holder string
		if err := tx.QueryRowContext(ctx, `SELECT lease_owner, lease_until FROM leases WHERE name = $1`, name).Scan(&holder, &until); err != nil {
			return err
		}
		return fmt.Errorf("%w: %s until %s", ErrLeaseHeld, holder, goTime(until).Format(time.RFC3339))
	})
	if err != nil {
		return Lease{}, fmt.Errorf("store: acquire lease %s for %s: %w", name, owner, err)
	}
	l.Until = goTime(until)
	return l, nil
}

// ReleaseLease gives the lease up at once when l's owner still holds it
// under l's token; otherwise it changes nothing.
func (s *Store) ReleaseLease(ctx context.Context, l Lease) error {
	_, err := s.db.ExecContext(ctx, `UPDATE leases SET lease_owner = '', lease_until = 0
		WHERE name = $1 AND lease_owner = $2 AND token = $3`, l.Name, l.Owner, l.Token)
	if err != nil {
		return fmt.Errorf("store: release lease %s of %s: %w", l.Name, l.Owner, err)
	}
	return nil
}

// fence checks inside tx that l is still held under its token and counts
// one more write under it, returning the new count. On PostgreSQL the
// row stays locked until tx ends, so an instance taking the lease over
// waits for the write to commit and then sees it.
func fence(ctx context.Context, tx *sql.Tx, l Lease) (int64, error) {
	var seq int64
	err := tx.QueryRowContext(ctx, `UPDATE leases SET seq = seq + 1
		WHERE name = $1 AND lease_owner = $2 AND token = $3 RETURNING seq`, l.Name, l.Owner, l.Token).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("lease %s of %s (token %d): %w", l.Name, l.Owner, l.Token, ErrLeaseLost)
	}
	if err != nil {
		return 0, fmt.Errorf("fence: %w", err)
	}
	return seq, nil
}
