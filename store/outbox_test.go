package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// mustChannel stores a channel or fails the test.
func mustChannel(t testing.TB, s *Store, ref string) Channel {
	t.Helper()
	c, err := s.UpsertChannel(context.Background(), Channel{Platform: "discord", Scope: "discord:g", ChannelID: ref})
	if err != nil {
		t.Fatalf("upsert channel %s: %v", ref, err)
	}
	return c
}

func TestChannelRoundTrip(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		in := Channel{
			Platform: "slack", Scope: "slack:T1", ChannelID: "C42", Tags: []string{"world"}, FeedIDs: []int64{3, 7},
			Live: true, LivePerHour: 4, Include: []string{`(?i)election`}, Exclude: []string{"sport"}, NothingNew: true,
		}
		got, err := s.UpsertChannel(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		ignoreTimes := cmpopts.IgnoreFields(Channel{}, "CreatedAt", "UpdatedAt")
		want := in
		want.ID = got.ID
		if diff := cmp.Diff(want, got, ignoreTimes); diff != "" || got.CreatedAt.IsZero() {
			t.Errorf("UpsertChannel (-want +got):\n%s", diff)
		}
		byRef, err := s.ChannelByRef(ctx, "slack", "C42")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(got, byRef); diff != "" {
			t.Errorf("ChannelByRef (-want +got):\n%s", diff)
		}
		changed := in
		changed.Tags, changed.FeedIDs, changed.Live, changed.Include = nil, []int64{9}, false, nil
		again, err := s.UpsertChannel(ctx, changed)
		if err != nil {
			t.Fatal(err)
		}
		want = changed
		want.ID = got.ID
		if diff := cmp.Diff(want, again, ignoreTimes); diff != "" {
			t.Errorf("second UpsertChannel (-want +got):\n%s", diff)
		}
		if !again.CreatedAt.Equal(got.CreatedAt) {
			t.Errorf("CreatedAt changed %v -> %v", got.CreatedAt, again.CreatedAt)
		}
		other, err := s.UpsertChannel(ctx, Channel{Platform: "discord", Scope: "discord:G", ChannelID: "C42", Live: true})
		if err != nil {
			t.Fatal(err)
		}
		if other.ID == got.ID {
			t.Error("same channel id on another platform shares a row")
		}
		for _, tc := range []struct {
			name string
			list func() ([]Channel, error)
			want []int64
		}{
			{"scope", func() ([]Channel, error) { return s.Channels(ctx, "slack:T1") }, []int64{got.ID}},
			{"all", func() ([]Channel, error) { return s.AllChannels(ctx) }, []int64{got.ID, other.ID}},
			{"live", func() ([]Channel, error) { return s.LiveChannels(ctx) }, []int64{other.ID}},
		} {
			list, err := tc.list()
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, c := range list {
				ids = append(ids, c.ID)
			}
			if !slices.Equal(ids, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, ids, tc.want)
			}
		}
		if _, err := s.UpsertChannel(ctx, Channel{Platform: "slack"}); err == nil {
			t.Error("channel without id accepted")
		}
		if err := s.DeleteChannel(ctx, got.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ChannelByID(ctx, got.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("ChannelByID after delete err = %v", err)
		}
		if _, err := s.ChannelByRef(ctx, "slack", "C42"); !errors.Is(err, ErrNotFound) {
			t.Errorf("ChannelByRef after delete err = %v", err)
		}
		if err := s.DeleteChannel(ctx, got.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("second DeleteChannel err = %v", err)
		}
	})
}

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

func TestDeliveryLifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		c := mustChannel(t, s, "out")
		if _, err := s.SetSchedule(ctx, Schedule{ChannelID: c.ID, Cron: "0 8 * * *", NextRunAt: at(0)}); err != nil {
			t.Fatal(err)
		}
		payload := json.RawMessage(`{"title":"Morning digest","sections":[1,2]}`)
		stories := []SentStory{{StoryID: 11, Outlets: 3, Articles: 4}, {StoryID: 12, Outlets: 1, Articles: 1}}
		d, created, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "2026-03-01T08:00Z", Payload: payload, Stories: stories})
		if err != nil || !created {
			t.Fatalf("CreateDelivery = %v, %v", created, err)
		}
		if d.Status != DeliveryPending || d.Kind != KindDigest || d.ID == 0 {
			t.Errorf("created delivery = %+v", d)
		}
		var decoded, wantDecoded any
		json.Unmarshal(d.Payload, &decoded)
		json.Unmarshal(payload, &wantDecoded)
		if !cmp.Equal(decoded, wantDecoded) {
			t.Errorf("payload %s, want %s", d.Payload, payload)
		}
		again, created, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "2026-03-01T08:00Z", Payload: json.RawMessage(`{"other":true}`)})
		if err != nil || created || again.ID != d.ID || !cmp.Equal(again.Stories, stories) {
			t.Errorf("second CreateDelivery = %+v, %v, %v; want the first one back", again, created, err)
		}
		if _, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID + 100, PeriodKey: "p"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("CreateDelivery(missing channel) err = %v", err)
		}
		if _, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "bad", Payload: json.RawMessage(`{`)}); err == nil {
			t.Error("invalid JSON payload accepted")
		}
		claimed, err := s.ClaimDeliveries(ctx, "a", at(0), time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(claimed) != 1 || claimed[0].Status != DeliverySending || claimed[0].Attempts != 1 || claimed[0].LeaseOwner != "a" {
			t.Fatalf("claim = %+v", claimed)
		}
		if got, _ := s.ClaimDeliveries(ctx, "b", at(59*time.Second), time.Minute, 10); len(got) != 0 {
			t.Errorf("leased delivery claimed by b: %+v", got)
		}
		// A transient failure: pending again, due at the retry time.
		if err := s.MarkDeliveryFailed(ctx, d.ID, "HTTP 503", at(5*time.Minute), false); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.ClaimDeliveries(ctx, "b", at(4*time.Minute), time.Minute, 10); len(got) != 0 {
			t.Errorf("claimed before retry time: %+v", got)
		}
		// A crash while sending: the lease runs out and b finishes the job.
		if got, _ := s.ClaimDeliveries(ctx, "a", at(5*time.Minute), time.Minute, 10); len(got) != 1 {
			t.Fatalf("retry not claimable: %+v", got)
		}
		got, err := s.ClaimDeliveries(ctx, "b", at(7*time.Minute), time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Attempts != 3 || got[0].Error != "HTTP 503" {
			t.Fatalf("reclaim after crash = %+v", got)
		}
		if err := s.MarkDelivered(ctx, d.ID, []string{"m1", "m2"}); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkDelivered(ctx, d.ID, []string{"m3"}); err != nil {
			t.Errorf("second MarkDelivered: %v", err)
		}
		if err := s.MarkDeliveryFailed(ctx, d.ID, "late", at(0), true); err != nil {
			t.Errorf("MarkDeliveryFailed on a sent delivery: %v", err)
		}
		d, err = s.DeliveryByID(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Status != DeliverySent || !slices.Equal(d.MessageIDs, []string{"m1", "m2"}) || d.SentAt.IsZero() || d.Error != "" || d.LeaseOwner != "" {
			t.Errorf("delivered = %+v", d)
		}
		if got, _ := s.ClaimDeliveries(ctx, "c", at(time.Hour), time.Minute, 10); len(got) != 0 {
			t.Errorf("sent delivery claimed: %+v", got)
		}
		sent, err := s.SentStories(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(sent) != 2 || sent[11].Outlets != 3 || sent[11].Articles != 4 || sent[11].DeliveryID != d.ID || sent[12].SentAt.IsZero() {
			t.Errorf("SentStories = %+v", sent)
		}
		// A permanent failure stops the channel's schedule with the reason.
		d2, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "2026-03-02T08:00Z", Kind: KindDigest})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.MarkDeliveryFailed(ctx, d2.ID, "unknown channel", time.Time{}, true); err != nil {
			t.Fatal(err)
		}
		d2, _ = s.DeliveryByID(ctx, d2.ID)
		sc, _ := s.ScheduleFor(ctx, c.ID)
		if d2.Status != DeliveryFailed || d2.Error != "unknown channel" || sc.Enabled || sc.StopReason != "unknown channel" {
			t.Errorf("after permanent failure: delivery %+v schedule %+v", d2, sc)
		}
		if got, _ := s.ClaimDeliveries(ctx, "c", at(time.Hour), time.Minute, 10); len(got) != 0 {
			t.Errorf("failed delivery claimed: %+v", got)
		}
		list, err := s.Deliveries(ctx, c.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].ID != d2.ID {
			t.Errorf("Deliveries = %d, first %d; want 2, newest first", len(list), list[0].ID)
		}
		n, err := s.CountDeliveries(ctx, c.ID, KindDigest, time.Now().Add(-time.Hour))
		if err != nil || n != 2 {
			t.Errorf("CountDeliveries = %d, %v; want 2", n, err)
		}
		if err := s.MarkDelivered(ctx, 99999, nil); !errors.Is(err, ErrNotFound) {
			t.Errorf("MarkDelivered(missing) err = %v", err)
		}
		if err := s.MarkDeliveryFailed(ctx, 99999, "x", at(0), false); !errors.Is(err, ErrNotFound) {
			t.Errorf("MarkDeliveryFailed(missing) err = %v", err)
		}
		if _, err := s.DeliveryByID(ctx, 99999); !errors.Is(err, ErrNotFound) {
			t.Errorf("DeliveryByID(missing) err = %v", err)
		}
	})
}

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
