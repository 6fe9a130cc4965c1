package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/slack-go/slack"

	"github.com/newsdigest/newsdigest/bot"
)

// deliveryEventType names the message metadata that marks our deliveries.
const deliveryEventType = "newsdigest_delivery"

// historyLookback is how far back a repeated delivery is looked for.
const historyLookback = 48 * time.Hour

// Post posts m to ch as one or more Slack messages and returns their
// timestamps (Slack's message ids). Every message carries metadata with
// deliveryID, and before posting a delivery the channel's recent history is
// searched for it, so a delivery repeated after a crash is not posted twice
// (parts already there are skipped). Posts are paced to one per second per
// channel; 429s are waited out and transient failures retried.
func (b *Bot) Post(ctx context.Context, ch bot.Channel, deliveryID string, m bot.Message) ([]string, error) {
	return b.post(ctx, ch, deliveryID, m, true)
}

// post is Post; searchHistory false skips the history search before the
// first attempt (command answers, which only a retried Socket Mode envelope
// could repeat, and which the in-memory record catches).
func (b *Bot) post(ctx context.Context, ch bot.Channel, deliveryID string, m bot.Message, searchHistory bool) ([]string, error) {
	if ch.Platform != "" && ch.Platform != "slack" {
		return nil, fmt.Errorf("slack: post to a %s channel", ch.Platform)
	}
	if ch.ID == "" {
		return nil, errors.New("slack: post: no channel id")
	}
	if deliveryID != "" {
		if ids, ok := b.sent.get(deliveryID); ok {
			return ids, nil
		}
	}
	posts := render(m)
	done := map[int]string{}
	if deliveryID != "" && searchHistory {
		found, err := b.findDelivery(ctx, ch.ID, deliveryID, len(posts))
		switch {
		case errors.Is(err, ErrNotInChannel), errors.Is(err, ErrChannelNotFound):
			// The bot may still post here with chat:write.public; if not,
			// posting reports the same error.
			b.log.DebugContext(ctx, "slack: cannot read history", slog.String("channel_id", ch.ID), slog.Any("error", err))
		case err != nil:
			if ctx.Err() != nil {
				return nil, fmt.Errorf("slack: post %s: %w", deliveryID, ctx.Err())
			}
			b.log.WarnContext(ctx, "slack: cannot check history for an earlier delivery; posting anyway",
				slog.String("channel_id", ch.ID), slog.String("delivery_id", deliveryID), slog.Any("error", err))
		}
		done = found
	}
	var (
		ids      []string
		threadTS = done[0]
	)
	for i, p := range posts {
		if ts, ok := done[i]; ok {
			ids = append(ids, ts)
			if i == 0 {
				b.postImage(ctx, ch.ID, ts, deliveryID, m.Image, true)
			}
			continue
		}
		opts := []slack.MsgOption{
			slack.MsgOptionText(p.Text, false),
			slack.MsgOptionBlocks(p.Blocks...),
			slack.MsgOptionDisableLinkUnfurl(),
			slack.MsgOptionDisableMediaUnfurl(),
		}
		if deliveryID != "" {
			opts = append(opts, slack.MsgOptionMetadata(deliveryMetadata(deliveryID, i, len(posts))))
		}
		if p.Reply && threadTS != "" {
			opts = append(opts, slack.MsgOptionTS(threadTS))
		}
		part := i
		ts, err := b.send(ctx, ch.ID, opts, func() (string, bool) {
			if deliveryID == "" {
				return "", false
			}
			found, err := b.findDelivery(ctx, ch.ID, deliveryID, len(posts))
			ts, ok := found[part]
			return ts, err == nil && ok
		})
		if err != nil {
			return ids, fmt.Errorf("slack: post part %d of %d to %s: %w", i+1, len(posts), ch.ID, err)
		}
		if i == 0 {
			threadTS = ts
		}
		ids = append(ids, ts)
		if i == 0 {
			b.postImage(ctx, ch.ID, threadTS, deliveryID, m.Image, false)
		}
	}
	if deliveryID != "" {
		b.sent.put(deliveryID, ids)
	}
	return ids, nil
}

func deliveryMetadata(id string, part, parts int) slack.SlackMetadata {
	return slack.SlackMetadata{
		EventType: deliveryEventType,
		EventPayload: map[string]any{
			"delivery_id": id,
			"part":        part,
			"parts":       parts,
		},
	}
}

// send posts one message, paced, retrying 429s after Retry-After and other
// transient failures with exponential back-off. After a failure that may
// have posted anyway (a timeout, a 5xx), alreadyThere is asked before the
// message is sent again.
func (b *Bot) send(ctx context.Context, channel string, opts []slack.MsgOption, alreadyThere func() (string, bool)) (string, error) {
	for attempt := 1; ; attempt++ {
		if err := b.pacer.wait(ctx, channel); err != nil {
			return "", err
		}
		_, ts, err := b.api.PostMessageContext(ctx, channel, opts...)
		if err == nil {
			return ts, nil
		}
		err = classify(err)
		if !transient(err) || ctx.Err() != nil {
			return "", err
		}
		var rl *slack.RateLimitedError
		limited := errors.As(err, &rl)
		if limited && b.opts.OnRateLimited != nil {
			b.opts.OnRateLimited()
		}
		if attempt >= b.maxAttempts {
			if limited {
				return "", rateLimited{fmt.Errorf("%w after %d attempts: %w", ErrRateLimited, attempt, err), rl.RetryAfter}
			}
			return "", fmt.Errorf("after %d attempts: %w", attempt, err)
		}
		delay := b.backoff << (attempt - 1)
		delay += time.Duration(rand.Int64N(int64(delay)/2 + 1))
		if limited && rl.RetryAfter > 0 {
			delay = rl.RetryAfter
		}
		b.log.InfoContext(ctx, "slack: retrying post", slog.String("channel_id", channel),
			slog.Int("attempt", attempt), slog.Duration("delay", delay), slog.Any("error", err))
		if err := sleep(ctx, delay); err != nil {
			return "", err
		}
		if !limited {
			if ts, ok := alreadyThere(); ok {
				return ts, nil
			}
		}
	}
}

// findDelivery returns the timestamps of the parts of deliveryID already in
// the channel: top-level posts from conversations.history, thread replies
// from conversations.replies under the first part.
func (b *Bot) findDelivery(ctx context.Context, channel, deliveryID string, parts int) (map[int]string, error) {
	found := map[int]string{}
	oldest := strconv.FormatInt(b.now().Add(-historyLookback).Unix(), 10)
	hist, err := b.api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
		ChannelID: channel, Limit: 100, Oldest: oldest, IncludeAllMetadata: true,
	})
	if err != nil {
		return found, fmt.Errorf("conversations.history %s: %w", channel, classify(err))
	}
	collect(found, hist.Messages, deliveryID)
	root, ok := found[0]
	if !ok || parts < 2 || len(found) == parts {
		return found, nil
	}
	replies, _, _, err := b.api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
		ChannelID: channel, Timestamp: root, Limit: 200, IncludeAllMetadata: true,
	})
	if err != nil {
		return found, fmt.Errorf("conversations.replies %s: %w", channel, classify(err))
	}
	collect(found, replies, deliveryID)
	return found, nil
}

// collect records the part number → ts of msgs that belong to deliveryID.
func collect(found map[int]string, msgs []slack.Message, deliveryID string) {
	for _, msg := range msgs {
		md := msg.Metadata
		if md.EventType != deliveryEventType || md.EventPayload["delivery_id"] != deliveryID {
			continue
		}
		part := 0
		switch p := md.EventPayload["part"].(type) {
		case float64:
			part = int(p)
		case string:
			part, _ = strconv.Atoi(p)
		}
		if _, dup := found[part]; !dup {
			found[part] = msg.Timestamp
		}
	}
}
