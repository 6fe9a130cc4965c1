package config

import (
	"fmt"
	"log/slog"
)

// mask shows whether a secret is set without showing it.
func mask(secret string) string {
	if secret == "" {
		return ""
	}
	return "[set]"
}

// String prints the Discord settings with the token hidden, so a %v of a
// Config in a log or an error never leaks it.
func (d Discord) String() string {
	return fmt.Sprintf("{ApplicationID:%s PublicKey:%s Mode:%s GuildID:%s APIBase:%s Token:%s}",
		d.ApplicationID, d.PublicKey, d.Mode, d.GuildID, d.APIBase, mask(d.Token))
}

// String prints the Slack settings with tokens and the signing secret hidden.
func (s Slack) String() string {
	return fmt.Sprintf("{Mode:%s APIURL:%s AdminGroup:%s BotToken:%s AppToken:%s SigningSecret:%s}",
		s.Mode, s.APIURL, s.AdminGroup, mask(s.BotToken), mask(s.AppToken), mask(s.SigningSecret))
}

// LogValue summarises the configuration for a start-up log line, with the
// database password and every secret left out.
func (c *Config) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("database", redact(c.Database)),
		slog.String("listen", c.Listen),
		slog.Int("feeds", len(c.Feeds)),
		slog.Int("channels", len(c.Channels)),
		slog.Duration("poll_interval", c.Poll.Interval),
		slog.Bool("allow_private_networks", c.AllowPrivateNetworks),
		slog.Bool("chat_allow_private_networks", c.ChatAllowPrivateNetworks),
	}
	if c.DiscordEnabled() {
		attrs = append(attrs, slog.String("discord_mode", c.Discord.Mode), slog.Bool("discord_token", c.Discord.Token != ""))
	}
	if c.SlackEnabled() {
		attrs = append(attrs, slog.String("slack_mode", c.Slack.Mode), slog.Bool("slack_bot_token", c.Slack.BotToken != ""))
	}
	return slog.GroupValue(attrs...)
}
