package feed

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/newsdigest/newsdigest/store"
)

func TestConditionalGetRoundTrip(t *testing.T) {
	const etag, lastMod = `"rev-7"`, "Sat, 28 Feb 2026 08:00:00 GMT"
	var sawBoth atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag && r.Header.Get("If-Modified-Since") == lastMod {
			sawBoth.Store(true)
			w.WriteHeader(http.StatusNotModified) // no validators repeated
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Write([]byte(rssFeed("T", testItem{GUID: "c", Title: "C", Description: "c"})))
	}))
	defer srv.Close()
	st := newFakeStore(testFeed(1, srv.URL))
	p := NewPoller(st, testOptions())
	if rep := p.Poll(context.Background(), []store.Feed{st.feed(1)})[0]; rep.Status != StatusOK {
		t.Fatalf("first poll = %+v", rep)
	}
	if f := st.feed(1); f.ETag != etag || f.LastModified != lastMod {
		t.Fatalf("validators not stored: %q %q", f.ETag, f.LastModified)
	}
	rep := p.Poll(context.Background(), []store.Feed{st.feed(1)})[0]
	if rep.Status != StatusNotModified || !sawBoth.Load() {
		t.Fatalf("second poll = %+v, conditional headers sent: %v", rep, sawBoth.Load())
	}
	if f := st.feed(1); f.ETag != etag || f.LastModified != lastMod || f.ErrorCount != 0 {
		t.Errorf("validators after 304 = %q %q, want them kept", f.ETag, f.LastModified)
	}
}

func TestRetryAfter(t *testing.T) {
	now := testOptions().Now()
	tests := []struct {
		name, header string
		want         time.Duration
	}{
		{"seconds", "7200", 2 * time.Hour},
		{"http date", now.Add(3 * time.Hour).Format(http.TimeFormat), 3 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", tt.header)
				w.WriteHeader(http.StatusTooManyRequests)
			}))
			defer srv.Close()
			st := newFakeStore(testFeed(1, srv.URL))
			rep := NewPoller(st, testOptions()).Poll(context.Background(), []store.Feed{st.feed(1)})[0]
			if rep.Status != StatusError || !strings.Contains(rep.Err, "429") {
				t.Fatalf("report = %+v", rep)
			}
			if got := st.feed(1).NextCheckAt.Sub(now); got != tt.want {
				t.Errorf("next check in %v, want %v", got, tt.want)
			}
		})
	}
}

func newTestFetcher(mod func(*Options)) *fetcher {
	opts := testOptions()
	if mod != nil {
		mod(&opts)
	}
	return newFetcher(opts.withDefaults())
}

func TestFetchLimits(t *testing.T) {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for range 64 { // 64 MiB of zeros, about 64 KiB compressed
		zw.Write(zeros)
	}
	zw.Close()

	mux := http.NewServeMux()
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.Repeat([]byte("a"), 10<<20+1))
	})
	mux.HandleFunc("/exact", func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.Repeat([]byte("a"), 10<<20))
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	mux.HandleFunc("/loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
	mux.HandleFunc("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"x", http.StatusFound) // never ends, never repeats
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := newTestFetcher(nil)
	slow := newTestFetcher(func(o *Options) { o.Timeout = 300 * time.Millisecond })

	tests := []struct {
		path string
		want error
	}{
		{"/big", ErrTooLarge},
		{"/bomb", ErrTooLarge},
		{"/loop-a", ErrTooManyRedirects},
		{"/chain/", ErrTooManyRedirects},
		{"/slow", context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			start := time.Now()
			f := f
			if tt.path == "/slow" {
				f = slow
			}
			_, err := f.fetch(context.Background(), fetchRequest{url: srv.URL + tt.path, accept: acceptFeed, private: true})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if time.Since(start) > 3*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
		})
	}
	t.Run("exactly the limit", func(t *testing.T) {
		resp, err := newTestFetcher(nil).fetch(context.Background(), fetchRequest{url: srv.URL + "/exact", accept: acceptFeed, private: true})
		if err != nil || len(resp.Body) != 10<<20 {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestFetchDecodesAndIdentifies(t *testing.T) {
	const payload = "<rss>hello</rss>"
	encode := map[string]func([]byte) []byte{
		"gzip": func(b []byte) []byte {
			var buf bytes.Buffer
			w := gzip.NewWriter(&buf)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
		"deflate": func(b []byte) []byte {
			var buf bytes.Buffer
			w := zlib.NewWriter(&buf)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
		"br": func(b []byte) []byte {
			var buf bytes.Buffer
			w := brotli.NewWriter(&buf)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
	}
	for enc, fn := range encode {
		t.Run(enc, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if !strings.Contains(r.Header.Get("Accept-Encoding"), enc) ||
					!strings.HasPrefix(r.Header.Get("User-Agent"), "newsdigest/") ||
					!strings.Contains(r.Header.Get("Accept"), "application/rss+xml") {
					http.Error(w, "bad request headers", http.StatusBadRequest)
					return
				}
				w.Header().Set("Content-Encoding", enc)
				w.Write(fn([]byte(payload)))
			}))
			defer srv.Close()
			resp, err := newTestFetcher(nil).fetch(context.Background(), fetchRequest{url: srv.URL, accept: acceptFeed, private: true})
			if err != nil || string(resp.Body) != payload {
				t.Fatalf("body %q, err %v", resp.Body, err)
			}
		})
	}
}

func TestPermanentRedirectUpdatesURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/temp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new", http.StatusFound)
	})
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(rssFeed("Moved", testItem{GUID: "m", Title: "M", Description: "m"})))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	st := newFakeStore(testFeed(1, srv.URL+"/old"), testFeed(2, srv.URL+"/temp"))
	reports := NewPoller(st, testOptions()).Poll(context.Background(), []store.Feed{st.feed(1), st.feed(2)})
	if reports[0].Status != StatusOK || reports[0].NewURL != srv.URL+"/new" || st.feed(1).URL != srv.URL+"/new" {
		t.Errorf("301: report %+v, stored URL %q", reports[0], st.feed(1).URL)
	}
	if reports[1].NewURL != "" || st.feed(2).URL != srv.URL+"/temp" {
		t.Errorf("302 changed the stored URL: %+v", reports[1])
	}
}

func TestPerHostConcurrency(t *testing.T) {
	var inFlight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		w.Write([]byte(rssFeed("T")))
	}))
	defer srv.Close()
	var feeds []store.Feed
	for i := range 12 {
		feeds = append(feeds, testFeed(int64(i+1), srv.URL+"/f"+itoa3(i)))
	}
	opts := testOptions()
	opts.Workers, opts.PerHostConcurrency = 8, 2
	NewPoller(newFakeStore(feeds...), opts).Poll(context.Background(), feeds)
	if p := peak.Load(); p > 2 || p == 0 {
		t.Errorf("peak concurrent requests to one host = %d, want 1..2", p)
	}
}

func TestPerHostRate(t *testing.T) {
	srv := newFeedServer(t, rssFeed("T"))
	opts := testOptions()
	opts.PerHostRate, opts.PerHostConcurrency = 20, 1 // burst 1, then one per 50ms
	var feeds []store.Feed
	for i := range 5 {
		feeds = append(feeds, testFeed(int64(i+1), srv.URL))
	}
	start := time.Now()
	NewPoller(newFakeStore(feeds...), opts).Poll(context.Background(), feeds)
	if d := time.Since(start); d < 180*time.Millisecond {
		t.Errorf("5 requests at 20/s took %v, want >= 200ms", d)
	}
}

func itoa3(i int) string {
	return string([]byte{byte('0' + i/100), byte('0' + i/10%10), byte('0' + i%10)})
}
