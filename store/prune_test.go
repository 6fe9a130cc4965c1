package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
)

func TestPruneAndStories(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := mustAddFeed(t, s, "", "https://prune.example/rss")
		save := func(url string, seen time.Time) int64 {
			a := &Article{FeedID: f.ID, FirstSeenAt: seen, Article: digest.Article{URL: url, Title: url, Published: seen, Source: url}}
			if _, err := s.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
			return a.ID
		}
		oldAlone := save("https://prune.example/old", at(-72*time.Hour))
		oldFounder := save("https://prune.example/old-founder", at(-72*time.Hour))
		fresh := save("https://prune.example/fresh", at(0))
		if err := s.SetStory(ctx, oldFounder, oldFounder); err != nil {
			t.Fatal(err)
		}
		if err := s.SetStory(ctx, fresh, oldFounder); err != nil {
			t.Fatal(err)
		}
		if err := s.SetStory(ctx, oldAlone, oldAlone); err != nil {
			t.Fatal(err)
		}
		stories, err := s.Stories(ctx, []int64{oldFounder, oldAlone, 424242})
		if err != nil {
			t.Fatal(err)
		}
		if len(stories) != 2 || stories[oldFounder].Articles != 2 || stories[oldAlone].Articles != 1 {
			t.Errorf("Stories = %+v", stories)
		}
		c := mustChannel(t, s, "prune")
		d, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "p"})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.CreateDelivery(ctx, Delivery{ChannelID: c.ID, PeriodKey: "pending"}); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkDelivered(ctx, d.ID, []string{"m"}); err != nil {
			t.Fatal(err)
		}
		p, err := s.Prune(ctx, at(-24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if p.Articles != 1 || p.Deliveries != 0 {
			t.Errorf("Prune(24h) = %+v, want 1 article (the story with fresh coverage stays), 0 deliveries", p)
		}
		if _, err := s.ArticleByID(ctx, oldAlone); !errors.Is(err, ErrNotFound) {
			t.Errorf("old lone article kept: %v", err)
		}
		if _, err := s.Story(ctx, oldAlone); !errors.Is(err, ErrNotFound) {
			t.Errorf("story of pruned article kept: %v", err)
		}
		if _, err := s.ArticleByID(ctx, oldFounder); err != nil {
			t.Errorf("old article of a live story pruned: %v", err)
		}
		// Later than both the articles' fixed times and the deliveries' real ones.
		everything := time.Now().Add(time.Hour)
		if everything.Before(at(time.Hour)) {
			everything = at(time.Hour)
		}
		p, err = s.Prune(ctx, everything)
		if err != nil {
			t.Fatal(err)
		}
		if p.Articles != 2 || p.Deliveries != 1 {
			t.Errorf("Prune(everything) = %+v, want 2 articles and the 1 sent delivery", p)
		}
		if left, _ := s.Deliveries(ctx, c.ID, 10); len(left) != 1 || left[0].Status != DeliveryPending {
			t.Errorf("deliveries left = %+v, want the pending one", left)
		}
	})
}
