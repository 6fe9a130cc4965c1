package delivery

import (
	"context"
	"errors"
	"fmt"
	"github.com/newsdigest/newsdigest/bot"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/metrics"
	"github.com/newsdigest/newsdigest/store"
)

var _ Observer = (*metrics.Bot)(nil)

// rateLimited is a platform's 429 with the wait it asked for.
type rateLimited struct{ wait time.Duration }

func (e rateLimited) Error() string             { return "429 too many requests" }
func (e rateLimited) RetryAfter() time.Duration { return e.wait }

type permanentErr struct{}

func (permanentErr) Error() string   { return "missing access" }
func (permanentErr) Permanent() bool { return true }

func TestIsPermanent(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{errors.New("timeout"), false},
		{fmt.Errorf("post: %w", bot.ErrPermanent), true},
		{fmt.Errorf("post: %w", permanentErr{}), true},
		{rateLimited{time.Second}, false},
	} {
		if got := bot.IsPermanent(tt.err); got != tt.want {
			t.Errorf("IsPermanent(%v) = %v", tt.err, got)
		}
	}
}

func TestDeliverRateLimitAndMetrics(t *testing.T) {
	ctx := context.Background()
	st, _, _ := dailyChannel(t, "busy")
	reg := metrics.NewRegistry()
	obs, err := metrics.NewBot(reg)
	if err != nil {
		t.Fatal(err)
	}
	p := newRecordingPoster()
	limited := true
	p.before = func(context.Context, bot.Channel, string) error {
		if limited {
			limited = false
			return rateLimited{wait: 7 * time.Second}
		}
		return nil
	}
	s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{Observer: obs, BaseBackoff: time.Hour})
	if err := s.Tick(ctx, "a", day0); err != nil {
		t.Fatal(err)
	}
	s.Deliver(ctx, "a", day0)
	s.Deliver(ctx, "a", day0.Add(6*time.Second))
	if len(p.messages("busy")) != 0 {
		t.Fatal("retried before the platform's Retry-After")
	}
	if err := s.Deliver(ctx, "a", day0.Add(7*time.Second)); err != nil {
		t.Fatal(err)
	}
	if len(p.messages("busy")) != 1 {
		t.Fatal("not retried after the platform's Retry-After")
	}
	rec := httptest.NewRecorder()
	reg.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b := rec.Body
	for _, want := range []string{
		`newsdigest_delivery_failures_total{kind="digest",permanent="false"} 1`,
		`newsdigest_deliveries_sent_total{kind="digest"} 1`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("metrics lack %q:\n%s", want, b.String())
		}
	}
}

// TestShutdownDuringSuccessfulPostRecordsIt: a post that went out while the
// instance was asked to stop is still recorded, so a platform without
// idempotency keys never sees it twice.
func TestShutdownDuringSuccessfulPostRecordsIt(t *testing.T) {
	st, fx, ch := dailyChannel(t, "room")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := newRecordingPoster()
	p.after = func(context.Context, bot.Channel, string) error { cancel(); return nil }
	s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{})
	if err := s.Tick(ctx, "a", day0); err != nil {
		t.Fatal(err)
	}
	s.Deliver(ctx, "a", day0)
	if ds := fx.deliveries(ch); len(ds) != 1 || ds[0].Status != "sent" {
		t.Fatalf("deliveries %+v, want the post recorded as sent", ds)
	}
}

// TestDeliverGivesUpButKeepsTheSchedule: a platform outage longer than
// MaxAttempts fails that digest, not the channel: the next period is
// delivered once the platform is back.
func TestDeliverGivesUpButKeepsTheSchedule(t *testing.T) {
	ctx := context.Background()
	st, fx, ch := dailyChannel(t, "flaky")
	p := newRecordingPoster()
	down, tries := true, 0
	p.before = func(context.Context, bot.Channel, string) error {
		if down {
			tries++
			return errors.New("HTTP 503 service unavailable")
		}
		return nil
	}
	s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{MaxAttempts: 2, BaseBackoff: time.Minute})
	if err := s.Tick(ctx, "a", day0); err != nil {
		t.Fatal(err)
	}
	for _, at := range []time.Duration{0, time.Minute, time.Hour} {
		s.Deliver(ctx, "a", day0.Add(at))
	}
	ds := fx.deliveries(ch)
	if tries != 2 || len(ds) != 1 || ds[0].Status != store.DeliveryFailed {
		t.Fatalf("%d tries, deliveries %+v; want 2 tries and one failed delivery", tries, ds)
	}
	sc, err := st.ScheduleFor(ctx, ch.ID)
	if err != nil || !sc.Enabled || sc.StopReason != "" {
		t.Fatalf("schedule after giving up: %+v, %v; want it still running", sc, err)
	}
	down = false
	next := day0.Add(24 * time.Hour)
	if err := s.Tick(ctx, "a", next); err != nil {
		t.Fatal(err)
	}
	if err := s.Deliver(ctx, "a", next); err != nil {
		t.Fatal(err)
	}
	if n := len(p.messages("flaky")); n != 1 {
		t.Errorf("%d messages the next day, want 1", n)
	}
}
