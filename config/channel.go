package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
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

// Filter returns a function that reports whether a story's text (its title,
// summary and headlines) may be posted to the channel: it must match one of
// Include when Include is set, and none of Exclude. Patterns are RE2 and
// match case-insensitively; blank ones are ignored.
func (ch Channel) Filter() (func(text string) bool, error) {
	include, err := compileAll(ch.Include)
	if err != nil {
		return nil, fmt.Errorf("config: channel %s/%s include: %w", ch.Platform, ch.ID, err)
	}
	exclude, err := compileAll(ch.Exclude)
	if err != nil {
		return nil, fmt.Errorf("config: channel %s/%s exclude: %w", ch.Platform, ch.ID, err)
	}
	return func(text string) bool {
		for _, re := range exclude {
			if re.MatchString(text) {
				return false
			}
		}
		if len(include) == 0 {
			return true
		}
		for _, re := range include {
			if re.MatchString(text) {
				return true
			}
		}
		return false
	}, nil
}

func compileAll(patterns []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(patterns))
	for _, p := range patterns {
		if strings.TrimSpace(p) == "" {
			continue
		}
		re, err := regexp.Compile("(?i)" + p)
		if err != nil {
			return nil, fmt.Errorf("%w: pattern %q: %w", ErrInvalid, p, err)
		}
		out = append(out, re)
	}
	return out, nil
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
