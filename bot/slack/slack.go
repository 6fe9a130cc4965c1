// Package slack connects newsdigest to Slack: the /newsdigest slash command
// and its buttons arrive over signed HTTP or Socket Mode, become bot.Command
// values, and the answers go back as Block Kit through response_url or
// chat.postMessage. *Bot also implements bot.Poster for scheduled digests.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/newsdigest/newsdigest/bot"
)

// Handler runs a parsed command; *bot.Handler implements it.
type Handler interface {
	Handle(ctx context.Context, c bot.Command) bot.Message
}

// Ingress modes for Options.Mode.
const (
	ModeHTTP   = "http"
	ModeSocket = "socket"
)

// Options configures a Bot. BotToken is always needed; SigningSecret in
// HTTP mode and AppToken in Socket Mode.
type Options struct {
	BotToken      string // xoxb-…: Web API calls
	AppToken      string // xapp-…: Socket Mode only
	SigningSecret string // verifies HTTP requests from Slack
	APIURL        string // Web API base; default Slack's
	AdminGroup    string // optional user group (id like S0123 or handle) whose members may manage feeds
	Mode          string // "http" (default) or "socket"
	HTTPClient    *http.Client
	Logger        *slog.Logger
	Now           func() time.Time
	// OnRateLimited, when set, is called for every 429 Slack answers a
	// post, retried or not (for metrics). It must be safe for concurrent use.
	OnRateLimited func()
	// Seen, when set, keeps the request signatures and Socket Mode
	// envelopes already handled in the database, so that several
	// instances and restarts refuse a replay alike; without it they are
	// kept in memory.
	Seen SeenStore
}

// SeenStore remembers request keys for every instance sharing a database
// and across restarts; *store.Store has it.
type SeenStore interface {
	FirstSeen(ctx context.Context, key string, expires, now time.Time) (bool, error)
}

// Bot is a Slack adapter: ingress handlers, Socket Mode loop and Poster.
type Bot struct {
	opts    Options
	h       Handler
	api     *slack.Client
	client  *http.Client
	log     *slog.Logger
	now     func() time.Time
	replays *replayCache // request signatures seen (HTTP mode)
	seenEnv *replayCache // envelope ids seen (Socket Mode)
	admins  *adminCache
	pacer   *pacer
	sent    *sentCache

	// Tunables; tests shorten them.
	maxAttempts  int
	backoff      time.Duration
	replyTimeout time.Duration

	ctx     context.Context // parent of background replies
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	running chan struct{} // bounds the commands running at once
}

// maxRunning bounds the commands run at once in the background, so a burst
// of commands cannot starve the acknowledgements Slack waits for.
const maxRunning = 16

// New checks opts and returns a Bot that answers commands with h.
func New(opts Options, h Handler) (*Bot, error) {
	if h == nil {
		return nil, errors.New("slack: no command handler")
	}
	if opts.BotToken == "" {
		return nil, errors.New("slack: no bot token: set NEWSDIGEST_SLACK_BOT_TOKEN")
	}
	switch opts.Mode {
	case "", ModeHTTP:
		opts.Mode = ModeHTTP
		if opts.SigningSecret == "" {
			return nil, errors.New("slack: http mode needs the signing secret: set NEWSDIGEST_SLACK_SIGNING_SECRET")
		}
	case ModeSocket:
		if opts.AppToken == "" {
			return nil, errors.New("slack: socket mode needs an app-level token: set NEWSDIGEST_SLACK_APP_TOKEN")
		}
	default:
		return nil, fmt.Errorf("slack: mode %q: want \"http\" or \"socket\"", opts.Mode)
	}
	if opts.HTTPClient == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = maxRunning // response_url posts all go to one host
		opts.HTTPClient = &http.Client{Timeout: 30 * time.Second, Transport: tr}
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	apiOpts := []slack.Option{slack.OptionHTTPClient(opts.HTTPClient)}
	if opts.APIURL != "" {
		u := opts.APIURL
		if !strings.HasSuffix(u, "/") {
			u += "/"
		}
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return nil, fmt.Errorf("slack: api_url %q is not an http(s) URL", opts.APIURL)
		}
		apiOpts = append(apiOpts, slack.OptionAPIURL(u))
	}
	if opts.AppToken != "" {
		apiOpts = append(apiOpts, slack.OptionAppLevelToken(opts.AppToken))
	}
	ctx, cancel := context.WithCancel(context.Background())
	b := &Bot{
		opts:         opts,
		h:            h,
		api:          slack.New(opts.BotToken, apiOpts...),
		client:       opts.HTTPClient,
		log:          opts.Logger,
		now:          opts.Now,
		replays:      newReplayCache(replayCacheSize),
		seenEnv:      newReplayCache(replayCacheSize),
		admins:       newAdminCache(adminCacheTTL),
		pacer:        newPacer(time.Second),
		sent:         newSentCache(sentCacheSize),
		maxAttempts:  5,
		backoff:      500 * time.Millisecond,
		replyTimeout: 5 * time.Minute,
		ctx:          ctx,
		cancel:       cancel,
		running:      make(chan struct{}, maxRunning),
	}
	return b, nil
}

// Close stops the replies still running in the background and waits for them.
func (b *Bot) Close() {
	b.cancel()
	b.wg.Wait()
}
