package pipeline_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/internal/testdb"
	"github.com/newsdigest/newsdigest/pipeline"
	"github.com/newsdigest/newsdigest/store"
)

// unleased is the store as the pipeline used it before the lease: no lease
// row, story writes without a fence. It is the baseline the lease's cost
// is measured against.
type unleased struct{ *store.Store }

func (u unleased) AcquireLease(_ context.Context, name, owner string, held int64, now time.Time, ttl time.Duration) (store.Lease, error) {
	return store.Lease{Name: name, Owner: owner, Token: 1, Until: now.Add(ttl)}, nil
}

func (u unleased) ReleaseLease(context.Context, store.Lease) error { return nil }

func (u unleased) AssignStory(ctx context.Context, _ store.Lease, articleID, storyID int64) (int64, error) {
	return 0, u.SetStory(ctx, articleID, storyID)
}

// benchDatabases returns SQLite and, when configured, PostgreSQL addresses.
func benchDatabases(b *testing.B) map[string]string {
	dsns := map[string]string{"sqlite": testdb.SQLite(b)}
	if testdb.Configured() {
		dsns["postgres"] = testdb.Postgres(b)
	}
	return dsns
}

// BenchmarkLeaseOverheadPerBatch processes batches of 50 new articles
// (analysis, clustering, saving) with the lease and without it; the
// difference per op is what the lease costs a batch: one renewal and a
// fence per article.
func BenchmarkLeaseOverheadPerBatch(b *testing.B) {
	dialects := map[string]func(testing.TB) string{"sqlite": testdb.SQLite}
	if testdb.Configured() {
		dialects["postgres"] = testdb.Postgres
	}
	for name, newDB := range dialects {
		for _, leased := range []bool{false, true} {
			mode := map[bool]string{false: "unleased", true: "leased"}[leased]
			b.Run(name+"/"+mode, func(b *testing.B) {
				// A database of its own, so both modes start from the same state.
				st, err := store.Open(context.Background(), newDB(b))
				if err != nil {
					b.Fatal(err)
				}
				defer st.Close()
				feeds, err := st.SyncConfigFeeds(context.Background(), []store.Feed{
					{URL: "https://one.example/feed", Name: "One", FromConfig: true},
					{URL: "https://two.example/feed", Name: "Two", FromConfig: true},
					{URL: "https://three.example/feed", Name: "Three", FromConfig: true},
				})
				if err != nil {
					b.Fatal(err)
				}
				var ps pipeline.Store = unleased{st}
				if leased {
					ps = st
				}
				p := pipeline.New(ps, 0, nil)
				defer p.Release(context.Background())
				n := 0
				for b.Loop() {
					b.StopTimer()
					for range 50 {
						n++
						save(b, st, feeds, n, syntheticArticle(n, len(feeds)))
					}
					b.StartTimer()
					if _, err := p.Process(context.Background()); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkProcessIdle is a step with nothing new: what every instance pays
// every 10 s (the holder renews the lease and looks for work; the others
// are told it is held).
func BenchmarkProcessIdle(b *testing.B) {
	for name, dsn := range benchDatabases(b) {
		for _, role := range []string{"holder", "standby"} {
			b.Run(name+"/"+role, func(b *testing.B) {
				st, err := store.Open(context.Background(), dsn)
				if err != nil {
					b.Fatal(err)
				}
				defer st.Close()
				holder := pipeline.New(st, 0, nil)
				if _, err := holder.Process(context.Background()); err != nil {
					b.Fatal(err)
				}
				defer holder.Release(context.Background())
				p := holder
				if role == "standby" {
					p = pipeline.New(st, 0, nil)
				}
				for b.Loop() {
					if _, err := p.Process(context.Background()); err != nil && !pipeline.Busy(err) {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkHandoverRebuild is what an instance pays when it takes the
// lease over: rebuilding the index from a window of 1,000 clustered
// articles, in the order they were clustered.
func BenchmarkHandoverRebuild(b *testing.B) {
	for name, dsn := range benchDatabases(b) {
		b.Run(name, func(b *testing.B) {
			st, err := store.Open(context.Background(), dsn)
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			feeds, err := st.SyncConfigFeeds(context.Background(), []store.Feed{
				{URL: "https://one.example/feed", Name: "One", FromConfig: true},
				{URL: "https://two.example/feed", Name: "Two", FromConfig: true},
			})
			if err != nil {
				b.Fatal(err)
			}
			for i := range 1000 {
				save(b, st, feeds, i, syntheticArticle(i, len(feeds)))
			}
			first := pipeline.New(st, 0, nil)
			if _, err := first.Process(context.Background()); err != nil {
				b.Fatal(err)
			}
			first.Release(context.Background())
			for b.Loop() {
				p := pipeline.New(st, 0, nil) // a new holder: rebuilds before anything else
				if _, err := p.Process(context.Background()); err != nil {
					b.Fatal(err)
				}
				p.Release(context.Background())
			}
		})
	}
}

// syntheticArticle is the i-th of a stream of made-up reports drawn from
// the test articles' words.
func syntheticArticle(i, feeds int) testArticle {
	words := strings.Fields(articles[0].body + " " + articles[2].body + " " + articles[4].body)
	var body strings.Builder
	for w := range 120 {
		body.WriteString(words[(i*7+w*13)%len(words)])
		if w%15 == 14 {
			body.WriteString(". ")
		} else {
			body.WriteByte(' ')
		}
	}
	return testArticle{feed: i % feeds, title: fmt.Sprintf("Report %d on %s", i, words[i%len(words)]), body: body.String()}
}
