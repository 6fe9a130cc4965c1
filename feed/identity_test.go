package feed

import (
	"context"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// Bug 2: GUIDs a feed shares between different items.
func TestUnshareGUIDs(t *testing.T) {
	type item struct{ guid, link, title string }
	tests := []struct {
		name     string
		items    []item
		want     int      // articles after dedupe
		wantGUID []string // GUID kept ("" when identity fell back to the link; "*" for a content identity)
	}{
		{"one GUID for every item", []item{{"site", "https://e.example/a", "A"}, {"site", "https://e.example/b", "B"}, {"site", "https://e.example/c", "C"}},
			3, []string{"", "", ""}},
		{"unique GUIDs stay", []item{{"g1", "https://e.example/a", "A"}, {"g2", "https://e.example/b", "B"}},
			2, []string{"g1", "g2"}},
		{"a repeated item is one article", []item{{"g1", "https://e.example/a", "A"}, {"g1", "https://e.example/a?utm_source=x", "A"}},
			1, []string{"g1"}},
		{"only the shared GUID falls back", []item{{"day", "https://e.example/a", "A"}, {"day", "https://e.example/b", "B"}, {"own", "https://e.example/c", "C"}},
			3, []string{"", "", "own"}},
		{"shared GUID without links: the content", []item{{"dup", "", "Item A"}, {"dup", "", "Item B"}},
			2, []string{"*", "*"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var testItems []testItem
			for _, it := range tt.items {
				testItems = append(testItems, testItem{GUID: it.guid, Link: it.link, Title: it.title, Description: "Text of " + it.title})
			}
			arts := articlesFrom(t, rssFeed("T", testItems...), "", "https://e.example/feed")
			if len(arts) != tt.want {
				t.Fatalf("%d articles, want %d", len(arts), tt.want)
			}
			for i, a := range arts {
				want := tt.wantGUID[i]
				if want == "*" && (a.GUID == "" || a.GUID == "dup") || want != "*" && a.GUID != want {
					t.Errorf("article %d GUID %q, want %q", i, a.GUID, want)
				}
			}
		})
	}
}

// A feed that writes one GUID for every item posts each new item as new,
// poll after poll, in the real store: nothing is folded into an "edit".
func TestSharedGUIDFeedPostsNewItems(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	item := func(n string) testItem {
		return testItem{GUID: "https://e.example/", Link: "https://e.example/story-" + n, Title: "Story " + n, Description: "Text " + n}
	}
	srv := newFeedServer(t, rssFeed("Shared", item("1"), item("2")))
	if _, err := st.AddFeed(ctx, store.Feed{URL: srv.URL + "/feed.xml", Name: "Shared"}); err != nil {
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
	if rep := poll(); rep.Backlog != 2 || rep.Edited != 0 {
		t.Fatalf("first fetch: %+v", rep)
	}
	srv.set(rssFeed("Shared", item("3"), item("1"), item("2")))
	if rep := poll(); rep.NewArticles != 1 || rep.Edited != 0 {
		t.Errorf("second poll: %+v, want one new article and no edit", rep)
	}
	srv.set(rssFeed("Shared", item("4"), item("3")))
	if rep := poll(); rep.NewArticles != 1 || rep.Edited != 0 {
		t.Errorf("third poll: %+v, want one new article and no edit", rep)
	}
	arts, err := st.Articles(ctx, store.ArticleQuery{})
	if err != nil || len(arts) != 4 {
		t.Fatalf("stored %d articles (%v), want 4", len(arts), err)
	}
}
