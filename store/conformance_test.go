package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdigest/newsdigest/digest"
)

// This file is the store conformance suite: every test runs on SQLite and,
// when NEWSDIGEST_TEST_POSTGRES_URL is set, on PostgreSQL.

func TestMigrateIdempotent(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		for i := range 3 {
			if err := s.Migrate(ctx); err != nil {
				t.Fatalf("migrate #%d: %v", i+2, err)
			}
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v < 1 {
			t.Errorf("schema version = %d, want >= 1", v)
		}
		if err := s.Ping(ctx); err != nil {
			t.Errorf("ping: %v", err)
		}
	})
}

func TestFeedRoundTrip(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		in := Feed{
			Scope: "discord:1", URL: "https://example.org/rss", Name: "Example", Lean: "center", Genre: "opinion",
			Tags: []string{"world", "eu"}, ETag: `"v1"`, LastModified: "Mon, 02 Mar 2026 10:00:00 GMT",
			NextCheckAt: at(time.Hour), CreatedAt: at(0),
		}
		got, err := s.AddFeed(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID == 0 {
			t.Fatal("AddFeed returned no ID")
		}
		want := in
		want.ID = got.ID
		want.SourceURL = in.URL
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("AddFeed (-want +got):\n%s", diff)
		}
		byID, err := s.FeedByID(ctx, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, byID); diff != "" {
			t.Errorf("FeedByID (-want +got):\n%s", diff)
		}
		list, err := s.Feeds(ctx, "discord:1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]Feed{want}, list); diff != "" {
			t.Errorf("Feeds (-want +got):\n%s", diff)
		}
		if other, err := s.Feeds(ctx, "discord:2"); err != nil || len(other) != 0 {
			t.Errorf("Feeds(other scope) = %v, %v; want none", other, err)
		}
		if _, err := s.AddFeed(ctx, Feed{Scope: "discord:1", URL: in.URL}); !errors.Is(err, ErrDuplicate) {
			t.Errorf("second AddFeed err = %v, want ErrDuplicate", err)
		}
		if _, err := s.AddFeed(ctx, Feed{Scope: "discord:2", URL: in.URL}); err != nil {
			t.Errorf("same URL in another scope: %v", err)
		}
		if _, err := s.FeedByID(ctx, got.ID+1000); !errors.Is(err, ErrNotFound) {
			t.Errorf("FeedByID(missing) err = %v, want ErrNotFound", err)
		}
		if err := s.DeleteFeed(ctx, "discord:2", got.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("DeleteFeed(wrong scope) err = %v, want ErrNotFound", err)
		}
		if err := s.DeleteFeed(ctx, "discord:1", got.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FeedByID(ctx, got.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("FeedByID after delete err = %v, want ErrNotFound", err)
		}
	})
}

func TestDeleteFeedTakesArticles(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := mustAddFeed(t, s, "slack:T1", "https://a.example/feed")
		a := &Article{FeedID: f.ID, Article: digest.Article{GUID: "1", URL: "https://a.example/1", Title: "One"}}
		if _, err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := s.SetStory(ctx, a.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteFeed(ctx, "slack:T1", f.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ArticleByURL(ctx, "slack:T1", "https://a.example/1"); !errors.Is(err, ErrNotFound) {
			t.Errorf("article of deleted feed: err = %v, want ErrNotFound", err)
		}
		if _, err := s.Story(ctx, a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("story of deleted feed: err = %v, want ErrNotFound", err)
		}
	})
}

func TestSyncConfigFeeds(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		first, err := s.SyncConfigFeeds(ctx, []Feed{
			{URL: "file:///samples/a.xml", Name: "A", Tags: []string{"x"}},
			{URL: "https://b.example/rss", Name: "B"},
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(first) != 2 || first[0].ID == 0 || first[1].ID == 0 || !first[0].FromConfig {
			t.Fatalf("first sync = %+v", first)
		}
		if err := s.SaveFetch(ctx, FetchResult{FeedID: first[0].ID, ETag: "e1", CheckedAt: at(0), NextCheckAt: at(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		b := &Article{FeedID: first[1].ID, Article: digest.Article{URL: "https://b.example/1", Title: "B1"}}
		if _, err := s.SaveArticle(ctx, b); err != nil {
			t.Fatal(err)
		}
		second, err := s.SyncConfigFeeds(ctx, []Feed{
			{URL: "file:///samples/a.xml", Name: "A renamed", Tags: []string{"y"}},
			{URL: "https://c.example/rss", Name: "C"},
		})
		if err != nil {
			t.Fatal(err)
		}
		if second[0].ID != first[0].ID {
			t.Errorf("kept feed changed ID %d -> %d", first[0].ID, second[0].ID)
		}
		if second[0].ETag != "e1" || !second[0].NextCheckAt.Equal(at(time.Hour)) || !second[0].Fetched {
			t.Errorf("polling state lost: %+v", second[0])
		}
		if second[0].Name != "A renamed" || !slices.Equal(second[0].Tags, []string{"y"}) {
			t.Errorf("config fields not updated: %+v", second[0])
		}
		listed, err := s.Feeds(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		var urls []string
		for _, f := range listed {
			urls = append(urls, f.URL)
		}
		if want := []string{"file:///samples/a.xml", "https://c.example/rss"}; !slices.Equal(urls, want) {
			t.Errorf("Feeds(\"\") = %v, want %v", urls, want)
		}
		retired, err := s.FeedByID(ctx, first[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		if !retired.Retired {
			t.Errorf("unlisted feed not retired: %+v", retired)
		}
		if _, err := s.ArticleByURL(ctx, "", "https://b.example/1"); err != nil {
			t.Errorf("retired feed lost its article: %v", err)
		}
		claimed, err := s.ClaimDueFeeds(ctx, "w", at(24*time.Hour), time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range claimed {
			if f.ID == first[1].ID {
				t.Errorf("retired feed was claimed for polling")
			}
		}
		third, err := s.SyncConfigFeeds(ctx, []Feed{{URL: "https://b.example/rss", Name: "B"}})
		if err != nil {
			t.Fatal(err)
		}
		if third[0].ID != first[1].ID || third[0].Retired {
			t.Errorf("relisted feed = %+v, want id %d active", third[0], first[1].ID)
		}
		if _, err := s.SyncConfigFeeds(ctx, []Feed{{Name: "no url"}}); err == nil {
			t.Error("feed without URL accepted")
		}
	})
}

func TestClaimDueFeedsAndSaveFetch(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		due := mustAddFeed(t, s, "", "https://due.example/rss")
		later, err := s.AddFeed(ctx, Feed{URL: "https://later.example/rss", NextCheckAt: at(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.ClaimDueFeeds(ctx, "one", at(0), time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != due.ID {
			t.Fatalf("claim = %+v, want only feed %d", got, due.ID)
		}
		if got, _ := s.ClaimDueFeeds(ctx, "two", at(30*time.Second), time.Minute, 10); len(got) != 0 {
			t.Errorf("leased feed claimed again: %+v", got)
		}
		got, err = s.ClaimDueFeeds(ctx, "two", at(61*time.Second), time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != due.ID {
			t.Errorf("expired lease not reclaimable: %+v", got)
		}
		err = s.SaveFetch(ctx, FetchResult{
			FeedID: due.ID, NewURL: "https://due.example/feed.xml", ETag: `"e"`, LastModified: "lm",
			CheckedAt: at(time.Minute), NextCheckAt: at(31 * time.Minute),
		})
		if err != nil {
			t.Fatal(err)
		}
		f, err := s.FeedByID(ctx, due.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := Feed{
			ID: due.ID, URL: "https://due.example/feed.xml", SourceURL: "https://due.example/rss", Name: due.Name,
			ETag: `"e"`, LastModified: "lm", LastCheckAt: at(time.Minute), NextCheckAt: at(31 * time.Minute),
			Fetched: true, CreatedAt: due.CreatedAt,
		}
		if diff := cmp.Diff(want, f); diff != "" {
			t.Errorf("after SaveFetch (-want +got):\n%s", diff)
		}
		// The lease is released: due again at its next check, for anyone.
		got, err = s.ClaimDueFeeds(ctx, "three", at(2*time.Hour), time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		if ids := feedIDs(got); !slices.Equal(ids, []int64{due.ID, later.ID}) {
			t.Errorf("claim after release = %v, want [%d %d] most overdue first", ids, due.ID, later.ID)
		}
		err = s.SaveFetch(ctx, FetchResult{FeedID: later.ID, Err: "HTTP 500", ErrorCount: 3, Unhealthy: true,
			CheckedAt: at(2 * time.Hour), NextCheckAt: at(3 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		f, _ = s.FeedByID(ctx, later.ID)
		if f.LastError != "HTTP 500" || f.ErrorCount != 3 || !f.Unhealthy || f.Fetched || f.URL != "https://later.example/rss" {
			t.Errorf("failed fetch state = %+v", f)
		}
		if err := s.SaveFetch(ctx, FetchResult{FeedID: 9999}); !errors.Is(err, ErrNotFound) {
			t.Errorf("SaveFetch(missing) err = %v, want ErrNotFound", err)
		}
		if _, err := s.ClaimDueFeeds(ctx, "", at(0), time.Minute, 1); err == nil {
			t.Error("claim without owner accepted")
		}
	})
}

func TestClaimDueFeedsConcurrent(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		const feeds = 60
		for i := range feeds {
			mustAddFeed(t, s, "", fmt.Sprintf("https://f%d.example/rss", i))
		}
		var (
			mu     sync.Mutex
			counts = map[int64]int{}
			wg     sync.WaitGroup
		)
		for w := range 4 {
			wg.Go(func() {
				owner := fmt.Sprintf("w%d", w)
				for {
					got, err := s.ClaimDueFeeds(ctx, owner, at(0), time.Hour, 3)
					if err != nil {
						t.Error(err)
						return
					}
					if len(got) == 0 {
						return
					}
					mu.Lock()
					for _, f := range got {
						counts[f.ID]++
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if len(counts) != feeds {
			t.Errorf("%d feeds claimed, want %d", len(counts), feeds)
		}
		for id, n := range counts {
			if n != 1 {
				t.Errorf("feed %d claimed %d times", id, n)
			}
		}
	})
}

func feedIDs(feeds []Feed) []int64 {
	var ids []int64
	for _, f := range feeds {
		ids = append(ids, f.ID)
	}
	return ids
}

func TestAddFeedRevivesRetired(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		manual, err := s.AddFeed(ctx, Feed{URL: "https://manual.example/rss"})
		if err != nil {
			t.Fatal(err)
		}
		synced, err := s.SyncConfigFeeds(ctx, []Feed{{URL: "https://old.example/rss"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SyncConfigFeeds(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if f, _ := s.FeedByID(ctx, manual.ID); f.Retired {
			t.Error("config sync retired a feed added by hand")
		}
		revived, err := s.AddFeed(ctx, Feed{URL: "https://old.example/rss", Name: "back"})
		if err != nil {
			t.Fatal(err)
		}
		if revived.ID != synced[0].ID || revived.Retired || revived.FromConfig || revived.Name != "back" {
			t.Errorf("revived = %+v, want feed %d active", revived, synced[0].ID)
		}
		if _, err := s.AddFeed(ctx, Feed{URL: "https://old.example/rss"}); !errors.Is(err, ErrDuplicate) {
			t.Errorf("AddFeed of an active feed err = %v, want ErrDuplicate", err)
		}
	})
}
