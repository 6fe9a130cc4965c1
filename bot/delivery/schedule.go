package delivery

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/cron"
	"github.com/newsdigest/newsdigest/store"
)

// SchedulerOptions tune a Scheduler; zero values take the defaults.
type SchedulerOptions struct {
	Lease       time.Duration // how long a claim lasts without a heartbeat; default 2m
	Batch       int           // schedules or deliveries claimed at once; default 50
	Overlap     time.Duration // how far before the last period's end a digest looks again for late articles; default 2h
	BaseBackoff time.Duration // first retry delay after a transient failure; default 30s
	MaxBackoff  time.Duration // longest retry delay; default 1h
	MaxAttempts int           // attempts before a delivery fails for good; default 12
	Workers     int           // deliveries posted in parallel (one channel's in order); default 4
	HealthEvery time.Duration // how often Run checks feed health for notices; default 5m
	Now         func() time.Time
	Log         *slog.Logger
	Observer    Observer // optional: counts deliveries for metrics
	// BlindspotSettle is how old a story must be for a blindspot; default
	// digest.DefaultBlindspotSettle.
	BlindspotSettle time.Duration
}

// Observer is told about outbox events, for metrics. Every method must be
// safe for concurrent use. (Platform 429s are counted by the adapters,
// which see every one, including those they retried successfully.)
type Observer interface {
	Delivered(kind string)
	DeliveryFailed(kind string, permanent bool)
}

func (o SchedulerOptions) withDefaults() SchedulerOptions {
	if o.Lease <= 0 {
		o.Lease = 2 * time.Minute
	}
	if o.Batch <= 0 {
		o.Batch = 50
	}
	if o.Overlap < 0 {
		o.Overlap = 0
	} else if o.Overlap == 0 {
		o.Overlap = 2 * time.Hour
	}
	if o.BaseBackoff <= 0 {
		o.BaseBackoff = 30 * time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = time.Hour
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 12
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.HealthEvery <= 0 {
		o.HealthEvery = 5 * time.Minute
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return o
}

// Scheduler turns due schedules into outbox deliveries and posts pending
// deliveries, exactly once across restarts and across any number of
// instances sharing one database. It also implements Schedules for the
// schedule command.
type Scheduler struct {
	st      Stores
	posters map[string]bot.Poster
	opts    SchedulerOptions

	lastRound  atomic.Int64 // unix nanoseconds of the last finished round
	lastHealth atomic.Int64 // unix nanoseconds of the last feed-health check
}

// NewScheduler returns a scheduler reading and writing through st and
// posting through posters, keyed by platform ("discord", "slack",
// "console"). Every store in st is required.
func NewScheduler(st Stores, posters map[string]bot.Poster, opts SchedulerOptions) (*Scheduler, error) {
	if err := st.check(); err != nil {
		return nil, err
	}
	return &Scheduler{st: st, posters: posters, opts: opts.withDefaults()}, nil
}

var _ bot.Schedules = (*Scheduler)(nil)

// storeChannel finds ch in the store, creating it (following its scope's
// feeds) when create is set; found is false when it is absent.
func (s *Scheduler) storeChannel(ctx context.Context, ch bot.Channel, create bool) (c store.Channel, found bool, err error) {
	if ch.Platform == "" || ch.ID == "" {
		return store.Channel{}, false, fmt.Errorf("no channel to schedule for")
	}
	c, err = s.st.Channels.ChannelByRef(ctx, ch.Platform, ch.ID)
	if err == nil {
		return c, true, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return store.Channel{}, false, err
	}
	if !create {
		return store.Channel{}, false, nil
	}
	c, err = s.st.Channels.UpsertChannel(ctx, store.Channel{Platform: ch.Platform, Scope: ch.Scope, ChannelID: ch.ID})
	if err != nil {
		return store.Channel{}, false, err
	}
	return c, true, nil
}

// SetChannelSchedule gives ch a digest on the cron expression expr in timezone and returns
// when the next one comes. Setting the schedule the channel already has
// keeps its next run, even one that is due now.
func (s *Scheduler) SetChannelSchedule(ctx context.Context, ch bot.Channel, expr, timezone string) (time.Time, error) {
	c, err := cron.Parse(expr, timezone)
	if err != nil {
		return time.Time{}, err
	}
	next, err := c.Next(s.opts.Now())
	if err != nil {
		return time.Time{}, err
	}
	sc, _, err := s.storeChannel(ctx, ch, true)
	if err != nil {
		return time.Time{}, fmt.Errorf("schedule: %w", err)
	}
	// Setting the schedule a channel already has changes nothing, so a
	// restart that re-applies its configuration cannot skip a due run.
	if cur, err := s.st.Settings.ScheduleFor(ctx, sc.ID); err == nil && cur.Enabled && cur.Cron == c.String() && cur.Timezone == c.Location().String() {
		return cur.NextRunAt.In(c.Location()), nil
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		return time.Time{}, fmt.Errorf("schedule: %w", err)
	}
	stored, err := s.st.Settings.SetSchedule(ctx, store.Schedule{ChannelID: sc.ID, Cron: c.String(), Timezone: c.Location().String(), NextRunAt: next})
	if err != nil {
		return time.Time{}, fmt.Errorf("schedule: %w", err)
	}
	return stored.NextRunAt.In(c.Location()), nil
}

// ChannelSchedule returns ch's schedule; expr is "" when it has none or it
// was turned off in chat. A channel a permanent platform error stopped, or
// a schedule that cannot run, comes back as bot.ErrScheduleStopped with the
// reason.
func (s *Scheduler) ChannelSchedule(ctx context.Context, ch bot.Channel) (expr, timezone string, next time.Time, err error) {
	c, found, err := s.storeChannel(ctx, ch, false)
	if err != nil || !found {
		return "", "", time.Time{}, err
	}
	if c.StopReason != "" {
		return "", "", time.Time{}, fmt.Errorf("%w: %s; set the schedule again to restart it", bot.ErrScheduleStopped, c.StopReason)
	}
	sc, err := s.st.Settings.ScheduleFor(ctx, c.ID)
	if errors.Is(err, store.ErrNotFound) {
		return "", "", time.Time{}, nil
	}
	if err != nil {
		return "", "", time.Time{}, fmt.Errorf("schedule: %w", err)
	}
	if !sc.Enabled {
		if sc.StopReason != reasonTurnedOff { // e.g. a stored cron that no longer parses
			return "", "", time.Time{}, fmt.Errorf("%w: %s; set the schedule again to restart it", bot.ErrScheduleStopped, sc.StopReason)
		}
		return "", "", time.Time{}, nil
	}
	next = sc.NextRunAt
	if loc, err := time.LoadLocation(sc.Timezone); err == nil {
		next = next.In(loc)
	}
	return sc.Cron, sc.Timezone, next, nil
}

// reasonTurnedOff is the stop reason of a schedule turned off in chat.
const reasonTurnedOff = "turned off in chat"

// DisableChannelSchedule stops ch's scheduled digests; a channel without
// a schedule is left as it is.
func (s *Scheduler) DisableChannelSchedule(ctx context.Context, ch bot.Channel) error {
	c, found, err := s.storeChannel(ctx, ch, false)
	if err != nil || !found {
		return err
	}
	err = s.st.Schedules.DisableSchedule(ctx, c.ID, reasonTurnedOff)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("schedule: %w", err)
	}
	return nil
}
