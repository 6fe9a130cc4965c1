package delivery

import (
	"context"
	"errors"
	"fmt"
	"github.com/newsdigest/newsdigest/bot"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/cron"
	"github.com/newsdigest/newsdigest/store"
)

var day0 = time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC) // a Monday, 08:00 UTC

func TestScheduledDigestNoveltyAndUpdates(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	fx := newFixture(t, st, "alpha", "beta", "gamma")
	ch := fx.channel("news-room", false)
	fx.schedule(ch, "0 8 * * *", "UTC", day0)

	rail := fx.article("alpha", "Rail strike called", day0.Add(-3*time.Hour), 0)
	fx.article("beta", "Rail strike announced", day0.Add(-2*time.Hour), rail)
	fx.article("gamma", "Harbour reopens", day0.Add(-time.Hour), 0)
	fx.article("alpha", "Old news", day0.Add(-30*time.Hour), 0) // before the first period

	p := newRecordingPoster()
	s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{Overlap: -1})
	step := func(now time.Time) {
		t.Helper()
		if err := s.Tick(ctx, "a", now); err != nil {
			t.Fatalf("tick at %v: %v", now, err)
		}
		if err := s.Deliver(ctx, "a", now); err != nil {
			t.Fatalf("deliver at %v: %v", now, err)
		}
	}
	step(day0.Add(-time.Minute)) // not yet due
	if p.total() != 0 {
		t.Fatalf("posted %d messages before the run", p.total())
	}
	step(day0)
	msgs := p.messages("news-room")
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want 1", len(msgs))
	}
	if got := headings(msgs[0]); strings.Join(got, "|") != "Rail strike called|Harbour reopens" {
		t.Errorf("first digest stories = %q; want the two-outlet story first and no old news", got)
	}
	sc, err := st.ScheduleFor(ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !sc.NextRunAt.Equal(day0.AddDate(0, 0, 1)) || !sc.LastPeriodEnd.Equal(day0) {
		t.Errorf("schedule moved to %v (period end %v), want the next day", sc.NextRunAt, sc.LastPeriodEnd)
	}
	step(day0.Add(time.Hour)) // a second tick before the next run sends nothing
	if p.total() != 1 {
		t.Fatalf("%d messages after a tick between runs, want 1", p.total())
	}

	// Day 1: the rail story gains an outlet (an update), plus a new story;
	// the harbour story has nothing new and is not repeated.
	day1 := day0.AddDate(0, 0, 1)
	fx.article("gamma", "Rail strike spreads", day1.Add(-4*time.Hour), rail)
	fx.article("beta", "Budget vote delayed", day1.Add(-2*time.Hour), 0)
	step(day1)
	msgs = p.messages("news-room")
	if len(msgs) != 2 {
		t.Fatalf("got %d messages, want 2", len(msgs))
	}
	var updates []string
	for _, sec := range msgs[1].Sections {
		if sec.Update {
			updates = append(updates, sec.Heading)
		}
	}
	if got := headings(msgs[1]); len(got) != 2 || len(updates) != 1 || updates[0] != "Rail strike called" {
		t.Errorf("second digest = %q with updates %q; want the rail update and the budget story", got, updates)
	}

	// Day 2: nothing happened and the channel wants no "nothing new" notice.
	step(day1.AddDate(0, 0, 1))
	if p.total() != 2 {
		t.Errorf("an empty period sent a message")
	}
	// Day 3: it now asks for notices.
	ch.NothingNew = true
	if _, err := st.UpsertChannel(ctx, ch); err != nil {
		t.Fatal(err)
	}
	step(day1.AddDate(0, 0, 2))
	msgs = p.messages("news-room")
	if len(msgs) != 3 || !strings.HasPrefix(msgs[2].Text, "Nothing new") {
		t.Errorf("want a nothing-new notice, got %d messages: %+v", len(msgs), msgs[len(msgs)-1])
	}
}

func headings(m bot.Message) []string {
	var out []string
	for _, s := range m.Sections {
		out = append(out, s.Heading)
	}
	return out
}

func TestDeliverPermanentFailureStopsSchedule(t *testing.T) {
	ctx := context.Background()
	st, fx, ch := dailyChannel(t, "gone")
	p := newRecordingPoster()
	p.before = func(context.Context, bot.Channel, string) error {
		return fmt.Errorf("unknown channel: %w", bot.ErrPermanent)
	}
	s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{})
	if err := s.Tick(ctx, "a", day0); err != nil {
		t.Fatal(err)
	}
	if err := s.Deliver(ctx, "a", day0); err == nil {
		t.Fatal("Deliver hid a permanent failure")
	}
	ds := fx.deliveries(ch)
	if len(ds) != 1 || ds[0].Status != store.DeliveryFailed {
		t.Fatalf("deliveries = %+v, want one failed", ds)
	}
	sc, err := st.ScheduleFor(ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Enabled || !strings.Contains(sc.StopReason, "unknown channel") {
		t.Errorf("schedule enabled=%v reason=%q, want stopped with the reason", sc.Enabled, sc.StopReason)
	}
	_, _, _, err = s.ChannelSchedule(ctx, bot.Channel{Platform: "console", ID: "gone"})
	if err == nil || !strings.Contains(err.Error(), "unknown channel") {
		t.Errorf("ChannelSchedule = %v, want the stop reason", err)
	}
}

func TestDeliverTransientFailureBacksOff(t *testing.T) {
	ctx := context.Background()
	st, fx, ch := dailyChannel(t, "flaky")
	p := newRecordingPoster()
	fails := 2
	p.before = func(context.Context, bot.Channel, string) error {
		if fails > 0 {
			fails--
			return errors.New("gateway timeout")
		}
		return nil
	}
	s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{BaseBackoff: time.Minute})
	if err := s.Tick(ctx, "a", day0); err != nil {
		t.Fatal(err)
	}
	// Attempt 1 fails; retry after 1m. Attempt 2 fails; retry after 2m more.
	for _, tt := range []struct {
		at    time.Duration
		calls int
	}{{0, 1}, {30 * time.Second, 1}, {time.Minute, 2}, {2*time.Minute + 59*time.Second, 2}, {3 * time.Minute, 3}, {time.Hour, 3}} {
		s.Deliver(ctx, "a", day0.Add(tt.at))
		p.mu.Lock()
		calls := p.calls
		p.mu.Unlock()
		if calls != tt.calls {
			t.Fatalf("after Deliver at +%v: %d attempts, want %d", tt.at, calls, tt.calls)
		}
	}
	if ds := fx.deliveries(ch); len(ds) != 1 || ds[0].Status != store.DeliverySent || ds[0].MessageIDs[0] != "msg-"+fmt.Sprint(ds[0].ID) {
		t.Errorf("deliveries = %+v, want one sent with its message id", ds)
	}
}

func TestSchedulesCommandInterface(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	now := day0.Add(-time.Hour)
	s := newTestScheduler(t, storesOf(st), nil, SchedulerOptions{Now: fixedNow(now)})
	ch := bot.Channel{Platform: "discord", Scope: "g1", ID: "c1"}
	if cron, _, _, err := s.ChannelSchedule(ctx, ch); err != nil || cron != "" {
		t.Fatalf("unknown channel: cron %q err %v", cron, err)
	}
	if _, err := s.SetChannelSchedule(ctx, ch, "0 8 * * * *", "UTC"); !errors.Is(err, cron.ErrInvalid) {
		t.Errorf("six fields accepted: %v", err)
	}
	next, err := s.SetChannelSchedule(ctx, ch, "30 9 * * *", "Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 5, 4, 9, 30, 0, 0, berlin(t)); !next.Equal(want) {
		t.Errorf("next = %v, want %v", next, want)
	}
	cron, tz, got, err := s.ChannelSchedule(ctx, ch)
	if err != nil || cron != "30 9 * * *" || tz != "Europe/Berlin" || !got.Equal(next) {
		t.Errorf("ChannelSchedule = %q %q %v %v", cron, tz, got, err)
	}
	c, err := st.ChannelByRef(ctx, "discord", "c1")
	if err != nil || c.Scope != "g1" {
		t.Fatalf("channel stored as %+v, %v", c, err)
	}
	if err := s.DisableChannelSchedule(ctx, ch); err != nil {
		t.Fatal(err)
	}
	if cron, _, _, err := s.ChannelSchedule(ctx, ch); err != nil || cron != "" {
		t.Errorf("after off: cron %q err %v", cron, err)
	}
	if err := s.DisableChannelSchedule(ctx, bot.Channel{Platform: "discord", ID: "never"}); err != nil {
		t.Errorf("turning off a channel without a schedule: %v", err)
	}
	// Through the command handler.
	h := &bot.Handler{Schedules: s, Now: fixedNow(now)}
	m := h.Handle(ctx, bot.Command{Platform: "discord", Scope: "g1", ChannelID: "c1", CanManage: true, Name: "schedule", Sub: "set",
		Args: map[string]string{"cron": "0 7 * * 1-5", "timezone": "America/New_York"}})
	if !strings.Contains(m.Text, "Digest scheduled") {
		t.Errorf("schedule set replied %q", m.Text)
	}
}

// TestSetSameScheduleKeepsDueRun: re-applying an unchanged schedule (as a
// restart re-reading its configuration does) while a run is due must not
// push the run to the next day.
func TestSetSameScheduleKeepsDueRun(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	clock := day0.Add(-time.Hour)
	s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{}, SchedulerOptions{Now: func() time.Time { return clock }})
	ch := bot.Channel{Platform: "console", ID: "room"}
	first, err := s.SetChannelSchedule(ctx, ch, "0 8 * * *", "")
	if err != nil || !first.Equal(day0) {
		t.Fatalf("first set: %v %v", first, err)
	}
	clock = day0.Add(5 * time.Minute) // restarted just after the run was due
	again, err := s.SetChannelSchedule(ctx, ch, "0 8 * * *", "UTC")
	if err != nil || !again.Equal(day0) {
		t.Errorf("re-set moved the due run to %v (%v)", again, err)
	}
	changed, err := s.SetChannelSchedule(ctx, ch, "0 9 * * *", "UTC")
	if err != nil || !changed.Equal(day0.Add(time.Hour)) {
		t.Errorf("a changed schedule: %v %v", changed, err)
	}
}

// TestUnrunnableScheduleIsReported: a stored cron that no longer parses
// stops its schedule, and the channel is told why.
func TestUnrunnableScheduleIsReported(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	fx := newFixture(t, st, "alpha")
	ch := fx.channel("odd", true)
	fx.schedule(ch, "61 8 * * *", "UTC", day0)
	s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": newRecordingPoster()}, SchedulerOptions{})
	if err := s.Tick(ctx, "a", day0); err != nil {
		t.Fatal(err)
	}
	_, _, _, err := s.ChannelSchedule(ctx, bot.Channel{Platform: "console", ID: "odd"})
	if !errors.Is(err, bot.ErrScheduleStopped) || !strings.Contains(err.Error(), "61") {
		t.Errorf("ChannelSchedule err = %v, want the stop with the cron's error", err)
	}
}
