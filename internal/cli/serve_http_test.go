package cli

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testHTTPLimits are defaultHTTPLimits scaled down so a test sees them act.
var testHTTPLimits = httpLimits{
	ReadHeader: 300 * time.Millisecond,
	Read:       600 * time.Millisecond,
	Write:      time.Second,
	Idle:       400 * time.Millisecond,
	MaxHeader:  4 << 10,
	MaxBody:    1 << 10,
	MaxConns:   20,
}

// countingListener counts the connections accepted and not yet closed,
// and the most there were at once.
type countingListener struct {
	net.Listener
	open, peak atomic.Int32
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	n := l.open.Add(1)
	for p := l.peak.Load(); n > p && !l.peak.CompareAndSwap(p, n); p = l.peak.Load() {
	}
	return &countedConn{Conn: c, l: l}, nil
}

type countedConn struct {
	net.Conn
	l    *countingListener
	once sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() { c.l.open.Add(-1) }) // before the slot is given back
	return c.Conn.Close()
}

// startLimited serves h under l on loopback and counts the connections open
// at once.
func startLimited(t *testing.T, h http.Handler, l httpLimits) (addr string, peak *atomic.Int32) {
	t.Helper()
	srv := newHTTPServer(h, l)
	ln, err := listenLimited("127.0.0.1:0", l)
	if err != nil {
		t.Fatal(err)
	}
	counted := &countingListener{Listener: ln}
	go srv.Serve(counted)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String(), &counted.peak
}

// echoBody answers with the size of the body it read.
var echoBody = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	n, err := io.Copy(io.Discard, r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
		return
	}
	fmt.Fprintf(w, "%d", n)
})

// TestSlowClientsAreCutOff is finding 5 of issue 14: many connections that
// trickle their headers or body one byte at a time, or send nothing, are
// closed by the server within its timeouts, never more than MaxConns of
// them are served at once, and a normal request still gets through.
func TestSlowClientsAreCutOff(t *testing.T) {
	addr, peak := startLimited(t, echoBody, testHTTPLimits)
	kinds := map[string]string{
		"slow headers": "POST / HTTP/1.1\r\nHost: x\r\nX-Slow: ",
		"slow body":    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\n",
		"silent":       "",
	}
	const perKind = 40
	var (
		wg      sync.WaitGroup
		stillUp atomic.Int32
	)
	deadline := time.Now().Add(6 * time.Second)
	for kind, start := range kinds {
		for range perKind {
			wg.Go(func() {
				c, err := net.Dial("tcp", addr)
				if err != nil {
					t.Errorf("%s: dial: %v", kind, err)
					return
				}
				defer c.Close()
				if start != "" {
					c.Write([]byte(start))
				}
				// Trickle a byte every 50 ms until the server hangs up.
				closed := make(chan struct{})
				go func() {
					io.Copy(io.Discard, c)
					close(closed)
				}()
				tick := time.NewTicker(50 * time.Millisecond)
				defer tick.Stop()
				for {
					select {
					case <-closed:
						return
					case <-tick.C:
						if time.Now().After(deadline) {
							stillUp.Add(1)
							return
						}
						if kind != "silent" {
							c.Write([]byte("x"))
						}
					}
				}
			})
		}
	}
	// A normal request in the middle of the flood is served.
	time.Sleep(100 * time.Millisecond)
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Post("http://"+addr+"/", "text/plain", strings.NewReader("hello"))
	if err != nil {
		t.Errorf("a normal request during the flood: %v", err)
	} else {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(body) != "5" {
			t.Errorf("a normal request during the flood got %q", body)
		}
	}
	wg.Wait()
	if n := stillUp.Load(); n > 0 {
		t.Errorf("%d of %d slow connections were still open after 6 s", n, perKind*len(kinds))
	}
	if p := peak.Load(); p > int32(testHTTPLimits.MaxConns) {
		t.Errorf("%d connections served at once, want at most %d", p, testHTTPLimits.MaxConns)
	}
}

// TestLargeBodyRefusedBeforeReading: a request that declares a body larger
// than any endpoint takes is answered 413 at once, without waiting for the
// body; one whose chunked body turns out too large is cut off.
func TestLargeBodyRefusedBeforeReading(t *testing.T) {
	var called atomic.Bool
	addr, _ := startLimited(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		called.Store(true)
		echoBody(w, r)
	}), testHTTPLimits)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	fmt.Fprintf(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", 100<<20)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge || time.Since(start) > 250*time.Millisecond || called.Load() {
		t.Errorf("declared 100 MB body: status %d after %s, handler called %v; want 413 at once", resp.StatusCode, time.Since(start), called.Load())
	}

	// A reader of unknown length goes chunked, without Content-Length.
	resp, err = http.Post("http://"+addr+"/", "text/plain", io.MultiReader(strings.NewReader(strings.Repeat("y", 4<<10))))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("4 KiB body without Content-Length: status %d, want 413", resp.StatusCode)
	}
}

// TestServeRefusesLargeBodies checks serve's own server: a declared 100 MB
// interaction is refused at once, before a byte of it is read.
func TestServeRefusesLargeBodies(t *testing.T) {
	base, _ := serveWithDiscord(t, &fakeDiscordAPI{followUp: map[string][]string{}}, false)
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(c, "POST /discord/interactions HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", 100<<20)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("no answer to a declared 100 MB body: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", resp.StatusCode)
	}
}
