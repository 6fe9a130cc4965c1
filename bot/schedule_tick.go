package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/pipeline"
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
		due, err := s.st.ClaimDueSchedules(ctx, owner, now, s.opts.Lease, s.opts.Batch)
		if err != nil {
			return errors.Join(append(errs, err)...)
		}
		failed := false
		for _, sc := range due {
			if err := s.run(ctx, owner, sc, now); err != nil {
				failed = true
				errs = append(errs, fmt.Errorf("schedule of channel %d: %w", sc.ChannelID, err))
				if rerr := s.st.ReleaseSchedule(context.WithoutCancel(ctx), owner, sc.ChannelID); rerr != nil {
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
	cr, err := ParseCron(sc.Cron, sc.Timezone)
	if err != nil {
		// Nothing will fix a stored schedule that does not parse: stop it and say why.
		s.opts.Log.LogAttrs(ctx, slog.LevelWarn, "stopping a schedule that cannot run",
			slog.Int64("channel", sc.ChannelID), slog.String("error", err.Error()))
		return s.st.DisableSchedule(ctx, sc.ChannelID, err.Error())
	}
	ch, err := s.st.ChannelByID(ctx, sc.ChannelID)
	if err != nil {
		return err
	}
	until := sc.NextRunAt
	d, stories, err := s.buildDigest(ctx, ch, sc.LastPeriodEnd, until, now)
	if err != nil {
		return err
	}
	if len(d.Stories) > 0 || ch.NothingNew {
		// Show the period in the schedule's own time zone.
		d.Since, d.Until = d.Since.In(cr.Location()), d.Until.In(cr.Location())
		m := DigestMessage("News digest", d)
		payload, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("encode digest: %w", err)
		}
		_, created, err := s.st.CreateDelivery(ctx, store.Delivery{
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
		return s.st.DisableSchedule(ctx, sc.ChannelID, err.Error())
	}
	if err := s.st.AdvanceSchedule(ctx, owner, sc.ChannelID, next, until); err != nil {
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
// It returns the digest and the stories to record as sent.
func (s *Scheduler) buildDigest(ctx context.Context, ch store.Channel, lastEnd, until, now time.Time) (digest.Digest, []store.SentStory, error) {
	since := lastEnd
	if since.IsZero() || !since.Before(until) {
		since = until.Add(-firstPeriod)
	}
	d := digest.Digest{GeneratedAt: now, Since: since, Until: until}
	ids, err := s.channelFeedIDs(ctx, ch)
	if err != nil || len(ids) == 0 {
		return d, nil, err
	}
	arts, err := s.st.Articles(ctx, store.ArticleQuery{Since: since.Add(-s.opts.Overlap), Until: until, FeedIDs: ids})
	if err != nil {
		return d, nil, fmt.Errorf("load articles: %w", err)
	}
	if arts, err = s.wholeStories(ctx, arts, ids); err != nil {
		return d, nil, err
	}
	sent, err := s.st.SentStories(ctx, ch.ID)
	if err != nil {
		return d, nil, err
	}
	d.Stories = rankNovel(digest.Build(pipeline.Items(arts), digest.BuildOptions{Now: until, BlindspotSettle: s.opts.BlindspotSettle}), sent, since)
	if len(d.Stories) > s.opts.MaxStories {
		d.Stories = d.Stories[:s.opts.MaxStories]
	}
	return d, sentRecords(d.Stories), nil
}

// rankNovel keeps the stories that are news to a channel: never sent, or
// sent with fewer outlets or articles than they have now (marked Update).
// A story without an ID cannot be tracked, so it counts only when it is
// from the period proper. It ranks by distinct outlets, then new before
// updates, then the most recent.
func rankNovel(stories []digest.Story, sent map[int64]store.SentStory, since time.Time) []digest.Story {
	out := stories[:0:0]
	for _, st := range stories {
		if st.ID == 0 {
			if st.Latest.Before(since) {
				continue
			}
		} else if prev, ok := sent[st.ID]; ok {
			if len(st.Outlets) <= prev.Outlets && len(st.Articles) <= prev.Articles {
				continue
			}
			st.Update = true
		}
		out = append(out, st)
	}
	slices.SortStableFunc(out, func(a, b digest.Story) int {
		if c := cmp.Compare(len(b.Outlets), len(a.Outlets)); c != 0 {
			return c
		}
		if a.Update != b.Update {
			if a.Update {
				return 1
			}
			return -1
		}
		return b.Latest.Compare(a.Latest)
	})
	return out
}

// sentRecords are the stories of a delivery as the store remembers them.
func sentRecords(stories []digest.Story) []store.SentStory {
	var out []store.SentStory
	for _, st := range stories {
		if st.ID != 0 {
			out = append(out, store.SentStory{StoryID: st.ID, Outlets: len(st.Outlets), Articles: len(st.Articles)})
		}
	}
	return out
}

// channelFeedIDs returns the feeds a channel reads: those it follows by id
// or tag or, when it names none (a channel set up in chat), its scope's
// feeds and the operator's, like the digest command.
func (s *Scheduler) channelFeedIDs(ctx context.Context, ch store.Channel) ([]int64, error) {
	var feeds []store.Feed
	if len(ch.Tags) > 0 || len(ch.FeedIDs) > 0 {
		var err error
		if feeds, err = s.st.ChannelFeeds(ctx, ch); err != nil {
			return nil, err
		}
	} else {
		scopes := []string{""}
		if ch.Scope != "" {
			scopes = append(scopes, ch.Scope)
		}
		for _, sc := range scopes {
			fs, err := s.st.Feeds(ctx, sc)
			if err != nil {
				return nil, fmt.Errorf("list feeds: %w", err)
			}
			feeds = append(feeds, fs...)
		}
	}
	ids := make([]int64, 0, len(feeds))
	for _, f := range feeds {
		ids = append(ids, f.ID)
	}
	return ids, nil
}

// wholeStories adds to arts the other articles of their stories from the
// channel's feeds, so a story that grew is judged and shown with all its
// coverage, not only the period's articles.
func (s *Scheduler) wholeStories(ctx context.Context, arts []store.Article, feedIDs []int64) ([]store.Article, error) {
	seen := make(map[int64]bool, len(arts))
	inStory := map[int64]bool{}
	var stories []int64
	for _, a := range arts {
		seen[a.ID] = true
		if a.StoryID != 0 && !inStory[a.StoryID] {
			inStory[a.StoryID] = true
			stories = append(stories, a.StoryID)
		}
	}
	if len(stories) == 0 {
		return arts, nil
	}
	more, err := s.st.Articles(ctx, store.ArticleQuery{StoryIDs: stories, FeedIDs: feedIDs})
	if err != nil {
		return nil, fmt.Errorf("load stories: %w", err)
	}
	for _, a := range more {
		if !seen[a.ID] {
			seen[a.ID] = true
			arts = append(arts, a)
		}
	}
	return arts, nil
}
