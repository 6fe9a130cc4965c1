package delivery

import (
	"context"
	"fmt"
	"github.com/newsdigest/newsdigest/bot"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

// openTestStore opens a SQLite store in the test's temp directory.
func openTestStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "bot.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// recordingPoster is a fake platform: it keeps the messages each channel
// received and, like Discord's nonce, posts a delivery id only once. Hooks
// simulate crashes around the post.
type recordingPoster struct {
	mu     sync.Mutex
	posted map[string][]string    // channel id → delivery ids, in order
	msgs   map[string]bot.Message // delivery id → message
	calls  int
	before func(ctx context.Context, ch bot.Channel, id string) error // runs before posting
	after  func(ctx context.Context, ch bot.Channel, id string) error // runs after posting
}

func newRecordingPoster() *recordingPoster {
	return &recordingPoster{posted: map[string][]string{}, msgs: map[string]bot.Message{}}
}

func (p *recordingPoster) Post(ctx context.Context, ch bot.Channel, id string, m bot.Message) ([]string, error) {
	p.mu.Lock()
	p.calls++
	before, after := p.before, p.after
	p.mu.Unlock()
	if before != nil {
		if err := before(ctx, ch, id); err != nil {
			return nil, err
		}
	}
	p.mu.Lock()
	if _, dup := p.msgs[id]; !dup {
		p.msgs[id] = m
		p.posted[ch.ID] = append(p.posted[ch.ID], id)
	}
	p.mu.Unlock()
	if after != nil {
		if err := after(ctx, ch, id); err != nil {
			return nil, err
		}
	}
	return []string{"msg-" + id}, nil
}

// messages returns what channel chID received.
func (p *recordingPoster) messages(chID string) []bot.Message {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []bot.Message
	for _, id := range p.posted[chID] {
		out = append(out, p.msgs[id])
	}
	return out
}

// total counts the messages posted to every channel.
func (p *recordingPoster) total() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.msgs)
}

// fixture is a store with one feed per outlet and a way to add analysed
// articles to stories.
type fixture struct {
	t     testing.TB
	st    *store.Store
	feeds map[string]store.Feed
}

func newFixture(t testing.TB, st *store.Store, outlets ...string) *fixture {
	t.Helper()
	f := &fixture{t: t, st: st, feeds: map[string]store.Feed{}}
	for _, o := range outlets {
		feed, err := st.AddFeed(context.Background(), store.Feed{URL: "https://" + o + ".example/feed", Name: o, Tags: []string{"news"}})
		if err != nil {
			t.Fatalf("add feed %s: %v", o, err)
		}
		f.feeds[o] = feed
	}
	return f
}

// article stores an analysed article by outlet published at pub; it joins
// the story founded by article story (0 founds its own) and returns its id.
func (f *fixture) article(outlet, title string, pub time.Time, story int64) int64 {
	f.t.Helper()
	ctx := context.Background()
	feed, ok := f.feeds[outlet]
	if !ok {
		f.t.Fatalf("no feed for %s", outlet)
	}
	a := &store.Article{FeedID: feed.ID, Article: digest.Article{
		URL: fmt.Sprintf("https://%s.example/%d", outlet, pub.UnixNano()), Title: title, Source: outlet,
		Published: pub, Text: title + ". More words about " + title + " follow here.",
	}, FirstSeenAt: pub}
	if _, err := f.st.SaveArticle(ctx, a); err != nil {
		f.t.Fatalf("save article: %v", err)
	}
	if err := f.st.SaveAnalysis(ctx, a.ID, digest.Analysis{Title: title, Summary: []string{title + "."}}); err != nil {
		f.t.Fatalf("save analysis: %v", err)
	}
	if story == 0 {
		story = a.ID
	}
	if err := f.st.SetStory(ctx, a.ID, story); err != nil {
		f.t.Fatalf("set story: %v", err)
	}
	return a.ID
}

// channel creates a channel following every fixture feed by tag.
func (f *fixture) channel(ref string, nothingNew bool) store.Channel {
	f.t.Helper()
	c, err := f.st.UpsertChannel(context.Background(), store.Channel{Platform: "console", ChannelID: ref, Tags: []string{"news"}, NothingNew: nothingNew})
	if err != nil {
		f.t.Fatalf("upsert channel: %v", err)
	}
	return c
}

// schedule gives channel c the cron expression in zone, first due at next.
func (f *fixture) schedule(c store.Channel, expr, zone string, next time.Time) {
	f.t.Helper()
	if _, err := f.st.SetSchedule(context.Background(), store.Schedule{ChannelID: c.ID, Cron: expr, Timezone: zone, NextRunAt: next}); err != nil {
		f.t.Fatalf("set schedule: %v", err)
	}
}

// dailyChannel returns a store with feed "alpha" and a console channel
// (nothing-new notices on) whose digest is due every day at 08:00 UTC,
// first at day0.
func dailyChannel(t testing.TB, ref string) (*store.Store, *fixture, store.Channel) {
	t.Helper()
	st := openTestStore(t)
	fx := newFixture(t, st, "alpha")
	ch := fx.channel(ref, true)
	fx.schedule(ch, "0 8 * * *", "UTC", day0)
	return st, fx, ch
}

// deliveries returns a channel's deliveries, oldest first.
func (f *fixture) deliveries(c store.Channel) []store.Delivery {
	f.t.Helper()
	ds, err := f.st.Deliveries(context.Background(), c.ID, 10000)
	if err != nil {
		f.t.Fatal(err)
	}
	slices.Reverse(ds)
	return ds
}

// fixedNow returns a clock stuck at t.
func fixedNow(t time.Time) func() time.Time { return func() time.Time { return t } }

// storesOf uses st for every store the scheduler needs.
func storesOf(st *store.Store) Stores {
	return Stores{Schedules: st, Settings: st, Channels: st, Digests: st, Outbox: st, Claims: st, Live: st, Notices: st}
}

// newTestScheduler is NewScheduler for tests; it may run in a goroutine,
// so a refused store set fails the test without stopping it.
func newTestScheduler(tb testing.TB, st Stores, posters map[string]bot.Poster, opts SchedulerOptions) *Scheduler {
	s, err := NewScheduler(st, posters, opts)
	if err != nil {
		tb.Errorf("new scheduler: %v", err)
	}
	return s
}

func berlin(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
