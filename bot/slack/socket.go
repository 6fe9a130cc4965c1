package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// RunSocketMode connects to Slack over Socket Mode and serves commands and
// button presses until ctx ends. Each envelope is acknowledged with its
// envelope_id at once; the answer follows in the background as in HTTP mode.
func (b *Bot) RunSocketMode(ctx context.Context) error {
	if b.opts.AppToken == "" {
		return errors.New("slack: socket mode needs an app-level token: set NEWSDIGEST_SLACK_APP_TOKEN")
	}
	client := socketmode.New(b.api)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	runErr := make(chan error, 1)
	go func() { runErr <- client.RunContext(ctx) }()
	for {
		select {
		case <-ctx.Done():
			<-runErr
			return nil
		case err := <-runErr:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("slack: socket mode: %w", err)
		case evt, ok := <-client.Events:
			if !ok {
				return nil
			}
			b.socketEvent(ctx, client, evt)
		}
	}
}

// socketEvent acknowledges and dispatches one Socket Mode event. Slack
// sends an envelope again when it missed the ack; the repeat is acked and
// otherwise ignored.
func (b *Bot) socketEvent(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	if evt.Request != nil && evt.Request.EnvelopeID != "" {
		// Slack sends an unacknowledged envelope again, possibly to another
		// instance's connection: the record is shared when Seen is set.
		first, err := b.firstSight(ctx, b.seenEnv, "slack-env:", evt.Request.EnvelopeID, b.now().Add(time.Hour), b.now())
		if err != nil {
			b.log.ErrorContext(ctx, "slack: envelope not handled", slog.String("envelope_id", evt.Request.EnvelopeID), slog.Any("error", err))
		}
		if err != nil || !first {
			_ = client.AckCtx(ctx, evt.Request.EnvelopeID, nil)
			return
		}
	}
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		sc, ok := evt.Data.(slack.SlashCommand)
		if !ok || evt.Request == nil {
			return
		}
		// The ack's payload is shown to the user like HTTP mode's response.
		ack := b.acceptSlash(sc)
		if err := client.AckCtx(ctx, evt.Request.EnvelopeID, ack); err != nil {
			b.log.WarnContext(ctx, "slack: cannot ack", slog.String("envelope_id", evt.Request.EnvelopeID), slog.Any("error", err))
		}
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slack.InteractionCallback)
		if !ok || evt.Request == nil {
			return
		}
		if err := client.AckCtx(ctx, evt.Request.EnvelopeID, nil); err != nil {
			b.log.WarnContext(ctx, "slack: cannot ack", slog.String("envelope_id", evt.Request.EnvelopeID), slog.Any("error", err))
		}
		b.acceptInteraction(cb)
	case socketmode.EventTypeEventsAPI:
		if evt.Request != nil {
			_ = client.AckCtx(ctx, evt.Request.EnvelopeID, nil)
		}
	case socketmode.EventTypeConnectionError, socketmode.EventTypeInvalidAuth:
		b.log.WarnContext(ctx, "slack: socket mode", slog.String("event", string(evt.Type)), slog.Any("data", evt.Data))
	case socketmode.EventTypeConnected:
		b.log.InfoContext(ctx, "slack: socket mode connected")
	}
}
