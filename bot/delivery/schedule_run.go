package delivery

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"
)

// releaseTimeout bounds the release of leases on shutdown.
const releaseTimeout = 10 * time.Second

// Run ticks every interval until ctx ends: due schedules into the outbox,
// the outbox out to the platforms, and a heartbeat that keeps this
// instance's claims. On the way out it releases every claim it holds so
// other instances can take the work at once. Errors of one round are
// logged, not fatal; Run returns nil when ctx ends normally.
func (s *Scheduler) Run(ctx context.Context, owner string, every time.Duration) error {
	if owner == "" || every <= 0 {
		return errors.New("scheduler: need an owner and a positive interval")
	}
	defer func() {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), releaseTimeout)
		defer cancel()
		if err := s.st.Claims.ReleaseAll(rctx, owner); err != nil {
			s.opts.Log.LogAttrs(rctx, slog.LevelError, "releasing claims", slog.String("error", err.Error()))
		}
	}()
	hbCtx, stopHeartbeat := context.WithCancel(ctx)
	var hb sync.WaitGroup
	hb.Go(func() { s.heartbeat(hbCtx, owner) })
	defer func() { stopHeartbeat(); hb.Wait() }() // before the release above
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		s.Round(ctx, owner)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// heartbeat extends this instance's claims every third of a lease while a
// long round (a large outbox, a slow platform) is under way.
func (s *Scheduler) heartbeat(ctx context.Context, owner string) {
	t := time.NewTicker(s.opts.Lease / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := s.st.Claims.Heartbeat(ctx, owner, s.opts.Now(), s.opts.Lease); err != nil && ctx.Err() == nil {
				s.opts.Log.LogAttrs(ctx, slog.LevelWarn, "heartbeat", slog.String("owner", owner), slog.String("error", err.Error()))
			}
		}
	}
}

// Round runs one Deliver of what is left in the outbox, Tick,
// feed-health check (every HealthEvery), live-mode pass, Heartbeat and
// Deliver at the current time, logging failures. It returns when they are
// done. The outbox goes first because a digest leaves out what its channel
// was sent: a delivery interrupted between posting and recording (and
// reclaimed at start) is recorded before the next digest is built.
func (s *Scheduler) Round(ctx context.Context, owner string) {
	log := func(what string, err error) {
		if err != nil && ctx.Err() == nil {
			s.opts.Log.LogAttrs(ctx, slog.LevelWarn, what, slog.String("owner", owner), slog.String("error", err.Error()))
		}
	}
	now := s.opts.Now()
	log("delivering", s.Deliver(ctx, owner, now))
	log("scheduling digests", s.Tick(ctx, owner, now))
	if now.Sub(time.Unix(0, s.lastHealth.Load())) >= s.opts.HealthEvery {
		s.lastHealth.Store(now.UnixNano())
		log("feed-health notices", s.CheckFeedHealth(ctx, now))
	}
	log("live stories", s.Live(ctx, now))
	_, err := s.st.Claims.Heartbeat(ctx, owner, s.opts.Now(), s.opts.Lease)
	log("heartbeat", err)
	log("delivering", s.Deliver(ctx, owner, s.opts.Now()))
	s.lastRound.Store(s.opts.Now().UnixNano())
}

// LastRound returns when this scheduler last finished a round, for health
// checks; zero before the first.
func (s *Scheduler) LastRound() time.Time {
	n := s.lastRound.Load()
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}
