package discord

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/internal/testseed"
)

// latencies collects durations from many goroutines.
type latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *latencies) add(d time.Duration) {
	l.mu.Lock()
	l.d = append(l.d, d)
	l.mu.Unlock()
}

func (l *latencies) pct(p float64) float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.d) == 0 {
		return 0
	}
	slices.Sort(l.d)
	return float64(l.d[int(p*float64(len(l.d)-1))].Microseconds()) / 1000
}

// BenchmarkInteractionAck sends batches of 200 concurrent signed /digest
// interactions to the HTTP endpoint and reports the time to the deferred
// acknowledgement as the sender sees it (p50-ms, p99-ms) and as spent inside
// our handler (server-p50-ms, server-p99-ms). The follow-ups go to a fake
// Discord in the background meanwhile, as they would in production (they
// may finish after their batch: commands yield to acknowledgements; all are
// done before the benchmark ends). One untimed batch first opens the
// connections, as Discord keeps them alive; new-conns counts any opened later.
func BenchmarkInteractionAck(b *testing.B) {
	const concurrent = 200
	fake := newFakeDiscord(b)
	bt := newTestBot(b, fake, &fakeHandler{})
	var client, server latencies
	h := bt.InteractionsHandler()
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t0 := time.Now()
		h.ServeHTTP(w, r)
		server.add(time.Since(t0))
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: concurrent, MaxConnsPerHost: concurrent}}

	batch := func(n int, record bool) {
		reqs := make([]*http.Request, concurrent)
		for j := range reqs {
			body := slashJSON(fmt.Sprint(n*concurrent+j), fmt.Sprintf("tok-%d-%d", n, j), "0", "digest", `[{"name":"since","type":3,"value":"24h"}]`)
			reqs[j] = signedRequest(b, srv.URL, body)
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		for _, req := range reqs {
			wg.Go(func() {
				<-start
				t0 := time.Now()
				resp, err := hc.Do(req)
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Errorf("status %d", resp.StatusCode)
				}
				if record {
					client.add(time.Since(t0))
				}
			})
		}
		close(start)
		wg.Wait()
	}
	batch(-1, false)
	server = latencies{}
	warm := conns.Load()
	for i := 0; b.Loop(); i++ {
		batch(i, true)
	}
	bt.Close()
	b.ReportMetric(client.pct(0.50), "p50-ms")
	b.ReportMetric(client.pct(0.99), "p99-ms")
	b.ReportMetric(server.pct(0.50), "server-p50-ms")
	b.ReportMetric(server.pct(0.99), "server-p99-ms")
	b.ReportMetric(float64(conns.Load()-warm), "new-conns")
}

func BenchmarkRender(b *testing.B) {
	m, _ := bigMessage(10, 4, 120, 40)
	for b.Loop() {
		render(m)
	}
}

func BenchmarkVerifySignature(b *testing.B) {
	body := slashJSON("1", "t", "0", "digest", "[]")
	now := time.Now()
	sig, ts := sign(body, now)
	for b.Loop() {
		if err := verifySignature(testPub, sig, ts, body, now, 5*time.Minute); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderBrief renders a brief digest of nine stories whose text
// is too long for one message, so every shrinking step runs.
func BenchmarkRenderBrief(b *testing.B) {
	d := testseed.Digest(20, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))
	for i := range d.Stories {
		d.Stories[i].Summary = []string{strings.Repeat("A sentence about the budget. ", 20), "Short."}
	}
	m, err := bot.BriefMessage("News digest", d, bot.BriefOptions{MaxStories: bot.MaxBriefStories, NoImage: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(render(m)) != 1 {
			b.Fatal("not one message")
		}
	}
}

// BenchmarkBriefMessage builds the brief message of a 20-story digest,
// chart included: what each scheduled digest costs before posting.
func BenchmarkBriefMessage(b *testing.B) {
	d := testseed.Digest(20, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bot.BriefMessage("News digest", d, bot.BriefOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
