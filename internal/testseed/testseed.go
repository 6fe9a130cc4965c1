// Package testseed fills a fresh in-memory store with feeds and analysed,
// clustered articles, for tests of the packages that read stories.
package testseed

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/pipeline"
	"github.com/newsdigest/newsdigest/store"
	_ "github.com/newsdigest/newsdigest/store/drivers" // tests open real databases
)

// Article is one article to seed: the index of its feed, its headline and body.
type Article struct {
	Feed        int
	Title, Body string
}

// Store opens an in-memory store, adds feeds as operator feeds, saves the
// articles (one hour apart, the last an hour before now, all first seen two
// hours before now) at https://<feed>.example/a<i>, and runs the pipeline so
// they are analysed and grouped into stories. The store closes with the test.
func Store(t testing.TB, now time.Time, feeds []store.Feed, articles []Article) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i := range feeds {
		feeds[i].FromConfig = true
	}
	saved, err := st.SyncConfigFeeds(ctx, feeds)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range articles {
		f := saved[a.Feed]
		u := fmt.Sprintf("https://%d.example/a%d", a.Feed, i)
		art := &store.Article{FeedID: f.ID, Article: digest.Article{
			GUID: u, URL: u, Title: a.Title, Text: a.Body, Source: f.Name, Lean: f.Lean,
			Published: now.Add(-time.Duration(len(articles)-i) * time.Hour)},
			CanonicalURL: u, ContentHash: fmt.Sprint("h", i), FirstSeenAt: now.Add(-2 * time.Hour)}
		if _, err := st.SaveArticle(ctx, art); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := pipeline.New(st, 0, nil).Process(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}
