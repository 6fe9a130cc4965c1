package feed

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/internal/urlrule"
	"github.com/newsdigest/newsdigest/store"
)

func TestPrivateAddressRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(rssFeed("internal", testItem{GUID: "secret", Title: "S", Description: "s"})))
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())

	srv6 := newIPv6Server(t)
	tests := []struct{ name, url string }{
		{"loopback", srv.URL},
		{"private", "http://10.0.0.1/feed"},
		{"metadata", "http://169.254.169.254/latest/meta-data/"},
		{"ipv6 loopback", "http://[::1]:" + port + "/"},
		{"name resolving to loopback", "http://localhost:" + port + "/"},
		{"ipv4-mapped ipv6", "http://[::ffff:127.0.0.1]:" + port + "/"},
		{"unspecified", "http://0.0.0.0:" + port + "/"},
		{"ipv4-compatible ipv6", "http://[::127.0.0.1]:" + port + "/"},
		{"ipv4-translated ipv6", "http://[::ffff:0:7f00:1]:" + port + "/"},
		{"nat64 of a private address", "http://[64:ff9b::a00:1]:" + port + "/"},
		{"6to4 of loopback", "http://[2002:7f00:1::1]:" + port + "/"},
		{"teredo with a private client", "http://[2001:0:808:808:0:0:f5ff:fffe]:" + port + "/"},
	}
	if srv6 != "" {
		tests = append(tests, struct{ name, url string }{"ipv6 server", srv6})
	}
	opts := testOptions()
	opts.AllowPrivateNetworks = false
	opts.Timeout = 2 * time.Second
	f := newFetcher(opts.withDefaults())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.fetch(context.Background(), fetchRequest{url: tt.url, accept: acceptFeed})
			if !errors.Is(err, ErrPrivateAddress) {
				t.Fatalf("fetch %s: err = %v, want ErrPrivateAddress", tt.url, err)
			}
		})
	}

	t.Run("redirect to private", func(t *testing.T) {
		// A public-looking first hop cannot be served here; a redirect from a
		// private server shows the check runs on every connection.
		pub := httptest.NewServer(http.RedirectHandler("http://10.0.0.1/x", http.StatusFound))
		defer pub.Close()
		opened := newFetcher(testOptions().withDefaults())
		opened.private.Transport.(*http.Transport).DialContext = (&net.Dialer{Control: func(network, address string, c syscall.RawConn) error {
			host, _, _ := net.SplitHostPort(address)
			if host == "127.0.0.1" {
				return nil // the test server itself
			}
			return urlrule.DialControl(network, address, c)
		}}).DialContext
		_, err := opened.fetch(context.Background(), fetchRequest{url: pub.URL, accept: acceptFeed, private: true})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Fatalf("err = %v, want ErrPrivateAddress", err)
		}
	})

	t.Run("poller reports it", func(t *testing.T) {
		st := newFakeStore(testFeed(1, srv.URL))
		rep := NewPoller(st, opts).Poll(context.Background(), []store.Feed{st.feed(1)})[0]
		if rep.Status != StatusError || len(st.all()) != 0 {
			t.Fatalf("report = %+v, stored %d", rep, len(st.all()))
		}
	})
}

// newIPv6Server starts a server on [::1] when the host has IPv6 loopback.
func newIPv6Server(t *testing.T) string {
	l, err := net.Listen("tcp", "[::1]:0")
	if err != nil {
		return ""
	}
	srv := httptest.NewUnstartedServer(http.NotFoundHandler())
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL
}
