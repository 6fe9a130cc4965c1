package discord

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/bot/delivery"
	"github.com/newsdigest/newsdigest/internal/testseed"
	"github.com/newsdigest/newsdigest/store"
)

// TestScheduledDigestOfTwentyStoriesIsOneMessage runs a scheduled digest
// through the real scheduler and outbox over a store holding 20 stories:
// Discord gets exactly one message, within every limit, with the chart and
// a Framing button per story shown.
func TestScheduledDigestOfTwentyStoriesIsOneMessage(t *testing.T) {
	ctx := t.Context()
	seeded := time.Date(2026, 11, 21, 7, 30, 0, 0, time.UTC)
	st := testseed.EventStore(t, seeded)
	for i, style := range []store.DigestStyle{{}, {MaxStories: 9}, {NoImage: true}} {
		fake := newFakeDiscord(t)
		b := newTestBot(t, fake, &fakeHandler{})
		now := seeded
		sched, err := delivery.NewScheduler(delivery.Stores{Schedules: st, Settings: st, Channels: st, Digests: st,
			Outbox: st, Claims: st, Live: st, Notices: st}, map[string]bot.Poster{"discord": b},
			delivery.SchedulerOptions{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		ch := bot.Channel{Platform: "discord", Scope: "discord:222", ID: fmt.Sprint(3330 + i)}
		if _, err := sched.SetChannelSchedule(ctx, ch, "0 8 * * *", "UTC"); err != nil {
			t.Fatal(err)
		}
		if err := (bot.StyleBook{Store: st}).SetChannelStyle(ctx, ch, style); err != nil {
			t.Fatal(err)
		}
		now = now.Add(31 * time.Minute)
		if err := sched.Tick(ctx, "test", now); err != nil {
			t.Fatal(err)
		}
		if err := sched.Deliver(ctx, "test", now); err != nil {
			t.Fatal(err)
		}
		posts := fake.requests("/channels/" + ch.ID + "/messages")
		if len(posts) != 1 {
			t.Fatalf("style %+v: %d messages, want one", style, len(posts))
		}
		var m bot.Message
		m.Sections = make([]bot.Section, min(20, max(style.MaxStories, bot.DefaultMaxStories)))
		for i := range m.Sections {
			m.Sections[i].Heading = "story"
		}
		got := checkBrief(t, posts[0], bot.Message{Sections: m.Sections})
		if want := len(m.Sections) + 1; len(got.Embeds) != want {
			t.Errorf("style %+v: %d embeds, want %d", style, len(got.Embeds), want)
		}
		if !strings.Contains(got.Embeds[0].Description, "of 20 stories") {
			t.Errorf("header %q does not count the 20 available stories", got.Embeds[0].Description)
		}
		if (len(posts[0].Files) == 1) == style.NoImage {
			t.Errorf("style %+v: %d files", style, len(posts[0].Files))
		}
		buttons := 0
		for _, row := range got.Components {
			buttons += len(row.Components)
		}
		if buttons != len(m.Sections) {
			t.Errorf("style %+v: %d Framing buttons for %d stories", style, buttons, len(m.Sections))
		}
		// Only the stories shown count as sent; the others may come later.
		c, err := st.ChannelByRef(ctx, ch.Platform, ch.ID)
		if err != nil {
			t.Fatal(err)
		}
		if sent, err := st.SentStories(ctx, c.ID); err != nil || len(sent) != len(m.Sections) {
			t.Errorf("style %+v: %d stories recorded as sent (%v), want the %d shown", style, len(sent), err, len(m.Sections))
		}
	}
}
