package store

import (
	"context"
	"sync"
	"testing"

	"github.com/newsdigest/newsdigest/internal/testdb"
)

// TestOpenConcurrently starts several instances on one new database at
// once, as a fleet does after a deploy: all of them must come up.
func TestOpenConcurrently(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, dsn string) {
		var wg sync.WaitGroup
		stores := make([]*Store, 3)
		for i := range stores {
			wg.Go(func() {
				s, err := Open(context.Background(), dsn)
				if err != nil {
					t.Errorf("instance %d: %v", i, err)
					return
				}
				stores[i] = s
			})
		}
		wg.Wait()
		for _, s := range stores {
			if s == nil {
				continue
			}
			if v, err := s.SchemaVersion(context.Background()); err != nil || v < 1 {
				t.Errorf("schema version %d, %v", v, err)
			}
			s.Close()
		}
	})
}
