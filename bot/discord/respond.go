package discord

import (
	"context"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Interaction callback types (Discord's numbering).
const (
	callbackPong         = 1
	callbackMessage      = 4
	callbackDeferred     = 5
	callbackAutocomplete = 8
)

// response is the immediate answer to an interaction.
type response struct {
	Type int `json:"type"`
	Data any `json:"data,omitempty"`
}

type messageData struct {
	Content         string                           `json:"content"`
	Flags           discordgo.MessageFlags           `json:"flags,omitempty"`
	AllowedMentions discordgo.MessageAllowedMentions `json:"allowed_mentions"`
}

type deferredData struct {
	Flags discordgo.MessageFlags `json:"flags,omitempty"`
}

type autocompleteData struct {
	Choices []choice `json:"choices"` // always present, [] when empty
}

type choice struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

func ephemeralText(text string) response {
	return response{Type: callbackMessage, Data: messageData{
		Content:         escapeMarkdown(text),
		Flags:           discordgo.MessageFlagsEphemeral,
		AllowedMentions: discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}}
}

// dispatch decides the immediate answer to in. When the command still has
// to run, work is non-nil and must be started after the answer is sent: the
// answer goes out within Discord's 3 seconds whatever the command costs.
func (b *Bot) dispatch(ctx context.Context, in *discordgo.Interaction, received time.Time) (resp response, work func(context.Context)) {
	switch in.Type {
	case discordgo.InteractionPing:
		return response{Type: callbackPong}, nil
	case discordgo.InteractionApplicationCommandAutocomplete:
		return response{Type: callbackAutocomplete, Data: autocompleteData{Choices: b.complete(ctx, in)}}, nil
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
	default:
		return ephemeralText("newsdigest does not handle this kind of interaction."), nil
	}
	cmd, err := toCommand(in)
	if err != nil {
		b.log.LogAttrs(ctx, slog.LevelInfo, "discord interaction refused",
			slog.String("interaction_id", in.ID), slog.String("guild_id", in.GuildID), slog.String("error", err.Error()))
		return ephemeralText("Sorry, I cannot run that: " + err.Error() + "."), nil
	}
	o := origin{
		appID:         in.AppID,
		token:         in.Token,
		interactionID: in.ID,
		guildID:       in.GuildID,
		channelID:     in.ChannelID,
		userID:        cmd.UserID,
		received:      received,
		ephemeral:     personal[cmd.Name],
		command:       cmd.Name,
	}
	if o.appID == "" {
		o.appID = b.appID
	}
	var flags discordgo.MessageFlags
	if o.ephemeral {
		flags = discordgo.MessageFlagsEphemeral
	}
	b.log.LogAttrs(ctx, slog.LevelDebug, "discord command",
		slog.String("command", cmd.Name), slog.String("sub", cmd.Sub),
		slog.String("guild_id", in.GuildID), slog.String("channel_id", in.ChannelID), slog.String("user_id", cmd.UserID))
	return response{Type: callbackDeferred, Data: deferredData{Flags: flags}}, func(ctx context.Context) {
		m := b.run(ctx, cmd)
		b.deliver(ctx, o, m)
	}
}
