package pipeline

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// DefaultLeaseTTL is how long the pipeline lease outlives its holder's last
// Process or article by default: the longest an instance that died holding
// it delays the others. serve calls Process every 10 seconds.
const DefaultLeaseTTL = 45 * time.Second

// Why one lease and an index in memory, rather than the stories in the
// database re-read before every batch: clustering is sequential (each
// article's story depends on every decision before it, and on document
// frequencies learnt along the way), so two instances deciding at once
// split events whatever they read first; a lock is needed either way.
// Given the lock, re-reading the window before every batch would cost a
// full rebuild per batch, where the lease's Seq tells the holder when a
// rebuild is due at all: only after another instance clustered.

// acquire takes or renews the pipeline lease and marks the index for a
// rebuild when the stories changed since the index last saw them.
func (p *Pipeline) acquire(ctx context.Context) error {
	l, err := p.st.AcquireLease(ctx, store.LeasePipeline, p.Owner, p.lease.Token, p.now(), p.ttl())
	if err != nil {
		p.lease = store.Lease{}
		return fmt.Errorf("pipeline: %w", err)
	}
	if l.Token != p.lease.Token {
		p.log.Info("clustering on this instance", slog.String("owner", l.Owner), slog.Int64("token", l.Token))
	}
	if l.Seq != p.seq {
		p.restored = false // someone else clustered since our index last matched
	}
	p.lease, p.renewed = l, p.now()
	return nil
}

// renew extends the lease during a long batch, every third of its TTL. A
// lease taken by another instance in between stops the batch.
func (p *Pipeline) renew(ctx context.Context) error {
	if p.now().Sub(p.renewed) < p.ttl()/3 {
		return nil
	}
	held := p.lease.Token
	if err := p.acquire(ctx); err != nil {
		p.restored = false
		return err
	}
	if p.lease.Token != held {
		p.restored = false
		return fmt.Errorf("pipeline: lease changed hands during a batch: %w", store.ErrLeaseLost)
	}
	return nil
}

// Release gives the pipeline lease up, so that another instance can take
// over at once (on shutdown, or after a one-shot run).
func (p *Pipeline) Release(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.lease.Token == 0 {
		return nil
	}
	if err := p.flushDocFreqs(ctx); err != nil {
		p.log.Warn("storing document frequencies before handing over", slog.String("error", err.Error()))
	}
	l := p.lease
	p.lease = store.Lease{}
	if err := p.st.ReleaseLease(ctx, l); err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	return nil
}

// Busy reports whether err from Process only means that another instance
// is clustering (it holds the lease, or took it over midway): nothing to
// report, the articles are in good hands.
func Busy(err error) bool {
	return errors.Is(err, store.ErrLeaseHeld) || errors.Is(err, store.ErrLeaseLost)
}

func (p *Pipeline) ttl() time.Duration {
	if p.LeaseTTL > 0 {
		return p.LeaseTTL
	}
	return DefaultLeaseTTL
}

// uniqueOwner names a Pipeline that was given no Owner: one-shot commands
// and tests, which must not take over a lease held by a running instance.
func uniqueOwner() string {
	host, _ := os.Hostname()
	var b [4]byte
	rand.Read(b[:])
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}
