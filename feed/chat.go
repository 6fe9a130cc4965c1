package feed

import (
	"context"
)

// ChatFetcher fetches for a chat user: the feed a `feeds add` names and
// the page a `framing` names. It never connects to a private address unless
// it was made for a user who may manage feeds and the operator set
// ChatAllowPrivateNetworks; AllowPrivateNetworks, the operator's opt-in for
// self-hosted feeds, does not apply. Its errors are explained (Explain):
// their UserMessage is safe to show in chat.
type ChatFetcher struct {
	p       *Poller
	private bool
}

// ForChat returns the fetcher for a chat user; canManage says whether the
// user may manage the server's or workspace's feeds.
func (p *Poller) ForChat(canManage bool) ChatFetcher {
	return ChatFetcher{p: p, private: canManage && p.opts.ChatAllowPrivateNetworks}
}

// CheckFeed is Poller.CheckFeed under the chat user's address policy.
func (c ChatFetcher) CheckFeed(ctx context.Context, rawURL string) (title, feedURL string, err error) {
	return c.p.checkFeed(ctx, rawURL, c.private)
}

// ExtractArticle is Poller.ExtractArticle under the chat user's address
// policy.
func (c ChatFetcher) ExtractArticle(ctx context.Context, rawURL string) (title, text string, err error) {
	title, text, err = c.p.fetcher.extractArticle(ctx, fetchRequest{url: rawURL, private: c.private})
	return title, text, Explain(err)
}
