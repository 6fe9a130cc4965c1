package delivery

import (
	"context"
	"github.com/newsdigest/newsdigest/bot"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

func TestFeedHealthNotices(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	fx := newFixture(t, st, "alpha", "beta")
	fx.channel("tagged", false) // follows both by tag
	_, err := st.UpsertChannel(ctx, store.Channel{Platform: "console", ChannelID: "beta-only", FeedIDs: []int64{fx.feeds["beta"].ID}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.UpsertChannel(ctx, store.Channel{Platform: "console", ChannelID: "other", Tags: []string{"sport"}})
	if err != nil {
		t.Fatal(err)
	}
	// A channel the platform said is gone gets no notices.
	stopped := fx.channel("stopped", false)
	d, _, err := st.CreateDelivery(ctx, store.Delivery{ChannelID: stopped.ID, PeriodKey: "p", Kind: store.KindDigest})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MarkDeliveryFailed(ctx, d.ID, "channel deleted", day0, store.StopChannel); err != nil {
		t.Fatal(err)
	}
	p := newRecordingPoster()
	s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{})
	alpha := fx.feeds["alpha"]
	setHealth := func(unhealthy bool) {
		t.Helper()
		r := store.FetchResult{FeedID: alpha.ID, CheckedAt: day0, NextCheckAt: day0.Add(time.Hour)}
		if unhealthy {
			r.Err, r.ErrorCount, r.Unhealthy = "HTTP 404 Not Found", 5, true
		}
		if err := st.SaveFetch(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	check := func(times int) {
		t.Helper()
		for range times {
			if err := s.CheckFeedHealth(ctx, day0); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Deliver(ctx, "a", day0); err != nil {
			t.Fatal(err)
		}
	}
	check(1)
	if p.total() != 0 {
		t.Fatalf("notices about healthy feeds: %d", p.total())
	}
	setHealth(true)
	check(3)
	got := p.messages("tagged")
	if len(got) != 1 || !strings.Contains(got[0].Text, "alpha") || !strings.Contains(got[0].Text, "404") ||
		!strings.Contains(got[0].Text, "configuration") {
		t.Fatalf("tagged channel got %+v, want one notice naming the feed, the error and the fix", got)
	}
	if n := len(p.messages("beta-only")) + len(p.messages("other")) + len(p.messages("stopped")); n != 0 {
		t.Errorf("channels not following the feed got %d notices", n)
	}
	setHealth(false)
	check(2)
	got = p.messages("tagged")
	if len(got) != 2 || !strings.Contains(got[1].Text, "works again") {
		t.Fatalf("after recovery: %+v", got)
	}
	setHealth(true) // a second episode gets its own pair of notices
	check(1)
	if got = p.messages("tagged"); len(got) != 3 {
		t.Fatalf("second episode: %d messages, want 3", len(got))
	}
	// Deleting the troubled feed closes the episode.
	if err := st.DeleteFeed(ctx, "", alpha.ID); err != nil {
		t.Skipf("cannot delete config-scope feed here: %v", err)
	}
	check(2)
	if got = p.messages("tagged"); len(got) != 4 || !strings.Contains(got[3].Text, "removed") {
		t.Fatalf("after deletion: %+v", got[len(got)-1])
	}
}

// TestFeedHealthNoticesConcurrentInstances: instances checking at the
// same moment queue one notice per channel between them.
func TestFeedHealthNoticesConcurrentInstances(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	fx := newFixture(t, st, "alpha")
	for i := range 5 {
		fx.channel("room-"+string(rune('a'+i)), false)
	}
	if err := st.SaveFetch(ctx, store.FetchResult{FeedID: fx.feeds["alpha"].ID, CheckedAt: day0, Err: "timeout", ErrorCount: 9, Unhealthy: true}); err != nil {
		t.Fatal(err)
	}
	p := newRecordingPoster()
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			errs <- newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{}).CheckFeedHealth(ctx, day0)
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if err := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{}).Deliver(ctx, "a", day0); err != nil {
		t.Fatal(err)
	}
	if p.total() != 5 {
		t.Errorf("%d notices for 5 channels", p.total())
	}
}
