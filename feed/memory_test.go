package feed

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// Hostile feeds of finding 4 (issue 14): many tiny items in a large document.
const (
	hostileFeeds     = 28
	hostileFeedBytes = 5 << 20
	hostileFeedItems = 100_000
	// peakRSSLimit is the target for polling all hostile feeds together:
	// fly.toml gives the whole machine 512 MB.
	peakRSSLimit = 250 << 20
)

// memChildEnv names the feed URLs for the child process of
// TestHostileFeedsPeakRSS; its presence makes the test the child.
const memChildEnv = "NEWSDIGEST_MEMTEST_FEEDS"

// hostileRSS returns an RSS document of about size bytes with n items, each
// distinct, so that nothing is merged before it is stored.
func hostileRSS(n, size int) []byte {
	var b strings.Builder
	b.Grow(size + 1024)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Flood</title><link>https://flood.example/</link>`)
	pad := max(0, (size-100)/n-len("<item><guid>0000000</guid><title>0000000 </title></item>"))
	filler := strings.Repeat("x", pad)
	for i := range n {
		fmt.Fprintf(&b, "<item><guid>%07d</guid><title>%07d %s</title></item>", i, i, filler)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// TestHostileFeedsPeakRSS polls 28 hostile feeds (5 MB, 100,000 items each)
// at once, with serve's default poll settings and a real SQLite store, in a
// child process, and checks the child's peak resident set size (VmHWM).
// The feeds are served by this process so their bytes do not count.
func TestHostileFeedsPeakRSS(t *testing.T) {
	if urls := os.Getenv(memChildEnv); urls != "" {
		hostileChild(t, strings.Split(urls, " "))
		return
	}
	if runtime.GOOS != "linux" {
		t.Skip("reads the peak RSS from /proc/self/status (Linux only)")
	}
	if testing.Short() {
		t.Skip("polls 140 MB of feeds; skipped with -short")
	}
	items := hostileFeedItems
	if n, err := strconv.Atoi(os.Getenv("NEWSDIGEST_MEMTEST_ITEMS")); err == nil {
		items = n // other shapes, by hand: 1000 items of 5 KB each, say
	}
	body := hostileRSS(items, hostileFeedBytes)
	var urls []string
	for i := range hostileFeeds {
		// One loopback address per feed, so the per-host limit does not
		// serialise them: this is many hosts polled together.
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", i+2))
		if err != nil {
			t.Skipf("cannot listen on a second loopback address: %v", err)
		}
		srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(body)
		}))
		srv.Listener.Close()
		srv.Listener = ln
		srv.Start()
		t.Cleanup(srv.Close)
		urls = append(urls, srv.URL+"/feed.xml")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHostileFeedsPeakRSS$", "-test.v")
	cmd.Env = append(os.Environ(), memChildEnv+"="+strings.Join(urls, " "))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	peak := -1
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "peak_rss_kib="); ok {
			peak, _ = strconv.Atoi(v)
		}
	}
	if peak < 0 {
		t.Fatalf("the child reported no peak RSS:\n%s", out)
	}
	t.Logf("%d hostile feeds of %d MB / %d items polled together: peak RSS %.1f MiB\n%s",
		hostileFeeds, hostileFeedBytes>>20, items, float64(peak)/1024, out)
	if peak<<10 > peakRSSLimit {
		t.Errorf("peak RSS %.1f MiB, want under %d MiB", float64(peak)/1024, peakRSSLimit>>20)
	}
}

// hostileChild is the child process: it polls the feeds once, as serve
// would, and prints its peak RSS.
func hostileChild(t *testing.T, urls []string) {
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite://"+filepath.ToSlash(filepath.Join(t.TempDir(), "mem.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var feeds []store.Feed
	for _, u := range urls {
		feeds = append(feeds, store.Feed{URL: u, FromConfig: true})
	}
	stored, err := st.SyncConfigFeeds(ctx, feeds)
	if err != nil {
		t.Fatal(err)
	}
	// serve's defaults (config.DefaultPoll), on loopback.
	opts := Options{AllowPrivateNetworks: true, Workers: 8, MaxBodyBytes: 10 << 20, Timeout: 2 * time.Minute,
		MaxItemsPerPoll: 50, PerHostConcurrency: 2}
	if n, err := strconv.Atoi(os.Getenv("NEWSDIGEST_MEMTEST_WORKERS")); err == nil {
		opts.Workers = n // by hand: the budget, not the worker count, bounds memory
	}
	p := NewPoller(st, opts)
	start := time.Now()
	reports := p.Poll(ctx, stored)
	for _, r := range reports {
		if r.Status != StatusOK {
			t.Errorf("%s: %s %s", r.URL, r.Status, r.Err)
		}
	}
	fmt.Printf("polled %d feeds in %s\n", len(reports), time.Since(start).Round(time.Millisecond))
	fmt.Printf("peak_rss_kib=%d\n", procStatusKiB(t, "VmHWM"))
	fmt.Printf("rss_after_kib=%d\n", procStatusKiB(t, "VmRSS"))
}

// procStatusKiB reads one "Name:   123 kB" line of /proc/self/status.
func procStatusKiB(t *testing.T, name string) int {
	t.Helper()
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.SplitSeq(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, name+":"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatalf("no %s in /proc/self/status", name)
	return 0
}
