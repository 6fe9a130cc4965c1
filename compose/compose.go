// Package compose builds the digest of a period for a channel or a server:
// it reads the feeds the request's channel follows, loads their analysed
// articles, and hands them to digest.Build for grouping and ranking. It is
// the one place the CLI's digest command, the chat digest command, the
// scheduled digests and live posting turn stored articles into stories, so
// they agree on what a period, a scope and a "new" story mean.
//
// digest stays free of I/O; compose is the I/O around it.
package compose

import (
	"context"
	"fmt"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

// Store is what the builder reads.
type Store interface {
	FeedStore
	Articles(ctx context.Context, q store.ArticleQuery) ([]store.Article, error)
}

// Request says which digest to build.
type Request struct {
	// Channel is whose feeds the digest reads (see Feeds): a stored channel,
	// or store.Channel{Scope: s} for a server's or workspace's feeds and the
	// operator's; the zero Channel reads the operator's feeds only.
	Channel store.Channel
	// Since and Until bound the period; a zero Since reads from the start.
	Since, Until time.Time
	// Now is when the digest is made (Digest.GeneratedAt).
	Now time.Time
	// Overlap looks this much further back than Since for articles that
	// arrived late; stories are still judged new against Since.
	Overlap time.Duration
	// Topic keeps only stories whose articles mention these words.
	Topic string
	// MaxStories caps the stories, after novelty ranking; 0 keeps all.
	MaxStories int
	// Sent, when not nil, keeps only stories that are news to the channel
	// (never sent, or grown since they were; see Novel) and ranks them.
	Sent map[int64]store.SentStory
	// WholeStories shows each story with all its articles from the
	// channel's feeds, not only the period's, so a story that grew is
	// judged and shown with all its coverage.
	WholeStories bool
	// FreshOnly leaves out articles from a feed's first fetch (backlog)
	// and articles not yet in a story: what live posting may send.
	FreshOnly bool
	// BlindspotSettle is how old a story must be, at Now, for a blindspot
	// (0: digest.DefaultBlindspotSettle).
	BlindspotSettle time.Duration
}

// Build builds the digest req asks for. A request whose channel reads no
// feeds gets an empty digest.
func Build(ctx context.Context, st Store, req Request) (digest.Digest, error) {
	d := digest.Digest{GeneratedAt: req.Now, Since: req.Since, Until: req.Until, Stories: []digest.Story{}}
	feeds, err := Feeds(ctx, st, req.Channel)
	if err != nil || len(feeds) == 0 {
		return d, err
	}
	ids := FeedIDs(feeds)
	from := req.Since
	if !from.IsZero() {
		from = from.Add(-req.Overlap)
	}
	arts, err := st.Articles(ctx, store.ArticleQuery{Since: from, Until: req.Until, FeedIDs: ids})
	if err != nil {
		return d, fmt.Errorf("load articles: %w", err)
	}
	if req.FreshOnly {
		arts = fresh(arts)
	}
	if req.WholeStories && len(arts) > 0 {
		if arts, err = wholeStories(ctx, st, arts, ids); err != nil {
			return d, err
		}
	}
	stories := digest.Build(Items(arts), digest.BuildOptions{Topic: req.Topic, Now: req.Now,
		BlindspotSettle: req.BlindspotSettle, RatedOutlets: ratedOutlets(feeds)})
	if req.Sent != nil {
		stories = Novel(stories, req.Sent, req.Since)
	}
	if req.MaxStories > 0 && len(stories) > req.MaxStories {
		stories = stories[:req.MaxStories]
	}
	if stories != nil {
		d.Stories = stories
	}
	return d, nil
}

// fresh keeps the articles live posting may send: clustered, not from a
// feed's first fetch, and not with a date the feed wrote unreadably (it may
// hide an old item).
func fresh(arts []store.Article) []store.Article {
	out := arts[:0:0]
	for _, a := range arts {
		if !a.Backlog && a.UnreadDate == "" && a.StoryID != 0 {
			out = append(out, a)
		}
	}
	return out
}

// wholeStories adds to arts the other articles of their stories from the
// given feeds.
func wholeStories(ctx context.Context, st Store, arts []store.Article, feedIDs []int64) ([]store.Article, error) {
	seen := make(map[int64]bool, len(arts))
	inStory := map[int64]bool{}
	var stories []int64
	for _, a := range arts {
		seen[a.ID] = true
		if a.StoryID != 0 && !inStory[a.StoryID] {
			inStory[a.StoryID] = true
			stories = append(stories, a.StoryID)
		}
	}
	if len(stories) == 0 {
		return arts, nil
	}
	more, err := st.Articles(ctx, store.ArticleQuery{StoryIDs: stories, FeedIDs: feedIDs})
	if err != nil {
		return nil, fmt.Errorf("load stories: %w", err)
	}
	for _, a := range more {
		if !seen[a.ID] {
			seen[a.ID] = true
			arts = append(arts, a)
		}
	}
	return arts, nil
}
