package feed

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsdigest/newsdigest/store"
)

// fetchedFeed is a fetched and parsed feed document. Its resp holds part of
// the fetcher's memory budget until passed to fetcher.done.
type fetchedFeed struct {
	resp   *response
	feed   *parsedFeed
	newURL string // where the feed lives now, if that changed for good
}

// fetchFeed fetches and parses f, connecting to private addresses only when
// private is set. An HTML page in place of a feed is searched for a <link
// rel="alternate"> feed, which is fetched instead and becomes the feed's
// URL. On a 304 it returns ErrNotModified with the response's validators in
// doc.resp.
func (p *Poller) fetchFeed(ctx context.Context, f store.Feed, private bool) (*fetchedFeed, error) {
	resp, err := p.fetcher.fetch(ctx, fetchRequest{url: f.URL, etag: f.ETag, lastModified: f.LastModified,
		accept: acceptFeed, allowFile: f.FromConfig, private: private})
	if errors.Is(err, ErrNotModified) {
		return &fetchedFeed{resp: resp, newURL: resp.PermanentURL}, err
	}
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	doc := &fetchedFeed{resp: resp, newURL: resp.PermanentURL}
	if doc.feed, err = p.parse(ctx, resp); err == nil {
		return doc, nil
	}
	// The page is not needed past discovery: give its memory back.
	defer p.fetcher.done(resp)
	if !errors.Is(err, ErrNotAFeed) || !looksLikeHTML(resp.Body, resp.ContentType) {
		return nil, err
	}
	found := discoverFeed(resp.Body, resp.URL)
	if found == "" {
		return nil, fmt.Errorf("%w: %s is an HTML page without a feed link", ErrNotAFeed, resp.URL)
	}
	feedResp, err := p.fetcher.fetch(ctx, fetchRequest{url: found, accept: acceptFeed, private: private})
	if err != nil {
		return nil, fmt.Errorf("fetch discovered feed %s: %w", found, err)
	}
	parsed, err := p.parse(ctx, feedResp)
	if err != nil {
		p.fetcher.done(feedResp)
		return nil, fmt.Errorf("discovered feed %s: %w", found, err)
	}
	return &fetchedFeed{resp: feedResp, feed: parsed, newURL: feedResp.URL}, nil
}

// parse parses a fetched document, its items capped at
// maxItemsPerDocument. The fetch reserved what the parse costs; on success
// resp.Body is dropped (the parsed feed is all that is needed) and the
// reservation shrinks to what the parsed feed holds, until fetcher.done.
func (p *Poller) parse(ctx context.Context, resp *response) (*parsedFeed, error) {
	capped := capItems(resp.Body, maxItemsPerDocument)
	parsed, err := parseFeed(capped, resp.ContentType)
	if err != nil {
		return nil, err
	}
	p.fetched.Add(int64(len(resp.Body)))
	resp.Body = nil
	resp.held, _ = p.fetcher.budget.resize(ctx, resp.held, parseCostFactor*int64(len(capped)), false)
	return parsed, nil
}
