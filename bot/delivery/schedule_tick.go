package delivery

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/compose"
	"github.com/newsdigest/newsdigest/cron"
	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

// firstPeriod is what a channel's first digest covers.
const firstPeriod = 24 * time.Hour

// Tick turns every schedule due at now into one outbox delivery for its
// run and moves the schedule on to its next run. A run's delivery is keyed
// by its scheduled time, so an instance that crashes between creating it
// and advancing the schedule leaves nothing for the next claimer to
// duplicate. It returns the errors of the schedules it could not handle;
// those are released and retried on a later tick.
func (s *Scheduler) Tick(ctx context.Context, owner string, now time.Time) error {
	var errs []error
	for {
		due, err := s.st.Schedules.ClaimDueSchedules(ctx, owner, now, s.opts.Lease, s.opts.Batch)
		if err != nil {
			return errors.Join(append(errs, err)...)
		}
		failed := false
		for _, sc := range due {
			if err := s.run(ctx, owner, sc, now); err != nil {
				failed = true
				errs = append(errs, fmt.Errorf("schedule of channel %d: %w", sc.ChannelID, err))
				if rerr := s.st.Schedules.ReleaseSchedule(context.WithoutCancel(ctx), owner, sc.ChannelID); rerr != nil {
					errs = append(errs, rerr)
				}
			}
		}
		// A released schedule is due again at once: leave it to the next tick.
		if failed || len(due) < s.opts.Batch || ctx.Err() != nil {
			return errors.Join(errs...)
		}
	}
}

// run handles one claimed schedule.
func (s *Scheduler) run(ctx context.Context, owner string, sc store.Schedule, now time.Time) error {
	cr, err := cron.Parse(sc.Cron, sc.Timezone)
	if err != nil {
		// Nothing will fix a stored schedule that does not parse: stop it and say why.
		s.opts.Log.LogAttrs(ctx, slog.LevelWarn, "stopping a schedule that cannot run",
			slog.Int64("channel", sc.ChannelID), slog.String("error", err.Error()))
		return s.st.Schedules.DisableSchedule(ctx, sc.ChannelID, err.Error())
	}
	ch, err := s.st.Channels.ChannelByID(ctx, sc.ChannelID)
	if err != nil {
		return err
	}
	until := sc.NextRunAt
	d, err := s.buildDigest(ctx, ch, sc.LastPeriodEnd, until, now)
	if err != nil {
		return err
	}
	if len(d.Stories) > 0 || ch.NothingNew {
		// Show the period in the schedule's own time zone.
		d.Since, d.Until = d.Since.In(cr.Location()), d.Until.In(cr.Location())
		m, err := bot.StyledDigest("News digest", d, ch.Style)
		if err != nil {
			s.opts.Log.LogAttrs(ctx, slog.LevelWarn, "digest without its chart", slog.Int64("channel", ch.ID), slog.String("error", err.Error()))
		}
		// Only the stories shown count as sent: the rest may come later.
		stories := compose.SentRecords(bot.ShownStories(d, ch.Style))
		payload, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("encode digest: %w", err)
		}
		_, created, err := s.st.Outbox.CreateDelivery(ctx, store.Delivery{
			ChannelID: ch.ID,
			PeriodKey: until.UTC().Format(time.RFC3339),
			Kind:      store.KindDigest,
			Payload:   payload,
			Stories:   stories,
		})
		if err != nil {
			return err
		}
		if !created {
			s.opts.Log.LogAttrs(ctx, slog.LevelInfo, "digest already in the outbox",
				slog.Int64("channel", ch.ID), slog.Time("run", until))
		}
	}
	next, err := cr.Next(until)
	if err == nil && !next.After(now) {
		// The bot was down over several runs: one digest covers the gap,
		// and the schedule resumes from now instead of replaying each run.
		next, err = cr.Next(now)
	}
	if err != nil {
		return s.st.Schedules.DisableSchedule(ctx, sc.ChannelID, err.Error())
	}
	if err := s.st.Schedules.AdvanceSchedule(ctx, owner, sc.ChannelID, next, until); err != nil {
		if errors.Is(err, store.ErrLeaseLost) {
			// Someone else took over after our lease ran out; the delivery is
			// keyed by the run, so theirs and ours are the same one.
			s.opts.Log.LogAttrs(ctx, slog.LevelWarn, "lost the lease on a schedule", slog.Int64("channel", sc.ChannelID))
			return nil
		}
		return err
	}
	return nil
}

// buildDigest builds channel ch's digest for the period since its last
// digest ended (first time: the day before until). It looks back Overlap
// further for articles that arrived late, and drops stories the channel
// already has unless their coverage grew since, which marks them updates.
// The digest holds every story that is news to the channel; the channel's
// style decides how many are shown.
func (s *Scheduler) buildDigest(ctx context.Context, ch store.Channel, lastEnd, until, now time.Time) (digest.Digest, error) {
	since := lastEnd
	if since.IsZero() || !since.Before(until) {
		since = until.Add(-firstPeriod)
	}
	sent, err := s.st.Digests.SentStories(ctx, ch.ID)
	if err != nil {
		return digest.Digest{}, err
	}
	return compose.Build(ctx, s.st.Digests, compose.Request{
		Channel:      ch,
		Since:        since,
		Until:        until,
		Now:          now,
		Overlap:      s.opts.Overlap,
		Sent:         sent,
		WholeStories: true,

		BlindspotSettle: s.opts.BlindspotSettle,
	})
}
