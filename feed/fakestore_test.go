package feed

import (
	"context"
	"sync"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// fakeStore is an in-memory Store with the identity rules of the real one:
// an article is found by (feed, GUID) or by canonical URL, and when it has
// neither by title and date within the feed; a found article with a new
// content hash is edited in place.
type fakeStore struct {
	mu       sync.Mutex
	feeds    map[int64]*store.Feed
	articles []*store.Article
	fetches  []store.FetchResult
	saveErr  error
}

func newFakeStore(feeds ...store.Feed) *fakeStore {
	s := &fakeStore{feeds: map[int64]*store.Feed{}}
	for _, f := range feeds {
		s.feeds[f.ID] = &f
	}
	return s
}

func (s *fakeStore) ClaimDueFeeds(_ context.Context, _ string, now time.Time, lease time.Duration, limit int) ([]store.Feed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []store.Feed
	for id := int64(1); id <= int64(len(s.feeds)) && len(out) < limit; id++ {
		f, ok := s.feeds[id]
		if !ok || f.NextCheckAt.After(now) {
			continue
		}
		f.NextCheckAt = now.Add(lease)
		out = append(out, *f)
	}
	return out, nil
}

func (s *fakeStore) SaveFetch(_ context.Context, r store.FetchResult) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fetches = append(s.fetches, r)
	f, ok := s.feeds[r.FeedID]
	if !ok {
		return nil
	}
	if r.NewURL != "" {
		f.URL = r.NewURL
	}
	f.ETag, f.LastModified = r.ETag, r.LastModified
	f.LastCheckAt, f.NextCheckAt = r.CheckedAt, r.NextCheckAt
	f.ErrorCount, f.LastError, f.Unhealthy = r.ErrorCount, r.Err, r.Unhealthy
	if r.Err == "" {
		f.Fetched = true
	}
	return nil
}

func (s *fakeStore) SaveArticle(_ context.Context, a *store.Article) (store.SaveOutcome, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.saveErr != nil {
		return 0, s.saveErr
	}
	if old := s.find(a); old != nil {
		a.ID = old.ID
		if old.ContentHash == a.ContentHash {
			return store.Unchanged, nil
		}
		old.Title, old.Text, old.ContentHash, old.SimHash = a.Title, a.Text, a.ContentHash, a.SimHash
		old.Updated = true
		return store.Edited, nil
	}
	c := *a
	c.ID = int64(len(s.articles) + 1)
	a.ID = c.ID
	s.articles = append(s.articles, &c)
	return store.Inserted, nil
}

func (s *fakeStore) find(a *store.Article) *store.Article {
	for _, o := range s.articles {
		switch {
		case a.GUID != "" && o.FeedID == a.FeedID && o.GUID == a.GUID:
			return o
		case a.CanonicalURL != "" && o.CanonicalURL == a.CanonicalURL:
			return o
		case a.GUID == "" && a.CanonicalURL == "" && o.FeedID == a.FeedID && o.Title == a.Title && o.Published.Equal(a.Published):
			return o
		}
	}
	return nil
}

func (s *fakeStore) feed(id int64) store.Feed {
	s.mu.Lock()
	defer s.mu.Unlock()
	return *s.feeds[id]
}

func (s *fakeStore) all() []store.Article {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]store.Article, len(s.articles))
	for i, a := range s.articles {
		out[i] = *a
	}
	return out
}

func (s *fakeStore) lastFetch() store.FetchResult {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fetches[len(s.fetches)-1]
}

func (s *fakeStore) fetchCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.fetches)
}
