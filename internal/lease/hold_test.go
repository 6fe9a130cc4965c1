package lease_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/internal/lease"
	"github.com/newsdigest/newsdigest/internal/testdb"
	"github.com/newsdigest/newsdigest/store"
)

// dyingStore is an instance's store that can die with it: once dead, every
// call fails and nothing is released, as when the process is killed.
type dyingStore struct {
	*store.Store
	dead atomic.Bool
}

var errDead = errors.New("instance killed")

func (d *dyingStore) AcquireLease(ctx context.Context, name, owner string, held int64, now time.Time, ttl time.Duration) (store.Lease, error) {
	if d.dead.Load() {
		return store.Lease{}, errDead
	}
	return d.Store.AcquireLease(ctx, name, owner, held, now, ttl)
}

func (d *dyingStore) ReleaseLease(ctx context.Context, l store.Lease) error {
	if d.dead.Load() {
		return errDead
	}
	return d.Store.ReleaseLease(ctx, l)
}

// holder is one instance running the work under the lease.
type holder struct {
	st      *dyingStore
	cancel  context.CancelFunc
	done    chan struct{}
	running atomic.Bool
	started atomic.Int64 // unix nanoseconds the work last started
}

// TestHoldRunsOnOneInstance: three instances hold one lease's work; it runs
// on exactly one at a time; a graceful stop hands it over at once, a kill
// after the lease runs out.
func TestHoldRunsOnOneInstance(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		const ttl = time.Second
		opts := lease.Options{TTL: ttl, Retry: 20 * time.Millisecond}
		var active, most atomic.Int32
		holders := make([]*holder, 3)
		for i := range holders {
			st, err := store.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			h := &holder{st: &dyingStore{Store: st}, done: make(chan struct{})}
			ctx, cancel := context.WithCancel(context.Background())
			h.cancel = cancel
			owner := string(rune('a' + i))
			go func() {
				defer close(h.done)
				lease.Hold(ctx, h.st, store.LeaseDiscordGateway, owner, opts, func(ctx context.Context) error {
					n := active.Add(1)
					for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
					}
					h.running.Store(true)
					h.started.Store(time.Now().UnixNano())
					<-ctx.Done()
					h.running.Store(false)
					active.Add(-1)
					return nil
				})
			}()
			holders[i] = h
			t.Cleanup(func() { cancel(); <-h.done })
		}
		first := waitForHolder(t, holders, nil)
		time.Sleep(2 * ttl) // renewals keep it where it is
		if !first.running.Load() {
			t.Fatal("the work moved while its holder was alive")
		}

		stopped := time.Now()
		first.cancel() // graceful: releases
		<-first.done
		second := waitForHolder(t, holders, first)
		graceful := time.Since(stopped)

		killed := time.Now()
		second.st.dead.Store(true) // killed: no renewal, no release
		second.cancel()
		<-second.done
		third := waitForHolder(t, holders, second)
		handover := time.Unix(0, third.started.Load()).Sub(killed)
		t.Logf("handover after a graceful stop %v, after a kill %v (lease TTL %v)",
			graceful.Round(time.Millisecond), handover.Round(time.Millisecond), ttl)
		if graceful >= ttl {
			t.Errorf("graceful handover took %v, as long as a lease", graceful)
		}
		if handover < ttl/2 {
			t.Errorf("taken over %v after the kill, while the dead holder's lease (%v) still ran", handover, ttl)
		}
		if most.Load() != 1 {
			t.Errorf("up to %d instances ran the work at once", most.Load())
		}
	})
}

// waitForHolder returns the instance other than not that runs the work.
func waitForHolder(t *testing.T, holders []*holder, not *holder) *holder {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, h := range holders {
			if h != not && h.running.Load() {
				return h
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("no instance runs the work")
	return nil
}
