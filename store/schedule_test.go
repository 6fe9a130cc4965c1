package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestScheduleLifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		c := mustChannel(t, s, "sched")
		if _, err := s.SetSchedule(ctx, Schedule{ChannelID: c.ID + 100, Cron: "0 8 * * *"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("SetSchedule(missing channel) err = %v, want ErrNotFound", err)
		}
		sc, err := s.SetSchedule(ctx, Schedule{ChannelID: c.ID, Cron: "0 8 * * *", Timezone: "Europe/Berlin", NextRunAt: at(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		want := Schedule{ChannelID: c.ID, Cron: "0 8 * * *", Timezone: "Europe/Berlin", NextRunAt: at(time.Hour), Enabled: true}
		if diff := cmp.Diff(want, sc, cmpopts.IgnoreFields(Schedule{}, "UpdatedAt")); diff != "" {
			t.Errorf("SetSchedule (-want +got):\n%s", diff)
		}
		if got, _ := s.ClaimDueSchedules(ctx, "a", at(59*time.Minute), time.Minute, 10); len(got) != 0 {
			t.Errorf("claimed before due: %+v", got)
		}
		got, err := s.ClaimDueSchedules(ctx, "a", at(time.Hour), time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].LeaseOwner != "a" || !got[0].LeaseUntil.Equal(at(61*time.Minute)) {
			t.Fatalf("claim = %+v", got)
		}
		if got, _ := s.ClaimDueSchedules(ctx, "b", at(time.Hour+30*time.Second), time.Minute, 10); len(got) != 0 {
			t.Errorf("leased schedule claimed by b: %+v", got)
		}
		// a's lease expires; b takes over, and a can no longer advance it.
		if got, _ := s.ClaimDueSchedules(ctx, "b", at(62*time.Minute), time.Minute, 10); len(got) != 1 {
			t.Fatalf("expired lease not reclaimed: %+v", got)
		}
		if err := s.AdvanceSchedule(ctx, "a", c.ID, at(25*time.Hour), at(time.Hour)); !errors.Is(err, ErrLeaseLost) {
			t.Errorf("AdvanceSchedule by a lost lease err = %v, want ErrLeaseLost", err)
		}
		if err := s.AdvanceSchedule(ctx, "b", c.ID, at(25*time.Hour), at(time.Hour)); err != nil {
			t.Fatal(err)
		}
		sc, err = s.ScheduleFor(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !sc.NextRunAt.Equal(at(25*time.Hour)) || !sc.LastPeriodEnd.Equal(at(time.Hour)) || sc.LeaseOwner != "" {
			t.Errorf("after advance: %+v", sc)
		}
		if got, _ := s.ClaimDueSchedules(ctx, "c", at(2*time.Hour), time.Minute, 10); len(got) != 0 {
			t.Errorf("advanced schedule still due: %+v", got)
		}
		// Changing the cron keeps the end of the last period.
		sc, err = s.SetSchedule(ctx, Schedule{ChannelID: c.ID, Cron: "30 7 * * 1-5", Timezone: "UTC", NextRunAt: at(20 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if !sc.LastPeriodEnd.Equal(at(time.Hour)) || sc.Cron != "30 7 * * 1-5" {
			t.Errorf("after reset: %+v", sc)
		}
		if err := s.DisableSchedule(ctx, c.ID, "bot removed from channel"); err != nil {
			t.Fatal(err)
		}
		sc, _ = s.ScheduleFor(ctx, c.ID)
		if sc.Enabled || sc.StopReason != "bot removed from channel" {
			t.Errorf("after disable: %+v", sc)
		}
		if got, _ := s.ClaimDueSchedules(ctx, "c", at(48*time.Hour), time.Minute, 10); len(got) != 0 {
			t.Errorf("disabled schedule claimed: %+v", got)
		}
		sc, err = s.SetSchedule(ctx, Schedule{ChannelID: c.ID, Cron: "0 9 * * *", NextRunAt: at(30 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if !sc.Enabled || sc.StopReason != "" || sc.Timezone != "UTC" {
			t.Errorf("re-enabled: %+v", sc)
		}
		if err := s.DeleteSchedule(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ScheduleFor(ctx, c.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("ScheduleFor after delete err = %v", err)
		}
		if err := s.DisableSchedule(ctx, c.ID, "x"); !errors.Is(err, ErrNotFound) {
			t.Errorf("DisableSchedule(missing) err = %v", err)
		}
		if err := s.AdvanceSchedule(ctx, "b", c.ID, at(0), at(0)); !errors.Is(err, ErrNotFound) {
			t.Errorf("AdvanceSchedule(missing) err = %v", err)
		}
	})
}
