package feed

import (
	"log/slog"
	"time"

	"golang.org/x/time/rate"
)

// Options configures fetching, parsing and scheduling. Zero fields take the
// defaults listed on each field.
type Options struct {
	// AllowPrivateNetworks lets the operator's feeds (scope "") resolve to
	// loopback, private and link-local addresses (self-hosted feeds,
	// tests). It never applies to feeds added in chat or to fetches for a
	// chat user. Default false.
	AllowPrivateNetworks bool
	// ChatAllowPrivateNetworks lets feeds added in chat, and the fetches
	// ChatFetcher makes for users who may manage feeds, reach private
	// addresses. Members without that permission never do. Default false.
	ChatAllowPrivateNetworks bool
	// UserAgent sent with every request. Default DefaultUserAgent.
	UserAgent string
	// Timeout bounds one request, body included. Default 30s.
	Timeout time.Duration
	// MaxBodyBytes bounds a response body, both as sent and after
	// decompression. Default 10 MiB.
	MaxBodyBytes int64
	// Workers is the number of feeds fetched at once. Default 16.
	Workers int
	// MaxBytesInFlight bounds the memory that fetched bodies and their
	// parses hold at once across all workers, from reading to storing
	// their articles. Default 64 MiB; never less than MaxBodyBytes.
	MaxBytesInFlight int64
	// PerHostConcurrency bounds concurrent requests to one host. Default 2.
	PerHostConcurrency int
	// PerHostRate bounds requests per second to one host; rate.Inf disables
	// the limit. Default 2 per second.
	PerHostRate rate.Limit
	// MinInterval, MaxInterval clamp the next check; DefaultInterval is the
	// configured polling interval. Defaults 5m, 24h, 15m.
	MinInterval, MaxInterval, DefaultInterval time.Duration
	// MaxFailures consecutive failures mark a feed unhealthy. Default 10.
	MaxFailures int
	// MaxItemsPerPoll caps the articles of one feed posted live per poll;
	// newer items win, the rest are stored as backlog. Default 20.
	MaxItemsPerPoll int
	// FetchFullText fetches the article page of teaser items and extracts
	// the main text.
	FetchFullText bool
	// Logger receives fetch logs. Default: discard.
	Logger *slog.Logger
	// Now is the clock. Default time.Now.
	Now func() time.Time
	// OnPoll, when set, receives the report of every poll not cut short
	// by shutdown, from the polling goroutines (for metrics).
	OnPoll func(Report)
}

// DefaultUserAgent identifies the bot to the servers it polls.
const DefaultUserAgent = "newsdigest/1.0 (+https://github.com/newsdigest/newsdigest; feed poller)"

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 10 << 20
	}
	if o.Workers <= 0 {
		o.Workers = 16
	}
	if o.MaxBytesInFlight <= 0 {
		o.MaxBytesInFlight = 64 << 20
	}
	o.MaxBytesInFlight = max(o.MaxBytesInFlight, o.MaxBodyBytes)
	if o.PerHostConcurrency <= 0 {
		o.PerHostConcurrency = 2
	}
	if o.PerHostRate == 0 {
		o.PerHostRate = 2
	}
	if o.MinInterval <= 0 {
		o.MinInterval = 5 * time.Minute
	}
	if o.MaxInterval <= 0 {
		o.MaxInterval = 24 * time.Hour
	}
	if o.MaxInterval < o.MinInterval {
		o.MaxInterval = o.MinInterval
	}
	if o.DefaultInterval <= 0 {
		o.DefaultInterval = 15 * time.Minute
	}
	if o.MaxFailures <= 0 {
		o.MaxFailures = 10
	}
	if o.MaxItemsPerPoll <= 0 {
		o.MaxItemsPerPoll = 20
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}
