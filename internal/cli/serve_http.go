package cli

import (
	"fmt"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"
)

// httpLimits protect serve's HTTP endpoints from slow and greedy clients:
// a connection that trickles its headers or body, sits idle, or reads its
// answer slowly is closed; past MaxConns open connections new ones wait in
// the kernel's backlog instead of taking file descriptors; a body larger
// than any endpoint takes is refused before it is read.
type httpLimits struct {
	ReadHeader time.Duration // to read the request line and headers
	Read       time.Duration // to read the whole request, body included
	Write      time.Duration // to write the answer, from the end of the headers read
	Idle       time.Duration // a kept-alive connection between requests
	MaxHeader  int           // bytes of request headers
	MaxBody    int64         // bytes of a request body
	MaxConns   int           // connections served at once
}

// defaultHTTPLimits are serve's: the largest body an endpoint takes is a
// Slack interaction payload (1 MiB); Discord and Slack answer within 3 s,
// so every request is done long before Read and Write run out.
var defaultHTTPLimits = httpLimits{
	ReadHeader: 5 * time.Second,
	Read:       15 * time.Second,
	Write:      30 * time.Second,
	Idle:       60 * time.Second,
	MaxHeader:  32 << 10,
	MaxBody:    1 << 20,
	MaxConns:   256,
}

// newHTTPServer returns a server for h under l.
func newHTTPServer(h http.Handler, l httpLimits) *http.Server {
	return &http.Server{
		Handler:           limitBody(h, l.MaxBody),
		ReadHeaderTimeout: l.ReadHeader,
		ReadTimeout:       l.Read,
		WriteTimeout:      l.Write,
		IdleTimeout:       l.Idle,
		MaxHeaderBytes:    l.MaxHeader,
	}
}

// listenLimited listens on addr and serves at most l.MaxConns connections
// at once.
func listenLimited(addr string, l httpLimits) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("serve: listen: %w", err)
	}
	return netutil.LimitListener(ln, l.MaxConns), nil
}

// limitBody refuses a request whose declared body is larger than max with
// 413 before reading any of it, and cuts one that turns out larger.
func limitBody(next http.Handler, max int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			w.Header().Set("Connection", "close")
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, max)
		next.ServeHTTP(w, r)
	})
}
