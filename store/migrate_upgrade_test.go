package store

import (
	"context"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/internal/testdb"
)

// TestUpgradeToInstances migrates a database holding clustered articles
// from schema 2 to the current one: the articles keep their stories, are
// replayed by time (story_seq 0), and the new tables work.
func TestUpgradeToInstances(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		old := openAt(t, dsn, 2)
		// Rows as schema 2 wrote them.
		var feedID int64
		if err := old.db.QueryRowContext(ctx, `INSERT INTO feeds (source_url, url, name) VALUES ('https://o.example', 'https://o.example', 'o') RETURNING id`).Scan(&feedID); err != nil {
			t.Fatal(err)
		}
		for i, published := range []time.Time{at(2 * time.Hour), at(time.Hour)} {
			var id int64
			err := old.db.QueryRowContext(ctx, `INSERT INTO articles (feed_id, ident, url, title, published_at, first_seen_at, window_at)
				VALUES ($1, $2, $2, 'old', $3, $3, $3) RETURNING id`, feedID, "https://o.example/"+string(rune('a'+i)), dbTime(published)).Scan(&id)
			if err != nil {
				t.Fatal(err)
			}
			if err := old.SetStory(ctx, id, id); err != nil {
				t.Fatal(err)
			}
		}
		old.Close()

		s := openUpgraded(t, dsn, 3)
		got, err := s.ClusteredSince(ctx, at(0))
		if err != nil || len(got) != 2 || !got[0].Published.Equal(at(time.Hour)) {
			t.Fatalf("clustered after the upgrade = %v, %v; want both, oldest first", feedArticleIDs(got), err)
		}
		if _, err := s.AcquireLease(ctx, LeasePipeline, "a", 0, at(0), time.Minute); err != nil {
			t.Error(err)
		}
		if ok, err := s.FirstSeen(ctx, "discord:1", at(time.Minute), at(0)); !ok || err != nil {
			t.Errorf("FirstSeen after the upgrade = %v, %v", ok, err)
		}
	})
}
