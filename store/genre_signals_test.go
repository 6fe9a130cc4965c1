package store

import (
	"context"
	"testing"
)

// TestMigrateGenreSignals upgrades a database holding a feed and an article
// from before migration 8: both keep their data and read back with no genre
// and no categories; and the migration rolls back cleanly.
func TestMigrateGenreSignals(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		provider, err := s.migrator(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := provider.DownTo(ctx, 7); err != nil {
			t.Fatalf("roll back migration 8: %v", err)
		}
		var feedID, articleID int64
		err = s.db.QueryRowContext(ctx, `INSERT INTO feeds (scope, source_url, url, name, lean)
			VALUES ('', 'https://old.example/rss', 'https://old.example/rss', 'Old Post', 'center') RETURNING id`).Scan(&feedID)
		if err != nil {
			t.Fatalf("insert old feed: %v", err)
		}
		err = s.db.QueryRowContext(ctx, `INSERT INTO articles (feed_id, ident, url, title, source, body, first_seen_at, window_at)
			VALUES ($1, 'u:https://old.example/1', 'https://old.example/1', 'Old story', 'Old Post', 'Old text.', 1, 1) RETURNING id`,
			feedID).Scan(&articleID)
		if err != nil {
			t.Fatalf("insert old article: %v", err)
		}
		if err := s.Migrate(ctx); err != nil {
			t.Fatalf("upgrade: %v", err)
		}
		f, err := s.FeedByID(ctx, feedID)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name != "Old Post" || f.Lean != "center" || f.Genre != "" {
			t.Errorf("upgraded feed = %+v", f)
		}
		a, err := s.ArticleByID(ctx, articleID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != "Old story" || a.Text != "Old text." || a.Categories != nil || a.Genre != "" || a.FeedTitle != "" {
			t.Errorf("upgraded article = %+v", a.Article)
		}
	})
}
