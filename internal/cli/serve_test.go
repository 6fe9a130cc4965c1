package cli

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/config"
	"github.com/newsdigest/newsdigest/store"
)

func TestServeHealthzAndShutdown(t *testing.T) {
	a := sampleApp(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a.cfg.Listen = ln.Addr().String()
	ln.Close()
	a.cfg.ShutdownTimeout = 5 * time.Second

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.serve(ctx) }()

	var body struct {
		OK     bool              `json:"ok"`
		Checks map[string]string `json:"checks"`
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get("http://" + a.cfg.Listen + "/healthz")
		if err == nil {
			err = json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			if err == nil && resp.StatusCode == http.StatusOK && body.Checks["pipeline"] == "ok" && body.Checks["scheduler"] == "ok" {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("healthz never became ok: %+v, %v", body, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if body.Checks["database"] != "ok" {
		t.Errorf("checks = %v", body.Checks)
	}
	// The samples are 13 articles in 5 feeds: all polled, stored and
	// analysed, and counted on /metrics.
	want := []string{
		`newsdigest_feeds_polled_total{outcome="ok"} 5`,
		`newsdigest_articles_ingested_total{outcome="backlog"} 13`,
		`newsdigest_analysis_seconds_count 13`,
		`newsdigest_deliveries_sent_total{kind="digest"} 0`,
		`newsdigest_delivery_failures_total{kind="digest",permanent="true"} 0`,
		`newsdigest_fetch_errors_total`,
		`newsdigest_platform_rate_limited_total{platform="slack"} 0`,
		// The Go runtime, the process and the database pool, next to ours.
		"go_goroutines ",
		"process_resident_memory_bytes ",
		`go_sql_open_connections{db_name="newsdigest"} `,
	}
	var metrics string
	for deadline := time.Now().Add(10 * time.Second); ; {
		resp, err := http.Get("http://" + a.cfg.Listen + "/metrics")
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			metrics = string(b)
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
				t.Errorf("/metrics Content-Type %q", ct)
			}
		}
		missing := ""
		for _, w := range want {
			if !strings.Contains(metrics, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/metrics never showed %s:\n%s", missing, metrics)
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not shut down")
	}
}

func TestSyncChannelsKeepsAStoppedScheduleStopped(t *testing.T) {
	ctx := context.Background()
	a := sampleApp(t)
	sched, err := a.newScheduler(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.syncChannels(ctx, sched); err != nil {
		t.Fatal(err)
	}
	ch := a.cfg.Channels[0]
	ref := bot.Channel{Platform: ch.Platform, Scope: ch.Scope, ID: ch.ID}
	if cron, _, _, err := sched.ChannelSchedule(ctx, ref); err != nil || cron != ch.Schedule {
		t.Fatalf("after sync: cron %q err %v, want %q", cron, err, ch.Schedule)
	}
	stored, err := a.st.ChannelByRef(ctx, ch.Platform, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	// What the outbox does after a permanent platform error.
	d, _, err := a.st.CreateDelivery(ctx, store.Delivery{ChannelID: stored.ID, PeriodKey: "p", Kind: store.KindDigest})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.st.MarkDeliveryFailed(ctx, d.ID, "the channel was deleted", time.Time{}, store.StopChannel); err != nil {
		t.Fatal(err)
	}
	// A restart syncs the configuration again: the stop and its reason stay.
	if err := a.syncChannels(ctx, sched); err != nil {
		t.Fatal(err)
	}
	_, _, _, err = sched.ChannelSchedule(ctx, ref)
	if !errors.Is(err, bot.ErrScheduleStopped) || !strings.Contains(err.Error(), "the channel was deleted") {
		t.Errorf("after a restart: err %v, want the schedule still stopped with its reason", err)
	}
}

// TestSyncChannelsStoresTheDigestStyle: a channel's max_stories, detail
// and image from the file reach the store, and the file wins at restart.
func TestSyncChannelsStoresTheDigestStyle(t *testing.T) {
	ctx := context.Background()
	a := sampleApp(t)
	a.cfg.Channels[0].MaxStories, a.cfg.Channels[0].Detail, a.cfg.Channels[0].Image = 4, config.DetailFull, false
	sched, err := a.newScheduler(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ch := a.cfg.Channels[0]
	ref := bot.Channel{Platform: ch.Platform, Scope: ch.Scope, ID: ch.ID}
	for range 2 {
		if err := a.syncChannels(ctx, sched); err != nil {
			t.Fatal(err)
		}
		got, err := (bot.StyleBook{Store: a.st}).ChannelStyle(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		if want := (store.DigestStyle{MaxStories: 4, Detail: "full", NoImage: true}); got != want {
			t.Errorf("style %+v, want %+v", got, want)
		}
		// Changed in chat; the next sync (a restart) puts the file's back.
		if err := (bot.StyleBook{Store: a.st}).SetChannelStyle(ctx, ref, store.DigestStyle{MaxStories: 2}); err != nil {
			t.Fatal(err)
		}
	}
}
