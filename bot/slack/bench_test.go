package slack

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/internal/testseed"
)

// BenchmarkConcurrentCommands fires 200 signed slash commands at once at a
// real HTTP server and reports the time to the acknowledgement (p50, p99).
func BenchmarkConcurrentCommands(b *testing.B) {
	const concurrent = 200
	f := newFakeSlack(b)
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer sink.Close()
	h := newFakeHandler(bot.Message{Text: "ok", Ephemeral: true})
	h.cmds = make(chan bot.Command, concurrent*(b.N+1))
	bt, err := New(Options{BotToken: "xoxb", SigningSecret: testSecret, APIURL: f.url()}, h)
	if err != nil {
		b.Fatal(err)
	}
	defer bt.Close()
	// Time inside the handler too: the share of the latency that is ours
	// rather than the loopback network's and the client's.
	var (
		mu     sync.Mutex
		server []time.Duration
	)
	commands := bt.CommandsHandler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t0 := time.Now()
		commands.ServeHTTP(w, r)
		d := time.Since(t0)
		mu.Lock()
		server = append(server, d)
		mu.Unlock()
	}))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: concurrent, MaxIdleConnsPerHost: concurrent}}

	var all []time.Duration
	burst := func(n int) []time.Duration {
		reqs := make([]*http.Request, concurrent)
		for i := range reqs {
			r := signedRequest(testSecret, time.Now(), commandForm(fmt.Sprintf("story burst %d item %d", n, i), sink.URL))
			req, _ := http.NewRequest(http.MethodPost, srv.URL, r.Body)
			req.Header = r.Header
			reqs[i] = req
		}
		lat := make([]time.Duration, concurrent)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range reqs {
			wg.Go(func() {
				<-start
				t0 := time.Now()
				resp, err := client.Do(reqs[i])
				lat[i] = time.Since(t0)
				if err != nil {
					b.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Errorf("status %d", resp.StatusCode)
				}
			})
		}
		close(start)
		wg.Wait()
		return lat
	}
	// One burst first opens the connections, as a running server has.
	burst(-1)
	mu.Lock()
	server = nil
	mu.Unlock()
	b.ResetTimer()
	for n := range b.N {
		all = append(all, burst(n)...)
	}
	b.StopTimer()
	bt.wait()
	slices.Sort(all)
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50_ms")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99_ms")
	mu.Lock()
	slices.Sort(server)
	b.ReportMetric(float64(server[len(server)*99/100].Microseconds())/1000, "handler_p99_ms")
	mu.Unlock()
}

// BenchmarkRender renders a ten-story digest that needs a thread.
func BenchmarkRender(b *testing.B) {
	m := bigMessage(10)
	b.ReportAllocs()
	for b.Loop() {
		if len(render(m)) < 2 {
			b.Fatal("not split")
		}
	}
}

// BenchmarkVerify measures the signature check of one command request.
func BenchmarkVerify(b *testing.B) {
	now := time.Now()
	bt := &Bot{opts: Options{SigningSecret: testSecret}, now: func() time.Time { return now }, replays: newReplayCache(replayCacheSize)}
	r := signedRequest(testSecret, now, commandForm("digest 6h ukraine talks", "https://hooks.example/x"))
	body, _ := io.ReadAll(r.Body)
	b.ReportAllocs()
	for b.Loop() {
		bt.replays = newReplayCache(4) // the same request each time: not a replay here
		if err := bt.verify(context.Background(), r.Header, body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderBrief renders a brief digest of nine stories whose text
// is too long for one post, so every shrinking step runs.
func BenchmarkRenderBrief(b *testing.B) {
	d := testseed.Digest(20, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))
	for i := range d.Stories {
		d.Stories[i].Summary = []string{strings.Repeat("A sentence about the budget. ", 100), "Short."}
	}
	m, err := bot.BriefMessage("News digest", d, bot.BriefOptions{MaxStories: bot.MaxBriefStories, NoImage: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(render(m)) != 2 {
			b.Fatal("not one post and one reply")
		}
	}
}
