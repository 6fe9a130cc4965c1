package config

import (
	"errors"
	"fmt"
)

// CheckSecrets reports the secrets missing for the enabled platforms and
// their modes, naming the environment variable to set.
// `serve` calls it; commands that only print digests do not need secrets.
func (c *Config) CheckSecrets() error {
	var errs []error
	missing := func(env, why string) {
		errs = append(errs, fmt.Errorf("config: %s is not set (%s): %w", env, why, ErrInvalid))
	}
	if c.DiscordEnabled() {
		if c.Discord.Token == "" {
			missing(EnvDiscordToken, "Discord is configured")
		}
		if c.Discord.Mode == "http" && c.Discord.PublicKey == "" {
			missing(EnvDiscordPublicKey, "discord.mode is \"http\"; or set discord.public_key")
		}
		if c.Discord.Mode == "http" && c.Discord.ApplicationID == "" {
			errs = append(errs, fmt.Errorf("config: discord.application_id is not set (discord.mode is \"http\"): %w", ErrInvalid))
		}
	}
	if c.SlackEnabled() {
		if c.Slack.BotToken == "" {
			missing(EnvSlackBotToken, "Slack is configured")
		}
		if c.Slack.Mode == "http" && c.Slack.SigningSecret == "" {
			missing(EnvSlackSigningSecret, "slack.mode is \"http\"")
		}
		if c.Slack.Mode == "socket" && c.Slack.AppToken == "" {
			missing(EnvSlackAppToken, "slack.mode is \"socket\"")
		}
	}
	return errors.Join(errs...)
}

// DiscordEnabled reports whether `serve` should start the Discord adapter:
// a channel posts to Discord, or an application id or token is configured.
func (c *Config) DiscordEnabled() bool {
	return c.uses(PlatformDiscord) || c.Discord.ApplicationID != "" || c.Discord.Token != ""
}

// SlackEnabled reports whether `serve` should start the Slack adapter: a
// channel posts to Slack, or a Slack token or signing secret is configured.
func (c *Config) SlackEnabled() bool {
	return c.uses(PlatformSlack) || c.Slack.BotToken != "" || c.Slack.AppToken != "" || c.Slack.SigningSecret != ""
}

// uses reports whether any channel is on platform.
func (c *Config) uses(platform string) bool {
	for _, ch := range c.Channels {
		if ch.Platform == platform {
			return true
		}
	}
	return false
}
