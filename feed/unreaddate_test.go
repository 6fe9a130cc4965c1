package feed

import (
	"context"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

func TestItemPublished(t *testing.T) {
	now := testOptions().Now()
	tests := []struct {
		name       string
		dates      []string
		want       time.Time
		wantUnread string
	}{
		{"readable", []string{"Sun, 01 Mar 2026 08:00:00 +0100"}, utc(2026, 3, 1, 7, 0, 0), ""},
		{"no date at all: first seen, nothing to say", nil, now, ""},
		{"unreadable: first seen, and said", []string{"le 3 brumaire an XII"}, now, "le 3 brumaire an XII"},
		{"unreadable published, readable updated", []string{"sometime", "2026-02-28T10:00:00Z"}, utc(2026, 2, 28, 10, 0, 0), ""},
		{"beyond tomorrow: dropped, and said", []string{"Mon, 01 Jan 2035 00:00:00 GMT"}, now, "Mon, 01 Jan 2035 00:00:00 GMT"},
		{"placeholder epoch", []string{"0"}, now, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, unread := itemPublished(&parsedItem{Dates: tt.dates}, now)
			if !got.Equal(tt.want) || unread != tt.wantUnread {
				t.Errorf("itemPublished = %v, %q; want %v, %q", got, unread, tt.want, tt.wantUnread)
			}
		})
	}
}

// A feed whose dates cannot be read: its first fetch stays out of the
// "last 24 hours" and of the new counts, the article says why, and a later
// item whose date cannot be read is stored but not counted as new.
func TestUnreadableDatesStayOutOfNews(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := testOptions().Now()
	srv := newFeedServer(t, rssFeed("Odd dates",
		testItem{GUID: "o1", Link: "https://odd.example/1", Title: "Old one", Description: "a", PubDate: "le 3 brumaire"},
		testItem{GUID: "o2", Link: "https://odd.example/2", Title: "Old two", Description: "b", PubDate: "le 4 brumaire"},
		testItem{GUID: "o3", Link: "https://odd.example/3", Title: "Dated", Description: "c", PubDate: "Sun, 01 Mar 2026 09:00:00 GMT"},
	))
	f, err := st.AddFeed(ctx, store.Feed{URL: srv.URL + "/feed.xml", Name: "Odd"})
	if err != nil {
		t.Fatal(err)
	}
	p := NewPoller(st, testOptions())
	poll := func() Report {
		t.Helper()
		feeds, err := st.ClaimDueFeeds(ctx, "test", now.Add(48*time.Hour), time.Minute, 10)
		if err != nil || len(feeds) != 1 {
			t.Fatalf("claim: %v, %d feeds", err, len(feeds))
		}
		return p.Poll(ctx, feeds)[0]
	}
	if rep := poll(); rep.Backlog != 3 || rep.NewArticles != 0 {
		t.Fatalf("first fetch: %+v", rep)
	}
	lastDay := func() map[string]store.Article {
		t.Helper()
		arts, err := st.Articles(ctx, store.ArticleQuery{Since: now.Add(-24 * time.Hour), FeedIDs: []int64{f.ID}})
		if err != nil {
			t.Fatal(err)
		}
		byGUID := map[string]store.Article{}
		for _, a := range arts {
			byGUID[a.GUID] = a
		}
		return byGUID
	}
	if got := lastDay(); len(got) != 1 || got["o3"].GUID == "" {
		t.Errorf("last 24 hours after the first fetch: %v, want only the dated item", keys(got))
	}
	all, err := st.Articles(ctx, store.ArticleQuery{FeedIDs: []int64{f.ID}})
	if err != nil || len(all) != 3 {
		t.Fatalf("stored %d articles (%v), want 3", len(all), err)
	}
	for _, a := range all {
		if want := map[string]string{"o1": "le 3 brumaire", "o2": "le 4 brumaire"}[a.GUID]; a.UnreadDate != want {
			t.Errorf("%s: UnreadDate %q, want %q", a.GUID, a.UnreadDate, want)
		}
	}
	srv.set(rssFeed("Odd dates",
		testItem{GUID: "o4", Link: "https://odd.example/4", Title: "New odd", Description: "d", PubDate: "le 5 brumaire"},
		testItem{GUID: "o5", Link: "https://odd.example/5", Title: "New dated", Description: "e", PubDate: "Sun, 01 Mar 2026 11:00:00 GMT"},
	))
	if rep := poll(); rep.NewArticles != 1 || rep.Backlog != 1 {
		t.Errorf("later poll: %+v, want the dated item new and the undated one not", rep)
	}
	got := lastDay()
	if _, ok := got["o4"]; !ok {
		t.Errorf("a later undated item belongs in the digest window (first seen now): %v", keys(got))
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
