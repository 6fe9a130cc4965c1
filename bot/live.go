package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newsdigest/newsdigest/config"
	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/pipeline"
	"github.com/newsdigest/newsdigest/store"
)

// LiveStore is what live mode needs beyond SchedulerStore; *store.Store
// has it.
type LiveStore interface {
	LiveChannels(ctx context.Context) ([]store.Channel, error)
	CountDeliveries(ctx context.Context, channelID int64, kind string, since time.Time) (int, error)
}

// Live mode defaults.
const (
	defaultLivePerHour = 6
	liveWindow         = 6 * time.Hour // how recent a story's articles must be to go out live
	liveKeyPrefix      = "live:story:"
)

// storyText is what live filters match against: the story's title,
// summary and its articles' headlines.
func storyText(s digest.Story) string {
	parts := append([]string{s.Title}, s.Summary...)
	for _, a := range s.Articles {
		parts = append(parts, a.Title)
	}
	return strings.Join(parts, "\n")
}

// Live queues, for every channel in live mode, the stories that formed
// recently and that it has not had, best first, within its hourly cap
// (Channel.LivePerHour, default 6) and its include/exclude filters. Each
// story goes to a channel at most once (the delivery is keyed by story);
// articles from a feed's first fetch (backlog), and articles whose date the
// feed wrote unreadably, never go out live. With
// several instances the cap can be exceeded by the stories they queue in
// the same moment.
func (s *Scheduler) Live(ctx context.Context, now time.Time) error {
	ls, ok := s.st.(LiveStore)
	if !ok {
		return errors.New("live mode: the store cannot list live channels")
	}
	chans, err := ls.LiveChannels(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, ch := range chans {
		if err := s.liveChannel(ctx, ls, ch, now); err != nil {
			errs = append(errs, fmt.Errorf("live channel %d: %w", ch.ID, err))
		}
	}
	return errors.Join(errs...)
}

func (s *Scheduler) liveChannel(ctx context.Context, ls LiveStore, ch store.Channel, now time.Time) error {
	allowed, err := config.Channel{Include: ch.Include, Exclude: ch.Exclude}.Filter()
	if err != nil {
		return err
	}
	limit := ch.LivePerHour
	if limit <= 0 {
		limit = defaultLivePerHour
	}
	used, err := ls.CountDeliveries(ctx, ch.ID, store.KindLive, now.Add(-time.Hour))
	if err != nil || used >= limit {
		return err
	}
	ids, err := s.channelFeedIDs(ctx, ch)
	if err != nil || len(ids) == 0 {
		return err
	}
	arts, err := s.st.Articles(ctx, store.ArticleQuery{Since: now.Add(-liveWindow), Until: now.Add(time.Minute), FeedIDs: ids})
	if err != nil {
		return fmt.Errorf("load articles: %w", err)
	}
	fresh := arts[:0]
	for _, a := range arts {
		if !a.Backlog && a.UnreadDate == "" && a.StoryID != 0 { // an unreadable date may hide an old item
			fresh = append(fresh, a)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	if fresh, err = s.wholeStories(ctx, fresh, ids); err != nil {
		return err
	}
	sent, err := s.st.SentStories(ctx, ch.ID)
	if err != nil {
		return err
	}
	for _, st := range rankNovel(digest.Build(pipeline.Items(fresh), digest.BuildOptions{}), sent, now.Add(-liveWindow)) {
		if used >= limit {
			break
		}
		if st.Update || st.ID == 0 || !allowed(storyText(st)) {
			continue
		}
		m := Message{Title: "New story", Sections: []Section{StorySection(st)}}
		payload, err := json.Marshal(m)
		if err != nil {
			return err
		}
		_, created, err := s.st.CreateDelivery(ctx, store.Delivery{
			ChannelID:     ch.ID,
			PeriodKey:     liveKeyPrefix + strconv.FormatInt(st.ID, 10),
			Kind:          store.KindLive,
			Payload:       payload,
			Stories:       sentRecords([]digest.Story{st}),
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
