package metrics

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func scrape(t *testing.T, r *Registry) string {
	t.Helper()
	srv := httptest.NewServer(r.Handler())
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type %q, want the text format", ct)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSeriesKeepTheirNames pins the names and labels dashboards use; they
// were the same before the move to client_golang.
func TestSeriesKeepTheirNames(t *testing.T) {
	r := NewRegistry()
	b, err := NewBot(r)
	if err != nil {
		t.Fatal(err)
	}
	b.Polled("error", "timeout", 0, 0, 0)
	b.Polled("ok", "", 3, 1, 2)
	b.Analysed(30 * time.Millisecond)
	b.Delivered("digest")
	b.DeliveryFailed("live", true)
	b.RateLimited("discord")
	got := scrape(t, r)
	for _, want := range []string{
		`newsdigest_feeds_polled_total{outcome="ok"} 1`,
		`newsdigest_feeds_polled_total{outcome="error"} 1`,
		`newsdigest_feeds_polled_total{outcome="not_modified"} 0`,
		`newsdigest_fetch_errors_total{kind="timeout"} 1`,
		`newsdigest_articles_ingested_total{outcome="new"} 3`,
		`newsdigest_articles_ingested_total{outcome="edited"} 1`,
		`newsdigest_articles_ingested_total{outcome="backlog"} 2`,
		`newsdigest_analysis_seconds_bucket{le="0.05"} 1`,
		`newsdigest_analysis_seconds_bucket{le="0.025"} 0`,
		`newsdigest_analysis_seconds_count 1`,
		`newsdigest_deliveries_sent_total{kind="digest"} 1`,
		`newsdigest_delivery_failures_total{kind="live",permanent="true"} 1`,
		`newsdigest_delivery_failures_total{kind="digest",permanent="false"} 0`,
		`newsdigest_platform_rate_limited_total{platform="discord"} 1`,
		`newsdigest_platform_rate_limited_total{platform="slack"} 0`,
		"# TYPE newsdigest_analysis_seconds histogram",
		"go_goroutines ",
		"process_resident_memory_bytes ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if _, err := NewBot(r); err != nil {
		t.Errorf("a second NewBot on the same registry: %v", err)
	}
	var nilBot *Bot
	nilBot.Polled("ok", "", 1, 0, 0) // a nil *Bot ignores calls
}

// nopConnector is a database that is never dialled: pool statistics do
// not need a connection.
type nopConnector struct{}

func (nopConnector) Connect(context.Context) (driver.Conn, error) {
	return nil, errors.New("not dialled")
}
func (nopConnector) Driver() driver.Driver { return nil }

func TestWatchDB(t *testing.T) {
	r := NewRegistry()
	db := sql.OpenDB(nopConnector{})
	defer db.Close()
	db.SetMaxOpenConns(8)
	if err := r.WatchDB("newsdigest", db); err != nil {
		t.Fatal(err)
	}
	if err := r.WatchDB("newsdigest", db); err == nil {
		t.Error("the same database name twice was accepted")
	}
	if got := scrape(t, r); !strings.Contains(got, `go_sql_max_open_connections{db_name="newsdigest"} 8`) {
		t.Errorf("/metrics lacks the pool:\n%s", got)
	}
}
