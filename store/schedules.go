package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"
)

// Schedule is when a channel gets its digest: a 5-field cron expression in
// an IANA time zone, with the next run precomputed by the scheduler.
type Schedule struct {
	ChannelID     int64
	Cron          string
	Timezone      string
	NextRunAt     time.Time // when the next digest is due
	LastPeriodEnd time.Time // end of the period the last digest covered; zero before the first
	Enabled       bool
	StopReason    string // why the schedule was stopped, e.g. the bot was removed from the channel
	LeaseOwner    string
	LeaseUntil    time.Time
	UpdatedAt     time.Time
}

const scheduleColumns = `channel_id, cron, timezone, next_run_at, last_period_end, enabled, stop_reason,
	lease_owner, lease_until, updated_at`

// scanSchedule reads one row selected with scheduleColumns.
func scanSchedule(row rowScanner) (Schedule, error) {
	var (
		sc                                  Schedule
		nextRun, lastEnd, leaseEnd, updated int64
	)
	err := row.Scan(&sc.ChannelID, &sc.Cron, &sc.Timezone, &nextRun, &lastEnd, &sc.Enabled, &sc.StopReason,
		&sc.LeaseOwner, &leaseEnd, &updated)
	if err != nil {
		return Schedule{}, err
	}
	sc.NextRunAt = goTime(nextRun)
	sc.LastPeriodEnd = goTime(lastEnd)
	sc.LeaseUntil = goTime(leaseEnd)
	sc.UpdatedAt = goTime(updated)
	return sc, nil
}

// SetSchedule creates or replaces a channel's schedule and enables it,
// clearing any stop reason, the channel's own included. LastPeriodEnd is kept unless sc sets one, so a
// changed schedule continues where the last digest ended. It returns
// ErrNotFound when the channel does not exist.
func (s *Store) SetSchedule(ctx context.Context, sc Schedule) (Schedule, error) {
	if sc.Cron == "" {
		return Schedule{}, fmt.Errorf("store: set schedule of channel %d: empty cron expression", sc.ChannelID)
	}
	if sc.Timezone == "" {
		sc.Timezone = "UTC"
	}
	var stored Schedule
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := channelExists(ctx, tx, sc.ChannelID); err != nil {
			return err
		}
		var err error
		stored, err = scanSchedule(tx.QueryRowContext(ctx, `
			INSERT INTO schedules (channel_id, cron, timezone, next_run_at, last_period_end, enabled, stop_reason, updated_at)
			VALUES ($1, $2, $3, $4, $5, TRUE, '', $6)
			ON CONFLICT (channel_id) DO UPDATE SET
				cron = excluded.cron, timezone = excluded.timezone, next_run_at = excluded.next_run_at,
				last_period_end = CASE WHEN excluded.last_period_end <> 0 THEN excluded.last_period_end
					ELSE schedules.last_period_end END,
				enabled = TRUE, stop_reason = '', updated_at = excluded.updated_at
			RETURNING `+scheduleColumns,
			sc.ChannelID, sc.Cron, sc.Timezone, dbTime(sc.NextRunAt), dbTime(sc.LastPeriodEnd), dbTime(time.Now())))
		if err != nil {
			return err
		}
		// Setting a schedule is how a person restarts a stopped channel.
		_, err = tx.ExecContext(ctx, `UPDATE channels SET stop_reason = '' WHERE id = $1 AND stop_reason <> ''`, sc.ChannelID)
		return err
	})
	if err != nil {
		return Schedule{}, fmt.Errorf("store: set schedule of channel %d: %w", sc.ChannelID, err)
	}
	return stored, nil
}

// channelExists returns ErrNotFound when there is no channel with that ID.
func channelExists(ctx context.Context, q queryer, id int64) error {
	var exists bool
	if err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM channels WHERE id = $1)`, id).Scan(&exists); err != nil {
		return fmt.Errorf("look up channel %d: %w", id, err)
	}
	if !exists {
		return fmt.Errorf("channel %d: %w", id, ErrNotFound)
	}
	return nil
}

// ScheduleFor returns a channel's schedule.
func (s *Store) ScheduleFor(ctx context.Context, channelID int64) (Schedule, error) {
	sc, err := oneRow(scanSchedule(s.db.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedules WHERE channel_id = $1`, channelID)))
	if err != nil {
		return Schedule{}, fmt.Errorf("store: schedule of channel %d: %w", channelID, err)
	}
	return sc, nil
}

// DisableSchedule stops a channel's schedule, keeping the reason, and
// releases any lease on it.
func (s *Store) DisableSchedule(ctx context.Context, channelID int64, reason string) error {
	if err := touchedOne(s.db.ExecContext(ctx, `
		UPDATE schedules SET enabled = FALSE, stop_reason = $2, lease_owner = '', lease_until = 0, updated_at = $3
		WHERE channel_id = $1`, channelID, cleanText(reason), dbTime(time.Now()))); err != nil {
		return fmt.Errorf("store: disable schedule of channel %d: %w", channelID, err)
	}
	return nil
}

// DeleteSchedule removes a channel's schedule.
func (s *Store) DeleteSchedule(ctx context.Context, channelID int64) error {
	if err := touchedOne(s.db.ExecContext(ctx, `DELETE FROM schedules WHERE channel_id = $1`, channelID)); err != nil {
		return fmt.Errorf("store: delete schedule of channel %d: %w", channelID, err)
	}
	return nil
}

// ClaimDueSchedules leases up to limit enabled schedules whose next run is
// due at now and that no one else holds (or whose lease has expired), the
// most overdue first. The lease lasts until now+lease, Heartbeat or
// AdvanceSchedule.
func (s *Store) ClaimDueSchedules(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]Schedule, error) {
	if owner == "" || limit <= 0 || lease <= 0 {
		return nil, fmt.Errorf("store: claim due schedules: need an owner, a positive lease and limit")
	}
	at := dbTime(now)
	rows, err := s.db.QueryContext(ctx, `
		UPDATE schedules SET lease_owner = $1, lease_until = $2
		WHERE channel_id IN (
			SELECT channel_id FROM schedules
			WHERE enabled = TRUE AND next_run_at <> 0 AND next_run_at <= $3 AND (lease_owner = '' OR lease_until <= $3)
			ORDER BY next_run_at, channel_id
			LIMIT $4`+s.skipLocked()+`)
		RETURNING `+scheduleColumns,
		owner, leaseUntil(now, lease), at, limit)
	if err != nil {
		return nil, fmt.Errorf("store: claim due schedules for %s: %w", owner, err)
	}
	out, err := scanAll(rows, scanSchedule)
	if err != nil {
		return nil, fmt.Errorf("store: claim due schedules for %s: %w", owner, err)
	}
	slices.SortFunc(out, func(a, b Schedule) int {
		return cmp.Or(a.NextRunAt.Compare(b.NextRunAt), cmp.Compare(a.ChannelID, b.ChannelID))
	})
	return out, nil
}

// AdvanceSchedule records that the run due at the schedule's NextRunAt has
// been handed to the outbox: the next run is nextRunAt, the period covered
// ended at periodEnd, and owner's lease is released. It returns ErrLeaseLost
// when owner no longer holds the schedule (another instance claimed it after
// the lease expired), ErrNotFound when there is no schedule.
func (s *Store) AdvanceSchedule(ctx context.Context, owner string, channelID int64, nextRunAt, periodEnd time.Time) error {
	res, err := s.db.ExecContext(ctx, `
		UPDATE schedules SET next_run_at = $3, last_period_end = $4, lease_owner = '', lease_until = 0, updated_at = $5
		WHERE channel_id = $1 AND lease_owner = $2`,
		channelID, owner, dbTime(nextRunAt), dbTime(periodEnd), dbTime(time.Now()))
	if err != nil {
		return fmt.Errorf("store: advance schedule of channel %d: %w", channelID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: advance schedule of channel %d: %w", channelID, err)
	}
	if n > 0 {
		return nil
	}
	if _, err := s.ScheduleFor(ctx, channelID); err != nil {
		return fmt.Errorf("store: advance schedule of channel %d: %w", channelID, err)
	}
	return fmt.Errorf("store: advance schedule of channel %d as %s: %w", channelID, owner, ErrLeaseLost)
}

// ReleaseSchedule gives up owner's lease on a schedule without advancing it,
// so another instance may claim it at once.
func (s *Store) ReleaseSchedule(ctx context.Context, owner string, channelID int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE schedules SET lease_owner = '', lease_until = 0 WHERE channel_id = $1 AND lease_owner = $2`,
		channelID, owner)
	if err != nil {
		return fmt.Errorf("store: release schedule of channel %d: %w", channelID, err)
	}
	return nil
}
