package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsdigest/newsdigest/bot/chart"
	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

// Digest detail levels a channel may choose.
const (
	DetailBrief = "brief" // one message, details on demand
	DetailFull  = "full"  // every article's framing in the digest
	// MaxFullStories bounds a full digest: more is a wall of text.
	MaxFullStories = 20
	// defaultFullStories is what a full digest shows when the channel does
	// not say: the long form's number from before brief digests.
	defaultFullStories = maxStoriesPerCommand
)

// ChannelStyles reads and changes how a channel's digests look; the zero
// style is the default (brief, DefaultMaxStories, with the chart).
type ChannelStyles interface {
	ChannelStyle(ctx context.Context, ch Channel) (store.DigestStyle, error)
	SetChannelStyle(ctx context.Context, ch Channel, s store.DigestStyle) error
}

// StyleStore is what StyleBook needs of storage; *store.Store has it.
type StyleStore interface {
	ChannelByRef(ctx context.Context, platform, channelID string) (store.Channel, error)
	UpsertChannel(ctx context.Context, c store.Channel) (store.Channel, error)
	SetChannelStyle(ctx context.Context, id int64, s store.DigestStyle) error
}

// StyleBook keeps channels' digest styles in the store.
type StyleBook struct{ Store StyleStore }

var _ ChannelStyles = StyleBook{}

// ChannelStyle returns ch's style; a channel the store does not know has
// the default one.
func (b StyleBook) ChannelStyle(ctx context.Context, ch Channel) (store.DigestStyle, error) {
	c, err := b.Store.ChannelByRef(ctx, ch.Platform, ch.ID)
	if errors.Is(err, store.ErrNotFound) {
		return store.DigestStyle{}, nil
	}
	if err != nil {
		return store.DigestStyle{}, fmt.Errorf("digest style: %w", err)
	}
	return c.Style, nil
}

// SetChannelStyle stores ch's style, adding the channel (following its
// scope's feeds) when the store does not know it yet.
func (b StyleBook) SetChannelStyle(ctx context.Context, ch Channel, s store.DigestStyle) error {
	c, err := b.Store.ChannelByRef(ctx, ch.Platform, ch.ID)
	if errors.Is(err, store.ErrNotFound) {
		c, err = b.Store.UpsertChannel(ctx, store.Channel{Platform: ch.Platform, Scope: ch.Scope, ChannelID: ch.ID})
	}
	if err != nil {
		return fmt.Errorf("digest style: %w", err)
	}
	if err := b.Store.SetChannelStyle(ctx, c.ID, s); err != nil {
		return fmt.Errorf("digest style: %w", err)
	}
	return nil
}

// StyleArgs are the command options that set a digest style.
var StyleArgs = []string{"max_stories", "detail", "image"}

// applyStyleArgs changes s by the style options in args (those left out
// keep their value) and reports whether there were any.
func applyStyleArgs(s store.DigestStyle, args map[string]string) (store.DigestStyle, bool, error) {
	changed := false
	if v := strings.TrimSpace(args["detail"]); v != "" {
		changed = true
		switch d := strings.ToLower(v); d {
		case DetailBrief, DetailFull:
			s.Detail = d
		default:
			return s, true, userErrorf("detail is %q or %q, not %q", DetailBrief, DetailFull, v)
		}
	}
	if v := strings.TrimSpace(args["image"]); v != "" {
		changed = true
		switch strings.ToLower(v) {
		case "true", "on", "yes":
			s.NoImage = false
		case "false", "off", "no":
			s.NoImage = true
		default:
			return s, true, userErrorf("image is on or off, not %q", v)
		}
	}
	if v := strings.TrimSpace(args["max_stories"]); v != "" {
		changed = true
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return s, true, userErrorf("max_stories is a number from 1, not %q", v)
		}
		s.MaxStories = n
	}
	if most := maxStoriesFor(s.Detail); s.MaxStories > most {
		return s, true, userErrorf("a %s digest shows at most %d stories, not %d", detailOf(s), most, s.MaxStories)
	}
	return s, changed, nil
}

func maxStoriesFor(detail string) int {
	if detail == DetailFull {
		return MaxFullStories
	}
	return MaxBriefStories
}

func detailOf(s store.DigestStyle) string {
	if s.Detail == DetailFull {
		return DetailFull
	}
	return DetailBrief
}

// storiesOf is how many stories a digest in style s shows.
func storiesOf(s store.DigestStyle) int {
	switch {
	case s.MaxStories > 0:
		return s.MaxStories
	case s.Detail == DetailFull:
		return defaultFullStories
	}
	return DefaultMaxStories
}

// describeStyle says in words how a channel's digests look.
func describeStyle(s store.DigestStyle) string {
	chart := "with the coverage chart"
	if s.NoImage {
		chart = "without the coverage chart"
	}
	kind := "brief (one message; every article's framing on demand)"
	if s.Detail == DetailFull {
		kind = "full (every article's framing in the digest)"
	}
	return fmt.Sprintf("Digests here are %s, up to %d stories, %s.", kind, storiesOf(s), chart)
}

// ShownStories are the stories of d a digest in style s shows.
func ShownStories(d digest.Digest, s store.DigestStyle) []digest.Story {
	n := storiesOf(s)
	if s.Detail != DetailFull {
		n = min(n, MaxBriefStories)
	}
	return d.Stories[:min(n, len(d.Stories))]
}

// StyledDigest renders a digest the way a channel wants it: brief (one
// message) unless its style says full. Like BriefMessage it returns a
// usable message with an error when only the chart failed.
func StyledDigest(title string, d digest.Digest, s store.DigestStyle) (Message, error) {
	if s.Detail != DetailFull {
		return BriefMessage(title, d, BriefOptions{MaxStories: storiesOf(s), NoImage: s.NoImage})
	}
	d.Stories = ShownStories(d, s)
	m := DigestMessage(title, d)
	if s.NoImage || len(d.Stories) == 0 {
		return m, nil
	}
	png, err := chart.PNG(d.Stories)
	if err != nil {
		return m, fmt.Errorf("coverage chart: %w", err)
	}
	m.Image = &Image{Name: chart.FileName, Alt: chart.AltText(d.Stories), PNG: png}
	return m, nil
}
