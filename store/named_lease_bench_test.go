package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/internal/testdb"
)

// benchStores returns a SQLite store and, when PostgreSQL is configured, a
// PostgreSQL one, by name.
func benchStores(b *testing.B) map[string]*Store {
	stores := map[string]*Store{"sqlite": openSQLite(b)}
	if testdb.Configured() {
		stores["postgres"] = openPostgres(b)
	}
	return stores
}

// BenchmarkLeaseRenew is what the clustering instance pays once per step
// (Process) and every third of the lease during a long batch.
func BenchmarkLeaseRenew(b *testing.B) {
	for name, s := range benchStores(b) {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			l, err := s.AcquireLease(ctx, LeasePipeline, "bench", 0, time.Now(), time.Minute)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if l, err = s.AcquireLease(ctx, LeasePipeline, "bench", l.Token, time.Now(), time.Minute); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStoryWrite compares putting an article in a story without the
// lease (SetStory) and under it (AssignStory: fence and order number in
// the same transaction): the lease's cost per article.
func BenchmarkStoryWrite(b *testing.B) {
	for name, s := range benchStores(b) {
		ctx := context.Background()
		f := mustAddFeed(b, s, "", "https://bench.example/rss")
		var ids []int64
		for i := range 200 {
			a := &Article{FeedID: f.ID, Article: digest.Article{URL: fmt.Sprint("https://bench.example/", i), Title: "bench"}}
			if _, err := s.SaveArticle(ctx, a); err != nil {
				b.Fatal(err)
			}
			ids = append(ids, a.ID)
		}
		l, err := s.AcquireLease(ctx, LeasePipeline, "bench", 0, time.Now(), time.Hour)
		if err != nil {
			b.Fatal(err)
		}
		// Both measure moves between the same seven stories of ~30 articles.
		for i := range ids {
			if err := s.SetStory(ctx, ids[i], ids[i%7]); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(name+"/set", func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				if err := s.SetStory(ctx, ids[i%len(ids)], ids[i%7]); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/assign", func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				if _, err := s.AssignStory(ctx, l, ids[i%len(ids)], ids[i%7]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFirstSeen is the replay check every signed chat request pays.
func BenchmarkFirstSeen(b *testing.B) {
	for name, s := range benchStores(b) {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			run := time.Now().UnixNano() // keys new to every run on the same store
			i := 0
			for b.Loop() {
				i++
				now := time.Now()
				if ok, err := s.FirstSeen(ctx, fmt.Sprint("discord:", run, "-", i), now.Add(10*time.Minute), now); err != nil || !ok {
					b.Fatal(ok, err)
				}
			}
		})
	}
}
