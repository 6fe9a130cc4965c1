package feed

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/newsdigest/newsdigest/store"
)

// TestFetchTimeoutStartsWithTheRequest is finding 9 of issue 14: two slow
// feeds on one host hold its only slot; the third feed of that host waits
// for the slot, and its own timeout starts only when its request does.
func TestFetchTimeoutStartsWithTheRequest(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/slow") {
			time.Sleep(600 * time.Millisecond) // within the timeout, but not twice over
		}
		w.Write([]byte(rssFeed("F", testItem{GUID: r.URL.Path, Title: "T", Description: "d"})))
	}))
	defer srv.Close()
	opts := testOptions()
	opts.Timeout = time.Second
	opts.PerHostConcurrency = 1
	opts.PerHostRate = rate.Inf
	opts.Workers = 3
	feeds := []store.Feed{testFeed(1, srv.URL+"/slow1"), testFeed(2, srv.URL+"/slow2"), testFeed(3, srv.URL+"/fast")}
	st := newFakeStore(feeds...)
	for _, rep := range NewPoller(st, opts).Poll(context.Background(), feeds) {
		if rep.Status != StatusOK {
			t.Errorf("%s: %s %s (waiting for the host's slot counted against its timeout)", rep.URL, rep.Status, rep.Err)
		}
	}
}
