package delivery

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/compose"
	"github.com/newsdigest/newsdigest/store"
)

// noticeHistory is how many of a channel's recent deliveries are read to
// find the last health notice about each feed.
const noticeHistory = 500

// healthKeyPrefix starts the period key of a feed-health notice:
// feed-health:<feed id>:<n>, where odd n announce a problem and even n
// its recovery.
const healthKeyPrefix = "feed-health:"

// CheckFeedHealth tells every channel about each feed it follows that
// turned unhealthy since the channel was last told, and again when it
// recovers: one notice per change, through the outbox. Instances may run
// it concurrently; the notices are keyed so each is queued once.
func (s *Scheduler) CheckFeedHealth(ctx context.Context, now time.Time) error {
	ns := s.st.Notices
	feeds, err := ns.AllFeeds(ctx)
	if err != nil {
		return err
	}
	chans, err := ns.AllChannels(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, ch := range chans {
		if ch.StopReason != "" {
			continue // the platform said posting there cannot work
		}
		if err := s.noticeChannel(ctx, ns, ch, feeds, now); err != nil {
			errs = append(errs, fmt.Errorf("channel %d: %w", ch.ID, err))
		}
	}
	return errors.Join(errs...)
}

// noticeChannel queues the notices one channel is owed.
func (s *Scheduler) noticeChannel(ctx context.Context, ns NoticeStore, ch store.Channel, feeds []store.Feed, now time.Time) error {
	last, err := lastHealthNotices(ctx, ns, ch.ID)
	if err != nil {
		return err
	}
	known := make(map[int64]bool, len(feeds))
	for _, f := range feeds {
		known[f.ID] = true
		n := last[f.ID]
		open := n%2 == 1
		switch {
		case f.Unhealthy && !f.Retired && !open && compose.Follows(ch, f):
			err = s.queueNotice(ctx, ch, f, n+1, problemNotice(f), now)
		case open && (!f.Unhealthy || f.Retired):
			err = s.queueNotice(ctx, ch, f, n+1, recoveryNotice(f), now)
		default:
			continue
		}
		if err != nil {
			return err
		}
	}
	// A troubled feed deleted since: close its notice too.
	for id, n := range last {
		if n%2 == 1 && !known[id] {
			if err := s.queueNotice(ctx, ch, store.Feed{ID: id}, n+1, recoveryNotice(store.Feed{ID: id, Retired: true}), now); err != nil {
				return err
			}
		}
	}
	return nil
}

// lastHealthNotices returns, per feed, the number of the last health notice
// queued for a channel (0: none).
func lastHealthNotices(ctx context.Context, ns NoticeStore, channelID int64) (map[int64]int, error) {
	ds, err := ns.Deliveries(ctx, channelID, noticeHistory)
	if err != nil {
		return nil, err
	}
	last := map[int64]int{}
	for _, d := range ds {
		if d.Kind != store.KindNotice || !strings.HasPrefix(d.PeriodKey, healthKeyPrefix) {
			continue
		}
		feed, seq, ok := strings.Cut(strings.TrimPrefix(d.PeriodKey, healthKeyPrefix), ":")
		if !ok {
			continue
		}
		id, err1 := strconv.ParseInt(feed, 10, 64)
		n, err2 := strconv.Atoi(seq)
		if err1 != nil || err2 != nil {
			continue
		}
		last[id] = max(last[id], n)
	}
	return last, nil
}

// queueNotice puts notice number n about feed f in ch's outbox.
func (s *Scheduler) queueNotice(ctx context.Context, ch store.Channel, f store.Feed, n int, m bot.Message, now time.Time) error {
	payload, err := json.Marshal(m)
	if err != nil {
		return err
	}
	_, _, err = s.st.Outbox.CreateDelivery(ctx, store.Delivery{
		ChannelID:     ch.ID,
		PeriodKey:     healthKeyPrefix + strconv.FormatInt(f.ID, 10) + ":" + strconv.Itoa(n),
		Kind:          store.KindNotice,
		Payload:       payload,
		NextAttemptAt: now,
	})
	return err
}

// feedName is how a notice names a feed.
func feedName(f store.Feed) string {
	if f.Name != "" && f.Name != f.URL {
		return f.Name + " (" + f.URL + ")"
	}
	return f.URL
}

// problemNotice says which feed stopped working, why, and what to do.
func problemNotice(f store.Feed) bot.Message {
	why := f.LastError
	if why == "" {
		why = "no reason was recorded"
	}
	var fix string
	if f.Scope == "" {
		fix = "This feed comes from the bot's configuration file: the operator can correct its address there or remove it."
	} else {
		fix = fmt.Sprintf("If the site moved its feed, add the new address with \"feeds add <url>\"; to stop following this one, use \"feeds remove %d\".", f.ID)
	}
	text := fmt.Sprintf("The feed %s has failed %d times in a row. The last error: %s.\n"+
		"Its new articles are missing from this channel's digests until it works again; the bot keeps trying and will say when it does.\n%s",
		feedName(f), f.ErrorCount, strings.TrimSuffix(why, "."), fix)
	return bot.Message{Title: "A feed stopped working", Text: text}
}

// recoveryNotice says a feed works again, or was removed (retired from the
// configuration or deleted).
func recoveryNotice(f store.Feed) bot.Message {
	if f.Retired {
		name := feedName(f)
		if f.URL == "" {
			name = "number " + strconv.FormatInt(f.ID, 10)
		}
		return bot.Message{Title: "A feed was removed", Text: fmt.Sprintf("The feed %s that was failing has been removed; there is nothing more to do.", name)}
	}
	return bot.Message{Title: "A feed works again", Text: fmt.Sprintf("The feed %s works again; its articles are back in this channel's digests.", feedName(f))}
}
