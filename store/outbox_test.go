package store

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
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
			Style: DigestStyle{MaxStories: 4, Detail: "full", NoImage: true},
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
		changed.Style = DigestStyle{}
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
		if err := s.MarkDeliveryFailed(ctx, d.ID, "HTTP 503", at(5*time.Minute), RetryLater); err != nil {
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
		if err := s.MarkDeliveryFailed(ctx, d.ID, "late", at(0), StopChannel); err != nil {
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
		// Giving up after many transient failures fails the delivery
		// but keeps the schedule.
		d3, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "2026-03-01T20:00Z", Kind: KindDigest})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.MarkDeliveryFailed(ctx, d3.ID, "HTTP 503", time.Time{}, GiveUp); err != nil {
			t.Fatal(err)
		}
		d3, _ = s.DeliveryByID(ctx, d3.ID)
		if sc, _ := s.ScheduleFor(ctx, c.ID); d3.Status != DeliveryFailed || !sc.Enabled || sc.StopReason != "" {
			t.Errorf("after giving up: delivery %+v schedule %+v", d3, sc)
		}
		if err := s.MarkDeliveryFailed(ctx, d2.ID, "unknown channel", time.Time{}, StopChannel); err != nil {
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
		if len(list) != 3 || list[0].ID != d3.ID {
			t.Errorf("Deliveries = %d, first %d; want 3, newest first", len(list), list[0].ID)
		}
		n, err := s.CountDeliveries(ctx, c.ID, KindDigest, time.Now().Add(-time.Hour))
		if err != nil || n != 3 {
			t.Errorf("CountDeliveries = %d, %v; want 3", n, err)
		}
		if err := s.MarkDelivered(ctx, 99999, nil); !errors.Is(err, ErrNotFound) {
			t.Errorf("MarkDelivered(missing) err = %v", err)
		}
		if err := s.MarkDeliveryFailed(ctx, 99999, "x", at(0), RetryLater); !errors.Is(err, ErrNotFound) {
			t.Errorf("MarkDeliveryFailed(missing) err = %v", err)
		}
		if _, err := s.DeliveryByID(ctx, 99999); !errors.Is(err, ErrNotFound) {
			t.Errorf("DeliveryByID(missing) err = %v", err)
		}
	})
}

// TestPermanentFailureStopsTheChannel: after a permanent platform error
// the channel gets no live posts either, a config re-sync does not
// restart it, and setting its schedule again does.
func TestPermanentFailureStopsTheChannel(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		c, err := s.UpsertChannel(ctx, Channel{Platform: "slack", ChannelID: "CLIVE", Live: true})
		if err != nil {
			t.Fatal(err)
		}
		d, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "live:story:7", Kind: KindLive})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.MarkDeliveryFailed(ctx, d.ID, "channel_not_found", time.Time{}, StopChannel); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.ChannelByID(ctx, c.ID); got.StopReason != "channel_not_found" {
			t.Errorf("stop reason %q, want the platform's", got.StopReason)
		}
		if _, err := s.UpsertChannel(ctx, Channel{Platform: "slack", ChannelID: "CLIVE", Live: true}); err != nil {
			t.Fatal(err)
		}
		live, err := s.LiveChannels(ctx)
		if err != nil || len(live) != 0 {
			t.Errorf("LiveChannels = %+v, %v; want the stopped channel left out, even after a re-sync", live, err)
		}
		if _, err := s.SetSchedule(ctx, Schedule{ChannelID: c.ID, Cron: "0 8 * * *", NextRunAt: at(0)}); err != nil {
			t.Fatal(err)
		}
		if live, _ := s.LiveChannels(ctx); len(live) != 1 || live[0].StopReason != "" {
			t.Errorf("after setting a schedule: LiveChannels = %+v, want the channel back", live)
		}
	})
}
