package store

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestHeartbeatAndRelease(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		mustAddFeed(t, s, "", "https://hb.example/rss")
		c := mustChannel(t, s, "hb")
		if _, err := s.SetSchedule(ctx, Schedule{ChannelID: c.ID, Cron: "* * * * *", NextRunAt: at(0)}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "p1"}); err != nil {
			t.Fatal(err)
		}
		lease := time.Minute
		f, _ := s.ClaimDueFeeds(ctx, "a", at(0), lease, 10)
		sc, _ := s.ClaimDueSchedules(ctx, "a", at(0), lease, 10)
		d, _ := s.ClaimDeliveries(ctx, "a", at(0), lease, 10)
		if len(f) != 1 || len(sc) != 1 || len(d) != 1 {
			t.Fatalf("claims: %d feeds, %d schedules, %d deliveries", len(f), len(sc), len(d))
		}
		// Heartbeats keep a's work a's long past the first lease.
		for minute := range 5 {
			n, err := s.Heartbeat(ctx, "a", at(time.Duration(minute)*50*time.Second), lease)
			if err != nil || n != 3 {
				t.Fatalf("heartbeat %d = %d, %v; want 3", minute, n, err)
			}
		}
		later := at(4*50*time.Second + 59*time.Second)
		if f, _ := s.ClaimDueFeeds(ctx, "b", later, lease, 10); len(f) != 0 {
			t.Errorf("b took a heartbeating feed")
		}
		if sc, _ := s.ClaimDueSchedules(ctx, "b", later, lease, 10); len(sc) != 0 {
			t.Errorf("b took a heartbeating schedule")
		}
		if d, _ := s.ClaimDeliveries(ctx, "b", later, lease, 10); len(d) != 0 {
			t.Errorf("b took a heartbeating delivery")
		}
		if n, _ := s.Heartbeat(ctx, "nobody", later, lease); n != 0 {
			t.Errorf("heartbeat of an owner without work extended %d leases", n)
		}
		if err := s.ReleaseAll(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		if f, _ := s.ClaimDueFeeds(ctx, "b", later, lease, 10); len(f) != 1 {
			t.Errorf("released feed not claimable")
		}
		if sc, _ := s.ClaimDueSchedules(ctx, "b", later, lease, 10); len(sc) != 1 {
			t.Errorf("released schedule not claimable")
		}
		got, _ := s.ClaimDeliveries(ctx, "b", later, lease, 10)
		if len(got) != 1 || got[0].Attempts != 2 {
			t.Errorf("released delivery claim = %+v", got)
		}
		if _, err := s.Heartbeat(ctx, "", later, lease); err == nil {
			t.Error("heartbeat without owner accepted")
		}
		// Releasing one row: only its holder can, and then anyone may claim it.
		f, _ = s.ClaimDueFeeds(ctx, "c", later.Add(time.Hour), lease, 10)
		sc, _ = s.ClaimDueSchedules(ctx, "c", later.Add(time.Hour), lease, 10)
		if len(f) != 1 || len(sc) != 1 {
			t.Fatalf("c claimed %d feeds, %d schedules", len(f), len(sc))
		}
		if err := s.ReleaseFeed(ctx, "not-c", f[0].ID); err != nil {
			t.Fatal(err)
		}
		if err := s.ReleaseSchedule(ctx, "not-c", sc[0].ChannelID); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.ClaimDueFeeds(ctx, "d", later.Add(time.Hour), lease, 10); len(got) != 0 {
			t.Error("a non-holder released c's feed")
		}
		if err := s.ReleaseFeed(ctx, "c", f[0].ID); err != nil {
			t.Fatal(err)
		}
		if err := s.ReleaseSchedule(ctx, "c", sc[0].ChannelID); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.ClaimDueFeeds(ctx, "d", later.Add(time.Hour), lease, 10); len(got) != 1 {
			t.Error("released feed not claimable")
		}
		if got, _ := s.ClaimDueSchedules(ctx, "d", later.Add(time.Hour), lease, 10); len(got) != 1 {
			t.Error("released schedule not claimable")
		}
	})
}

// TestClaimsNeverShared has several owners claim the same due schedules and
// deliveries at once: every row goes to exactly one of them.
func TestClaimsNeverShared(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		const channels = 40
		for i := range channels {
			c := mustChannel(t, s, fmt.Sprintf("c%d", i))
			if _, err := s.SetSchedule(ctx, Schedule{ChannelID: c.ID, Cron: "0 8 * * *", NextRunAt: at(0)}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "p"}); err != nil {
				t.Fatal(err)
			}
		}
		claimAll := func(claim func(owner string) (int, []int64, error)) map[int64]int {
			var (
				mu     sync.Mutex
				counts = map[int64]int{}
				wg     sync.WaitGroup
			)
			for w := range 4 {
				wg.Go(func() {
					for {
						n, ids, err := claim(fmt.Sprintf("w%d", w))
						if err != nil {
							t.Error(err)
							return
						}
						if n == 0 {
							return
						}
						mu.Lock()
						for _, id := range ids {
							counts[id]++
						}
						mu.Unlock()
					}
				})
			}
			wg.Wait()
			return counts
		}
		schedules := claimAll(func(owner string) (int, []int64, error) {
			got, err := s.ClaimDueSchedules(ctx, owner, at(0), time.Hour, 3)
			var ids []int64
			for _, sc := range got {
				ids = append(ids, sc.ChannelID)
			}
			return len(got), ids, err
		})
		deliveries := claimAll(func(owner string) (int, []int64, error) {
			got, err := s.ClaimDeliveries(ctx, owner, at(0), time.Hour, 3)
			var ids []int64
			for _, d := range got {
				ids = append(ids, d.ID)
			}
			return len(got), ids, err
		})
		for name, counts := range map[string]map[int64]int{"schedules": schedules, "deliveries": deliveries} {
			if len(counts) != channels {
				t.Errorf("%s: %d claimed, want %d", name, len(counts), channels)
			}
			for id, n := range counts {
				if n != 1 {
					t.Errorf("%s: %d claimed %d times", name, id, n)
				}
			}
		}
	})
}

// TestCreateDeliveryConcurrent: instances racing to create the same
// period's delivery end with one row.
func TestCreateDeliveryConcurrent(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		c := mustChannel(t, s, "race")
		var (
			wg      sync.WaitGroup
			mu      sync.Mutex
			created int
			ids     = map[int64]bool{}
		)
		for range 8 {
			wg.Go(func() {
				d, ok, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "same"})
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				defer mu.Unlock()
				ids[d.ID] = true
				if ok {
					created++
				}
			})
		}
		wg.Wait()
		if created != 1 || len(ids) != 1 {
			t.Errorf("created %d times, %d ids; want 1 and 1", created, len(ids))
		}
	})
}
