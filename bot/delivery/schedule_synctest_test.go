package delivery

import (
	"context"
	"github.com/newsdigest/newsdigest/bot"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// TestRunAcrossDSTWithRestarts runs the scheduler loop on a fake clock
// through both 2026 daylight-saving changes in Europe/Berlin, stopping
// and restarting it at odd moments: the channel receives exactly one
// digest per intended local run time, none skipped, none repeated.
func TestRunAcrossDSTWithRestarts(t *testing.T) {
	loc := berlin(t)
	for _, tt := range []struct {
		name  string
		start time.Time
		want  []time.Time
	}{
		{"spring", time.Date(2026, 3, 27, 12, 0, 0, 0, loc), []time.Time{
			time.Date(2026, 3, 28, 2, 30, 0, 0, loc),
			time.Date(2026, 3, 29, 3, 30, 0, 0, loc), // 02:30 does not exist that night
			time.Date(2026, 3, 30, 2, 30, 0, 0, loc),
		}},
		{"autumn", time.Date(2026, 10, 23, 12, 0, 0, 0, loc), []time.Time{
			time.Date(2026, 10, 24, 2, 30, 0, 0, loc),
			time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC), // the first of the two 02:30s
			time.Date(2026, 10, 26, 2, 30, 0, 0, loc),
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				st, err := store.Open(context.Background(), ":memory:")
				if err != nil {
					t.Fatal(err)
				}
				defer st.Close()
				fx := newFixture(t, st, "alpha")
				ch := fx.channel("berlin", true)
				// The fake clock starts in 2000; shift it to the test's dates.
				shift := time.Until(tt.start)
				now := func() time.Time { return time.Now().Add(shift) }
				p := newRecordingPoster()
				s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{Now: now})
				if _, err := s.SetChannelSchedule(context.Background(), bot.Channel{Platform: "console", ID: "berlin"}, "30 2 * * *", "Europe/Berlin"); err != nil {
					t.Fatal(err)
				}
				// Three days in stretches of uneven length, each run by a new
				// instance, as if the bot restarted between them.
				for i, stretch := range []time.Duration{7 * time.Hour, 13*time.Hour + 17*time.Minute, 9 * time.Hour, 26 * time.Hour, 17 * time.Hour} {
					ctx, cancel := context.WithCancel(context.Background())
					done := make(chan struct{})
					inst := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{Now: now})
					go func() {
						defer close(done)
						inst.Run(ctx, "instance-"+string(rune('a'+i)), 5*time.Minute)
					}()
					time.Sleep(stretch)
					cancel()
					<-done
				}
				ds := fx.deliveries(ch)
				if len(ds) != len(tt.want) {
					var keys []string
					for _, d := range ds {
						keys = append(keys, d.PeriodKey)
					}
					t.Fatalf("%d digests %v, want %d", len(ds), keys, len(tt.want))
				}
				for i, w := range tt.want {
					if ds[i].PeriodKey != w.UTC().Format(time.RFC3339) {
						t.Errorf("digest %d for %s, want %s", i, ds[i].PeriodKey, w.UTC().Format(time.RFC3339))
					}
					if ds[i].Status != store.DeliverySent {
						t.Errorf("digest %d is %s", i, ds[i].Status)
					}
				}
				if msgs := p.messages("berlin"); len(msgs) > 0 && !strings.Contains(msgs[0].Text, " CE") {
					t.Errorf("digest period not shown in Berlin time: %q", msgs[0].Text)
				}
				if len(p.messages("berlin")) != len(tt.want) {
					t.Errorf("posted %d messages, want %d", len(p.messages("berlin")), len(tt.want))
				}
			})
		})
	}
}
