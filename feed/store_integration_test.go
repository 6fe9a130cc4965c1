package feed

import (
	"context"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// The real store satisfies the interface the poller declares.
var _ Store = (*store.Store)(nil)

// TestPollIntoRealStore runs the poller against the SQLite store: first
// fetch backlog, repeat polls, GUID churn, an edit and a new item.
func TestPollIntoRealStore(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, ":memory:")
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	defer st.Close()
	body := longText("real", 90)
	srv := newFeedServer(t, rssFeed("Real",
		testItem{GUID: "r1", Link: "https://real.example/1?utm_source=rss", Title: "One", Description: body},
		testItem{GUID: "r2", Link: "https://real.example/2", Title: "Two", Description: "Second item."},
	))
	f, err := st.AddFeed(ctx, store.Feed{URL: srv.URL + "/feed.xml", Name: "Real News"})
	if err != nil {
		t.Fatal(err)
	}
	p := NewPoller(st, testOptions())
	poll := func() Report {
		t.Helper()
		feeds, err := st.ClaimDueFeeds(ctx, "test", testOptions().Now().Add(48*time.Hour), time.Minute, 10)
		if err != nil || len(feeds) != 1 {
			t.Fatalf("claim: %v, %d feeds", err, len(feeds))
		}
		return p.Poll(ctx, feeds)[0]
	}
	steps := []struct {
		name   string
		doc    string
		new    int
		edited int
		backlg int
	}{
		{"first fetch", "", 0, 0, 2},
		{"repeat", "", 0, 0, 0},
		{"guid churn", rssFeed("Real",
			testItem{GUID: "r1-new", Link: "https://real.example/1?fbclid=x", Title: "One", Description: body},
			testItem{GUID: "r2", Link: "https://real.example/2", Title: "Two", Description: "Second item."}), 0, 0, 0},
		{"edit and new", rssFeed("Real",
			testItem{GUID: "r3", Link: "https://real.example/3", Title: "Three", Description: "Third."},
			testItem{GUID: "r1-new", Link: "https://real.example/1", Title: "One", Description: body},
			testItem{GUID: "r2", Link: "https://real.example/2", Title: "Two", Description: "Second item, corrected."}), 1, 1, 0},
	}
	for _, s := range steps {
		if s.doc != "" {
			srv.set(s.doc)
		}
		rep := poll()
		if rep.Status != StatusOK || rep.NewArticles != s.new || rep.Edited != s.edited || rep.Backlog != s.backlg {
			t.Errorf("%s: report %+v, want new %d edited %d backlog %d", s.name, rep, s.new, s.edited, s.backlg)
		}
	}
	arts, err := st.Articles(ctx, store.ArticleQuery{FeedIDs: []int64{f.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 3 {
		t.Fatalf("stored %d articles, want 3", len(arts))
	}
	for _, a := range arts {
		if a.Source != "Real News" || a.CanonicalURL == "" || a.ContentHash == "" {
			t.Errorf("article %+v", a)
		}
		if (a.GUID == "r3") == a.Backlog {
			t.Errorf("%s: Backlog = %v", a.GUID, a.Backlog)
		}
	}
}
