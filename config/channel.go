package config

import (
	"fmt"
	"slices"
	"time"
)

// Location returns the channel's time zone; "" means UTC.
func (ch Channel) Location() (*time.Location, error) {
	loc, err := time.LoadLocation(ch.Timezone)
	if err != nil || ch.Timezone == "Local" {
		return nil, fmt.Errorf("config: channel %s/%s: time zone %q: %w", ch.Platform, ch.ID, ch.Timezone, ErrInvalid)
	}
	return loc, nil
}

// Follows reports whether the channel takes the feed's articles: a channel
// without tags follows every feed, one with tags the feeds sharing a tag.
func (ch Channel) Follows(f Feed) bool {
	if len(ch.Tags) == 0 {
		return true
	}
	for _, t := range ch.Tags {
		if slices.Contains(f.Tags, t) {
			return true
		}
	}
	return false
}

// FeedsFor returns the configured feeds the channel follows.
func (c *Config) FeedsFor(ch Channel) []Feed {
	var out []Feed
	for _, f := range c.Feeds {
		if ch.Follows(f) {
			out = append(out, f)
		}
	}
	return out
}

// Line returns the line of key (such as "feeds[2].url") in the file the
// Config was loaded from, or 0 when unknown. Callers that find a problem
// with a value later use it to point at the file.
func (c *Config) Line(key string) int {
	return lookupLine(c.lines, key)
}
