package feed

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"syscall"
	"testing"
	"time"

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
			_, err := f.fetch(context.Background(), tt.url, "", "", acceptFeed, false)
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
		opened.client.Transport.(*http.Transport).DialContext = (&net.Dialer{Control: func(network, address string, c syscall.RawConn) error {
			host, _, _ := net.SplitHostPort(address)
			if host == "127.0.0.1" {
				return nil // the test server itself
			}
			return dialControl(network, address, c)
		}}).DialContext
		_, err := opened.fetch(context.Background(), pub.URL, "", "", acceptFeed, false)
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

func TestIsPrivateAddr(t *testing.T) {
	tests := []struct {
		addr    string
		private bool
	}{
		{"127.0.0.1", true}, {"127.8.9.10", true}, {"10.0.0.1", true}, {"172.16.5.4", true},
		{"192.168.1.1", true}, {"169.254.169.254", true}, {"0.0.0.0", true}, {"224.0.0.1", true},
		{"100.64.1.1", true}, {"255.255.255.255", true}, {"::1", true}, {"::", true},
		{"fe80::1", true}, {"fc00::1", true}, {"ff02::1", true}, {"::ffff:10.1.2.3", true},
		{"::ffff:127.0.0.1", true}, {"64:ff9b::a00:1", true}, {"2002:7f00:1::", true},
		{"93.184.216.34", false}, {"8.8.8.8", false}, {"2606:4700::1111", false}, {"::ffff:8.8.8.8", false},
	}
	for _, tt := range tests {
		if got := isPrivateAddr(netip.MustParseAddr(tt.addr)); got != tt.private {
			t.Errorf("isPrivateAddr(%s) = %v, want %v", tt.addr, got, tt.private)
		}
	}
}

func TestValidateURL(t *testing.T) {
	tests := []struct {
		raw       string
		allowFile bool
		want      error
	}{
		{"https://example.org/feed.xml", false, nil},
		{"HTTP://example.org/", false, nil},
		{"file:///srv/feeds/local.xml", true, nil},
		{"file:///srv/feeds/local.xml", false, ErrUnsupportedScheme},
		{"ftp://example.org/feed", false, ErrUnsupportedScheme},
		{"javascript:alert(1)", false, ErrUnsupportedScheme},
		{"gopher://example.org", true, ErrUnsupportedScheme},
		{"example.org/feed", false, ErrUnsupportedScheme},
		{"http:///nohost", false, ErrInvalidURL},
		{"http://user:pw@example.org/", false, ErrInvalidURL},
		{"http://example.org:99999/", false, ErrInvalidURL},
		{"http://exa mple.org/", false, ErrInvalidURL},
	}
	for _, tt := range tests {
		_, err := ValidateURL(tt.raw, tt.allowFile)
		if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("ValidateURL(%q, %v) = %v, want %v", tt.raw, tt.allowFile, err, tt.want)
		}
	}
	if u, _ := ValidateURL(" https://example.org/x ", false); u == nil || u.String() != (&url.URL{Scheme: "https", Host: "example.org", Path: "/x"}).String() {
		t.Errorf("ValidateURL does not trim: %v", u)
	}
}
