package delivery

import (
	"context"
	"errors"
	"github.com/newsdigest/newsdigest/bot"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

func TestLiveModeFiltersCapAndOnce(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	fx := newFixture(t, st, "alpha", "beta")
	// The outbox stamps deliveries with the real clock, which the hourly
	// cap counts by, so this test lives in the present.
	now := time.Now().UTC().Truncate(time.Second)
	rail := fx.article("alpha", "Rail strike called", now.Add(-2*time.Hour), 0)
	fx.article("beta", "Rail strike announced", now.Add(-90*time.Minute), rail)
	fx.article("beta", "Harbour reopens", now.Add(-time.Hour), 0)
	fx.article("alpha", "Football final tonight", now.Add(-30*time.Minute), 0)
	fx.article("alpha", "Ancient story", now.Add(-20*time.Hour), 0)
	backlog := &store.Article{FeedID: fx.feeds["beta"].ID, Backlog: true, FirstSeenAt: now, Article: digest.Article{
		URL: "https://beta.example/backlog", Title: "Backlog item", Source: "beta", Published: now.Add(-10 * time.Minute), Text: "Backlog item text."}}
	if _, err := st.SaveArticle(ctx, backlog); err != nil {
		t.Fatal(err)
	}
	st.SaveAnalysis(ctx, backlog.ID, digest.Analysis{Title: "Backlog item"})
	st.SetStory(ctx, backlog.ID, backlog.ID)
	// A date the feed wrote unreadably may hide an old item: never live.
	undated := &store.Article{FeedID: fx.feeds["beta"].ID, UnreadDate: "le 3 brumaire", FirstSeenAt: now, Article: digest.Article{
		URL: "https://beta.example/undated", Title: "Undated item", Source: "beta", Published: now.Add(-5 * time.Minute), Text: "Undated item text."}}
	if _, err := st.SaveArticle(ctx, undated); err != nil {
		t.Fatal(err)
	}
	st.SaveAnalysis(ctx, undated.ID, digest.Analysis{Title: "Undated item"})
	st.SetStory(ctx, undated.ID, undated.ID)

	ch, err := st.UpsertChannel(ctx, store.Channel{Platform: "console", ChannelID: "live", Tags: []string{"news"},
		Live: true, LivePerHour: 2, Exclude: []string{`\bfootball\b`}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpsertChannel(ctx, store.Channel{Platform: "console", ChannelID: "quiet", Tags: []string{"news"}}); err != nil {
		t.Fatal(err)
	}
	p := newRecordingPoster()
	s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{})
	round := func() []string {
		t.Helper()
		if err := s.Live(ctx, now); err != nil {
			t.Fatal(err)
		}
		if err := s.Deliver(ctx, "a", now); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range p.messages("live") {
			got = append(got, headings(m)...)
		}
		return got
	}
	if got := round(); !slices.Equal(got, []string{"Rail strike called", "Harbour reopens"}) {
		t.Fatalf("first round posted %q; want the two stories within the cap, football excluded, no backlog or undated item", got)
	}
	fx.article("beta", "Budget vote delayed", now.Add(-5*time.Minute), 0)
	if got := round(); len(got) != 2 {
		t.Fatalf("posted %q past the hourly cap", got)
	}
	ch.LivePerHour = 5
	if _, err := st.UpsertChannel(ctx, ch); err != nil {
		t.Fatal(err)
	}
	if got := round(); !slices.Equal(got, []string{"Rail strike called", "Harbour reopens", "Budget vote delayed"}) {
		t.Fatalf("after raising the cap: %q; want only the new story added", got)
	}
	if len(p.messages("quiet")) != 0 {
		t.Error("a channel not in live mode got live posts")
	}
	ch.Include = []string{"(unclosed"}
	if _, err := st.UpsertChannel(ctx, ch); err != nil {
		t.Fatal(err)
	}
	if err := s.Live(ctx, now); err == nil {
		t.Error("a bad include pattern went unreported")
	}
}

// TestLiveStopsAfterPermanentError: once the platform says the channel is
// gone, live mode queues nothing more for it.
func TestLiveStopsAfterPermanentError(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	fx := newFixture(t, st, "alpha")
	now := time.Now().UTC().Truncate(time.Second)
	fx.article("alpha", "Rail strike called", now.Add(-2*time.Hour), 0)
	ch, err := st.UpsertChannel(ctx, store.Channel{Platform: "console", ChannelID: "gone", Tags: []string{"news"}, Live: true, LivePerHour: 10})
	if err != nil {
		t.Fatal(err)
	}
	p := newRecordingPoster()
	p.before = func(context.Context, bot.Channel, string) error { return permanentErr{} }
	s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{})
	if err := s.Live(ctx, now); err != nil {
		t.Fatal(err)
	}
	s.Deliver(ctx, "a", now)
	// A new story well within the hourly cap.
	fx.article("alpha", "Harbour reopens", now.Add(-time.Minute), 0)
	if err := s.Live(ctx, now); err != nil {
		t.Fatal(err)
	}
	if ds := fx.deliveries(ch); len(ds) != 1 || ds[0].Status != store.DeliveryFailed {
		t.Fatalf("deliveries %+v; want the one failed post and nothing queued after it", ds)
	}
	if _, _, _, err := s.ChannelSchedule(ctx, bot.Channel{Platform: "console", ID: "gone"}); !errors.Is(err, bot.ErrScheduleStopped) || !strings.Contains(err.Error(), "missing access") {
		t.Errorf("ChannelSchedule err = %v, want the stop and its reason", err)
	}
}
