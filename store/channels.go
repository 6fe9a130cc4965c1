package store

import (
	"context"
	"fmt"
	"time"
)

// Channel is a chat channel the bot posts to, with what it follows and how.
type Channel struct {
	ID          int64
	Platform    string   // "discord", "slack", "console"
	Scope       string   // "discord:<guild>", "slack:<team>"; "" for channels from the config file
	ChannelID   string   // the platform's id of the channel
	Tags        []string // follows the feeds with any of these tags…
	FeedIDs     []int64  // …and these feeds
	Live        bool     // post stories as they form, besides any schedule
	LivePerHour int      // cap on live posts per hour; 0 leaves it to the bot
	Include     []string // RE2 patterns; live stories must match one when set
	Exclude     []string // RE2 patterns; live stories matching one are skipped
	NothingNew  bool     // post a notice when a scheduled period has nothing new
	// StopReason is why posting to the channel stopped after a permanent
	// platform error; "" while it may be posted to. Setting the channel's
	// schedule again clears it.
	StopReason string
	Style      DigestStyle // how its digests look
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// DigestStyle is how a channel's digests look. The zero value leaves each
// choice to the bot: its default number of stories, brief, with the chart.
type DigestStyle struct {
	MaxStories int    // stories per digest; 0 for the default
	Detail     string // "brief" or "full"; "" for brief
	NoImage    bool   // leave out the coverage chart
}

const channelColumns = `id, platform, scope, channel_ref, tags, feed_ids, live, live_per_hour, include, exclude,
	nothing_new, stop_reason, max_stories, detail, hide_image, created_at, updated_at`

// scanChannel reads one row selected with channelColumns.
func scanChannel(row rowScanner) (Channel, error) {
	var (
		c                             Channel
		tags, feeds, include, exclude string
		createdAtRaw, updatedAtRaw    int64
	)
	err := row.Scan(&c.ID, &c.Platform, &c.Scope, &c.ChannelID, &tags, &feeds, &c.Live, &c.LivePerHour,
		&include, &exclude, &c.NothingNew, &c.StopReason, &c.Style.MaxStories, &c.Style.Detail, &c.Style.NoImage,
		&createdAtRaw, &updatedAtRaw)
	if err != nil {
		return Channel{}, err
	}
	if c.Tags, err = fromJSONText[string](tags); err != nil {
		return Channel{}, fmt.Errorf("channel %d tags: %w", c.ID, err)
	}
	if c.FeedIDs, err = fromJSONText[int64](feeds); err != nil {
		return Channel{}, fmt.Errorf("channel %d feeds: %w", c.ID, err)
	}
	if c.Include, err = fromJSONText[string](include); err != nil {
		return Channel{}, fmt.Errorf("channel %d include: %w", c.ID, err)
	}
	if c.Exclude, err = fromJSONText[string](exclude); err != nil {
		return Channel{}, fmt.Errorf("channel %d exclude: %w", c.ID, err)
	}
	c.CreatedAt = goTime(createdAtRaw)
	c.UpdatedAt = goTime(updatedAtRaw)
	return c, nil
}

// UpsertChannel stores a channel's settings, identified by platform and
// platform channel id, and returns it with its ID. The creation time of an
// existing channel is kept.
func (s *Store) UpsertChannel(ctx context.Context, c Channel) (Channel, error) {
	if c.Platform == "" || c.ChannelID == "" {
		return Channel{}, fmt.Errorf("store: upsert channel: need a platform and a channel id")
	}
	var lists [4]string
	var err error
	if lists[0], err = jsonText(c.Tags); err == nil {
		if lists[1], err = jsonText(c.FeedIDs); err == nil {
			if lists[2], err = jsonText(c.Include); err == nil {
				lists[3], err = jsonText(c.Exclude)
			}
		}
	}
	if err != nil {
		return Channel{}, fmt.Errorf("store: upsert channel %s/%s: %w", c.Platform, c.ChannelID, err)
	}
	now := dbTime(time.Now())
	stored, err := scanChannel(s.db.QueryRowContext(ctx, `
		INSERT INTO channels (platform, scope, channel_ref, tags, feed_ids, live, live_per_hour, include, exclude,
			nothing_new, max_stories, detail, hide_image, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
		ON CONFLICT (platform, channel_ref) DO UPDATE SET
			scope = excluded.scope, tags = excluded.tags, feed_ids = excluded.feed_ids, live = excluded.live,
			live_per_hour = excluded.live_per_hour, include = excluded.include, exclude = excluded.exclude,
			nothing_new = excluded.nothing_new, max_stories = excluded.max_stories, detail = excluded.detail,
			hide_image = excluded.hide_image, updated_at = excluded.updated_at
		RETURNING `+channelColumns,
		c.Platform, c.Scope, c.ChannelID, lists[0], lists[1], c.Live, c.LivePerHour, lists[2], lists[3],
		c.NothingNew, c.Style.MaxStories, c.Style.Detail, c.Style.NoImage, now))
	if err != nil {
		return Channel{}, fmt.Errorf("store: upsert channel %s/%s: %w", c.Platform, c.ChannelID, err)
	}
	return stored, nil
}

// SetChannelStyle changes how a channel's digests look.
func (s *Store) SetChannelStyle(ctx context.Context, id int64, style DigestStyle) error {
	if err := touchedOne(s.db.ExecContext(ctx,
		`UPDATE channels SET max_stories = $1, detail = $2, hide_image = $3, updated_at = $4 WHERE id = $5`,
		style.MaxStories, style.Detail, style.NoImage, dbTime(time.Now()), id)); err != nil {
		return fmt.Errorf("store: channel %d style: %w", id, err)
	}
	return nil
}

// ChannelByRef returns the channel with that platform channel id.
func (s *Store) ChannelByRef(ctx context.Context, platform, channelID string) (Channel, error) {
	c, err := oneRow(scanChannel(s.db.QueryRowContext(ctx,
		`SELECT `+channelColumns+` FROM channels WHERE platform = $1 AND channel_ref = $2`, platform, channelID)))
	if err != nil {
		return Channel{}, fmt.Errorf("store: channel %s/%s: %w", platform, channelID, err)
	}
	return c, nil
}

// ChannelByID returns the channel with that store ID.
func (s *Store) ChannelByID(ctx context.Context, id int64) (Channel, error) {
	c, err := oneRow(scanChannel(s.db.QueryRowContext(ctx, `SELECT `+channelColumns+` FROM channels WHERE id = $1`, id)))
	if err != nil {
		return Channel{}, fmt.Errorf("store: channel %d: %w", id, err)
	}
	return c, nil
}

// Channels returns the scope's channels, by ID.
func (s *Store) Channels(ctx context.Context, scope string) ([]Channel, error) {
	return s.queryChannels(ctx, "channels of "+scope, `WHERE scope = $1`, scope)
}

// AllChannels returns every channel, by ID.
func (s *Store) AllChannels(ctx context.Context) ([]Channel, error) {
	return s.queryChannels(ctx, "all channels", ``)
}

// LiveChannels returns the channels in live mode, by ID.
func (s *Store) LiveChannels(ctx context.Context) ([]Channel, error) {
	return s.queryChannels(ctx, "live channels", `WHERE live = TRUE AND stop_reason = ''`)
}

func (s *Store) queryChannels(ctx context.Context, what, where string, args ...any) ([]Channel, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+channelColumns+` FROM channels `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list %s: %w", what, err)
	}
	out, err := scanAll(rows, scanChannel)
	if err != nil {
		return nil, fmt.Errorf("store: list %s: %w", what, err)
	}
	return out, nil
}

// DeleteChannel deletes a channel with its schedule, deliveries and the
// record of stories sent to it.
func (s *Store) DeleteChannel(ctx context.Context, id int64) error {
	if err := touchedOne(s.db.ExecContext(ctx, `DELETE FROM channels WHERE id = $1`, id)); err != nil {
		return fmt.Errorf("store: delete channel %d: %w", id, err)
	}
	return nil
}
