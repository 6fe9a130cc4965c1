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

func TestTmpExp(t *testing.T) {
	fake := newFakeDiscord(t)
	bt := newTestBot(t, fake, &fakeHandler{})
	var mu sync.Mutex
	var server []time.Duration
	h := bt.InteractionsHandler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t0 := time.Now()
		h.ServeHTTP(w, r)
		mu.Lock()
		server = append(server, time.Since(t0))
		mu.Unlock()
	}))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 200, MaxConnsPerHost: 200}}
	var lat []time.Duration
	for i := 0; i < 5; i++ {
		reqs := make([]*http.Request, 200)
		for j := range reqs {
			reqs[j] = signedRequest(t, srv.URL, slashJSON(fmt.Sprint(j), fmt.Sprintf("tok-%d-%d", i, j), "0", "digest", `[]`))
		}
		var wg sync.WaitGroup
		for _, req := range reqs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mu.Lock()
				lat = append(lat, time.Since(t0))
				mu.Unlock()
			}()
		}
		wg.Wait()
	}
	slices.Sort(lat)
	slices.Sort(server)
	t.Logf("client p50 %s p99 %s; server p50 %s p99 %s", lat[len(lat)/2], lat[len(lat)*99/100], server[len(server)/2], server[len(server)*99/100])
}
