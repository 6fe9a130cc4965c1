// Package discord connects newsdigest to Discord: it turns slash commands and
// button presses (over the gateway or signed HTTP interactions) into
// bot.Command values, renders bot.Message as embeds within Discord's limits,
// and posts digests with the bot token while honouring rate limits.
package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"

	"github.com/newsdigest/newsdigest/bot"
)

// DefaultAPIBase is Discord's REST API root; Options.APIBase replaces it.
const DefaultAPIBase = "https://discord.com/api/v10"

// Modes of receiving interactions.
const (
	ModeHTTP    = "http"    // Discord POSTs signed interactions to our endpoint
	ModeGateway = "gateway" // we hold a websocket to Discord; no public URL needed
)

// Sentinel errors, matched with errors.Is.
var (
	// ErrMissingPermission means Discord refused a post because the bot lacks a
	// permission (50013) or access to the channel (50001).
	ErrMissingPermission = errors.New("discord: missing permission")
	// ErrNoToken means a call needs the bot token and none was configured.
	ErrNoToken = errors.New("discord: no bot token (set NEWSDIGEST_DISCORD_TOKEN)")
	// ErrConfig means the Options are unusable.
	ErrConfig = errors.New("discord: invalid options")
)

// Handler runs a parsed command; it is implemented by *bot.Handler.
type Handler interface {
	Handle(ctx context.Context, c bot.Command) bot.Message
}

// Completer is optionally implemented by a Handler to suggest values for an
// option while the user types it (Discord autocomplete), such as the feeds of
// the guild for "/feeds remove feed". c carries the command as typed so far.
type Completer interface {
	Complete(ctx context.Context, c bot.Command, option, typed string) []string
}

// Options configure a Bot. ApplicationID is always required; PublicKey is
// required in HTTP mode; Token is required to post, register commands or use
// the gateway.
type Options struct {
	ApplicationID string
	PublicKey     string // hex Ed25519 key from the developer portal
	Token         string // bot token, with or without the "Bot " prefix
	GuildID       string // register commands in this guild only (instant updates)
	APIBase       string // REST root; DefaultAPIBase when empty
	Mode          string // ModeHTTP (default) or ModeGateway
	HTTPClient    *http.Client
	Logger        *slog.Logger
	// OnRateLimited, when set, is called for every 429 Discord answers,
	// retried or not (for metrics). It must be safe for concurrent use.
	OnRateLimited func()
	// Seen, when set, keeps the interaction ids already handled in the
	// database, so that several instances and restarts refuse a replay
	// alike; without it they are kept in memory.
	Seen SeenStore
}

// Bot is a Discord adapter. It is safe for concurrent use.
type Bot struct {
	appID   string
	guildID string
	mode    string
	pubKey  ed25519.PublicKey
	hasTok  bool
	session *discordgo.Session
	handler Handler
	log     *slog.Logger

	onLimit func() // Options.OnRateLimited, never nil

	// Tunables; tests shorten them.
	maxBody       int64
	maxSkew       time.Duration
	tokenLifetime time.Duration
	workTimeout   time.Duration
	maxAttempts   int
	backoff       time.Duration
	maxRetryWait  time.Duration
	paceEvery     rate.Limit
	paceBurst     int
	now           func() time.Time

	replays *replayGuard

	pacersMu sync.Mutex
	pacers   map[string]*rate.Limiter

	base   context.Context
	cancel context.CancelFunc
	work   sync.WaitGroup
	jobs   chan struct{} // bounds commands running at once
	acking atomic.Int64  // HTTP interactions being acknowledged right now
}

// maxJobs bounds how many commands run at once in the background, so a
// burst of commands cannot starve the acknowledgements of new interactions
// (which must reach Discord within 3 seconds) of CPU. Commands also wait
// for acknowledgements in flight before starting (see yieldToAcks), for at
// most ackPriority.
var maxJobs = max(4, 2*runtime.GOMAXPROCS(0))

const ackPriority = 100 * time.Millisecond

// New checks opts and returns a Bot whose commands are run by h.
func New(opts Options, h Handler) (*Bot, error) {
	if h == nil {
		return nil, fmt.Errorf("%w: nil handler", ErrConfig)
	}
	if opts.ApplicationID == "" {
		return nil, fmt.Errorf("%w: application_id is empty; copy it from the developer portal", ErrConfig)
	}
	mode := strings.ToLower(strings.TrimSpace(opts.Mode))
	if mode == "" {
		mode = ModeHTTP
	}
	if mode != ModeHTTP && mode != ModeGateway {
		return nil, fmt.Errorf("%w: mode %q: want %q or %q", ErrConfig, opts.Mode, ModeHTTP, ModeGateway)
	}
	var pub ed25519.PublicKey
	if opts.PublicKey != "" {
		raw, err := hex.DecodeString(strings.TrimSpace(opts.PublicKey))
		if err != nil || len(raw) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("%w: public_key must be %d hex-encoded bytes", ErrConfig, ed25519.PublicKeySize)
		}
		pub = ed25519.PublicKey(raw)
	} else if mode == ModeHTTP {
		return nil, fmt.Errorf("%w: public_key is required in http mode", ErrConfig)
	}
	if mode == ModeGateway && opts.Token == "" {
		return nil, fmt.Errorf("%w: gateway mode needs the bot token", ErrNoToken)
	}
	apiBase, err := parseAPIBase(opts.APIBase)
	if err != nil {
		return nil, err
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	log = log.With(slog.String("component", "discord"))

	token := strings.TrimSpace(opts.Token)
	if token != "" && !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discord: new session: %w", err)
	}
	s.Client = apiClient(opts.HTTPClient, apiBase)
	s.ShouldRetryOnRateLimit = true
	s.StateEnabled = false
	s.Identify.Intents = discordgo.IntentsGuilds
	s.UserAgent = "DiscordBot (https://github.com/newsdigest/newsdigest, 1)"

	base, cancel := context.WithCancel(context.Background())
	onLimit := opts.OnRateLimited
	if onLimit == nil {
		onLimit = func() {}
	}
	return &Bot{
		onLimit:       onLimit,
		appID:         opts.ApplicationID,
		guildID:       opts.GuildID,
		mode:          mode,
		pubKey:        pub,
		hasTok:        token != "",
		session:       s,
		handler:       h,
		log:           log,
		maxBody:       256 << 10,
		maxSkew:       5 * time.Minute,
		tokenLifetime: 15 * time.Minute,
		workTimeout:   30 * time.Minute,
		maxAttempts:   5,
		backoff:       500 * time.Millisecond,
		maxRetryWait:  5 * time.Minute,
		paceEvery:     rate.Every(time.Second),
		paceBurst:     3,
		now:           time.Now,
		pacers:        map[string]*rate.Limiter{},
		replays:       newReplayGuard(5*time.Minute, opts.Seen),
		base:          base,
		cancel:        cancel,
		jobs:          make(chan struct{}, maxJobs),
	}, nil
}

// Mode reports how the Bot receives interactions: ModeHTTP or ModeGateway.
func (b *Bot) Mode() string { return b.mode }

// Close stops background work started by interactions and waits for it.
func (b *Bot) Close() error {
	b.cancel()
	b.work.Wait()
	return nil
}

// goBackground runs f on its own goroutine with a context that outlives the
// request that started it but not the Bot.
func (b *Bot) goBackground(f func(ctx context.Context)) {
	b.work.Add(1)
	go func() {
		defer b.work.Done()
		ctx, cancel := context.WithTimeout(b.base, b.workTimeout)
		defer cancel()
		select {
		case b.jobs <- struct{}{}:
			defer func() { <-b.jobs }()
		case <-ctx.Done():
			b.log.LogAttrs(ctx, slog.LevelWarn, "discord command dropped: shutting down")
			return
		}
		b.yieldToAcks(ctx)
		f(ctx)
	}()
}

// yieldToAcks lets a burst of incoming interactions be acknowledged before
// a command starts using CPU: their answers are due within 3 seconds, the
// command's result may take minutes. It waits at most ackPriority, so a
// steady stream of interactions cannot starve commands.
func (b *Bot) yieldToAcks(ctx context.Context) {
	if b.acking.Load() == 0 {
		return
	}
	deadline := time.Now().Add(ackPriority)
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	for b.acking.Load() > 0 && time.Now().Before(deadline) {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func parseAPIBase(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return DefaultAPIBase, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%w: api_base %q is not an http(s) URL", ErrConfig, s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%w: api_base %q must not have a query or fragment", ErrConfig, s)
	}
	return strings.TrimSuffix(u.String(), "/"), nil
}
