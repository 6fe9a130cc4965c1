package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/bot/discord"
	"github.com/newsdigest/newsdigest/bot/slack"
	"github.com/newsdigest/newsdigest/internal/lease"
	"github.com/newsdigest/newsdigest/metrics"
	"github.com/newsdigest/newsdigest/store"
)

// chat holds the configured chat adapters: their posters by platform, their
// HTTP endpoints, and what must run or close with serve.
type chat struct {
	posters map[string]bot.Poster
	closers []func()
}

// startChat creates the Discord and Slack adapters the configuration enables,
// mounts their HTTP endpoints on mux, and starts gateway or Socket Mode
// connections on wg under ctx. The Discord gateway runs on one instance at a
// time, the holder of its lease (owner is this instance's name); the
// requests already handled are kept in the database for every instance.
func (a *app) startChat(ctx context.Context, owner string, h *bot.Handler, mux *http.ServeMux, wg *sync.WaitGroup, m *metrics.Bot) (*chat, error) {
	c := &chat{posters: map[string]bot.Poster{}}
	if err := a.cfg.CheckSecrets(); err != nil {
		return nil, err
	}
	if a.cfg.DiscordEnabled() {
		d := a.cfg.Discord
		db, err := discord.New(discord.Options{ApplicationID: d.ApplicationID, PublicKey: d.PublicKey, Token: d.Token,
			GuildID: d.GuildID, APIBase: d.APIBase, Mode: d.Mode, Logger: a.log.With(slog.String("platform", "discord")),
			OnRateLimited: func() { m.RateLimited("discord") }, Seen: a.st}, h)
		if err != nil {
			return nil, fmt.Errorf("discord: %w", err)
		}
		if err := db.RegisterCommands(ctx); err != nil {
			a.log.Error("discord: registering slash commands failed", slog.String("error", err.Error()))
		}
		if db.Mode() == discord.ModeHTTP {
			mux.Handle("POST /discord/interactions", db.InteractionsHandler())
		} else {
			wg.Go(func() {
				lease.Hold(ctx, a.st, store.LeaseDiscordGateway, owner, lease.Options{Log: a.log}, db.RunGateway)
			})
		}
		c.posters["discord"] = db
		c.closers = append(c.closers, func() { _ = db.Close() })
	}
	if a.cfg.SlackEnabled() {
		s := a.cfg.Slack
		sb, err := slack.New(slack.Options{BotToken: s.BotToken, AppToken: s.AppToken, SigningSecret: s.SigningSecret,
			APIURL: s.APIURL, AdminGroup: s.AdminGroup, Mode: s.Mode, Logger: a.log.With(slog.String("platform", "slack")),
			OnRateLimited: func() { m.RateLimited("slack") }, Seen: a.st}, h)
		if err != nil {
			return nil, fmt.Errorf("slack: %w", err)
		}
		if s.Mode == slack.ModeSocket {
			wg.Go(func() {
				if err := sb.RunSocketMode(ctx); err != nil && ctx.Err() == nil {
					a.log.Error("slack socket mode stopped", slog.String("error", err.Error()))
				}
			})
		} else {
			mux.Handle("POST /slack/commands", sb.CommandsHandler())
			mux.Handle("POST /slack/interactivity", sb.InteractivityHandler())
		}
		c.posters["slack"] = sb
		c.closers = append(c.closers, sb.Close)
	}
	return c, nil
}

// Close stops the adapters' background work.
func (c *chat) Close() {
	for _, f := range c.closers {
		f()
	}
}
