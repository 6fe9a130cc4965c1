package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/internal/urlrule"
	"github.com/newsdigest/newsdigest/store"
)

func (h *Handler) feeds(ctx context.Context, c Command) (Message, error) {
	switch c.Sub {
	case "list", "":
		return h.listFeeds(ctx, c)
	case "add":
		if !c.CanManage {
			return Message{}, errNotAllowed
		}
		return h.addFeed(ctx, c)
	case "remove":
		if !c.CanManage {
			return Message{}, errNotAllowed
		}
		return h.removeFeed(ctx, c)
	}
	return Message{}, userErrorf("feeds takes add, remove or list, not %q", c.Sub)
}

func (h *Handler) listFeeds(ctx context.Context, c Command) (Message, error) {
	feeds, err := h.Store.Feeds(ctx, c.Scope)
	if err != nil {
		return Message{}, fmt.Errorf("list feeds: %w", err)
	}
	if len(feeds) == 0 {
		return Message{Text: "This server follows no feeds of its own yet. Add one with feeds add <url>.", Ephemeral: true}, nil
	}
	sec := Section{Heading: "Feeds"}
	for _, f := range feeds {
		status := "ok"
		if f.Unhealthy {
			status = "failing: " + f.LastError
		}
		value := status
		if f.Genre != "" {
			value = "genre " + f.Genre + " (yours) · " + value
		}
		if f.Lean != "" {
			value = "lean " + f.Lean + " (yours) · " + value
		}
		sec.Fields = append(sec.Fields, Field{Name: fmt.Sprintf("#%d %s", f.ID, f.Name), Value: value, URL: f.URL})
	}
	return Message{Sections: []Section{sec}, Ephemeral: true}, nil
}

// feedGenres are the genres an operator may give a feed (the framing genres).
var feedGenres = []string{"reporting", "opinion", "analysis"}

// Caps on what a chat user names a feed: digests show both on every story.
const (
	maxFeedName = 100
	maxLean     = 20
)

func (h *Handler) addFeed(ctx context.Context, c Command) (Message, error) {
	u, err := urlrule.Parse(c.Args["url"], false)
	if err != nil {
		return Message{}, asUser(err)
	}
	genre := strings.ToLower(strings.TrimSpace(c.Args["genre"]))
	if genre != "" && !slices.Contains(feedGenres, genre) {
		return Message{}, userErrorf("genre %q is not one of %s (or leave it out)", genre, strings.Join(feedGenres, ", "))
	}
	name, lean := strings.TrimSpace(c.Args["name"]), strings.TrimSpace(c.Args["lean"])
	if utf8.RuneCountInString(name) > maxFeedName || utf8.RuneCountInString(lean) > maxLean {
		return Message{}, userErrorf("a feed's name may have at most %d characters, its lean %d", maxFeedName, maxLean)
	}
	if f := h.fetcher(c); f != nil {
		title, found, err := f.CheckFeed(ctx, u.String())
		if err != nil {
			return Message{}, userWrap("I could not add "+u.String(), err)
		}
		if parsed, perr := urlrule.Parse(found, false); perr == nil {
			u = parsed
		}
		if name == "" {
			name = title
		}
	}
	if name == "" {
		name = u.Host
	}
	f, err := h.Store.AddFeed(ctx, store.Feed{Scope: c.Scope, URL: u.String(), Name: name, Lean: lean, Genre: genre})
	if errors.Is(err, store.ErrDuplicate) {
		return Message{Text: "This server already follows " + u.String() + ".", Ephemeral: true}, nil
	}
	if err != nil {
		return Message{}, fmt.Errorf("save feed: %w", err)
	}
	return Message{Text: fmt.Sprintf("Added feed #%d %s (%s).", f.ID, f.Name, f.URL)}, nil
}

func (h *Handler) removeFeed(ctx context.Context, c Command) (Message, error) {
	ref := strings.TrimPrefix(strings.TrimSpace(c.Args["feed"]), "#")
	feeds, err := h.Store.Feeds(ctx, c.Scope)
	if err != nil {
		return Message{}, fmt.Errorf("list feeds: %w", err)
	}
	for _, f := range feeds {
		if strconv.FormatInt(f.ID, 10) == ref || f.URL == ref || strings.EqualFold(f.Name, ref) {
			if err := h.Store.DeleteFeed(ctx, c.Scope, f.ID); err != nil {
				return Message{}, fmt.Errorf("remove feed: %w", err)
			}
			return Message{Text: fmt.Sprintf("Removed feed #%d %s.", f.ID, f.Name)}, nil
		}
	}
	return Message{Text: "This server follows no feed " + strconv.Quote(ref) + ". See feeds list.", Ephemeral: true}, nil
}
