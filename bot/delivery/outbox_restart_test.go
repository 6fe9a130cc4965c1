package delivery

import (
	"context"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/store"
)

// TestInterruptedDeliveryRecordedBeforeNextDigest: an instance posts an
// hourly digest and dies before recording it. When the next hour's digest
// is built, that digest's stories must count as sent: either the same
// instance restarted, took its own work back at start and recorded the
// delivery first, or another instance found the delivery still leased to
// the dead one and counted its stories as on their way.
func TestInterruptedDeliveryRecordedBeforeNextDigest(t *testing.T) {
	const lease = 2 * time.Hour // longer than the schedule's period
	tests := []struct {
		name      string
		restart   func(t *testing.T, st *store.Store) (owner string)
		firstSent bool // the interrupted delivery is recorded by the next round
	}{
		{"the same instance restarts", func(t *testing.T, st *store.Store) string {
			// What serve does at start under its stable instance name.
			if err := st.ReleaseAll(context.Background(), "host-a"); err != nil {
				t.Fatal(err)
			}
			return "host-a"
		}, true},
		{"another instance, the dead one's lease still running", func(*testing.T, *store.Store) string {
			return "host-b"
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openTestStore(t)
			fx := newFixture(t, st, "alpha", "beta")
			ch := fx.channel("room", false)
			fx.schedule(ch, "0 * * * *", "UTC", day0)
			bridge := fx.article("alpha", "Bridge closed", day0.Add(-30*time.Minute), 0)
			fx.article("beta", "Bridge closed for weeks", day0.Add(-20*time.Minute), bridge)

			p := newRecordingPoster()
			posters := map[string]bot.Poster{"console": p}
			dying, kill := context.WithCancel(context.Background())
			p.after = func(ctx context.Context, _ bot.Channel, _ string) error { kill(); return ctx.Err() }
			newTestScheduler(t, storesOf(st), posters, SchedulerOptions{Lease: lease, Now: fixedNow(day0)}).Round(dying, "host-a")
			kill()
			if ds := fx.deliveries(ch); len(ds) != 1 || ds[0].Status != store.DeliverySending {
				t.Fatalf("after the crash: %+v, want one delivery being sent", ds)
			}

			library := fx.article("alpha", "Library opens on Sundays", day0.Add(30*time.Minute), 0)
			p.after = nil
			owner := tt.restart(t, st)
			newTestScheduler(t, storesOf(st), posters, SchedulerOptions{Lease: lease, Now: fixedNow(day0.Add(time.Hour))}).Round(context.Background(), owner)

			ds := fx.deliveries(ch)
			if len(ds) != 2 {
				t.Fatalf("deliveries %+v, want the interrupted one and the next hour's", ds)
			}
			if sent := ds[0].Status == store.DeliverySent; sent != tt.firstSent {
				t.Errorf("interrupted delivery %s, want sent=%v", ds[0].Status, tt.firstSent)
			}
			if tt.firstSent && ds[0].SentAt.After(ds[1].CreatedAt) {
				t.Errorf("interrupted delivery recorded at %v, after the next digest was built at %v",
					ds[0].SentAt.Format(time.StampMicro), ds[1].CreatedAt.Format(time.StampMicro))
			}
			var next []int64
			for _, s := range ds[1].Stories {
				next = append(next, s.StoryID)
			}
			if len(next) != 1 || next[0] != library {
				t.Errorf("next hour's digest carries stories %v, want only the new one %d (not %d again)", next, library, bridge)
			}
			if got := p.messages("room"); len(got) < 1 || len(got) > 2 {
				t.Errorf("channel got %d messages", len(got))
			}
			for id, n := range countPosts(p) {
				if n > 1 {
					t.Errorf("delivery %s shown %d times", id, n)
				}
			}
		})
	}
}

// countPosts counts how often each delivery appears in the channels.
func countPosts(p *recordingPoster) map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]int{}
	for _, ids := range p.posted {
		for _, id := range ids {
			out[id]++
		}
	}
	return out
}
