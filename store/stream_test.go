package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsdigest/newsdigest/digest"
)

func TestDocFreqs(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		docs, terms, err := s.LoadDocFreqs(ctx)
		if err != nil || docs != 0 || len(terms) != 0 {
			t.Fatalf("empty store: %v %v %v, want nothing", docs, terms, err)
		}
		// Term keys use all 32 bits.
		first := map[uint32]float64{1: 3, 4_000_000_000: 1.5, 7: 10}
		if err := s.SaveDocFreqs(ctx, 120.5, first, true); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveDocFreqs(ctx, 121.5, map[uint32]float64{7: 11, 8: 1}, false); err != nil {
			t.Fatal(err)
		}
		docs, terms, err = s.LoadDocFreqs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := map[uint32]float64{1: 3, 4_000_000_000: 1.5, 7: 11, 8: 1}
		if docs != 121.5 || !cmp.Equal(terms, want) {
			t.Errorf("after an update: %v %v, want 121.5 %v", docs, terms, want)
		}
		// A full save forgets the terms it does not list.
		big := map[uint32]float64{}
		for k := range uint32(1200) { // more than one batch
			big[k+100] = float64(k%7 + 1)
		}
		if err := s.SaveDocFreqs(ctx, 60, big, true); err != nil {
			t.Fatal(err)
		}
		docs, terms, _ = s.LoadDocFreqs(ctx)
		if docs != 60 || !cmp.Equal(terms, big) {
			t.Errorf("after a full save: %v docs, %d terms, want 60 and %d", docs, len(terms), len(big))
		}
	})
}

func TestMergeStory(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := mustAddFeed(t, s, "", "https://m.example/rss")
		save := func(url, source string, seen time.Time) int64 {
			a := &Article{FeedID: f.ID, FirstSeenAt: seen, Article: digest.Article{URL: url, Title: "About " + url, Source: source}}
			if _, err := s.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
			return a.ID
		}
		into := save("https://m.example/1", "Outlet A", at(0))
		from := save("https://m.example/2", "Outlet B", at(time.Hour))
		alsoFrom := save("https://m.example/3", "Outlet C", at(2*time.Hour))
		for _, set := range [][2]int64{{into, into}, {from, from}, {alsoFrom, from}} {
			if err := s.SetStory(ctx, set[0], set[1]); err != nil {
				t.Fatal(err)
			}
		}
		// A channel was sent the story that is merged away: the merged story
		// counts as sent there, with the coverage it had then.
		c := mustChannel(t, s, "merge")
		d, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "p1", Stories: []SentStory{{StoryID: from, Outlets: 2, Articles: 2}}})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.MarkDelivered(ctx, d.ID, []string{"m1"}); err != nil {
			t.Fatal(err)
		}

		l, err := s.AcquireLease(ctx, LeasePipeline, "merger", 0, at(0), time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		seq, err := s.MergeStory(ctx, l, into, from)
		if err != nil || seq <= l.Seq {
			t.Fatalf("MergeStory = %d, %v; want a Seq after %d", seq, err, l.Seq)
		}
		st, err := s.Story(ctx, into)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles != 3 || st.Outlets != 3 || !st.LastSeenAt.Equal(at(2*time.Hour)) {
			t.Errorf("merged story = %+v, want 3 articles from 3 outlets", st)
		}
		if _, err := s.Story(ctx, from); !errors.Is(err, ErrNotFound) {
			t.Errorf("the merged-away story still exists: %v", err)
		}
		arts, err := s.Articles(ctx, ArticleQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			if a.StoryID != into {
				t.Errorf("article %d is in story %d, want %d", a.ID, a.StoryID, into)
			}
		}
		sent, err := s.SentStories(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := sent[into]; !ok || got.Articles != 2 || got.DeliveryID != d.ID {
			t.Errorf("sent records = %+v, want story %d recorded as sent with 2 articles", sent, into)
		}
		if _, ok := sent[from]; ok {
			t.Errorf("the merged-away story is still recorded as sent")
		}

		// Merging again, or into itself, changes nothing; into must exist;
		// the lease must be held.
		l.Seq = seq
		if _, err := s.MergeStory(ctx, l, into, from); err != nil {
			t.Errorf("repeated merge: %v", err)
		}
		if _, err := s.MergeStory(ctx, l, into, into); err != nil {
			t.Errorf("merge into itself: %v", err)
		}
		if _, err := s.MergeStory(ctx, l, 99999, into); !errors.Is(err, ErrNotFound) {
			t.Errorf("merge into a missing story: %v, want ErrNotFound", err)
		}
		stale := l
		stale.Token++
		if _, err := s.MergeStory(ctx, stale, into, from); !errors.Is(err, ErrLeaseLost) {
			t.Errorf("merge under a lease not held: %v, want ErrLeaseLost", err)
		}
	})
}

// TestMigrateDocFreqsFromSchema2 upgrades a database at the schema before
// the document-frequency tables, with data in it, to the current one.
func TestMigrateDocFreqsFromSchema2(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		provider, err := s.migrator(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := provider.DownTo(ctx, 2); err != nil {
			t.Fatalf("down to schema 2: %v", err)
		}
		if _, _, err := s.LoadDocFreqs(ctx); err == nil {
			t.Fatal("the document-frequency tables exist at schema 2")
		}
		// Rows as schema 2 has them (today's code writes later columns).
		var feedID, articleID int64
		if err := s.db.QueryRowContext(ctx, `INSERT INTO feeds (source_url, url, name) VALUES ($1, $1, 'Up') RETURNING id`,
			"https://up.example/rss").Scan(&feedID); err != nil {
			t.Fatal(err)
		}
		if err := s.db.QueryRowContext(ctx, `INSERT INTO articles (feed_id, ident, url, canonical_url, title, first_seen_at, window_at)
			VALUES ($1, 'u:https://up.example/1', 'https://up.example/1', 'https://up.example/1', 'Before the upgrade', $2, $2) RETURNING id`,
			feedID, dbTime(at(0))).Scan(&articleID); err != nil {
			t.Fatal(err)
		}
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if v, err := s.SchemaVersion(ctx); err != nil || v < 5 {
			t.Fatalf("schema version %d, %v; want at least 5", v, err)
		}
		if err := s.SaveDocFreqs(ctx, 1, map[uint32]float64{9: 1}, false); err != nil {
			t.Fatal(err)
		}
		if got, err := s.ArticleByID(ctx, articleID); err != nil || got.Title != "Before the upgrade" {
			t.Errorf("article after the upgrade: %+v, %v", got, err)
		}
	})
}
