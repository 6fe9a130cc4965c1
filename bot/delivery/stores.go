package delivery

import (
	"context"
	"errors"
	"time"

	"github.com/newsdigest/newsdigest/compose"
	"github.com/newsdigest/newsdigest/store"
)

// Stores are the parts of storage the scheduler uses, one small interface
// per concern; *store.Store is every one of them. NewScheduler refuses a
// missing one, so no feature is silently off because a store lacks it.
type Stores struct {
	Schedules ScheduleStore // claiming, advancing and stopping due schedules
	Settings  SettingStore  // a chat channel's schedule, set and shown
	Channels  ChannelStore  // channels by id, by chat reference, and new ones
	Digests   DigestStore   // feeds, articles and what a channel has had
	Outbox    OutboxStore   // queued deliveries and their outcomes
	Claims    ClaimStore    // this instance's claims, kept alive and released
	Live      LiveStore     // channels in live mode and their recent posts
	Notices   NoticeStore   // feeds and channels for feed-health notices
}

// ScheduleStore claims due schedules and moves them on.
type ScheduleStore interface {
	ClaimDueSchedules(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]store.Schedule, error)
	AdvanceSchedule(ctx context.Context, owner string, channelID int64, nextRunAt, periodEnd time.Time) error
	ReleaseSchedule(ctx context.Context, owner string, channelID int64) error
	DisableSchedule(ctx context.Context, channelID int64, reason string) error
}

// SettingStore reads and sets a channel's schedule.
type SettingStore interface {
	SetSchedule(ctx context.Context, sc store.Schedule) (store.Schedule, error)
	ScheduleFor(ctx context.Context, channelID int64) (store.Schedule, error)
}

// ChannelStore finds, creates and re-enables channels.
type ChannelStore interface {
	ChannelByID(ctx context.Context, id int64) (store.Channel, error)
	ChannelByRef(ctx context.Context, platform, channelID string) (store.Channel, error)
	UpsertChannel(ctx context.Context, c store.Channel) (store.Channel, error)
	ClearChannelStop(ctx context.Context, id int64) error
}

// DigestStore is what building a channel's digest reads.
type DigestStore interface {
	compose.Store
	SentStories(ctx context.Context, channelID int64) (map[int64]store.SentStory, error)
}

// OutboxStore queues deliveries and records how they went.
type OutboxStore interface {
	CreateDelivery(ctx context.Context, d store.Delivery) (store.Delivery, bool, error)
	ClaimDeliveries(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]store.Delivery, error)
	MarkDelivered(ctx context.Context, id int64, messageIDs []string) error
	MarkDeliveryFailed(ctx context.Context, id int64, reason string, retryAt time.Time, out store.FailOutcome) error
}

// ClaimStore keeps an instance's claims alive and gives them up.
type ClaimStore interface {
	Heartbeat(ctx context.Context, owner string, now time.Time, lease time.Duration) (int64, error)
	ReleaseAll(ctx context.Context, owner string) error
}

// LiveStore lists channels in live mode and counts their recent posts.
type LiveStore interface {
	LiveChannels(ctx context.Context) ([]store.Channel, error)
	CountDeliveries(ctx context.Context, channelID int64, kind string, since time.Time) (int, error)
}

// NoticeStore lists what feed-health notices compare.
type NoticeStore interface {
	AllFeeds(ctx context.Context) ([]store.Feed, error)
	AllChannels(ctx context.Context) ([]store.Channel, error)
	Deliveries(ctx context.Context, channelID int64, limit int) ([]store.Delivery, error)
}

// errMissingStore is returned by NewScheduler for a Stores with a nil field.
var errMissingStore = errors.New("delivery: a store is missing")

// check names the first missing store.
func (s Stores) check() error {
	for _, f := range []struct {
		name    string
		missing bool
	}{
		{"Schedules", s.Schedules == nil}, {"Settings", s.Settings == nil}, {"Channels", s.Channels == nil},
		{"Digests", s.Digests == nil}, {"Outbox", s.Outbox == nil}, {"Claims", s.Claims == nil},
		{"Live", s.Live == nil}, {"Notices", s.Notices == nil},
	} {
		if f.missing {
			return errors.Join(errMissingStore, errors.New("Stores."+f.name+" is nil"))
		}
	}
	return nil
}
