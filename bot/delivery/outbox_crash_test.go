package delivery

import (
	"context"
	"github.com/newsdigest/newsdigest/bot"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// crashStore lets a test kill the scheduler between creating a run's
// delivery and advancing its schedule.
type crashStore struct {
	*store.Store
	crash func() // called instead of AdvanceSchedule while set
	dead  bool   // a dead process releases nothing
}

func (c *crashStore) ReleaseSchedule(ctx context.Context, owner string, channelID int64) error {
	if c.dead {
		return nil
	}
	return c.Store.ReleaseSchedule(ctx, owner, channelID)
}

func (c *crashStore) AdvanceSchedule(ctx context.Context, owner string, channelID int64, next, end time.Time) error {
	if c.crash != nil {
		c.crash()
		return ctx.Err()
	}
	return c.Store.AdvanceSchedule(ctx, owner, channelID, next, end)
}

// TestCrashExactlyOnce: an instance dies at each dangerous point; a new
// instance (another owner, as after a restart) takes over once the dead
// one's claims expire, and every channel ends with exactly one message for
// the run.
func TestCrashExactlyOnce(t *testing.T) {
	const lease = time.Minute
	tests := []struct {
		name  string
		after store.DeliveryStatus // the delivery's status right after the crash
		// arm sets up the crash; it gets the cancel function of the dying instance.
		arm func(cs *crashStore, p *recordingPoster, cancel context.CancelFunc)
	}{
		{"after sending, before recording", store.DeliverySending, func(_ *crashStore, p *recordingPoster, cancel context.CancelFunc) {
			p.after = func(ctx context.Context, _ bot.Channel, _ string) error { cancel(); return ctx.Err() }
		}},
		{"before sending", store.DeliverySending, func(_ *crashStore, p *recordingPoster, cancel context.CancelFunc) {
			p.before = func(ctx context.Context, _ bot.Channel, _ string) error { cancel(); return ctx.Err() }
		}},
		{"after queueing, before advancing the schedule", store.DeliveryPending, func(cs *crashStore, _ *recordingPoster, cancel context.CancelFunc) {
			cs.crash = cancel
		}},
		{"no crash", store.DeliverySent, func(*crashStore, *recordingPoster, context.CancelFunc) {}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openTestStore(t)
			fx := newFixture(t, st, "alpha")
			fx.article("alpha", "Bridge closed", day0.Add(-time.Hour), 0)
			ch := fx.channel("room", false)
			fx.schedule(ch, "0 8 * * *", "UTC", day0)

			p := newRecordingPoster()
			cs := &crashStore{Store: st}
			dying, kill := context.WithCancel(context.Background())
			cancel := func() { cs.dead = true; kill() }
			tt.arm(cs, p, cancel)
			dead := newTestScheduler(t, crashStores(cs), map[string]bot.Poster{"console": p}, SchedulerOptions{Lease: lease})
			// The dying instance does one round and stops where the crash hit,
			// without releasing anything.
			if err := dead.Tick(dying, "dead", day0); err == nil || dying.Err() == nil {
				dead.Deliver(dying, "dead", day0)
			}
			kill()
			if ds := fx.deliveries(ch); len(ds) != 1 || ds[0].Status != tt.after {
				t.Fatalf("after the crash: deliveries %+v, want one %s", ds, tt.after)
			}
			cs.crash, cs.dead, p.before, p.after = nil, false, nil, nil
			ctx := context.Background()
			next := newTestScheduler(t, crashStores(cs), map[string]bot.Poster{"console": p}, SchedulerOptions{Lease: lease})
			for _, at := range []time.Duration{time.Second, lease / 2, lease, lease + time.Second, 2 * lease} {
				now := day0.Add(at)
				if err := next.Tick(ctx, "next", now); err != nil {
					t.Fatalf("tick at +%v: %v", at, err)
				}
				if err := next.Deliver(ctx, "next", now); err != nil {
					t.Fatalf("deliver at +%v: %v", at, err)
				}
			}
			if got := p.messages("room"); len(got) != 1 {
				t.Fatalf("channel got %d messages, want exactly 1", len(got))
			}
			ds := fx.deliveries(ch)
			if len(ds) != 1 || ds[0].Status != store.DeliverySent || ds[0].PeriodKey != day0.Format(time.RFC3339) {
				t.Fatalf("deliveries = %+v, want one sent for %s", ds, day0.Format(time.RFC3339))
			}
			sc, err := st.ScheduleFor(ctx, ch.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !sc.NextRunAt.Equal(day0.AddDate(0, 0, 1)) {
				t.Errorf("next run %v, want the next day", sc.NextRunAt)
			}
		})
	}
}

// crashStores uses cs for schedules and its store for the rest.
func crashStores(cs *crashStore) Stores {
	s := storesOf(cs.Store)
	s.Schedules = cs
	return s
}
