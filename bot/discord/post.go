package discord

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"

	"github.com/newsdigest/newsdigest/bot"
)

// maxNonce is Discord's limit on a message nonce.
const maxNonce = 25

var _ bot.Poster = (*Bot)(nil)

// Post sends m to a Discord channel with the bot token and returns the ids
// of the messages it made. Each part carries a nonce derived from deliveryID
// with enforce_nonce, so a retried delivery (after a crash or a lost answer)
// does not post twice. A refusal for missing permission or access matches
// ErrMissingPermission.
func (b *Bot) Post(ctx context.Context, ch bot.Channel, deliveryID string, m bot.Message) ([]string, error) {
	if ch.Platform != "" && ch.Platform != "discord" {
		return nil, fmt.Errorf("discord post: channel is on platform %q", ch.Platform)
	}
	if ch.ID == "" || !isDigits(ch.ID) {
		return nil, fmt.Errorf("discord post: channel id %q is not a Discord snowflake", ch.ID)
	}
	m.Ephemeral = false // only interaction replies can be ephemeral
	return b.postParts(ctx, ch.ID, deliveryID, render(m), 0)
}

// postParts posts parts[from:] to a channel; part i's nonce depends on its
// index in the whole message so a resumed delivery reuses the same nonces.
func (b *Bot) postParts(ctx context.Context, channelID, deliveryID string, parts []payload, from int) ([]string, error) {
	if !b.hasTok {
		return nil, fmt.Errorf("discord post: %w", ErrNoToken)
	}
	var ids []string
	for i := from; i < len(parts); i++ {
		p := parts[i]
		p.Flags &^= discordgo.MessageFlagsEphemeral
		if deliveryID != "" {
			p.Nonce, p.EnforceNonce = nonceFor(deliveryID, i), true
		}
		if err := b.pace(ctx, channelID); err != nil {
			return ids, fmt.Errorf("discord post to %s: %w", channelID, err)
		}
		endpoint := discordgo.EndpointChannelMessages(channelID)
		body, err := b.do(ctx, request{method: "POST", url: endpoint, bucket: endpoint, body: p, uploads: p.uploads, auth: true, retryable: deliveryID != ""})
		if err != nil && errors.Is(err, ErrMissingPermission) && len(p.uploads) > 0 {
			// Attach Files is missing (bots added before digests carried a
			// chart): the digest matters more than its picture.
			b.log.LogAttrs(ctx, slog.LevelWarn, "discord refused the chart; posting the digest without it (grant Attach Files)",
				slog.String("channel_id", channelID), slog.String("delivery_id", deliveryID), slog.String("error", err.Error()))
			p = withoutUploads(p)
			body, err = b.do(ctx, request{method: "POST", url: endpoint, bucket: endpoint, body: p, auth: true, retryable: deliveryID != ""})
		}
		if err != nil {
			level := slog.LevelError
			if errors.Is(err, ErrMissingPermission) {
				level = slog.LevelWarn
			}
			b.log.LogAttrs(ctx, level, "discord post failed", slog.String("channel_id", channelID),
				slog.String("delivery_id", deliveryID), slog.Int("part", i+1), slog.Int("parts", len(parts)), slog.String("error", err.Error()))
			return ids, fmt.Errorf("discord post part %d/%d to %s: %w", i+1, len(parts), channelID, err)
		}
		var msg struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(body, &msg); err != nil || msg.ID == "" {
			return ids, fmt.Errorf("discord post part %d/%d to %s: no message id in answer", i+1, len(parts), channelID)
		}
		ids = append(ids, msg.ID)
	}
	return ids, nil
}

// nonceFor derives a stable nonce (≤ 25 characters) for part i of a delivery.
func nonceFor(deliveryID string, part int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s#%d", deliveryID, part))
	return hex.EncodeToString(sum[:])[:maxNonce]
}

// pace spaces posts to one channel, under Discord's per-channel limit, so
// that a burst of digests does not run into 429s at all.
func (b *Bot) pace(ctx context.Context, channelID string) error {
	b.pacersMu.Lock()
	l, ok := b.pacers[channelID]
	if !ok {
		l = rate.NewLimiter(b.paceEvery, b.paceBurst)
		b.pacers[channelID] = l
	}
	b.pacersMu.Unlock()
	return l.Wait(ctx)
}
