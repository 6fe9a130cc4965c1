package discord

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdigest/newsdigest/bot"
)

// commandNames are the slash commands we register and accept.
var commandNames = map[string]struct{}{
	"digest": {}, "story": {}, "framing": {}, "feeds": {}, "schedule": {}, "why": {}, "help": {},
}

// Option length bounds announced to Discord so the client refuses silly input.
var (
	minOne       = 1
	maxURLLen    = 2048
	maxQueryLen  = 200
	maxNameLen   = 100
	maxCronLen   = 100
	maxZoneLen   = 64
	maxSinceLen  = 16
	minStories   = 1.0
	guildContext = []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
)

func strOpt(name, desc string, required bool, maxLen int) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:        discordgo.ApplicationCommandOptionString,
		Name:        name,
		Description: desc,
		Required:    required,
		MinLength:   &minOne,
		MaxLength:   maxLen,
	}
}

func autoOpt(o *discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
	o.Autocomplete = true
	return o
}

func subOpt(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:        discordgo.ApplicationCommandOptionSubCommand,
		Name:        name,
		Description: desc,
		Options:     opts,
	}
}

// leanChoices are the operator-supplied outlet leanings a feed may carry.
func leanOpt() *discordgo.ApplicationCommandOption {
	o := strOpt("lean", "The outlet's political leaning, as you label it (shown with attribution)", false, 0)
	o.MinLength = nil // the choices bound it
	for _, v := range []string{"left", "center-left", "center", "center-right", "right"} {
		o.Choices = append(o.Choices, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
	}
	return o
}

// genreOpt lets the operator say what a feed carries (opinion columns, a
// news wire); it overrides the per-article genre signals.
func genreOpt() *discordgo.ApplicationCommandOption {
	o := strOpt("genre", "What the feed carries, if you know: its articles are then labelled so", false, 0)
	o.MinLength = nil // the choices bound it
	for _, v := range []string{"reporting", "opinion", "analysis"} {
		o.Choices = append(o.Choices, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
	}
	return o
}

// styleOpts are the options of /schedule set that choose how digests look.
func styleOpts() []*discordgo.ApplicationCommandOption {
	detail := strOpt("detail", "brief: one message, details on a button; full: every article's framing in the digest", false, 0)
	detail.MinLength = nil
	for _, v := range []string{bot.DetailBrief, bot.DetailFull} {
		detail.Choices = append(detail.Choices, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
	}
	most := float64(bot.MaxFullStories)
	return []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionInteger, Name: "max_stories", Description: "Stories per digest (brief: up to 9; default 6)",
			MinValue: &minStories, MaxValue: most},
		detail,
		{Type: discordgo.ApplicationCommandOptionBoolean, Name: "image", Description: "Attach the coverage chart (default on)"},
	}
}

// commandDefinitions describes every slash command for registration.
func commandDefinitions() []*discordgo.ApplicationCommand {
	cmd := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
		return &discordgo.ApplicationCommand{
			Type:        discordgo.ChatApplicationCommand,
			Name:        name,
			Description: desc,
			Options:     opts,
			Contexts:    &guildContext,
		}
	}
	return []*discordgo.ApplicationCommand{
		cmd("digest", "Post the news digest for this channel's feeds now",
			autoOpt(strOpt("since", "How far back to look, such as 6h, 24h or 7d (default: since the last digest)", false, maxSinceLen)),
			strOpt("topic", "Only stories about this topic", false, maxQueryLen),
		),
		cmd("story", "One story with every outlet's framing side by side",
			strOpt("query", "Words from the story's headline or a story id", true, maxQueryLen),
		),
		cmd("framing", "Analyse one article: summary, genre, stance, frames and cues with quotes",
			strOpt("url", "The article's address (http or https)", true, maxURLLen),
		),
		cmd("feeds", "List or change this server's news feeds",
			subOpt("add", "Add a feed (needs Manage Server)",
				strOpt("url", "The RSS or Atom feed's address (http or https)", true, maxURLLen),
				strOpt("name", "A display name for the outlet", false, maxNameLen),
				leanOpt(),
				genreOpt(),
			),
			subOpt("remove", "Remove a feed (needs Manage Server)",
				autoOpt(strOpt("feed", "The feed's id, name or address", true, maxURLLen)),
			),
			subOpt("list", "List this server's feeds"),
		),
		cmd("schedule", "Show or change when this channel gets its digest",
			subOpt("set", "Post a digest here on a schedule, and choose how it looks (needs Manage Server)",
				append([]*discordgo.ApplicationCommandOption{
					strOpt("cron", "Five-field cron line, such as \"0 8 * * *\" for 08:00 daily (leave out to keep the schedule)", false, maxCronLen),
					autoOpt(strOpt("timezone", "IANA time zone, such as Europe/Berlin (default UTC)", false, maxZoneLen)),
				}, styleOpts()...)...,
			),
			subOpt("show", "Show this channel's schedule"),
			subOpt("off", "Stop scheduled digests in this channel (needs Manage Server)"),
		),
		cmd("why", "Whether an article was seen, in which story, and why it was or was not in a digest",
			strOpt("url", "The article's address", true, maxURLLen),
		),
		cmd("help", "What newsdigest can do and how to use it"),
	}
}

// RegisterCommands creates or replaces the slash commands: in Options.GuildID
// when set (visible at once, good for testing), else globally.
func (b *Bot) RegisterCommands(ctx context.Context) error {
	if !b.hasTok {
		return fmt.Errorf("register commands: %w", ErrNoToken)
	}
	defs := commandDefinitions()
	if _, err := b.session.ApplicationCommandBulkOverwrite(b.appID, b.guildID, defs, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("register %d commands (guild %q): %w", len(defs), b.guildID, err)
	}
	b.log.LogAttrs(ctx, slog.LevelInfo, "discord commands registered", slog.Int("count", len(defs)), slog.String("guild_id", b.guildID))
	return nil
}
