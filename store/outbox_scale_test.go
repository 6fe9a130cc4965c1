package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// seedDueDeliveries creates n channels (once per prefix) each with a pending
// delivery for period, in one transaction, and returns the channel IDs.
func seedDueDeliveries(tb testing.TB, s *Store, prefix string, n int, period string) []int64 {
	tb.Helper()
	ctx := context.Background()
	ids := make([]int64, 0, n)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i := range n {
			var id int64
			err := tx.QueryRowContext(ctx, `
				INSERT INTO channels (platform, scope, channel_ref) VALUES ('discord', 'discord:bench', $1)
				ON CONFLICT (platform, channel_ref) DO UPDATE SET scope = excluded.scope
				RETURNING id`, fmt.Sprintf("%s-%d", prefix, i)).Scan(&id)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO deliveries (channel_id, period_key, payload) VALUES ($1, $2, '{}')`, id, period); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("seed deliveries: %v", err)
	}
	return ids
}

// runSenders has instances claim and deliver until nothing is due at now;
// post is called once per delivery an instance sends.
func runSenders(tb testing.TB, s *Store, instances int, now time.Time, lease time.Duration, batch int,
	post func(d Delivery)) {
	tb.Helper()
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := range instances {
		wg.Go(func() {
			owner := fmt.Sprintf("instance-%d", i)
			for {
				claimed, err := s.ClaimDeliveries(ctx, owner, now, lease, batch)
				if err != nil {
					tb.Error(err)
					return
				}
				if len(claimed) == 0 {
					return
				}
				for _, d := range claimed {
					post(d)
					if err := s.MarkDelivered(ctx, d.ID, []string{fmt.Sprint("msg-", d.ID)}); err != nil {
						tb.Error(err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestOutboxExactlyOnceWithCrash: three instances share 1,000 (SQLite: 300)
// due deliveries; one is killed holding a batch, two keep sending. The others send everything
// else, and after its lease expires, its batch too: every channel gets
// exactly one post.
func TestOutboxExactlyOnceWithCrash(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		n := 300
		if s.Dialect() == Postgres {
			n = 1000
		}
		channels := seedDueDeliveries(t, s, "crash", n, "2026-03-01T08:00Z")
		var (
			mu    sync.Mutex
			posts = map[int64]int{}
			total atomic.Int64
		)
		post := func(d Delivery) {
			mu.Lock()
			posts[d.ChannelID]++
			mu.Unlock()
			total.Add(1)
		}
		lease := time.Minute
		// Instance 0 claims a batch and dies before sending any of it.
		lost, err := s.ClaimDeliveries(context.Background(), "instance-0", at(0), lease, 25)
		if err != nil || len(lost) != 25 {
			t.Fatalf("crashing instance claimed %d, %v", len(lost), err)
		}
		runSenders(t, s, 2, at(0), lease, 25, post)
		// Before the lease ends the crashed batch stays untouched…
		if got := total.Load(); got != int64(n-25) {
			t.Fatalf("%d posts before recovery, want %d", got, n-25)
		}
		runSenders(t, s, 2, at(lease-time.Second), lease, 25, post)
		if got := total.Load(); got != int64(n-25) {
			t.Fatalf("%d posts before the lease expired, want %d", got, n-25)
		}
		// …and after it, the survivors finish it.
		runSenders(t, s, 2, at(lease), lease, 25, post)
		for _, id := range channels {
			if posts[id] != 1 {
				t.Errorf("channel %d got %d posts, want 1", id, posts[id])
			}
		}
		if len(posts) != n {
			t.Errorf("%d channels posted to, want %d", len(posts), n)
		}
	})
}

func BenchmarkSaveArticle(b *testing.B) {
	forBenchStores(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		f := mustAddFeed(b, s, "", "https://bench.example/rss")
		text := "A paragraph of article text that is long enough to look like a real one. "
		b.Run("insert", func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				a := benchArticle(f.ID, fmt.Sprintf("insert-%d", i), text)
				if out, err := s.SaveArticle(ctx, a); err != nil || out != Inserted {
					b.Fatalf("%v, %v", out, err)
				}
			}
		})
		b.Run("unchanged", func(b *testing.B) {
			a := benchArticle(f.ID, "seen", text)
			if _, err := s.SaveArticle(ctx, a); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				again := benchArticle(f.ID, "seen", text)
				if out, err := s.SaveArticle(ctx, again); err != nil || out != Unchanged {
					b.Fatalf("%v, %v", out, err)
				}
			}
		})
	})
}

func benchArticle(feedID int64, guid, text string) *Article {
	a := &Article{FeedID: feedID, ContentHash: "h"}
	a.GUID = guid
	a.URL = "https://bench.example/" + guid
	a.Title = "Benchmark " + guid
	a.Text = text
	a.Published = at(0)
	return a
}

// BenchmarkClaimDeliveries claims and delivers 1,000 due deliveries with
// 1 and 3 instances; one op is the whole batch of 1,000.
func BenchmarkClaimDeliveries(b *testing.B) {
	forBenchStores(b, func(b *testing.B, s *Store) {
		for _, instances := range []int{1, 3} {
			b.Run(fmt.Sprintf("instances=%d", instances), func(b *testing.B) {
				round := 0
				for b.Loop() {
					b.StopTimer()
					round++
					seedDueDeliveries(b, s, fmt.Sprint("bench-", instances), 1000, fmt.Sprint("round-", round))
					var sent atomic.Int64
					b.StartTimer()
					runSenders(b, s, instances, at(0), time.Minute, 50,
						func(Delivery) { sent.Add(1) })
					if sent.Load() != 1000 {
						b.Fatalf("sent %d, want 1000", sent.Load())
					}
				}
			})
		}
	})
}

// forBenchStores runs a benchmark on SQLite and, when configured, PostgreSQL.
func forBenchStores(b *testing.B, fn func(b *testing.B, s *Store)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, openSQLite(b)) })
	b.Run("postgres", func(b *testing.B) { fn(b, openPostgres(b)) })
}
