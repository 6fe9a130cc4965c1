package discord

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"
)

// RunGateway connects to Discord's gateway (mode "gateway": no public URL
// needed), handles interactions until ctx ends, then disconnects.
func (b *Bot) RunGateway(ctx context.Context) error {
	if !b.hasTok {
		return fmt.Errorf("discord gateway: %w", ErrNoToken)
	}
	remove := b.session.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
		if ic != nil && ic.Interaction != nil {
			b.onGatewayInteraction(ic.Interaction)
		}
	})
	defer remove()
	b.setReconnect(true)
	if err := b.session.Open(); err != nil {
		return fmt.Errorf("discord gateway: open: %w", err)
	}
	b.log.LogAttrs(ctx, slog.LevelInfo, "discord gateway connected")
	<-ctx.Done()
	// discordgo reconnects by itself after a read or heartbeat error; it
	// must not bring back a connection this instance gave up, since the
	// gateway lease may be another instance's by now.
	b.setReconnect(false)
	if err := b.session.Close(); err != nil {
		return fmt.Errorf("discord gateway: close: %w", err)
	}
	return nil
}

// setReconnect turns discordgo's automatic reconnection on or off.
func (b *Bot) setReconnect(on bool) {
	b.session.Lock()
	b.session.ShouldReconnectOnError = on
	b.session.Unlock()
}

// onGatewayInteraction answers an interaction that came over the gateway:
// the same decision as the HTTP endpoint, sent by REST callback instead.
func (b *Bot) onGatewayInteraction(in *discordgo.Interaction) {
	received := b.now()
	b.acking.Add(1)
	defer b.acking.Add(-1)
	ctx, cancel := context.WithTimeout(b.base, 3*time.Second)
	defer cancel()
	// One instance holds the gateway, but a holder that lost its lease may
	// still be connected for a moment while the next one connects.
	if in.ID != "" {
		if first, err := b.replays.first(ctx, in.ID, received); err != nil || !first {
			b.log.LogAttrs(ctx, slog.LevelWarn, "discord gateway interaction not handled: already seen or cannot check",
				slog.String("interaction_id", in.ID), slog.Any("error", err))
			return
		}
	}
	resp, work := b.dispatch(ctx, in, received)
	if err := b.callback(ctx, in, resp); err != nil {
		b.log.LogAttrs(ctx, slog.LevelError, "discord interaction callback failed",
			slog.String("interaction_id", in.ID), slog.String("error", err.Error()))
		return
	}
	if work != nil {
		b.goBackground(work)
	}
}

// callback posts the immediate interaction response.
func (b *Bot) callback(ctx context.Context, in *discordgo.Interaction, resp response) error {
	endpoint := discordgo.EndpointInteractionResponse(in.ID, in.Token)
	_, err := b.do(ctx, request{
		method: "POST",
		url:    endpoint,
		bucket: shardBucket(discordgo.EndpointAPI+"interactions/callback", in.ID),
		body:   resp,
	})
	return err
}
