package store

import (
	"context"
	"fmt"
	"slices"
)

// Follows reports whether channel c receives the articles of feed f: f is
// one of c's feeds, or has one of c's tags. Either way the feed must be a
// config feed (scope "") or belong to the channel's own scope, so a tag
// never pulls in another community's feeds.
func (c Channel) Follows(f Feed) bool {
	if f.Scope != "" && f.Scope != c.Scope {
		return false
	}
	if slices.Contains(c.FeedIDs, f.ID) {
		return true
	}
	for _, tag := range f.Tags {
		if slices.Contains(c.Tags, tag) {
			return true
		}
	}
	return false
}

// ChannelFeeds returns the polled feeds whose articles channel c receives
// (see Channel.Follows), by ID.
func (s *Store) ChannelFeeds(ctx context.Context, c Channel) ([]Feed, error) {
	all, err := s.AllFeeds(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: feeds of channel %d: %w", c.ID, err)
	}
	var out []Feed
	for _, f := range all {
		if c.Follows(f) {
			out = append(out, f)
		}
	}
	return out, nil
}

// FeedFollowers returns the channels that receive feed f's articles, by ID:
// the channels a feed-health notice about f goes to.
func (s *Store) FeedFollowers(ctx context.Context, f Feed) ([]Channel, error) {
	all, err := s.AllChannels(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: followers of feed %d: %w", f.ID, err)
	}
	var out []Channel
	for _, c := range all {
		if c.Follows(f) {
			out = append(out, c)
		}
	}
	return out, nil
}
