package slack

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/slack-go/slack"

	"github.com/newsdigest/newsdigest/bot"
)

// request is one accepted command with what is needed to answer it.
type request struct {
	cmd  bot.Command
	id   string // trigger id: names the public answer's delivery
	resp *responder
	// private answers only the user, whatever the message says: a button
	// press asks for details for the presser, not for the channel.
	private bool
}

// acceptSlash parses a slash command, starts it in the background and
// returns the immediate answer: "working on it", or the usage error.
func (b *Bot) acceptSlash(sc slack.SlashCommand) ackBody {
	c, err := parseText(sc.Text)
	if err != nil {
		return ackBody{ResponseType: slack.ResponseTypeEphemeral, Text: usageText(err)}
	}
	b.fill(&c, sc.TeamID, sc.ChannelID, sc.UserID)
	b.start(request{cmd: c, id: sc.TriggerID, resp: b.newResponder(sc.ResponseURL)})
	return ackBody{ResponseType: slack.ResponseTypeEphemeral, Text: workingText}
}

// acceptInteraction starts the command of a button press in the background.
// Anything that is not one of our buttons is ignored.
func (b *Bot) acceptInteraction(cb slack.InteractionCallback) {
	if cb.Type != slack.InteractionTypeBlockActions {
		return
	}
	for _, a := range cb.ActionCallback.BlockActions {
		name, ok := parseActionID(a.ActionID)
		if !ok || (name != "compare" && name != "sources") {
			continue
		}
		c := bot.Command{Name: name, Args: map[string]string{"story": a.Value}}
		team := cb.Team.ID
		if team == "" {
			team = cb.User.TeamID
		}
		b.fill(&c, team, cb.Channel.ID, cb.User.ID)
		b.start(request{cmd: c, id: cb.TriggerID, resp: b.newResponder(cb.ResponseURL), private: true})
		return
	}
	b.log.Debug("slack: ignored interaction", slog.String("type", string(cb.Type)))
}

func (b *Bot) fill(c *bot.Command, team, channel, user string) {
	c.Platform = "slack"
	c.Scope = "slack:" + team
	c.ChannelID = channel
	c.UserID = user
}

func usageText(err error) string {
	msg := strings.TrimPrefix(err.Error(), ErrUsage.Error()+": ")
	return "Sorry: " + msg + ". Try /newsdigest help."
}

// start runs r's command in the background and delivers its answer. At
// most maxRunning commands run at once; the rest wait their turn.
func (b *Bot) start(r request) {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		select {
		case b.running <- struct{}{}:
			defer func() { <-b.running }()
		case <-b.ctx.Done():
			return
		}
		ctx, cancel := context.WithTimeout(b.ctx, b.replyTimeout)
		defer cancel()
		m := b.run(ctx, r)
		if err := b.answer(ctx, r, m); err != nil {
			b.log.ErrorContext(ctx, "slack: cannot deliver an answer", slog.String("command", r.cmd.Name),
				slog.String("channel_id", r.cmd.ChannelID), slog.Any("error", err))
		}
	}()
}

// run asks the handler for r's answer; a handler that panics gets the user
// an apology instead of silence, and the server keeps running.
func (b *Bot) run(ctx context.Context, r request) (m bot.Message) {
	defer func() {
		if p := recover(); p != nil {
			b.log.ErrorContext(ctx, "slack: command panicked", slog.String("command", r.cmd.Name), slog.Any("panic", p))
			m = bot.Message{Text: "Sorry, something went wrong while running that command.", Ephemeral: true}
		}
	}()
	if r.cmd.Name == "feeds" || r.cmd.Name == "schedule" || r.cmd.Name == "framing" {
		r.cmd.CanManage = b.canManage(ctx, strings.TrimPrefix(r.cmd.Scope, "slack:"), r.cmd.UserID)
	}
	return b.h.Handle(ctx, r.cmd)
}

// answer delivers m: a public message with chat.postMessage (falling back
// to response_url where the app cannot post itself), an ephemeral one
// through response_url while it lasts and chat.postEphemeral after.
func (b *Bot) answer(ctx context.Context, r request, m bot.Message) error {
	if !m.Ephemeral && !r.private {
		ch := bot.Channel{Platform: "slack", Scope: r.cmd.Scope, ID: r.cmd.ChannelID}
		delivery := ""
		if r.id != "" {
			delivery = "command:" + r.id
		}
		ids, err := b.post(ctx, ch, delivery, m, false)
		if err == nil {
			return nil
		}
		// Nothing went out (the app is not in a private channel or a DM, say):
		// Slack can still show the answer through the response_url.
		if len(ids) == 0 && r.resp.usable(b.now()) {
			b.log.InfoContext(ctx, "slack: cannot post to the channel; answering through response_url",
				slog.String("channel_id", ch.ID), slog.Any("error", err))
			return b.respondAll(ctx, r, render(m), slack.ResponseTypeInChannel)
		}
		return err
	}
	return b.respondAll(ctx, r, render(m), slack.ResponseTypeEphemeral)
}

// respondAll sends posts through response_url while it has uses left, and
// the rest with chat.postEphemeral.
func (b *Bot) respondAll(ctx context.Context, r request, posts []post, responseType string) error {
	for i, p := range posts {
		if r.resp.usable(b.now()) {
			err := r.resp.send(ctx, p, responseType)
			if err == nil {
				continue
			}
			b.log.WarnContext(ctx, "slack: response_url failed", slog.Any("error", err))
		}
		if r.cmd.ChannelID == "" || r.cmd.UserID == "" {
			return fmt.Errorf("answer part %d: response_url used up and no channel to post in", i+1)
		}
		if err := b.pacer.wait(ctx, r.cmd.ChannelID); err != nil {
			return err
		}
		_, err := b.api.PostEphemeralContext(ctx, r.cmd.ChannelID, r.cmd.UserID,
			slack.MsgOptionText(p.Text, false), slack.MsgOptionBlocks(p.Blocks...))
		if err != nil {
			return fmt.Errorf("chat.postEphemeral part %d: %w", i+1, classify(err))
		}
	}
	return nil
}
