package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

func TestPollStoresNewAndSkipsSeen(t *testing.T) {
	srv := newFeedServer(t, rssFeed("Harbour Times",
		testItem{GUID: "a1", Link: "https://example.org/a1", Title: "Ferry &amp; tunnel plan", Description: "<p>The <b>council</b> met.</p><p>Second para.</p>", PubDate: "Mon, 02 Mar 2026 10:00:00 GMT"},
		testItem{GUID: "a2", Link: "https://example.org/a2", Title: "Budget", Description: "Budget text.", PubDate: "Sun, 01 Mar 2026 09:00:00 GMT"},
	))
	f := testFeed(1, srv.URL+"/feed.xml")
	f.Fetched = true
	f.Lean = "center"
	st := newFakeStore(f)
	p := NewPoller(st, testOptions())

	reports := p.Poll(context.Background(), []store.Feed{f})
	if got := reports[0]; got.Status != StatusOK || got.NewArticles != 2 || got.Err != "" {
		t.Fatalf("first poll report = %+v", got)
	}
	arts := st.all()
	if len(arts) != 2 {
		t.Fatalf("stored %d articles, want 2", len(arts))
	}
	a := arts[0] // newest first
	if a.Title != "Ferry & tunnel plan" || a.Text != "The council met.\nSecond para." || a.Source != "Outlet 1" ||
		a.Lean != "center" || a.URL != "https://example.org/a1" || a.CanonicalURL != "https://example.org/a1" ||
		a.ContentHash == "" || a.SimHash == 0 || a.Backlog || a.Published.Day() != 2 {
		t.Errorf("article = %+v", a)
	}

	reports = p.Poll(context.Background(), []store.Feed{st.feed(1)})
	if got := reports[0]; got.Status != StatusOK || got.NewArticles != 0 || got.Edited != 0 {
		t.Fatalf("second poll report = %+v", got)
	}
	if n := len(st.all()); n != 2 {
		t.Errorf("stored %d articles after a repeat poll, want 2", n)
	}
}

func TestPollFirstFetchIsBacklog(t *testing.T) {
	srv := newFeedServer(t, rssFeed("T",
		testItem{GUID: "1", Link: "https://example.org/1", Title: "One", Description: "x"},
		testItem{GUID: "2", Link: "https://example.org/2", Title: "Two", Description: "y"},
	))
	st := newFakeStore(testFeed(1, srv.URL))
	p := NewPoller(st, testOptions())
	rep := p.Poll(context.Background(), []store.Feed{st.feed(1)})[0]
	if rep.NewArticles != 0 || rep.Backlog != 2 {
		t.Fatalf("report = %+v, want 0 new and 2 backlog", rep)
	}
	for _, a := range st.all() {
		if !a.Backlog {
			t.Errorf("%s: Backlog = false on the first fetch", a.GUID)
		}
	}
	if !st.feed(1).Fetched {
		t.Error("feed not marked fetched")
	}
	srv.set(rssFeed("T",
		testItem{GUID: "3", Link: "https://example.org/3", Title: "Three", Description: "z"},
		testItem{GUID: "1", Link: "https://example.org/1", Title: "One", Description: "x"},
	))
	rep = p.Poll(context.Background(), []store.Feed{st.feed(1)})[0]
	if rep.NewArticles != 1 || rep.Backlog != 0 {
		t.Fatalf("second report = %+v, want 1 new", rep)
	}
}

func TestPollCapsNewItemsPerPoll(t *testing.T) {
	var items []testItem
	for i := range 30 {
		id := string(rune('a'+i%26)) + strings.Repeat("x", i/26)
		items = append(items, testItem{GUID: id, Link: "https://example.org/" + id, Title: id, Description: id,
			PubDate: "Sun, 01 Mar 2026 " + twoDigits(i/2) + ":" + twoDigits(i%2*30) + ":00 GMT"})
	}
	srv := newFeedServer(t, rssFeed("Flood", items...))
	f := testFeed(1, srv.URL)
	f.Fetched = true
	st := newFakeStore(f)
	opts := testOptions()
	opts.MaxItemsPerPoll = 5
	rep := NewPoller(st, opts).Poll(context.Background(), []store.Feed{f})[0]
	if rep.NewArticles != 5 || rep.Backlog != 25 {
		t.Fatalf("report = %+v, want 5 live and 25 backlog", rep)
	}
	for _, a := range st.all() {
		if !a.Backlog && a.Published.Hour() < 12 {
			t.Errorf("older item %s (%v) posted live; the newest should win", a.GUID, a.Published)
		}
	}
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestPollEditedArticle(t *testing.T) {
	srv := newFeedServer(t, rssFeed("T", testItem{GUID: "e1", Link: "https://example.org/e1", Title: "Bridge", Description: "Original text."}))
	f := testFeed(1, srv.URL)
	f.Fetched = true
	st := newFakeStore(f)
	p := NewPoller(st, testOptions())
	p.Poll(context.Background(), []store.Feed{f})
	srv.set(rssFeed("T", testItem{GUID: "e1", Link: "https://example.org/e1", Title: "Bridge", Description: "Corrected text."}))
	rep := p.Poll(context.Background(), []store.Feed{st.feed(1)})[0]
	if rep.Edited != 1 || rep.NewArticles != 0 {
		t.Fatalf("report = %+v, want 1 edited, 0 new", rep)
	}
	arts := st.all()
	if len(arts) != 1 || arts[0].Text != "Corrected text." || !arts[0].Updated {
		t.Errorf("articles = %+v", arts)
	}
}

func TestPollGUIDChurnAndTrackingParams(t *testing.T) {
	body := longText("churn", 80)
	srv := newFeedServer(t, rssFeed("T", testItem{GUID: "urn:1", Link: "https://Example.org/story?id=7&utm_source=rss", Title: "Story", Description: body}))
	f := testFeed(1, srv.URL)
	f.Fetched = true
	st := newFakeStore(f)
	p := NewPoller(st, testOptions())
	p.Poll(context.Background(), []store.Feed{f})
	// The publisher regenerates GUIDs and changes the campaign tags.
	srv.set(rssFeed("T", testItem{GUID: "urn:2-regenerated", Link: "https://example.org/story?utm_medium=feed&id=7&fbclid=abc#top", Title: "Story", Description: body}))
	rep := p.Poll(context.Background(), []store.Feed{st.feed(1)})[0]
	if rep.NewArticles != 0 || rep.Edited != 0 {
		t.Fatalf("report = %+v: a GUID change with the same canonical URL and text must be the same article", rep)
	}
	if arts := st.all(); len(arts) != 1 || arts[0].CanonicalURL != "https://example.org/story?id=7" {
		t.Errorf("articles = %+v", arts)
	}
}

func TestPollFailingFeedDoesNotStopOthers(t *testing.T) {
	good := newFeedServer(t, rssFeed("Good", testItem{GUID: "g", Link: "https://example.org/g", Title: "G", Description: "g"}))
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	}))
	defer bad.Close()
	hostile := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<rss><channel><item><title>unterminated"))
	}))
	defer hostile.Close()
	feeds := []store.Feed{testFeed(1, bad.URL), testFeed(2, good.URL), testFeed(3, hostile.URL), testFeed(4, "ftp://example.org/x")}
	st := newFakeStore(feeds...)
	reports := NewPoller(st, testOptions()).Poll(context.Background(), feeds)
	if len(reports) != 4 {
		t.Fatalf("%d reports", len(reports))
	}
	if reports[0].Status != StatusError || !strings.Contains(reports[0].Err, "500") {
		t.Errorf("bad feed report = %+v", reports[0])
	}
	if reports[1].Status != StatusOK || reports[1].FeedID != 2 {
		t.Errorf("good feed report = %+v", reports[1])
	}
	if reports[3].Status != StatusError || !strings.Contains(reports[3].Err, "only http and https") {
		t.Errorf("ftp feed report = %+v", reports[3])
	}
	if fr := st.feed(1); fr.ErrorCount != 1 || fr.LastError == "" {
		t.Errorf("bad feed state = %+v", fr)
	}
}

func TestPollSaveErrorKeepsValidators(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v2"`)
		w.Write([]byte(rssFeed("T", testItem{GUID: "s", Link: "https://example.org/s", Title: "S", Description: "s"})))
	}))
	defer srv.Close()
	f := testFeed(1, srv.URL)
	f.ETag = `"v1"`
	st := newFakeStore(f)
	st.saveErr = errors.New("disk full")
	rep := NewPoller(st, testOptions()).Poll(context.Background(), []store.Feed{f})[0]
	if rep.Status != StatusError || !strings.Contains(rep.Err, "disk full") {
		t.Fatalf("report = %+v", rep)
	}
	if got := st.lastFetch().ETag; got != `"v1"` {
		t.Errorf("ETag after a failed save = %q, want the old one so the items are fetched again", got)
	}
}

func TestPollFileFeedOnlyFromConfig(t *testing.T) {
	path := t.TempDir() + "/local.xml"
	if err := writeFile(path, rssFeed("Local", testItem{GUID: "l", Title: "Local item", Description: "from disk"})); err != nil {
		t.Fatal(err)
	}
	cfg := store.Feed{ID: 1, URL: "file://" + path, FromConfig: true}
	chat := store.Feed{ID: 2, URL: "file://" + path, Scope: "discord:1"}
	st := newFakeStore(cfg, chat)
	p := NewPoller(st, testOptions())
	reports := p.Poll(context.Background(), []store.Feed{cfg, chat})
	if reports[0].Status != StatusOK || reports[0].Backlog != 1 {
		t.Errorf("config file feed = %+v", reports[0])
	}
	if reports[1].Status != StatusError || !strings.Contains(reports[1].Err, "only allowed in the config file") {
		t.Errorf("chat file feed = %+v", reports[1])
	}
	rep := p.Poll(context.Background(), []store.Feed{st.feed(1)})[0]
	if rep.Status != StatusNotModified {
		t.Errorf("unchanged file: status %q, want not_modified", rep.Status)
	}
}

func TestPollCanceledIsNotAFailure(t *testing.T) {
	srv := newFeedServer(t, rssFeed("T"))
	st := newFakeStore(testFeed(1, srv.URL))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rep := NewPoller(st, testOptions()).Poll(ctx, []store.Feed{st.feed(1)})[0]
	if rep.Status != StatusError || !strings.Contains(rep.Err, "canceled") {
		t.Errorf("report = %+v", rep)
	}
	if f := st.feed(1); f.ErrorCount != 0 || st.fetchCount() != 0 {
		t.Errorf("shutdown counted as a feed failure: %+v", f)
	}
}

func TestPollItemWithoutGUIDLinkOrDateIsSeenOnce(t *testing.T) {
	srv := newFeedServer(t, rssFeed("T", testItem{Title: "Bare item", Description: "No guid, no link, no date."}))
	f := testFeed(1, srv.URL)
	f.Fetched = true
	st := newFakeStore(f)
	opts := testOptions()
	clock := opts.Now()
	opts.Now = func() time.Time { clock = clock.Add(time.Hour); return clock }
	p := NewPoller(st, opts)
	for range 3 {
		p.Poll(context.Background(), []store.Feed{st.feed(1)})
	}
	if arts := st.all(); len(arts) != 1 {
		t.Errorf("stored %d copies of one undated item, want 1", len(arts))
	}
}

func TestPollReportsErrorKinds(t *testing.T) {
	good := newFeedServer(t, rssFeed("Good", testItem{GUID: "g", Link: "https://example.org/g", Title: "G", Description: "g"}))
	status := func(code int) *httptest.Server {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "no", code)
		}))
		t.Cleanup(srv.Close)
		return srv
	}
	garbage := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte("<rss version=\"2.0\"><channel><item><title>a</item></rss"))
	}))
	t.Cleanup(garbage.Close)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	t.Cleanup(slow.Close)

	tests := []struct {
		url      string
		status   string
		wantKind string
	}{
		{good.URL, StatusOK, ""},
		{status(http.StatusBadGateway).URL, StatusError, "http_5xx"},
		{status(http.StatusNotFound).URL, StatusError, "http_4xx"},
		{status(http.StatusTooManyRequests).URL, StatusError, "http_429"},
		{garbage.URL, StatusError, "parse"},
		{slow.URL, StatusError, "timeout"},
		{"ftp://example.org/feed", StatusError, "refused_url"},
		{"http://no-such-host.invalid/feed", StatusError, "dns"},
	}
	var feeds []store.Feed
	for i, tc := range tests {
		feeds = append(feeds, testFeed(int64(i+1), tc.url))
	}
	opts := testOptions()
	opts.Timeout = 300 * time.Millisecond
	var (
		mu   sync.Mutex
		seen = map[int64]Report{}
	)
	opts.OnPoll = func(r Report) {
		mu.Lock()
		defer mu.Unlock()
		seen[r.FeedID] = r
	}
	reports := NewPoller(newFakeStore(feeds...), opts).Poll(context.Background(), feeds)
	for i, tc := range tests {
		r := reports[i]
		if r.Status != tc.status || r.ErrKind != tc.wantKind {
			t.Errorf("%s: status %q kind %q, want %q %q (err %s)", tc.url, r.Status, r.ErrKind, tc.status, tc.wantKind, r.Err)
		}
		if got := seen[r.FeedID]; got.Status != r.Status || got.ErrKind != r.ErrKind {
			t.Errorf("%s: OnPoll got %+v, Poll returned %+v", tc.url, got, r)
		}
	}
}
