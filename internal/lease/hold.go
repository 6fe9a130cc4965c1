// Package lease runs work that one instance at a time may do, such as the
// Discord gateway connection, under a named lease in the shared database:
// whichever instance holds the lease runs the work, the others wait and
// take over when the holder stops or dies.
package lease

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// Store is what Hold needs of storage; *store.Store has it.
type Store interface {
	AcquireLease(ctx context.Context, name, owner string, held int64, now time.Time, ttl time.Duration) (store.Lease, error)
	ReleaseLease(ctx context.Context, l store.Lease) error
}

// Defaults for a zero Options.
const (
	// DefaultTTL is how long a dead holder delays the others at most.
	DefaultTTL = 30 * time.Second
	// DefaultRetry is how often a waiting instance tries to take the lease.
	DefaultRetry = 5 * time.Second
)

// releaseTimeout bounds the release of the lease on the way out.
const releaseTimeout = 5 * time.Second

// Options tune Hold; zero values take the defaults.
type Options struct {
	TTL   time.Duration // how long the lease lasts unrenewed; renewed every third of it
	Retry time.Duration // time between attempts to take it, and after the work fails
	Log   *slog.Logger
	Now   func() time.Time
}

func (o Options) withDefaults() Options {
	if o.TTL <= 0 {
		o.TTL = DefaultTTL
	}
	if o.Retry <= 0 {
		o.Retry = DefaultRetry
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Hold runs work whenever owner holds lease name, until ctx ends. It tries
// to take the lease every Retry; while it holds it, it renews it every
// third of TTL and cancels work's context as soon as the lease is lost (or
// could not be renewed before it ran out). When work returns, Hold
// releases the lease, so that another instance may take over at once, and
// tries again after Retry. It returns nil when ctx ends.
func Hold(ctx context.Context, st Store, name, owner string, opts Options, work func(ctx context.Context) error) error {
	opts = opts.withDefaults()
	log := opts.Log.With(slog.String("lease", name), slog.String("owner", owner))
	for {
		l, err := st.AcquireLease(ctx, name, owner, 0, opts.Now(), opts.TTL)
		switch {
		case err == nil:
			log.InfoContext(ctx, "lease taken; starting its work", slog.Int64("token", l.Token))
			if err := runHeld(ctx, st, l, opts, log, work); err != nil && ctx.Err() == nil {
				log.ErrorContext(ctx, "work under lease stopped", slog.String("error", err.Error()))
			}
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), releaseTimeout)
			if err := st.ReleaseLease(rctx, l); err != nil {
				log.WarnContext(rctx, "releasing lease", slog.String("error", err.Error()))
			}
			cancel()
		case errors.Is(err, store.ErrLeaseHeld):
			log.DebugContext(ctx, "lease held elsewhere", slog.String("error", err.Error()))
		case ctx.Err() == nil:
			log.WarnContext(ctx, "taking lease", slog.String("error", err.Error()))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(opts.Retry):
		}
	}
}

// runHeld runs work under l, renewing l until work returns or l is lost.
func runHeld(ctx context.Context, st Store, l store.Lease, opts Options, log *slog.Logger, work func(ctx context.Context) error) error {
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- work(wctx) }()
	t := time.NewTicker(opts.TTL / 3)
	defer t.Stop()
	for {
		select {
		case err := <-done:
			return err
		case <-t.C:
		}
		renewed, err := st.AcquireLease(ctx, l.Name, l.Owner, l.Token, opts.Now(), opts.TTL)
		switch {
		case err == nil && renewed.Token == l.Token:
			l = renewed
			continue
		case err == nil:
			// Ours again, but it lapsed in between: someone else may
			// have done the work meanwhile. Start over cleanly.
			err = errors.New("lease lapsed between renewals")
		case !errors.Is(err, store.ErrLeaseHeld) && opts.Now().Before(l.Until):
			log.WarnContext(ctx, "renewing lease; retrying", slog.String("error", err.Error()))
			continue
		}
		if ctx.Err() == nil {
			log.WarnContext(ctx, "lease lost; stopping its work", slog.String("error", err.Error()))
		}
		stop()
		return <-done
	}
}
