package feed

import (
	"context"
	"fmt"

	"github.com/newsdigest/newsdigest/store"
)

// CheckFeed fetches rawURL once for the operator, as `newsdigest feeds add`
// does (http(s) only, private addresses refused unless AllowPrivateNetworks),
// and returns the feed's title and the URL where the feed really lives: the
// feed an HTML page links to, or the target of a permanent redirect. It
// fails with the reason when rawURL does not lead to a feed. CheckFeed does
// not use the Store, so a Poller made with a nil Store may call it. Chat
// commands use ChatFetcher.
func (p *Poller) CheckFeed(ctx context.Context, rawURL string) (title, feedURL string, err error) {
	return p.checkFeed(ctx, rawURL, p.opts.AllowPrivateNetworks)
}

func (p *Poller) checkFeed(ctx context.Context, rawURL string, private bool) (title, feedURL string, err error) {
	u, err := ValidateURL(rawURL, false)
	if err != nil {
		return "", "", Explain(err)
	}
	doc, err := p.fetchFeed(ctx, store.Feed{URL: u.String()}, private)
	if err != nil {
		return "", "", Explain(fmt.Errorf("check feed %s: %w", u.Redacted(), err))
	}
	p.fetcher.done(doc.resp)
	feedURL = u.String()
	if doc.newURL != "" {
		feedURL = doc.newURL
	}
	return capName(htmlToLine(doc.feed.Title)), feedURL, nil
}
