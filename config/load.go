package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"reflect"

	"github.com/BurntSushi/toml"
)

// Environment variables that override secrets and the database in the file.
const (
	EnvDiscordToken       = "NEWSDIGEST_DISCORD_TOKEN"
	EnvDiscordPublicKey   = "NEWSDIGEST_DISCORD_PUBLIC_KEY"
	EnvSlackBotToken      = "NEWSDIGEST_SLACK_BOT_TOKEN"
	EnvSlackSigningSecret = "NEWSDIGEST_SLACK_SIGNING_SECRET"
	EnvSlackAppToken      = "NEWSDIGEST_SLACK_APP_TOKEN"
	EnvDatabaseURL        = "NEWSDIGEST_DATABASE_URL"
	EnvInstance           = "NEWSDIGEST_INSTANCE"
)

// Limits that keep a hostile or broken file from costing much time.
const (
	maxDocumentBytes = 1 << 20
	maxNesting       = 32
)

// Load reads the TOML file at path, fills defaults, applies the environment
// overrides read through getenv (os.Getenv in main; nil reads nothing) and
// validates the result. Content errors match ErrInvalid and name the key and
// line; a missing file matches fs.ErrNotExist.
func Load(path string, getenv func(string) string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(data, getenv)
}

// Parse is Load for a document already in memory.
func Parse(data []byte, getenv func(string) string) (*Config, error) {
	if len(data) > maxDocumentBytes {
		return nil, &Error{Msg: fmt.Sprintf("the file has %d bytes; a configuration is at most %d", len(data), maxDocumentBytes)}
	}
	lines, depth := scanKeys(string(data))
	if depth > maxNesting {
		// The TOML parser's time grows steeply with nesting; no real
		// configuration comes near this.
		return nil, &Error{Msg: fmt.Sprintf("arrays or inline tables nested %d deep; at most %d", depth, maxNesting)}
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return nil, syntaxError(err)
	}
	cfg := Default()
	cfg.lines = lines
	d := decoder{problems: problems{lines: cfg.lines}}
	d.table("", raw, reflect.ValueOf(cfg).Elem())
	if err := d.err(); err != nil {
		return nil, err
	}
	cfg.fillFeedNames()
	cfg.ApplyEnv(getenv)
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// fillFeedNames names each unnamed feed after its URL's host, or its file
// name for a file:// URL.
func (c *Config) fillFeedNames() {
	for i := range c.Feeds {
		f := &c.Feeds[i]
		if f.Name != "" {
			continue
		}
		u, err := url.Parse(f.URL)
		if err != nil {
			continue
		}
		if u.Scheme == "file" {
			f.Name = path.Base(u.Path)
		} else {
			f.Name = u.Hostname()
		}
	}
}

// syntaxError turns the TOML library's parse error into an *Error with the
// line it reports.
func syntaxError(err error) error {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		msg := perr.Message
		if perr.LastKey != "" {
			msg = fmt.Sprintf("%s (after key %q)", msg, perr.LastKey)
		}
		return &Error{Line: perr.Position.Line, Msg: "invalid TOML: " + msg}
	}
	return &Error{Msg: "invalid TOML: " + err.Error()}
}

// ApplyEnv overrides secrets, the database URL and the instance name with the NEWSDIGEST_*
// variables that getenv returns non-empty. A nil getenv changes nothing.
func (c *Config) ApplyEnv(getenv func(string) string) {
	if getenv == nil {
		return
	}
	for env, field := range map[string]*string{
		EnvDiscordToken:       &c.Discord.Token,
		EnvDiscordPublicKey:   &c.Discord.PublicKey,
		EnvSlackBotToken:      &c.Slack.BotToken,
		EnvSlackSigningSecret: &c.Slack.SigningSecret,
		EnvSlackAppToken:      &c.Slack.AppToken,
		EnvDatabaseURL:        &c.Database,
		EnvInstance:           &c.Instance,
	} {
		if v := getenv(env); v != "" {
			*field = v
			if c.lines != nil {
				// The value no longer comes from the file: its line would mislead.
				delete(c.lines, envKey[env])
			}
		}
	}
}

// envKey is the config key each environment variable overrides.
var envKey = map[string]string{
	EnvDiscordToken:       "discord.token",
	EnvDiscordPublicKey:   "discord.public_key",
	EnvSlackBotToken:      "slack.bot_token",
	EnvSlackSigningSecret: "slack.signing_secret",
	EnvSlackAppToken:      "slack.app_token",
	EnvDatabaseURL:        "database",
	EnvInstance:           "instance",
}
