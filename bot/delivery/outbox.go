package delivery

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/store"
)

// retryAfter returns the wait a rate-limited platform asked for, if the
// error carries one (a RetryAfter() time.Duration method).
func retryAfter(err error) (time.Duration, bool) {
	var r interface{ RetryAfter() time.Duration }
	if errors.As(err, &r) && r.RetryAfter() > 0 {
		return r.RetryAfter(), true
	}
	return 0, false
}

// Deliver posts every delivery due at now: it claims them, posts each
// through its platform's Poster with the delivery's id as the idempotency
// key, and records the platform's message ids. A transient failure is
// retried later with exponential backoff (or when the platform said), a
// permanent one fails the delivery and stops the channel's schedule with
// the reason. When ctx ends mid-send and the post failed, Deliver records
// nothing: the claim then lapses (or ReleaseAll returns it) and the next
// attempt reuses the same idempotency key; a post that succeeded is still
// recorded.
func (s *Scheduler) Deliver(ctx context.Context, owner string, now time.Time) error {
	var errs []error
	for {
		ds, err := s.st.Outbox.ClaimDeliveries(ctx, owner, now, s.opts.Lease, s.opts.Batch)
		if err != nil {
			return errors.Join(append(errs, err)...)
		}
		errs = append(errs, s.deliverBatch(ctx, ds, now)...)
		if ctx.Err() != nil {
			return errors.Join(append(errs, ctx.Err())...)
		}
		if len(ds) < s.opts.Batch {
			return errors.Join(errs...)
		}
	}
}

// deliverBatch posts claimed deliveries with up to Workers in parallel;
// one channel's deliveries go out one after another, in order.
func (s *Scheduler) deliverBatch(ctx context.Context, ds []store.Delivery, now time.Time) []error {
	var (
		order   []int64
		byChan  = map[int64][]store.Delivery{}
		mu      sync.Mutex
		errs    []error
		wg      sync.WaitGroup
		workers = make(chan struct{}, s.opts.Workers)
	)
	for _, d := range ds {
		if _, ok := byChan[d.ChannelID]; !ok {
			order = append(order, d.ChannelID)
		}
		byChan[d.ChannelID] = append(byChan[d.ChannelID], d)
	}
	for _, id := range order {
		workers <- struct{}{}
		wg.Go(func() {
			defer func() { <-workers }()
			for _, d := range byChan[id] {
				if ctx.Err() != nil {
					return
				}
				if err := s.deliver(ctx, d, now); err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("delivery %d: %w", d.ID, err))
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return errs
}

// deliver posts one claimed delivery and records the outcome.
func (s *Scheduler) deliver(ctx context.Context, d store.Delivery, now time.Time) error {
	ch, err := s.st.Channels.ChannelByID(ctx, d.ChannelID)
	if err != nil {
		return s.failed(ctx, d, now, fmt.Errorf("find channel: %w", err))
	}
	var m bot.Message
	if err := json.Unmarshal(d.Payload, &m); err != nil {
		return s.failed(ctx, d, now, fmt.Errorf("%w: undecodable message: %v", bot.ErrPermanent, err))
	}
	p := s.posters[ch.Platform]
	if p == nil {
		return s.failed(ctx, d, now, fmt.Errorf("no poster for platform %q on this instance", ch.Platform))
	}
	ids, err := p.Post(ctx, bot.Channel{Platform: ch.Platform, Scope: ch.Scope, ID: ch.ChannelID}, strconv.FormatInt(d.ID, 10), m)
	if err != nil && ctx.Err() != nil {
		// Shutting down mid-send: whether the post went out is unknown, so
		// record nothing; the retry carries the same idempotency key.
		return nil
	}
	if err != nil {
		return s.failed(ctx, d, now, err)
	}
	// The post went out: record it even if we are shutting down, so that
	// a platform without idempotency keys does not see it twice.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), releaseTimeout)
	defer cancel()
	if err := s.st.Outbox.MarkDelivered(rctx, d.ID, ids); err != nil {
		return err
	}
	if s.opts.Observer != nil {
		s.opts.Observer.Delivered(d.Kind)
	}
	return nil
}

// failed records a failed attempt: a permanent error fails the delivery
// and stops the channel's schedule with the reason; a transient one
// retries after a backoff, and after MaxAttempts fails the delivery but
// leaves the schedule running (a long platform outage must not silence
// a channel for good).
func (s *Scheduler) failed(ctx context.Context, d store.Delivery, now time.Time, cause error) error {
	permanent := bot.IsPermanent(cause)
	out := store.RetryLater
	switch {
	case permanent:
		out = store.StopChannel
	case d.Attempts >= s.opts.MaxAttempts:
		out = store.GiveUp
	}
	wait, limited := retryAfter(cause)
	if !limited {
		wait = s.backoff(d.Attempts)
	}
	if s.opts.Observer != nil {
		s.opts.Observer.DeliveryFailed(d.Kind, permanent)
	}
	level := slog.LevelWarn
	if out != store.RetryLater {
		level = slog.LevelError
	}
	s.opts.Log.LogAttrs(ctx, level, "delivery failed", slog.Int64("delivery", d.ID), slog.Int64("channel", d.ChannelID),
		slog.Int("attempt", d.Attempts), slog.Bool("permanent", permanent), slog.Bool("gave_up", out == store.GiveUp),
		slog.String("error", cause.Error()))
	if err := s.st.Outbox.MarkDeliveryFailed(ctx, d.ID, cause.Error(), now.Add(wait), out); err != nil {
		return errors.Join(cause, err)
	}
	return cause
}

// backoff is the wait before retry number attempts: BaseBackoff doubling
// per attempt, at most MaxBackoff.
func (s *Scheduler) backoff(attempts int) time.Duration {
	wait := s.opts.BaseBackoff
	for i := 1; i < attempts && wait < s.opts.MaxBackoff; i++ {
		wait *= 2
	}
	return min(wait, s.opts.MaxBackoff)
}
