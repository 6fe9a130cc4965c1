package cli

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// TestServeReclaimsItsOwnWorkAtStart: a previous run of this instance died
// holding every feed and the pipeline lease for another hour. Started
// again under the same instance name, serve polls and clusters at once
// instead of waiting for those leases to run out.
func TestServeReclaimsItsOwnWorkAtStart(t *testing.T) {
	a := sampleApp(t)
	a.cfg.Instance = "reclaim-test"
	ctx := context.Background()
	feeds, err := a.st.SyncConfigFeeds(ctx, configFeeds(a.cfg))
	if err != nil {
		t.Fatal(err)
	}
	claimed, err := a.st.ClaimDueFeeds(ctx, "reclaim-test", time.Now(), time.Hour, 100)
	if err != nil || len(claimed) != len(feeds) {
		t.Fatalf("claimed %d of %d feeds: %v", len(claimed), len(feeds), err)
	}
	if _, err := a.st.AcquireLease(ctx, store.LeasePipeline, "reclaim-test", 0, time.Now(), time.Hour); err != nil {
		t.Fatal(err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a.cfg.Listen = ln.Addr().String()
	ln.Close()
	a.cfg.ShutdownTimeout = 5 * time.Second
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	started := time.Now()
	go func() { done <- a.serve(runCtx) }()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not shut down")
		}
	}()

	want := []string{`newsdigest_feeds_polled_total{outcome="ok"} 5`, `newsdigest_analysis_seconds_count 13`}
	for deadline := time.Now().Add(20 * time.Second); ; {
		metrics := ""
		if resp, err := http.Get("http://" + a.cfg.Listen + "/metrics"); err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			metrics = string(b)
		}
		if strings.Contains(metrics, want[0]) && strings.Contains(metrics, want[1]) {
			t.Logf("own feeds polled and articles clustered %v after start", time.Since(started).Round(time.Millisecond))
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not take its own work back:\n%s", metrics)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestInstanceNameIsStable(t *testing.T) {
	a := sampleApp(t)
	if first, second := instanceName(a.cfg), instanceName(a.cfg); first != second || first == "" {
		t.Errorf("instance names %q and %q, want one stable name", first, second)
	}
	a.cfg.Instance = "web-2"
	if got := instanceName(a.cfg); got != "web-2" {
		t.Errorf("configured instance name ignored: %q", got)
	}
}
