package delivery

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newsdigest/newsdigest/cron"
	"github.com/newsdigest/newsdigest/store"
)

// EnableChannel restarts channel id after a permanent platform error (or a
// stored schedule that no longer ran) stopped it: live posts and notices
// go out again, and its schedule runs again from its next time, which it
// returns (zero for a channel without a schedule). A schedule turned off in
// chat stays off: that was a person's choice, not a failure.
func (s *Scheduler) EnableChannel(ctx context.Context, id int64) (time.Time, error) {
	if _, err := s.st.Channels.ChannelByID(ctx, id); err != nil {
		return time.Time{}, err
	}
	if err := s.st.Channels.ClearChannelStop(ctx, id); err != nil {
		return time.Time{}, err
	}
	sc, err := s.st.Settings.ScheduleFor(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && !sc.Enabled && sc.StopReason == reasonTurnedOff) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, err
	}
	if sc.Enabled {
		return sc.NextRunAt, nil
	}
	c, err := cron.Parse(sc.Cron, sc.Timezone)
	if err != nil {
		return time.Time{}, fmt.Errorf("channel %d: its schedule cannot run (%w); set a new one in chat or in the configuration", id, err)
	}
	next, err := c.Next(s.opts.Now())
	if err != nil {
		return time.Time{}, err
	}
	stored, err := s.st.Settings.SetSchedule(ctx, store.Schedule{ChannelID: id, Cron: c.String(), Timezone: c.Location().String(), NextRunAt: next})
	if err != nil {
		return time.Time{}, err
	}
	return stored.NextRunAt.In(c.Location()), nil
}
