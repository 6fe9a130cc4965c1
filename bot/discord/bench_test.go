package discord

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// BenchmarkInteractionAck sends batches of 200 concurrent signed /digest
// interactions to the HTTP endpoint and reports the time to the deferred
// acknowledgement (p50, p99 over all requests). The follow-ups go to a fake
// Discord in the background meanwhile, as they would in production.
func BenchmarkInteractionAck(b *testing.B) {
	const concurrent = 200
	fake := newFakeDiscord(b)
	bt := newTestBot(b, fake, &fakeHandler{})
	srv := httptest.NewServer(bt.InteractionsHandler())
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: concurrent, MaxConnsPerHost: concurrent}}

	var latencies []time.Duration
	var mu sync.Mutex
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		reqs := make([]*http.Request, concurrent)
		for j := range reqs {
			body := slashJSON(fmt.Sprint(i*concurrent+j), fmt.Sprintf("tok-%d-%d", i, j), "0", "digest", `[{"name":"since","type":3,"value":"24h"}]`)
			reqs[j] = signedRequest(b, srv.URL, body)
		}
		b.StartTimer()
		var wg sync.WaitGroup
		start := make(chan struct{})
		for _, req := range reqs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				took := time.Since(t0)
				if resp.StatusCode != http.StatusOK {
					b.Errorf("status %d", resp.StatusCode)
				}
				mu.Lock()
				latencies = append(latencies, took)
				mu.Unlock()
			}()
		}
		close(start)
		wg.Wait()
	}
	b.StopTimer()
	bt.Close()
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	b.ReportMetric(float64(pct(0.50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(pct(0.99).Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(len(latencies)), "requests")
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
