package store

import (
	"context"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/internal/testdb"
)

// unreadDateVersion is the migration that adds articles.unread_date.
const unreadDateVersion = 7

// TestUnreadDateMigration upgrades a database holding an article from the
// schema before migration 7, then checks that the old article reads with
// no unread date and that a new one keeps its own, on SQLite and
// PostgreSQL.
func TestUnreadDateMigration(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		old := openAt(t, dsn, unreadDateVersion-1)
		var feedID, articleID int64
		if err := old.db.QueryRowContext(ctx, `INSERT INTO feeds (source_url, url) VALUES ('https://old.example/rss', 'https://old.example/rss') RETURNING id`).Scan(&feedID); err != nil {
			t.Fatal(err)
		}
		if err := old.db.QueryRowContext(ctx, `INSERT INTO articles (feed_id, ident, url, canonical_url, title, first_seen_at, window_at)
			VALUES ($1, 'u:https://old.example/1', 'https://old.example/1', 'https://old.example/1', 'Before', 1, 1) RETURNING id`, feedID).Scan(&articleID); err != nil {
			t.Fatal(err)
		}
		old.Close()

		s := openUpgraded(t, dsn, unreadDateVersion)
		a, err := s.ArticleByID(ctx, articleID)
		if err != nil || a.Title != "Before" || a.UnreadDate != "" {
			t.Fatalf("old article after the upgrade: %+v, %v", a, err)
		}
		now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		undated := &Article{FeedID: feedID, UnreadDate: "le 3 brumaire", Backlog: true, FirstSeenAt: now,
			Article: digest.Article{URL: "https://old.example/2", Title: "Undated", Published: now, Text: "x"}}
		if _, err := s.SaveArticle(ctx, undated); err != nil {
			t.Fatal(err)
		}
		got, err := s.ArticleByID(ctx, undated.ID)
		if err != nil || got.UnreadDate != "le 3 brumaire" {
			t.Fatalf("new article: %+v, %v", got, err)
		}
		// From a feed's first fetch, an unreadable date keeps the
		// article out of time windows.
		recent, err := s.Articles(ctx, ArticleQuery{Since: now.Add(-24 * time.Hour)})
		if err != nil || len(recent) != 0 {
			t.Errorf("last 24 hours: %d articles (%v), want none", len(recent), err)
		}
	})
}

// An edit that brings a readable date clears the unread date and places
// the article by its date; an edit that still has none keeps its times.
func TestUnreadDateEdit(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f, err := s.AddFeed(ctx, Feed{URL: "https://odd.example/rss"})
		if err != nil {
			t.Fatal(err)
		}
		seen := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		a := &Article{FeedID: f.ID, UnreadDate: "le 3 brumaire", FirstSeenAt: seen,
			Article: digest.Article{GUID: "o1", URL: "https://odd.example/1", Title: "Odd", Published: seen, Text: "first"}}
		if _, err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		later := seen.Add(3 * time.Hour)
		still := *a
		still.Text, still.ContentHash, still.Published = "second", "", later
		if out, err := s.SaveArticle(ctx, &still); err != nil || out != Edited {
			t.Fatalf("edit: %v, %v", out, err)
		}
		got, err := s.ArticleByID(ctx, a.ID)
		if err != nil || !got.Published.Equal(seen) || got.UnreadDate != "le 3 brumaire" {
			t.Fatalf("after an edit still undated: published %v, unread %q, %v", got.Published, got.UnreadDate, err)
		}
		dated := *a
		dated.Text, dated.ContentHash, dated.UnreadDate = "third", "", ""
		dated.Published = seen.Add(-48 * time.Hour)
		if _, err := s.SaveArticle(ctx, &dated); err != nil {
			t.Fatal(err)
		}
		got, err = s.ArticleByID(ctx, a.ID)
		if err != nil || !got.Published.Equal(dated.Published) || got.UnreadDate != "" {
			t.Fatalf("after an edit with a date: published %v, unread %q, %v", got.Published, got.UnreadDate, err)
		}
	})
}
