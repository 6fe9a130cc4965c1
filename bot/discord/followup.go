package discord

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdigest/newsdigest/bot"
)

// tokenMargin keeps us from starting a follow-up the token will not outlive.
const tokenMargin = 30 * time.Second

// origin is what a deferred command needs to answer later.
type origin struct {
	appID, token, interactionID string
	guildID, channelID, userID  string
	command                     string
	received                    time.Time
	ephemeral                   bool
}

// permissionNotice tells the author why their result did not appear.
const permissionNotice = "I could not post the result in this channel because I am missing a permission here. " +
	"Ask a server admin to give newsdigest Send Messages, Embed Links and Read Message History in this channel."

// deliver sends a command's result: as follow-ups on the interaction token
// while it is valid (15 minutes), else with the bot token into the channel.
func (b *Bot) deliver(ctx context.Context, o origin, m bot.Message) {
	if m.Ephemeral && !o.ephemeral {
		// The acknowledgement was public but the answer is private (say, an
		// error): the first follow-up would replace the public "thinking"
		// message and stay public, so remove that message first.
		b.deleteOriginal(ctx, o)
	}
	m.Ephemeral = m.Ephemeral || o.ephemeral
	log := b.log.With(slog.String("interaction_id", o.interactionID), slog.String("command", o.command),
		slog.String("guild_id", o.guildID), slog.String("channel_id", o.channelID))
	parts := render(m)
	sent := 0
	if b.now().Sub(o.received) < b.tokenLifetime-tokenMargin {
		var err error
		sent, err = b.followUp(ctx, o, parts)
		switch {
		case err == nil:
			return
		case errors.Is(err, ErrMissingPermission):
			log.LogAttrs(ctx, slog.LevelWarn, "discord follow-up refused: missing permission", slog.String("error", err.Error()))
			b.tellAuthor(ctx, o, permissionNotice)
			return
		case !tokenExpired(err):
			log.LogAttrs(ctx, slog.LevelError, "discord follow-up failed", slog.String("error", err.Error()))
			b.tellAuthor(ctx, o, "Sorry, I could not send the result. The error was logged; please try again later.")
			return
		}
		log.LogAttrs(ctx, slog.LevelInfo, "discord interaction token expired; posting with the bot token")
	}
	if sent == 0 && sent < len(parts) {
		parts[0] = withLateNote(parts[0], o)
	}
	if _, err := b.postParts(ctx, o.channelID, "interaction:"+o.interactionID, parts, sent); err != nil {
		log.LogAttrs(ctx, slog.LevelError, "discord late result not posted", slog.String("error", err.Error()))
	}
}

// withLateNote says whom a late answer is for, since it arrives in the
// channel detached from the command. Mentions are disabled on every message,
// so naming the author does not ping them.
func withLateNote(p payload, o origin) payload {
	note := fmt.Sprintf("Answer to /%s", o.command)
	if isDigits(o.userID) {
		note += fmt.Sprintf(" from <@%s>", o.userID)
	}
	note += ", which took longer than Discord lets a reply wait:"
	content := note
	if p.Content != "" {
		content += "\n" + p.Content
	}
	if runeLen(content) <= limitContent {
		p.Content = content
	}
	return p
}

// followUp posts the parts on the interaction's webhook and reports how
// many went out, so a token that expires midway loses nothing.
func (b *Bot) followUp(ctx context.Context, o origin, parts []payload) (int, error) {
	for i, p := range parts {
		if err := b.sendFollowUp(ctx, o, p); err != nil {
			return i, fmt.Errorf("follow-up %d/%d: %w", i+1, len(parts), err)
		}
	}
	return len(parts), nil
}

func (b *Bot) sendFollowUp(ctx context.Context, o origin, p payload) error {
	_, err := b.do(ctx, request{
		method:  "POST",
		url:     discordgo.EndpointWebhookToken(o.appID, o.token) + "?wait=true",
		bucket:  followUpBucket(o.appID, o.token),
		body:    p,
		uploads: p.uploads,
	})
	return err
}

// deleteOriginal removes the deferred response's placeholder message.
func (b *Bot) deleteOriginal(ctx context.Context, o origin) {
	_, err := b.do(ctx, request{
		method: "DELETE",
		url:    discordgo.EndpointInteractionResponseActions(o.appID, o.token),
		bucket: followUpBucket(o.appID, o.token),
	})
	if err != nil {
		b.log.LogAttrs(ctx, slog.LevelWarn, "discord placeholder not deleted",
			slog.String("interaction_id", o.interactionID), slog.String("error", err.Error()))
	}
}

// tellAuthor sends a short private note to the command's author.
func (b *Bot) tellAuthor(ctx context.Context, o origin, text string) {
	p := newPayload()
	p.Content = escapeMarkdown(text)
	p.Flags = discordgo.MessageFlagsEphemeral
	if err := b.sendFollowUp(ctx, o, p); err != nil {
		b.log.LogAttrs(ctx, slog.LevelWarn, "discord note to author failed",
			slog.String("interaction_id", o.interactionID), slog.String("error", err.Error()))
	}
}

// followUpBucket spreads interaction webhooks over a fixed set of limiter
// buckets: one bucket per token would grow discordgo's bucket map forever,
// one for all would serialise every follow-up.
func followUpBucket(appID, token string) string {
	return shardBucket(discordgo.EndpointWebhooks+appID+"/followup", token)
}

// shardBucket maps key onto one of 32 limiter buckets under prefix.
func shardBucket(prefix, key string) string {
	h := fnv.New32a()
	h.Write([]byte(key))
	return fmt.Sprintf("%s-%d", prefix, h.Sum32()%32)
}
