package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/newsdigest/newsdigest/compose"
	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

// maxStoriesPerCommand keeps a command's answer readable in chat.
const maxStoriesPerCommand = 10

func (h *Handler) digest(ctx context.Context, c Command) (Message, error) {
	span := 24 * time.Hour
	if s := c.Args["since"]; s != "" {
		d, err := ParseSince(s)
		if err != nil {
			return Message{}, asUser(err)
		}
		span = d
	}
	until := h.now()
	// Every available story is counted ("top 6 of 20"); the channel's
	// style says how many are shown and how.
	d, err := h.buildDigest(ctx, c.Scope, until.Add(-span), until, c.Args["topic"], 0)
	if err != nil {
		return Message{}, err
	}
	title := "News digest"
	if t := c.Args["topic"]; t != "" {
		title += ": " + t
	}
	style, err := h.channelStyle(ctx, Channel{Platform: c.Platform, Scope: c.Scope, ID: c.ChannelID})
	if err != nil {
		return Message{}, err
	}
	m, err := StyledDigest(title, d, style)
	if err != nil {
		h.logger().LogAttrs(ctx, slog.LevelWarn, "digest without its chart", slog.String("error", err.Error()))
	}
	return m, nil
}

// buildDigest builds the digest of scope's feeds (and the operator's) for a
// period, as every chat command that shows stories sees them.
func (h *Handler) buildDigest(ctx context.Context, scope string, since, until time.Time, topic string, limit int) (digest.Digest, error) {
	return compose.Build(ctx, h.Store, compose.Request{
		Channel:    store.Channel{Scope: scope},
		Since:      since,
		Until:      until,
		Now:        h.now(),
		Topic:      topic,
		MaxStories: limit,
		// A story's coverage and blindspot are the whole story's, not the
		// part that falls in the period.
		WholeStories:    true,
		BlindspotSettle: h.BlindspotSettle,
	})
}

// feedIDs returns the feeds a scope reads: its own plus the operator's config feeds.
func (h *Handler) feedIDs(ctx context.Context, scope string) ([]int64, error) {
	feeds, err := compose.Feeds(ctx, h.Store, store.Channel{Scope: scope})
	if err != nil {
		return nil, err
	}
	return compose.FeedIDs(feeds), nil
}

// ParseSince parses a look-back period: a Go duration ("90m", "6h") or a
// number of days or weeks ("2d", "1w"), at most 30 days.
func ParseSince(s string) (time.Duration, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	var d time.Duration
	switch {
	case strings.HasSuffix(s, "d"), strings.HasSuffix(s, "w"):
		n, err := strconv.Atoi(s[:len(s)-1])
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("%q is not a period like 6h, 2d or 1w", s)
		}
		d = time.Duration(n) * 24 * time.Hour
		if strings.HasSuffix(s, "w") {
			d *= 7
		}
	default:
		var err error
		d, err = time.ParseDuration(s)
		if err != nil || d <= 0 {
			return 0, fmt.Errorf("%q is not a period like 6h, 2d or 1w", s)
		}
	}
	if d > 30*24*time.Hour {
		return 0, fmt.Errorf("%q is too far back: at most 30d", s)
	}
	return d, nil
}
