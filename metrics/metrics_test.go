package metrics

import (
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func render(t *testing.T, r *Registry) string {
	t.Helper()
	var b strings.Builder
	n, err := r.WriteTo(&b)
	if err != nil {
		t.Fatal(err)
	}
	if int(n) != b.Len() {
		t.Errorf("WriteTo reported %d bytes, wrote %d", n, b.Len())
	}
	return b.String()
}

func TestExposition(t *testing.T) {
	r := NewRegistry()
	c := r.Counter("jobs_total", "Jobs done.\nBy result.", "result")
	c.With("ok").Add(2)
	c.With("ok").Inc()
	c.With(`bad "quote"` + "\n" + `\x`).Inc()
	c.With("ok").Add(-5) // ignored
	g := r.Gauge("queue_depth", "", "queue")
	g.With("a").Set(7)
	g.With("a").Add(-2.5)
	h := r.Histogram("latency_seconds", "Latency.", []float64{1, 0.1, 0.5, 0.5})
	for _, v := range []float64{0.05, 0.1, 0.3, 2, math.NaN()} {
		h.With().Observe(v)
	}
	r.Counter("bad name-1", "").With().Inc()

	want := `# HELP jobs_total Jobs done.\nBy result.
# TYPE jobs_total counter
jobs_total{result="bad \"quote\"\n\\x"} 1
jobs_total{result="ok"} 3
# TYPE queue_depth gauge
queue_depth{queue="a"} 4.5
# HELP latency_seconds Latency.
# TYPE latency_seconds histogram
latency_seconds_bucket{le="0.1"} 2
latency_seconds_bucket{le="0.5"} 3
latency_seconds_bucket{le="1"} 3
latency_seconds_bucket{le="+Inf"} 4
latency_seconds_sum 2.45
latency_seconds_count 4
# TYPE bad_name_1 counter
bad_name_1 1
`
	if got := render(t, r); got != want {
		t.Errorf("exposition:\n%s\nwant:\n%s", got, want)
	}
}

func TestRegisterTwiceSharesTheFamily(t *testing.T) {
	r := NewRegistry()
	r.Counter("x_total", "X.").With().Inc()
	r.Counter("x_total", "X.").With().Inc()
	if got := r.Counter("x_total", "").With().Value(); got != 2 {
		t.Errorf("value %v, want 2", got)
	}
	r.Gauge("x_total", "").With().Set(1) // a different kind gets its own name
	if out := render(t, r); !strings.Contains(out, "x_total_gauge 1") || strings.Count(out, "# TYPE") != 2 {
		t.Errorf("output:\n%s", out)
	}
}

func TestConcurrentCounting(t *testing.T) {
	r := NewRegistry()
	b := NewBot(r)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				b.Delivered("digest")
				b.Analysed(3 * time.Millisecond)
			}
		})
	}
	wg.Wait()
	out := render(t, r)
	for _, want := range []string{
		`newsdigest_deliveries_sent_total{kind="digest"} 8000`,
		`newsdigest_analysis_seconds_count 8000`,
		`newsdigest_analysis_seconds_bucket{le="0.005"} 8000`,
		`newsdigest_analysis_seconds_bucket{le="0.001"} 0`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	var nilBot *Bot
	nilBot.Delivered("digest") // must not panic
}

func TestHandler(t *testing.T) {
	r := NewRegistry()
	b := NewBot(r)
	b.FeedPolled("ok")
	b.FetchError("timeout")
	b.ArticlesIngested("new", 3)
	b.DeliveryFailed("digest", true)
	b.RateLimited("discord")
	srv := httptest.NewServer(r.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("content type %q", ct)
	}
	for _, want := range []string{
		`newsdigest_feeds_polled_total{outcome="ok"} 1`,
		`newsdigest_fetch_errors_total{kind="timeout"} 1`,
		`newsdigest_articles_ingested_total{outcome="new"} 3`,
		`newsdigest_delivery_failures_total{kind="digest",permanent="true"} 1`,
		`newsdigest_platform_rate_limited_total{platform="discord"} 1`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("missing %q in\n%s", want, body)
		}
	}
	resp, err = http.Post(srv.URL, "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", resp.StatusCode)
	}
}

func BenchmarkCounterInc(b *testing.B) {
	c := NewRegistry().Counter("c_total", "", "k").With("v")
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			c.Inc()
		}
	})
}
