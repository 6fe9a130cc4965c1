package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/bot/console"
	"github.com/newsdigest/newsdigest/bot/delivery"
	"github.com/newsdigest/newsdigest/config"
	"github.com/newsdigest/newsdigest/store"
)

// syncChannels writes the configured channels to the store and gives each
// its schedule. A schedule whose cron and time zone did not change is left
// alone, so a restart neither skips nor repeats a run.
func (a *app) syncChannels(ctx context.Context, sched *delivery.Scheduler) error {
	feeds, err := a.st.Feeds(ctx, "")
	if err != nil {
		return fmt.Errorf("sync channels: %w", err)
	}
	for _, ch := range a.cfg.Channels {
		c := store.Channel{Platform: ch.Platform, Scope: ch.Scope, ChannelID: ch.ID, Tags: ch.Tags, Live: ch.Live,
			LivePerHour: ch.LiveMaxPerHour, Include: ch.Include, Exclude: ch.Exclude, NothingNew: ch.NothingNew,
			FeedIDs: followedFeeds(ch, feeds), Style: channelStyle(ch)}
		if _, err := a.st.UpsertChannel(ctx, c); err != nil {
			return fmt.Errorf("sync channel %s %s: %w", ch.Platform, ch.ID, err)
		}
		ref := bot.Channel{Platform: ch.Platform, Scope: ch.Scope, ID: ch.ID}
		cron, tz, _, err := sched.ChannelSchedule(ctx, ref)
		switch {
		case errors.Is(err, bot.ErrScheduleStopped):
			// A restart must not undo what a platform said: the channel
			// is gone or the bot was removed. /newsdigest schedule in the
			// channel restarts it once the cause is fixed.
			a.log.Warn("channel schedule stays stopped", slog.String("platform", ch.Platform),
				slog.String("channel", ch.ID), slog.String("reason", err.Error()))
			err = nil
		case ch.Schedule == "" && cron != "":
			err = sched.DisableChannelSchedule(ctx, ref)
		case ch.Schedule != "" && (err != nil || cron != ch.Schedule || tz != ch.Timezone):
			_, err = sched.SetChannelSchedule(ctx, ref, ch.Schedule, ch.Timezone)
		}
		if err != nil {
			return fmt.Errorf("sync schedule of %s %s: %w", ch.Platform, ch.ID, err)
		}
	}
	return nil
}

// channelStyle is how a configured channel's digests look. The file is
// the channel's configuration: a restart puts back what it says, even over
// a style set in chat.
func channelStyle(ch config.Channel) store.DigestStyle {
	return store.DigestStyle{MaxStories: ch.MaxStories, Detail: ch.Detail, NoImage: !ch.Image}
}

// followedFeeds returns the ids of the config feeds a channel follows by tag;
// nil means all of them.
func followedFeeds(ch config.Channel, feeds []store.Feed) []int64 {
	if len(ch.Tags) == 0 {
		return nil
	}
	var ids []int64
	for _, f := range feeds {
		if ch.Follows(config.Feed{URL: f.URL, Tags: f.Tags}) {
			ids = append(ids, f.ID)
		}
	}
	return ids
}

// newScheduler builds the scheduler over the chat posters, plus the console
// for channels on platform "console" (standard output). obs counts
// deliveries for /metrics.
func (a *app) newScheduler(posters map[string]bot.Poster, obs delivery.Observer) (*delivery.Scheduler, error) {
	all := map[string]bot.Poster{config.PlatformConsole: console.New(os.Stdout, console.Text)}
	for p, poster := range posters {
		all[p] = poster
	}
	stores := delivery.Stores{
		Schedules: a.st, Settings: a.st, Channels: a.st, Digests: a.st,
		Outbox: a.st, Claims: a.st, Live: a.st, Notices: a.st,
	}
	return delivery.NewScheduler(stores, all, delivery.SchedulerOptions{Log: a.log, Observer: obs, BlindspotSettle: a.cfg.BlindspotSettle})
}
