package compose

import (
	"context"
	"fmt"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

// FeedStore lists feeds; *store.Store has it.
type FeedStore interface {
	Feeds(ctx context.Context, scope string) ([]store.Feed, error)
	ChannelFeeds(ctx context.Context, c store.Channel) ([]store.Feed, error)
}

// Feeds returns the polled feeds whose articles ch reads: those it follows
// by id or tag or, when it names none (a channel set up in chat, or
// store.Channel{Scope: s} for a whole server), its scope's feeds and the
// operator's (scope ""). Follows says the same of one feed.
func Feeds(ctx context.Context, st FeedStore, ch store.Channel) ([]store.Feed, error) {
	if namesFeeds(ch) {
		feeds, err := st.ChannelFeeds(ctx, ch)
		if err != nil {
			return nil, fmt.Errorf("list feeds: %w", err)
		}
		return feeds, nil
	}
	scopes := []string{""}
	if ch.Scope != "" {
		scopes = append(scopes, ch.Scope)
	}
	var feeds []store.Feed
	for _, sc := range scopes {
		fs, err := st.Feeds(ctx, sc)
		if err != nil {
			return nil, fmt.Errorf("list feeds: %w", err)
		}
		feeds = append(feeds, fs...)
	}
	return feeds, nil
}

// Follows reports whether ch reads f's articles, by the rule of Feeds.
func Follows(ch store.Channel, f store.Feed) bool {
	if !namesFeeds(ch) {
		return f.Scope == "" || f.Scope == ch.Scope
	}
	return ch.Follows(f)
}

// namesFeeds reports whether ch chose its feeds (by id or tag) rather than
// reading its whole scope.
func namesFeeds(ch store.Channel) bool {
	return len(ch.Tags) > 0 || len(ch.FeedIDs) > 0
}

// ratedOutlets counts the outlets the operator rated on each side among
// the feeds a digest reads: a blindspot needs enough of them on the
// missing side (see digest.BuildOptions).
func ratedOutlets(feeds []store.Feed) map[string]int {
	names := make([]string, len(feeds))
	leans := make([]string, len(feeds))
	for i, f := range feeds {
		names[i], leans[i] = f.Name, f.Lean
		if names[i] == "" {
			names[i] = f.URL
		}
	}
	return digest.RatedOutlets(names, leans)
}

// FeedIDs returns the feeds' ids, in order.
func FeedIDs(feeds []store.Feed) []int64 {
	ids := make([]int64, 0, len(feeds))
	for _, f := range feeds {
		ids = append(ids, f.ID)
	}
	return ids
}
