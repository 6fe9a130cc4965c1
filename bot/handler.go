package bot

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/newsdigest/newsdigest/compose"
	"github.com/newsdigest/newsdigest/store"
)

// Store is what the command handlers need of storage.
type Store interface {
	compose.Store // the digest command's feeds and articles
	AddFeed(ctx context.Context, f store.Feed) (store.Feed, error)
	DeleteFeed(ctx context.Context, scope string, id int64) error
	// ArticleByURL returns the article at canonicalURL that scope may
	// see: from its own feeds or the operator's (store.ErrNotFound else).
	ArticleByURL(ctx context.Context, scope, canonicalURL string) (store.Article, error)
}

// Schedules is what the schedule command needs; nil disables it.
type Schedules interface {
	SetChannelSchedule(ctx context.Context, ch Channel, cron, timezone string) (next time.Time, err error)
	ChannelSchedule(ctx context.Context, ch Channel) (cron, timezone string, next time.Time, err error)
	DisableChannelSchedule(ctx context.Context, ch Channel) error
}

// Fetcher checks feeds and fetches articles for the commands that take a
// URL, on behalf of the chat user (feed.ChatFetcher); its errors carry a
// UserMessage (feed.Explain).
type Fetcher interface {
	// CheckFeed fetches rawURL once and returns the feed's title and where
	// the feed really lives (after discovery); it refuses private addresses
	// and anything that is not a feed, with the reason.
	CheckFeed(ctx context.Context, rawURL string) (title, feedURL string, err error)
	// ExtractArticle fetches a page and extracts its headline and main text.
	ExtractArticle(ctx context.Context, rawURL string) (title, text string, err error)
}

// Handler runs chat commands. The same handler serves every platform.
type Handler struct {
	Store     Store
	Schedules Schedules     // optional
	Styles    ChannelStyles // optional: how each channel's digests look; nil keeps the defaults
	// Fetcher fetches for members. It must never reach private addresses,
	// whatever the operator allows for its own feeds: feed.Poller.ForChat(false).
	Fetcher Fetcher
	// AdminFetcher, when set, fetches for users who may manage feeds
	// (feed.Poller.ForChat(true)); it reaches private addresses only when
	// the operator set chat_allow_private_networks.
	AdminFetcher Fetcher
	Log          *slog.Logger
	Now          func() time.Time
	Window       time.Duration // how far back /story and /why look; default 72h
	// BlindspotSettle is how old a story must be for a blindspot; default
	// digest.DefaultBlindspotSettle.
	BlindspotSettle time.Duration
}

// fetcher returns the fetcher for c's author.
func (h *Handler) fetcher(c Command) Fetcher {
	if c.CanManage && h.AdminFetcher != nil {
		return h.AdminFetcher
	}
	return h.Fetcher
}

// errNotAllowed is returned when a command needs Manage Server / workspace admin.
var errNotAllowed = &UserError{Message: "changing feeds or schedules needs the Manage Server permission on Discord or a workspace admin on Slack"}

// Handle runs c and returns the reply. Failures become a polite message, so
// an adapter always has something to show: a UserError's message, or for an
// internal error an apology with a reference to its log line.
func (h *Handler) Handle(ctx context.Context, c Command) Message {
	var (
		m   Message
		err error
	)
	switch c.Name {
	case "digest":
		m, err = h.digest(ctx, c)
	case "story", "compare":
		m, err = h.story(ctx, c)
	case "sources":
		m, err = h.sources(ctx, c)
	case "framing":
		m, err = h.framing(ctx, c)
	case "feeds":
		m, err = h.feeds(ctx, c)
	case "schedule":
		m, err = h.schedule(ctx, c)
	case "why":
		m, err = h.why(ctx, c)
	case "help", "":
		m = Help()
	default:
		m = Message{Text: "I don't know the command \"" + c.Name + "\".", Ephemeral: true}
		m.Sections = Help().Sections
	}
	if err != nil {
		return h.failure(ctx, c, err)
	}
	return m
}

func (h *Handler) logger() *slog.Logger {
	if h.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return h.Log
}

func (h *Handler) now() time.Time {
	if h.Now == nil {
		return time.Now()
	}
	return h.Now()
}

func (h *Handler) window() time.Duration {
	if h.Window <= 0 {
		return 72 * time.Hour
	}
	return h.Window
}

// Help lists the commands.
func Help() Message {
	lines := []string{
		"digest [since] [topic]: the digest for this channel's feeds, now (since like 6h or 2d)",
		"story <query>: one story with every outlet's framing side by side",
		"framing <url>: analyse one article: summary, genre, stance, frames, cues with quotes",
		"feeds add <url> [name] [lean] [genre] | feeds remove <feed> | feeds list",
		"schedule set <cron> [timezone] [max_stories=6] [detail=brief|full] [image=on|off] | schedule show | schedule off",
		"why <url>: whether an article was seen, when, in which story, and whether it was in a digest",
	}
	return Message{Title: "newsdigest commands", Text: strings.Join(lines, "\n"), Ephemeral: true}
}
