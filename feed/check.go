package feed

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsdigest/newsdigest/store"
)

// CheckFeed fetches rawURL once, as a feed added from chat or the command
// line (http or https only, private addresses refused unless the poller
// allows them), and returns the feed's title. It follows feed discovery on
// an HTML page, so the returned URL is where the feed really lives.
func (p *Poller) CheckFeed(ctx context.Context, rawURL string) (title, feedURL string, err error) {
	u, err := ValidateURL(rawURL, false)
	if err != nil {
		return "", "", err
	}
	doc, err := p.fetchFeed(ctx, store.Feed{URL: u.String()})
	if err != nil {
		return "", "", fmt.Errorf("check feed %s: %w", u, err)
	}
	feedURL = u.String()
	if doc.newURL != "" {
		feedURL = doc.newURL
	}
	return strings.TrimSpace(doc.feed.Title), feedURL, nil
}
