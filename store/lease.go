package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// leasedTables hold work claimed with a lease.
var leasedTables = []string{"feeds", "schedules", "deliveries"}

// releasedTables are given up by ReleaseAll: the claimed work and the
// named leases (AcquireLease). Heartbeat leaves named leases alone: their
// holders renew them, so a lease lapses when the work it guards stops,
// not only when the whole instance does.
var releasedTables = append(leasedTables[:len(leasedTables):len(leasedTables)], "leases")

// Heartbeat extends every lease owner holds (feeds, schedules, deliveries)
// to now+lease and reports how many it extended. A lease that expired and
// was claimed by another instance is no longer owner's and is not touched.
func (s *Store) Heartbeat(ctx context.Context, owner string, now time.Time, lease time.Duration) (int64, error) {
	if owner == "" || lease <= 0 {
		return 0, fmt.Errorf("store: heartbeat: need an owner and a positive lease")
	}
	var total int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, table := range leasedTables {
			res, err := tx.ExecContext(ctx, `UPDATE `+table+` SET lease_until = $2 WHERE lease_owner = $1`,
				owner, leaseUntil(now, lease))
			if err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
			total += n
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: heartbeat of %s: %w", owner, err)
	}
	return total, nil
}

// ReleaseAll gives up every lease owner holds, named leases included, for
// a graceful shutdown: the work becomes claimable at once. Deliveries it
// was sending go back to pending; the caller must only release what it has
// not posted. Called on start with the instance's own (stable) name, it
// reclaims what a crashed earlier run of the instance held, instead of
// waiting for those leases to run out; posts it may have made are
// repeated under the same idempotency key.
func (s *Store) ReleaseAll(ctx context.Context, owner string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, table := range releasedTables {
			set := `lease_owner = '', lease_until = 0`
			if table == "deliveries" {
				set += `, status = CASE WHEN status = 'sending' THEN 'pending' ELSE status END`
			}
			if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET `+set+` WHERE lease_owner = $1`, owner); err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: release leases of %s: %w", owner, err)
	}
	return nil
}
