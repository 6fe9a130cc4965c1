package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"
	"time"
)

// runSchedulers has instances turn due schedules into deliveries the way
// the bot's scheduler does: claim, create the period's delivery, advance.
func runSchedulers(tb testing.TB, s *Store, instances int, now time.Time, lease time.Duration) {
	tb.Helper()
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := range instances {
		wg.Go(func() {
			owner := fmt.Sprintf("scheduler-%d", i)
			for {
				due, err := s.ClaimDueSchedules(ctx, owner, now, lease, 20)
				if err != nil {
					tb.Error(err)
					return
				}
				if len(due) == 0 {
					return
				}
				for _, sc := range due {
					period := sc.NextRunAt.UTC().Format(time.RFC3339)
					if _, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: sc.ChannelID, PeriodKey: period}); err != nil {
						tb.Error(err)
						return
					}
					if err := s.AdvanceSchedule(ctx, owner, sc.ChannelID, sc.NextRunAt.Add(24*time.Hour), sc.NextRunAt); err != nil {
						tb.Error(err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestSchedulesExactlyOnce: 1,000 (SQLite: 300) channels due at the same
// minute, four scheduler instances, one of which dies between creating its
// deliveries and advancing their schedules. After its lease expires the others
// finish: every channel has exactly one delivery for the period, and every
// schedule moved on by one day.
func TestSchedulesExactlyOnce(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		n := 300
		if s.Dialect() == Postgres {
			n = 1000
		}
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			for i := range n {
				var id int64
				err := tx.QueryRowContext(ctx, `INSERT INTO channels (platform, channel_ref) VALUES ('slack', $1) RETURNING id`,
					fmt.Sprint("sched-", i)).Scan(&id)
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO schedules (channel_id, cron, next_run_at) VALUES ($1, '0 8 * * *', $2)`,
					id, dbTime(at(0))); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		lease := time.Minute
		// One instance claims a batch, creates its deliveries and dies before
		// advancing the schedules.
		dead, err := s.ClaimDueSchedules(ctx, "scheduler-dead", at(0), lease, 20)
		if err != nil || len(dead) != 20 {
			t.Fatalf("dying instance claimed %d, %v", len(dead), err)
		}
		for _, sc := range dead {
			if _, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: sc.ChannelID, PeriodKey: sc.NextRunAt.UTC().Format(time.RFC3339)}); err != nil {
				t.Fatal(err)
			}
		}
		runSchedulers(t, s, 3, at(0), lease)
		var stuck int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schedules WHERE lease_owner = 'scheduler-dead'`).Scan(&stuck); err != nil || stuck != 20 {
			t.Fatalf("%d schedules still held by the dead instance (%v), want 20 until its lease ends", stuck, err)
		}
		runSchedulers(t, s, 2, at(lease), lease)

		var deliveries, channels, periods int
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT channel_id), COUNT(DISTINCT period_key) FROM deliveries`).
			Scan(&deliveries, &channels, &periods)
		if err != nil {
			t.Fatal(err)
		}
		if deliveries != n || channels != n || periods != 1 {
			t.Errorf("%d deliveries to %d channels in %d periods; want %d, %d, 1", deliveries, channels, periods, n, n)
		}
		var advanced int
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schedules WHERE next_run_at = $1 AND last_period_end = $2 AND lease_owner = ''`,
			dbTime(at(24*time.Hour)), dbTime(at(0))).Scan(&advanced)
		if err != nil {
			t.Fatal(err)
		}
		if advanced != n {
			t.Errorf("%d schedules advanced, want %d", advanced, n)
		}
	})
}
