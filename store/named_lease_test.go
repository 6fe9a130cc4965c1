package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
)

func TestNamedLease(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		const ttl = time.Minute
		a, err := s.AcquireLease(ctx, LeasePipeline, "a", 0, at(0), ttl)
		if err != nil || a.Token == 0 || a.Owner != "a" || !a.Until.Equal(at(ttl)) {
			t.Fatalf("first acquire = %+v, %v", a, err)
		}
		if _, err := s.AcquireLease(ctx, LeasePipeline, "b", 0, at(30*time.Second), ttl); !errors.Is(err, ErrLeaseHeld) {
			t.Fatalf("b while a holds: %v, want ErrLeaseHeld", err)
		}
		if _, err := s.AcquireLease(ctx, LeaseDiscordGateway, "b", 0, at(30*time.Second), ttl); err != nil {
			t.Fatalf("another lease name is free: %v", err)
		}
		renewed, err := s.AcquireLease(ctx, LeasePipeline, "a", a.Token, at(50*time.Second), ttl)
		if err != nil || renewed.Token != a.Token || !renewed.Until.Equal(at(50*time.Second+ttl)) {
			t.Fatalf("renewal = %+v, %v; want token %d kept", renewed, err, a.Token)
		}
		// a stops renewing: once its lease has run out, b takes over
		// under a new token and a's fenced writes fail.
		if _, err := s.AcquireLease(ctx, LeasePipeline, "b", 0, at(50*time.Second+ttl-time.Microsecond), ttl); !errors.Is(err, ErrLeaseHeld) {
			t.Fatalf("b just before expiry: %v", err)
		}
		b, err := s.AcquireLease(ctx, LeasePipeline, "b", 0, at(50*time.Second+ttl), ttl)
		if err != nil || b.Token == a.Token {
			t.Fatalf("b after expiry = %+v, %v", b, err)
		}
		f := mustAddFeed(t, s, "", "https://lease.example/rss")
		art := &Article{FeedID: f.ID, Article: digest.Article{URL: "https://lease.example/1", Title: "one"}}
		if _, err := s.SaveArticle(ctx, art); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AssignStory(ctx, a, art.ID, art.ID); !errors.Is(err, ErrLeaseLost) {
			t.Fatalf("fenced write with a's stale token: %v, want ErrLeaseLost", err)
		}
		if got, _ := s.ArticleByID(ctx, art.ID); got.StoryID != 0 {
			t.Fatalf("a stale write changed the story to %d", got.StoryID)
		}
		seq, err := s.AssignStory(ctx, b, art.ID, art.ID)
		if err != nil || seq != b.Seq+1 {
			t.Fatalf("b's fenced write = %d, %v; want seq %d", seq, err, b.Seq+1)
		}
		// a restarted b (same name, no token) takes its own lease back at once.
		b2, err := s.AcquireLease(ctx, LeasePipeline, "b", 0, at(2*time.Minute), ttl)
		if err != nil || b2.Token == b.Token || b2.Seq != seq {
			t.Fatalf("b after a restart = %+v, %v; want a new token and seq %d", b2, err, seq)
		}
		if _, err := s.AssignStory(ctx, b, art.ID, art.ID); !errors.Is(err, ErrLeaseLost) {
			t.Fatalf("the earlier b's write after the restart: %v, want ErrLeaseLost", err)
		}
		// A release under a stale token changes nothing; the holder's frees it.
		if err := s.ReleaseLease(ctx, b); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AcquireLease(ctx, LeasePipeline, "c", 0, at(2*time.Minute), ttl); !errors.Is(err, ErrLeaseHeld) {
			t.Fatalf("c after a stale release: %v, want ErrLeaseHeld", err)
		}
		if err := s.ReleaseAll(ctx, "b"); err != nil {
			t.Fatal(err)
		}
		c, err := s.AcquireLease(ctx, LeasePipeline, "c", 0, at(2*time.Minute), ttl)
		if err != nil || c.Token <= b2.Token {
			t.Fatalf("c after ReleaseAll(b) = %+v, %v", c, err)
		}
		if err := s.ReleaseLease(ctx, c); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AcquireLease(ctx, LeasePipeline, "d", 0, at(2*time.Minute), ttl); err != nil {
			t.Fatalf("d after c released: %v", err)
		}
	})
}

// TestNamedLeaseOneHolder races instances for one lease: exactly one wins.
func TestNamedLeaseOneHolder(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		var wg sync.WaitGroup
		var mu sync.Mutex
		var winners []string
		for i := range 8 {
			wg.Go(func() {
				owner := fmt.Sprint("instance-", i)
				if _, err := s.AcquireLease(context.Background(), LeasePipeline, owner, 0, at(0), time.Minute); err == nil {
					mu.Lock()
					winners = append(winners, owner)
					mu.Unlock()
				} else if !errors.Is(err, ErrLeaseHeld) {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if len(winners) != 1 {
			t.Errorf("winners %v, want exactly one", winners)
		}
	})
}

func TestClusteredSinceInClusteringOrder(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := mustAddFeed(t, s, "", "https://order.example/rss")
		var ids []int64
		// Published 0h, 1h, 2h, 3h; clustered 3h, 1h, 0h (2h never).
		for i := range 4 {
			a := &Article{FeedID: f.ID, Article: digest.Article{URL: fmt.Sprint("https://order.example/", i),
				Title: fmt.Sprint("t", i), Published: at(time.Duration(i) * time.Hour)}}
			if _, err := s.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, a.ID)
		}
		l, err := s.AcquireLease(ctx, LeasePipeline, "a", 0, at(0), time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range []int{3, 1, 0} {
			if _, err := s.AssignStory(ctx, l, ids[i], ids[3]); err != nil {
				t.Fatal(err)
			}
		}
		// Clustering ids[3] again (after an edit) keeps its place.
		if _, err := s.AssignStory(ctx, l, ids[3], ids[3]); err != nil {
			t.Fatal(err)
		}
		got, err := s.ClusteredSince(ctx, at(0))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].ID != ids[3] || got[1].ID != ids[1] || got[2].ID != ids[0] {
			t.Errorf("ClusteredSince = %v, want [%d %d %d]", feedArticleIDs(got), ids[3], ids[1], ids[0])
		}
		if got, _ := s.ClusteredSince(ctx, at(90*time.Minute)); len(got) != 1 || got[0].ID != ids[3] {
			t.Errorf("ClusteredSince(1h30) = %v, want [%d]", feedArticleIDs(got), ids[3])
		}
	})
}
