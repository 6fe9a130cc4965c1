package store

import (
	"context"
	"testing"
	"time"
)

// TestSentStoriesCountsQueued: a story in a delivery still pending or being
// sent counts as sent (a delivery interrupted between posting and
// recording must not put its stories in the next digest again); once the
// delivery fails for good it no longer does.
func TestSentStoriesCountsQueued(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ch := mustChannel(t, s, "queued")
		other := mustChannel(t, s, "other")
		sent, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: ch.ID, PeriodKey: "day1",
			Stories: []SentStory{{StoryID: 1, Outlets: 2, Articles: 2}, {StoryID: 2, Outlets: 1, Articles: 1}}})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.MarkDelivered(ctx, sent.ID, []string{"m1"}); err != nil {
			t.Fatal(err)
		}
		queued, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: ch.ID, PeriodKey: "day2",
			Stories: []SentStory{{StoryID: 2, Outlets: 3, Articles: 4}, {StoryID: 3, Outlets: 1, Articles: 1}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: other.ID, PeriodKey: "day2",
			Stories: []SentStory{{StoryID: 9, Outlets: 1, Articles: 1}}}); err != nil {
			t.Fatal(err)
		}
		// The instance posting day2 dies after posting, before recording.
		if _, err := s.ClaimDeliveries(ctx, "dead", time.Now(), time.Minute, 10); err != nil {
			t.Fatal(err)
		}
		got, err := s.SentStories(ctx, ch.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[1].DeliveryID != sent.ID || got[2].Outlets != 3 || got[2].DeliveryID != queued.ID ||
			!got[2].SentAt.IsZero() || got[3].DeliveryID != queued.ID {
			t.Errorf("SentStories with day2 in flight = %+v", got)
		}
		if _, ok := got[9]; ok {
			t.Error("another channel's queued story counted")
		}
		if err := s.MarkDeliveryFailed(ctx, queued.ID, "gone", time.Now(), GiveUp); err != nil {
			t.Fatal(err)
		}
		got, err = s.SentStories(ctx, ch.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[2].Outlets != 1 {
			t.Errorf("SentStories after day2 failed = %+v, want day1's only", got)
		}
	})
}
