package store

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/internal/testdb"
)

func TestFirstSeen(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		tests := []struct {
			key  string
			now  time.Time
			want bool
		}{
			{"discord:1", at(0), true},
			{"discord:1", at(time.Minute), false},        // a replay within the window
			{"discord:2", at(time.Minute), true},         // another id
			{"discord:1", at(10*time.Minute - 1), false}, // just before it expires
			{"discord:1", at(10 * time.Minute), true},    // expired: new again
			{"discord:1", at(11 * time.Minute), false},
		}
		for _, tt := range tests {
			got, err := s.FirstSeen(ctx, tt.key, tt.now.Add(10*time.Minute), tt.now)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("FirstSeen(%s) at %v = %v, want %v", tt.key, tt.now.Sub(at(0)), got, tt.want)
			}
		}
		if _, err := s.FirstSeen(ctx, "", at(0), at(0)); err == nil {
			t.Error("an empty key was accepted")
		}
	})
}

// TestFirstSeenPrunes: expired keys are deleted by later calls.
func TestFirstSeenPrunes(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		for i := range 5 {
			if _, err := s.FirstSeen(ctx, fmt.Sprint("slack-sig:", i), at(time.Minute), at(0)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.FirstSeen(ctx, "slack-sig:late", at(time.Hour), at(2*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if n, err := s.CountSeen(ctx); err != nil || n != 1 {
			t.Errorf("%d keys kept after they expired (%v), want 1", n, err)
		}
	})
}

// TestFirstSeenAcrossInstances: the same key offered to several stores on
// one database at once is new to exactly one of them.
func TestFirstSeenAcrossInstances(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, dsn string) {
		stores := make([]*Store, 3)
		for i := range stores {
			s, err := Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			stores[i] = s
		}
		for k := range 20 {
			key := fmt.Sprint("discord:", k)
			var wg sync.WaitGroup
			var mu sync.Mutex
			firsts := 0
			for _, s := range stores {
				wg.Go(func() {
					ok, err := s.FirstSeen(context.Background(), key, time.Now().Add(time.Minute), time.Now())
					if err != nil {
						t.Error(err)
					}
					if ok {
						mu.Lock()
						firsts++
						mu.Unlock()
					}
				})
			}
			wg.Wait()
			if firsts != 1 {
				t.Fatalf("%s was new to %d instances, want 1", key, firsts)
			}
		}
	})
}
