package delivery

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/compose"
	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

// Live mode defaults.
const (
	defaultLivePerHour = 6
	liveWindow         = 6 * time.Hour // how recent a story's articles must be to go out live
	liveKeyPrefix      = "live:story:"
)

// Live queues, for every channel in live mode, the stories that formed
// recently and that it has not had, best first, within its hourly cap
// (Channel.LivePerHour, default 6) and its include/exclude filters. Each
// story goes to a channel at most once (the delivery is keyed by story);
// articles from a feed's first fetch (backlog), and articles whose date the
// feed wrote unreadably, never go out live. With
// several instances the cap can be exceeded by the stories they queue in
// the same moment.
func (s *Scheduler) Live(ctx context.Context, now time.Time) error {
	chans, err := s.st.Live.LiveChannels(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, ch := range chans {
		if err := s.liveChannel(ctx, ch, now); err != nil {
			errs = append(errs, fmt.Errorf("live channel %d: %w", ch.ID, err))
		}
	}
	return errors.Join(errs...)
}

func (s *Scheduler) liveChannel(ctx context.Context, ch store.Channel, now time.Time) error {
	allowed, err := storyFilter(ch.Include, ch.Exclude)
	if err != nil {
		return err
	}
	limit := ch.LivePerHour
	if limit <= 0 {
		limit = defaultLivePerHour
	}
	used, err := s.st.Live.CountDeliveries(ctx, ch.ID, store.KindLive, now.Add(-time.Hour))
	if err != nil || used >= limit {
		return err
	}
	sent, err := s.st.Digests.SentStories(ctx, ch.ID)
	if err != nil {
		return err
	}
	d, err := compose.Build(ctx, s.st.Digests, compose.Request{
		Channel:      ch,
		Since:        now.Add(-liveWindow),
		Until:        now.Add(time.Minute),
		Now:          now,
		Sent:         sent,
		WholeStories: true,
		FreshOnly:    true,

		BlindspotSettle: s.opts.BlindspotSettle,
	})
	if err != nil {
		return err
	}
	for _, st := range d.Stories {
		if used >= limit {
			break
		}
		if st.Update || st.ID == 0 || !allowed(storyText(st)) {
			continue
		}
		m := bot.Message{Title: "New story", Sections: []bot.Section{bot.StorySection(st)}}
		payload, err := json.Marshal(m)
		if err != nil {
			return err
		}
		_, created, err := s.st.Outbox.CreateDelivery(ctx, store.Delivery{
			ChannelID:     ch.ID,
			PeriodKey:     liveKeyPrefix + strconv.FormatInt(st.ID, 10),
			Kind:          store.KindLive,
			Payload:       payload,
			Stories:       compose.SentRecords([]digest.Story{st}),
			NextAttemptAt: now,
		})
		if err != nil {
			return err
		}
		if created {
			used++
		}
	}
	return nil
}
