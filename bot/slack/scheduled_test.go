package slack

import (
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/bot/delivery"
	"github.com/newsdigest/newsdigest/internal/testseed"
)

// TestScheduledDigestOfTwentyStoriesIsOneTopLevelMessage runs a scheduled
// digest through the real scheduler and outbox over a store holding 20
// stories: Slack gets one top-level message within Block Kit's limits,
// one thread reply with the details and the chart in the thread.
func TestScheduledDigestOfTwentyStoriesIsOneTopLevelMessage(t *testing.T) {
	ctx := t.Context()
	now := time.Date(2026, 11, 21, 7, 30, 0, 0, time.UTC)
	st := testseed.EventStore(t, now)
	f := newFakeSlack(t)
	b := newTestBot(t, f, newFakeHandler(bot.Message{}))
	sched, err := delivery.NewScheduler(delivery.Stores{Schedules: st, Settings: st, Channels: st, Digests: st,
		Outbox: st, Claims: st, Live: st, Notices: st}, map[string]bot.Poster{"slack": b},
		delivery.SchedulerOptions{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	ch := bot.Channel{Platform: "slack", Scope: "slack:T0001", ID: "C0001"}
	if _, err := sched.SetChannelSchedule(ctx, ch, "0 8 * * *", "UTC"); err != nil {
		t.Fatal(err)
	}
	now = now.Add(31 * time.Minute)
	if err := sched.Tick(ctx, "test", now); err != nil {
		t.Fatal(err)
	}
	if err := sched.Deliver(ctx, "test", now); err != nil {
		t.Fatal(err)
	}
	top, _ := topLevel(f.sent())
	if len(top) != 1 {
		t.Fatalf("%d top-level messages, want one", len(top))
	}
	if !strings.Contains(allText(top[0].Blocks), "Top 6 of 20 stories") {
		t.Errorf("the digest does not count the 20 available stories:\n%s", allText(top[0].Blocks))
	}
	m := bot.Message{Sections: make([]bot.Section, bot.DefaultMaxStories), Image: &bot.Image{}}
	for i := range m.Sections {
		m.Sections[i].Heading = "story"
	}
	// checkBriefDelivery compares the upload with m.Image; here it only has
	// to be a PNG, so take what arrived.
	if ups := f.uploads(); len(ups) == 1 {
		m.Image.PNG = ups[0].Data
	}
	checkBriefDelivery(t, f, m)
}
