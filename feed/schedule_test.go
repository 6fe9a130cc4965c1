package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

func TestScheduleSuccess(t *testing.T) {
	opts := Options{MinInterval: 5 * time.Minute, DefaultInterval: 15 * time.Minute, MaxInterval: 6 * time.Hour}.withDefaults()
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name        string
		ttl, maxAge time.Duration
		want        time.Duration
	}{
		{"configured interval", 0, 0, 15 * time.Minute},
		{"rss ttl wins", time.Hour, 0, time.Hour},
		{"max-age wins", 0, 2 * time.Hour, 2 * time.Hour},
		{"short max-age ignored", 0, time.Minute, 15 * time.Minute},
		{"clamped to max", 48 * time.Hour, 0, 6 * time.Hour},
	}
	for _, tt := range tests {
		if got := scheduleSuccess(opts, now, tt.ttl, tt.maxAge).Sub(now); got != tt.want {
			t.Errorf("%s: next check in %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestScheduleFailureBacksOff(t *testing.T) {
	opts := Options{DefaultInterval: 10 * time.Minute, MaxInterval: 4 * time.Hour, MaxFailures: 5}.withDefaults()
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	want := []time.Duration{10 * time.Minute, 20 * time.Minute, 40 * time.Minute, 80 * time.Minute, 4 * time.Hour, 4 * time.Hour}
	for i, w := range want {
		next, unhealthy := scheduleFailure(opts, now, i+1, errors.New("x"))
		if got := next.Sub(now); got != w {
			t.Errorf("failure %d: wait %v, want %v", i+1, got, w)
		}
		if unhealthy != (i+1 >= 5) {
			t.Errorf("failure %d: unhealthy = %v", i+1, unhealthy)
		}
	}
	next, _ := scheduleFailure(opts, now, 1000, errors.New("x"))
	if next.Sub(now) != 4*time.Hour {
		t.Errorf("huge error count: %v", next.Sub(now))
	}
}

func TestMaxAgeHeader(t *testing.T) {
	tests := []struct {
		values []string
		want   time.Duration
	}{
		{[]string{"public, max-age=3600"}, time.Hour},
		{[]string{"no-cache"}, 0},
		{[]string{"max-age=abc"}, 0},
		{[]string{"max-age=60, s-maxage=120"}, 2 * time.Minute},
	}
	for _, tt := range tests {
		h := http.Header{"Cache-Control": tt.values}
		if got := maxAge(h); got != tt.want {
			t.Errorf("maxAge(%v) = %v, want %v", tt.values, got, tt.want)
		}
	}
}

func TestFeedBecomesUnhealthyAndRecovers(t *testing.T) {
	var broken atomic.Bool
	broken.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if broken.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte(rssFeed("T")))
	}))
	defer srv.Close()
	st := newFakeStore(testFeed(1, srv.URL))
	opts := testOptions()
	opts.MaxFailures = 3
	p := NewPoller(st, opts)
	for range 3 {
		p.Poll(context.Background(), []store.Feed{st.feed(1)})
	}
	f := st.feed(1)
	if !f.Unhealthy || f.ErrorCount != 3 || f.LastError == "" {
		t.Fatalf("after 3 failures: %+v", f)
	}
	broken.Store(false)
	p.Poll(context.Background(), []store.Feed{st.feed(1)})
	if f := st.feed(1); f.Unhealthy || f.ErrorCount != 0 || f.LastError != "" {
		t.Errorf("after recovery: %+v", f)
	}
}

// TestRunPollsDueFeeds drives Run with a fake clock: feeds are polled when
// due, and Run returns when its context ends.
func TestRunPollsDueFeeds(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newFakeStore(testFeed(1, "file:///nonexistent/feed.xml"))
		opts := testOptions()
		opts.Now = time.Now // the bubble's fake clock
		opts.DefaultInterval, opts.MinInterval = 10*time.Minute, time.Minute
		p := NewPoller(st, opts)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error)
		go func() { done <- p.Run(ctx, "test", time.Minute) }()

		synctest.Wait()
		if n := st.fetchCount(); n != 1 {
			t.Fatalf("after start: %d polls, want 1", n)
		}
		time.Sleep(5 * time.Minute) // not due yet: a failure waits DefaultInterval
		synctest.Wait()
		if n := st.fetchCount(); n != 1 {
			t.Fatalf("after 5m: %d polls, want 1", n)
		}
		time.Sleep(6 * time.Minute)
		synctest.Wait()
		if n := st.fetchCount(); n != 2 {
			t.Fatalf("after 11m: %d polls, want 2", n)
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run = %v", err)
		}
	})
}
