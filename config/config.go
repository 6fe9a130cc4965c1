// Package config reads newsdigest's TOML configuration, fills in defaults,
// overrides secrets from NEWSDIGEST_* environment variables and validates
// every value, so that the rest of the program can trust what it is given.
//
// An invalid file yields errors that name the key and its line, for example
//
//	config: line 12: feeds[2].url: "htp://x" is not an http(s) or file URL
//
// Indices in key paths count from 0, like the elements of a TOML array.
// There are no globals: main loads a *Config and hands its parts on.
package config

import (
	"time"
)

// Config is the whole configuration of one newsdigest instance.
type Config struct {
	// Database is where state lives: "sqlite:///path/to/file.db" (a relative
	// path after "sqlite://" is relative to the working directory) or
	// "postgres://user:pass@host/db". NEWSDIGEST_DATABASE_URL overrides it.
	Database string `toml:"database"`
	// Listen is the HTTP address of `serve`: /healthz, /metrics and the chat
	// interaction endpoints. Default ":8080".
	Listen string `toml:"listen"`
	// LogFormat is "text" (for a terminal) or "json" (for servers). Default "text".
	LogFormat string `toml:"log_format"`
	// AllowPrivateNetworks lets the operator's feeds (this file's, and
	// those added with `newsdigest feeds add`) resolve to loopback, private
	// and link-local addresses. Off by default; turn it on for self-hosted
	// feeds. It never applies to anything a chat user asks for.
	AllowPrivateNetworks bool `toml:"allow_private_networks"`
	// ChatAllowPrivateNetworks lets users who may manage feeds in a server
	// or workspace (Manage Server, workspace admin) add feeds on private
	// addresses and analyse pages there with framing. Members without that
	// permission never reach private addresses. Off by default.
	ChatAllowPrivateNetworks bool `toml:"chat_allow_private_networks"`
	// UserAgent is sent with every fetch. Default DefaultUserAgent.
	UserAgent string `toml:"user_agent"`
	// Poll tunes feed polling.
	Poll Poll `toml:"poll"`
	// Window is how far apart in time two articles may be and still join one
	// story. Default 48h.
	Window time.Duration `toml:"window"`
	// BlindspotSettle is how old a story must be before a digest says that
	// outlets of one side have not covered it: coverage from one side often
	// comes hours after the other's. Default 12h, at most a week.
	BlindspotSettle time.Duration `toml:"blindspot_settle"`
	// Feeds are the feeds every channel may follow, from the [[feeds]] tables.
	Feeds []Feed `toml:"feeds"`
	// Channels are chat channels that receive digests, from the [[channels]] tables.
	Channels []Channel `toml:"channels"`
	// Discord configures the Discord adapter.
	Discord Discord `toml:"discord"`
	// Slack configures the Slack adapter.
	Slack Slack `toml:"slack"`
	// ShutdownTimeout bounds how long `serve` spends finishing or releasing
	// in-flight work after SIGINT/SIGTERM. Keep it below the platform's kill
	// timeout. Default 25s.
	ShutdownTimeout time.Duration `toml:"shutdown_timeout"`
	// BackupDir, when set, receives a SQLite snapshot (VACUUM INTO) every
	// BackupInterval. Ignored for PostgreSQL.
	BackupDir string `toml:"backup_dir"`
	// BackupInterval is the time between SQLite backups. Default 24h.
	BackupInterval time.Duration `toml:"backup_interval"`
	// Instance names this process in the work it leases from a shared
	// database (feeds, schedules, deliveries, clustering, the Discord
	// gateway). It must stay the same across restarts, so that a process
	// coming back after a crash takes its own unfinished work back at
	// once, and differ between processes running at the same time.
	// NEWSDIGEST_INSTANCE overrides it. Default: the host name (a Fly.io
	// machine ID, a Kubernetes pod or container name), which needs
	// setting only when several processes share one host.
	Instance string `toml:"instance"`

	// lines maps key paths such as "feeds[2].url" to their line in the file;
	// nil for a Config that was not read from a file.
	lines map[string]int
}

// Poll tunes how feeds are fetched and scheduled.
type Poll struct {
	// Interval is the normal time between two checks of a feed. Default 15m.
	Interval time.Duration `toml:"interval"`
	// MinInterval is the shortest time between checks, whatever a feed asks
	// for. Default 5m.
	MinInterval time.Duration `toml:"min_interval"`
	// MaxInterval is the longest time between checks, also after back-off on
	// errors and for feeds with a long <ttl>. Default 24h.
	MaxInterval time.Duration `toml:"max_interval"`
	// Timeout bounds one fetch, from dial to the end of the body. Default 30s.
	Timeout time.Duration `toml:"timeout"`
	// MaxBodyBytes is the largest feed or page body accepted, after
	// decompression. Default 10 MiB.
	MaxBodyBytes int64 `toml:"max_body_bytes"`
	// MaxBytesInFlight bounds the memory that fetched bodies and their
	// parses hold at once across all workers; a feed waits for room before
	// it is read. At least max_body_bytes. Default 64 MiB.
	MaxBytesInFlight int64 `toml:"max_bytes_in_flight"`
	// Workers is the number of feeds fetched at once. Default 8.
	Workers int `toml:"workers"`
	// MaxFailures is the number of consecutive failures after which a feed is
	// marked unhealthy and its channels are told. Default 5.
	MaxFailures int `toml:"max_failures"`
	// MaxItemsPerPoll caps the new items taken from one feed in one poll, so a
	// feed that publishes its whole archive cannot flood a channel. Default 50.
	MaxItemsPerPoll int `toml:"max_items_per_poll"`
	// PerHostRate is the most requests per second sent to one host, so many
	// feeds on one site do not hammer it. Default 2.
	PerHostRate float64 `toml:"per_host_rate"`
	// PerHostConcurrency is the most requests to one host at once. Default 2.
	PerHostConcurrency int `toml:"per_host_concurrency"`
	// FullText fetches the article page when an item holds only a teaser.
	// Default true.
	FullText bool `toml:"full_text"`
}

// Feed is one configured feed; every feed is one outlet.
type Feed struct {
	// URL is an http(s) URL, or a file:// URL with an absolute path. file://
	// is accepted only here, never from chat.
	URL string `toml:"url"`
	// Name is the outlet's name as digests show it. Default: the URL's host
	// (or file name).
	Name string `toml:"name"`
	// Lean is the operator's label for the outlet's political lean, one of
	// Leans or empty. It is shown attributed to the operator and never
	// inferred from text.
	Lean string `toml:"lean"`
	// Genre is the operator's word on what the feed carries, one of Genres
	// or empty: "opinion" for a columns or editorials feed, "reporting" for a
	// news wire. It overrides every other genre signal (URL, categories,
	// text); empty lets each article's own signals decide.
	Genre string `toml:"genre"`
	// Tags let channels pick feeds by topic.
	Tags []string `toml:"tags"`
}

// Channel is one chat channel that receives digests.
type Channel struct {
	// Platform is "discord", "slack" or "console".
	Platform string `toml:"platform"`
	// ID is the platform's channel id ("stdout" for the console).
	ID string `toml:"id"`
	// Scope is the Discord guild id or the Slack team id the channel belongs
	// to; feeds added in chat for that scope are followed too. Optional.
	Scope string `toml:"scope"`
	// Schedule is a 5-field cron expression (minute hour day-of-month month
	// day-of-week) or a descriptor (@hourly, @daily, @weekly, @monthly,
	// @yearly) evaluated in Timezone, the grammar of the chat schedule
	// command (package cron). Empty means no scheduled digest.
	Schedule string `toml:"schedule"`
	// Timezone is an IANA time zone name. Default "UTC".
	Timezone string `toml:"timezone"`
	// Tags select the feeds carrying any of these tags; empty means all feeds.
	Tags []string `toml:"tags"`
	// Live posts new stories as they form, in addition to any schedule.
	Live bool `toml:"live"`
	// LiveMaxPerHour caps live posts to the channel. Default 6.
	LiveMaxPerHour int `toml:"live_max_per_hour"`
	// Include lists RE2 patterns; when set, a story is posted only if its
	// title, summary or a headline matches one of them. Matching ignores case.
	Include []string `toml:"include"`
	// Exclude lists RE2 patterns; a story whose title, summary or a headline
	// matches one of them is never posted.
	Exclude []string `toml:"exclude"`
	// NothingNew sends a short notice when a scheduled period has no stories,
	// instead of staying silent.
	NothingNew bool `toml:"nothing_new"`
	// MaxStories is how many stories a digest shows: 1..9 for a brief
	// digest (one Discord message holds ten embeds, one is the header),
	// up to MaxFullStories for a full one. 0 leaves it to the bot: 6 brief,
	// 10 full.
	MaxStories int `toml:"max_stories"`
	// Detail is "brief" (one message per digest, details on demand) or
	// "full" (every article's framing in the digest, split across messages
	// when long). Default "brief".
	Detail string `toml:"detail"`
	// Image attaches the coverage chart (a PNG) to each digest. Default true.
	Image bool `toml:"image"`
}

// Discord configures the Discord adapter. The bot token comes from
// NEWSDIGEST_DISCORD_TOKEN.
type Discord struct {
	// ApplicationID is the application's id from the developer portal.
	ApplicationID string `toml:"application_id"`
	// PublicKey is the application's hex Ed25519 public key, used to verify
	// interactions in HTTP mode. NEWSDIGEST_DISCORD_PUBLIC_KEY overrides it.
	PublicKey string `toml:"public_key"`
	// Mode is "gateway" (websocket, no public URL) or "http" (Interactions
	// Endpoint URL at /discord/interactions). Default "gateway".
	Mode string `toml:"mode"`
	// GuildID registers slash commands in one guild (instant, for testing)
	// instead of globally. Optional.
	GuildID string `toml:"guild_id"`
	// APIBase is the REST base URL, e.g. of a shared rate-limit proxy.
	// Default DefaultDiscordAPIBase.
	APIBase string `toml:"api_base"`
	// Token is the bot token. Set it with NEWSDIGEST_DISCORD_TOKEN rather
	// than in the file; the environment wins.
	Token string `toml:"token"`
}

// Slack configures the Slack adapter. Secrets come from
// NEWSDIGEST_SLACK_BOT_TOKEN, NEWSDIGEST_SLACK_APP_TOKEN and
// NEWSDIGEST_SLACK_SIGNING_SECRET.
type Slack struct {
	// Mode is "http" (Slack calls /slack/commands and /slack/interactivity)
	// or "socket" (Socket Mode, no public URL). Default "http".
	Mode string `toml:"mode"`
	// APIURL is the Web API base URL, ending in "/". Default DefaultSlackAPIURL.
	APIURL string `toml:"api_url"`
	// AdminGroup is the id of a user group whose members may change feeds and
	// schedules besides workspace admins. Optional.
	AdminGroup string `toml:"admin_group"`
	// BotToken (xoxb-…) posts messages. Prefer NEWSDIGEST_SLACK_BOT_TOKEN.
	BotToken string `toml:"bot_token"`
	// AppToken (xapp-…) opens Socket Mode. Prefer NEWSDIGEST_SLACK_APP_TOKEN.
	AppToken string `toml:"app_token"`
	// SigningSecret verifies requests in HTTP mode. Prefer
	// NEWSDIGEST_SLACK_SIGNING_SECRET.
	SigningSecret string `toml:"signing_secret"`
}
