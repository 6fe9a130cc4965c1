package feed

import (
	"context"
	"fmt"

	"github.com/newsdigest/newsdigest/store"
)

// CheckFeed fetches rawURL once, as a feed added from chat or the command
// line would be (http(s) only, private addresses refused unless allowed),
// and returns the feed's title and the URL where the feed really lives: the
// feed an HTML page links to, or the target of a permanent redirect. It
// fails with the reason when rawURL does not lead to a feed. CheckFeed does
// not use the Store, so a Poller made with a nil Store may call it.
func (p *Poller) CheckFeed(ctx context.Context, rawURL string) (title, feedURL string, err error) {
	u, err := ValidateURL(rawURL, false)
	if err != nil {
		return "", "", Explain(err)
	}
	doc, err := p.fetchFeed(ctx, store.Feed{URL: u.String()})
	if err != nil {
		return "", "", Explain(fmt.Errorf("check feed %s: %w", u.Redacted(), err))
	}
	feedURL = u.String()
	if doc.newURL != "" {
		feedURL = doc.newURL
	}
	return htmlToLine(doc.feed.Title), feedURL, nil
}
