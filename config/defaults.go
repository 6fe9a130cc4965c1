package config

import "time"

// Defaults for values the file leaves out.
const (
	DefaultDatabase        = "sqlite://newsdigest.db"
	DefaultListen          = ":8080"
	DefaultLogFormat       = "text"
	DefaultUserAgent       = "newsdigest/1.0 (+https://github.com/newsdigest/newsdigest)"
	DefaultWindow          = 48 * time.Hour
	DefaultBlindspotSettle = 12 * time.Hour // as digest.DefaultBlindspotSettle
	MaxBlindspotSettle     = 7 * 24 * time.Hour
	DefaultShutdownTimeout = 25 * time.Second
	DefaultBackupInterval  = 24 * time.Hour
	DefaultTimezone        = "UTC"
	DefaultLiveMaxPerHour  = 6
	DefaultDiscordMode     = "gateway"
	DefaultDiscordAPIBase  = "https://discord.com/api/v10"
	DefaultSlackMode       = "http"
	DefaultSlackAPIURL     = "https://slack.com/api/"
)

// Digest detail levels of a channel, and how many stories each may show.
const (
	DetailBrief     = "brief"
	DetailFull      = "full"
	MaxBriefStories = 9  // bot.MaxBriefStories: ten embeds in a Discord message, one the header
	MaxFullStories  = 20 // a full digest of more is a wall of text
)

// Platforms a channel may use.
const (
	PlatformDiscord = "discord"
	PlatformSlack   = "slack"
	PlatformConsole = "console"
)

// Leans are the values Feed.Lean may take besides "".
var Leans = []string{"left", "center-left", "center", "center-right", "right"}

// Genres are the values Feed.Genre may take besides "" (the framing genres).
var Genres = []string{"reporting", "opinion", "analysis"}

// DefaultPoll is the polling policy when [poll] leaves a value out.
var DefaultPoll = Poll{
	Interval:     15 * time.Minute,
	MinInterval:  5 * time.Minute,
	MaxInterval:  24 * time.Hour,
	Timeout:      30 * time.Second,
	MaxBodyBytes: 10 << 20,
	// Bodies and their parses held at once by all workers.
	MaxBytesInFlight: 64 << 20,
	Workers:          8,
	MaxFailures:      5,
	MaxItemsPerPoll:  50,
	FullText:         true,
	// The fetcher's own defaults: polite to a site that hosts many feeds.
	PerHostRate:        2,
	PerHostConcurrency: 2,
}

// Default returns a configuration with every default filled in and no feeds
// or channels. Load starts from it, so keys missing from a file keep these
// values.
func Default() *Config {
	return &Config{
		Database:        DefaultDatabase,
		Listen:          DefaultListen,
		LogFormat:       DefaultLogFormat,
		UserAgent:       DefaultUserAgent,
		Poll:            DefaultPoll,
		Window:          DefaultWindow,
		BlindspotSettle: DefaultBlindspotSettle,
		ShutdownTimeout: DefaultShutdownTimeout,
		BackupInterval:  DefaultBackupInterval,
		Discord:         Discord{Mode: DefaultDiscordMode, APIBase: DefaultDiscordAPIBase},
		Slack:           Slack{Mode: DefaultSlackMode, APIURL: DefaultSlackAPIURL},
	}
}

// setDefaults fills the per-channel values a [[channels]] table may leave
// out; the decoder calls it before decoding each table.
func (ch *Channel) setDefaults() {
	ch.Timezone = DefaultTimezone
	ch.LiveMaxPerHour = DefaultLiveMaxPerHour
	ch.Detail = DetailBrief
	ch.Image = true
}
