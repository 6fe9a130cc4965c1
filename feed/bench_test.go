package feed

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/newsdigest/newsdigest/store"
)

// mapStore is a Store for benchmarks: map lookups instead of the fake's
// scans, so the benchmark measures the poller.
type mapStore struct {
	mu    sync.Mutex
	seen  map[string]string // feed+guid -> content hash
	saved atomic.Int64
}

func (s *mapStore) ClaimDueFeeds(context.Context, string, time.Time, time.Duration, int) ([]store.Feed, error) {
	return nil, nil
}

func (s *mapStore) SaveFetch(context.Context, store.FetchResult) error { return nil }

func (s *mapStore) SaveArticle(_ context.Context, a *store.Article) (store.SaveOutcome, error) {
	key := strconv.FormatInt(a.FeedID, 10) + "/" + a.GUID
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.seen[key]
	s.seen[key] = a.ContentHash
	switch {
	case !ok:
		a.ID = s.saved.Add(1)
		return store.Inserted, nil
	case old != a.ContentHash:
		return store.Edited, nil
	}
	return store.Unchanged, nil
}

// benchFeedServer serves n feeds at /f/<i>: every 20th feed has a new item
// on every request, the others answer 304 to their ETag.
func benchFeedServer(b *testing.B) *httptest.Server {
	var round atomic.Int64
	para := strings.Repeat("The harbour council approved the ferry budget after a long debate. ", 12)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/f/"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if i%benchNewEvery() != 0 {
			if r.Header.Get("If-None-Match") == `"stable"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"stable"`)
		}
		n := round.Add(1)
		var sb strings.Builder
		fmt.Fprintf(&sb, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed %d</title><link>https://example.org/</link><ttl>30</ttl>`, i)
		for k := range 10 {
			id := fmt.Sprintf("%d-%d", i, k)
			if k == 0 {
				id = fmt.Sprintf("%d-new-%d", i, n)
			}
			fmt.Fprintf(&sb, `<item><guid>%s</guid><link>https://example.org/%s?utm_source=rss</link><title>Item %s</title><description>%s</description><pubDate>Sun, 01 Mar 2026 %02d:00:00 GMT</pubDate></item>`,
				id, id, id, para, 10-k)
		}
		sb.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(sb.String()))
	}))
	b.Cleanup(srv.Close)
	if os.Getenv("FEED_BENCH_CONNS") != "" {
		var conns atomic.Int64
		srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
			if s == http.StateNew {
				conns.Add(1)
			}
		}
		b.Cleanup(func() { b.Logf("connections opened: %d", conns.Load()) })
	}
	return srv
}

// BenchmarkPollRound polls every feed once: 95% answer 304, 5% have a new
// item. It reports the peak RSS of the process (VmHWM). The 10,000-feed case
// is skipped with -short.
func BenchmarkPollRound(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("feeds=%d", n), func(b *testing.B) {
			if n > 1000 && testing.Short() {
				b.Skip("10,000 feeds: skipped with -short")
			}
			srv := benchFeedServer(b)
			feeds := make([]store.Feed, n)
			for i := range feeds {
				feeds[i] = store.Feed{ID: int64(i + 1), URL: srv.URL + "/f/" + strconv.Itoa(i), ETag: `"stable"`, Fetched: true}
			}
			st := &mapStore{seen: map[string]string{}}
			p := NewPoller(st, Options{
				AllowPrivateNetworks: true,
				Workers:              benchWorkers(),
				PerHostConcurrency:   64, // one local server stands in for many hosts
				PerHostRate:          rate.Inf,
				Timeout:              30 * time.Second,
			})
			// A first round fills the 5% feeds' stores, as a running bot has.
			p.Poll(context.Background(), feeds)
			runtime.GC()
			b.ResetTimer()
			for b.Loop() {
				reports := p.Poll(context.Background(), feeds)
				for _, r := range reports {
					if r.Status == StatusError {
						b.Fatalf("feed %d: %s", r.FeedID, r.Err)
					}
				}
			}
			b.StopTimer()
			if hwm := peakRSSBytes(); hwm > 0 {
				b.ReportMetric(float64(hwm)/(1<<20), "peak-RSS-MiB")
			}
		})
	}
}

// peakRSSBytes returns the process's peak resident set size (Linux VmHWM),
// or 0 when unknown.
func peakRSSBytes() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

func benchWorkers() int {
	if n, err := strconv.Atoi(os.Getenv("FEED_BENCH_WORKERS")); err == nil && n > 0 {
		return n
	}
	return 64
}

// benchNewEvery is the share of feeds with new items on every request: one
// in benchNewEvery (default 20, i.e. 5%).
func benchNewEvery() int {
	if n, err := strconv.Atoi(os.Getenv("FEED_BENCH_NEW_EVERY")); err == nil && n > 0 {
		return n
	}
	return 20
}

// BenchmarkParseNormalize parses and normalises a 50-item RSS document.
func BenchmarkParseNormalize(b *testing.B) {
	var items []testItem
	for i := range 50 {
		id := strconv.Itoa(i)
		items = append(items, testItem{GUID: id, Link: "/a/" + id + "?utm_source=rss", Title: "Item " + id,
			Description: "<p>" + longText(id, 150) + "</p>", PubDate: "Sun, 01 Mar 2026 10:00:00 GMT"})
	}
	doc := []byte(rssFeed("Bench", items...))
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		pf, err := parseFeed(doc, "application/rss+xml")
		if err != nil {
			b.Fatal(err)
		}
		if arts := normalize(pf, store.Feed{ID: 1}, "https://example.org/feed", now); len(arts) != 50 {
			b.Fatalf("%d articles", len(arts))
		}
	}
}

// BenchmarkExtractText extracts the main text of a page with navigation,
// an 800-word article and a footer.
func BenchmarkExtractText(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<html><head><title>Bench</title></head><body><nav><a href="/">Home</a> <a href="/x">World</a></nav><article><h1>Bench</h1>`)
	for i := range 8 {
		sb.WriteString("<p>" + longText(strconv.Itoa(i), 100) + ".</p>")
	}
	sb.WriteString(`</article><footer>About us. Contact. Privacy.</footer></body></html>`)
	page := []byte(sb.String())
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, _, err := ExtractText(page, "text/html", "https://example.org/a"); err != nil {
			b.Fatal(err)
		}
	}
}
