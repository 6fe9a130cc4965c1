package feed

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsdigest/newsdigest/digest/cluster"
	"github.com/newsdigest/newsdigest/store"
)

// Store is what the poller needs from storage.
type Store interface {
	// ClaimDueFeeds leases up to limit feeds whose next check is due, so
	// that several pollers never fetch the same feed at once.
	ClaimDueFeeds(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]store.Feed, error)
	// SaveFetch records the outcome of one poll: validators, schedule, health.
	SaveFetch(ctx context.Context, r store.FetchResult) error
	// SaveArticle stores a new article, updates an edited one, or does
	// nothing for one already stored; it sets a.ID.
	SaveArticle(ctx context.Context, a *store.Article) (store.SaveOutcome, error)
}

// maxItemsPerDocument bounds the items of one feed document that are
// stored: real feeds carry tens to hundreds.
const maxItemsPerDocument = 1000

// Report statuses.
const (
	StatusOK          = "ok"
	StatusNotModified = "not_modified"
	StatusError       = "error"
)

// Report is the outcome of polling one feed.
type Report struct {
	FeedID      int64
	URL         string
	Status      string // StatusOK, StatusNotModified or StatusError
	Err         string // why the poll failed; "" unless Status is StatusError
	ErrKind     string // ErrorKind of the failure; "" unless Status is StatusError
	NewArticles int    // new articles to post live
	Edited      int    // stored articles whose text changed
	Backlog     int    // new articles stored as already seen (first fetch, past the per-poll cap, or an unreadable date)
	NewURL      string // the feed's new URL after a permanent redirect or discovery
}

// Poller fetches feeds and stores their articles.
type Poller struct {
	st      Store
	opts    Options
	fetcher *fetcher
	seen    *seenSet
	dups    *dupIndex
	fetched atomic.Int64 // feed bytes read since the last returnMemory
}

// NewPoller returns a poller that stores into st.
func NewPoller(st Store, opts Options) *Poller {
	opts = opts.withDefaults()
	return &Poller{
		st:      st,
		opts:    opts,
		fetcher: newFetcher(opts),
		seen:    newSeenSet(100_000),
		dups:    newDupIndex(20_000),
	}
}

// Poll fetches the given feeds once, at most Options.Workers at a time, and
// stores their items. It returns one Report per feed, in input order. A
// failing feed never stops the others.
func (p *Poller) Poll(ctx context.Context, feeds []store.Feed) []Report {
	reports := make([]Report, len(feeds))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(p.opts.Workers, len(feeds)) {
		wg.Go(func() {
			for i := range jobs {
				reports[i] = p.pollFeed(ctx, feeds[i])
			}
		})
	}
	for _, i := range interleaveByHost(feeds) {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	p.returnMemory()
	return reports
}

// Run polls due feeds, claimed under owner, until ctx is done; then it
// returns nil. Storage errors are logged and retried at the next tick.
func (p *Poller) Run(ctx context.Context, owner string, tick time.Duration) error {
	if tick <= 0 {
		tick = time.Minute
	}
	batch := p.opts.Workers * 4
	lease := 10 * p.opts.Timeout
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		}
		feeds, err := p.st.ClaimDueFeeds(ctx, owner, p.opts.Now(), lease, batch)
		if err != nil && ctx.Err() == nil {
			p.opts.Logger.Error("claim due feeds", slog.String("owner", owner), slog.Any("error", err))
		}
		if len(feeds) > 0 {
			p.Poll(ctx, feeds)
		}
		next := tick
		if len(feeds) == batch {
			next = 0 // more are due: keep going
		}
		timer.Reset(next)
	}
}

// pollFeed runs fetch → parse → normalise → store for one feed.
func (p *Poller) pollFeed(ctx context.Context, f store.Feed) Report {
	start := time.Now()
	now := p.opts.Now()
	rep := Report{FeedID: f.ID, URL: f.URL}
	doc, err := p.fetchFeed(ctx, f, p.opts.mayReachPrivate(f.Scope))
	if doc != nil {
		defer p.fetcher.done(doc.resp)
	}
	switch {
	case errors.Is(err, ErrNotModified):
		rep.Status = StatusNotModified
		p.saveFetch(ctx, &rep, store.FetchResult{
			FeedID:       f.ID,
			NewURL:       doc.newURL,
			ETag:         doc.resp.ETag,
			LastModified: doc.resp.LastModified,
			CheckedAt:    now,
			NextCheckAt:  scheduleSuccess(p.opts, now, 0, doc.resp.MaxAge),
		})
	case err != nil:
		p.fail(ctx, &rep, f, now, err)
	default:
		rep.NewURL = doc.newURL
		p.storeItems(ctx, &rep, f, doc, now)
	}
	level := slog.LevelDebug
	if rep.Status == StatusError {
		level = slog.LevelWarn
	}
	p.opts.Logger.LogAttrs(ctx, level, "feed polled",
		slog.Int64("feed_id", f.ID), slog.String("feed_url", f.URL), slog.String("status", rep.Status),
		slog.Int("new_articles", rep.NewArticles), slog.Int("edited", rep.Edited),
		slog.Int("backlog", rep.Backlog), slog.String("error", rep.Err),
		slog.Duration("duration", time.Since(start)))
	if p.opts.OnPoll != nil && ctx.Err() == nil {
		p.opts.OnPoll(rep)
	}
	return rep
}

// storeItems normalises and saves the items of a fetched feed, then records
// the fetch. The validators are kept only when every item was saved, so a
// storage failure is retried rather than hidden behind a 304.
func (p *Poller) storeItems(ctx context.Context, rep *Report, f store.Feed, doc *fetchedFeed, now time.Time) {
	articles := newestFirst(documentArticles(doc.feed, f, doc.resp.URL, now))
	for _, a := range articles {
		capArticle(a)
	}
	if len(articles) > maxItemsPerDocument {
		articles = articles[:maxItemsPerDocument] // a hostile or broken feed
	}
	var saveErr error
	failed, fullText := 0, 0
	for _, a := range articles {
		key := seenKey(a)
		known := p.seen.has(key)
		if p.opts.FetchFullText && !known && fullText < p.opts.MaxItemsPerPoll && a.URL != "" && isTeaser(a.Text) {
			fullText++
			p.fillFullText(ctx, a, p.opts.mayReachPrivate(f.Scope))
		}
		if !a.Backlog && rep.NewArticles >= p.opts.MaxItemsPerPoll {
			a.Backlog = true // flood: store it as seen, post only the newest
		}
		if !known {
			a.DuplicateOf = p.dups.find(a.FeedID, a.SimHash, a.Text)
		}
		outcome, err := p.st.SaveArticle(ctx, a)
		if err != nil {
			if failed++; saveErr == nil {
				saveErr = fmt.Errorf("save article %q: %w", a.URL, err)
			}
			continue
		}
		p.seen.add(key)
		switch outcome {
		case store.Inserted:
			if a.Backlog || a.UnreadDate != "" { // an unreadable date may hide an old item: not "new"
				rep.Backlog++
			} else {
				rep.NewArticles++
			}
			p.dups.add(a.ID, a.FeedID, a.SimHash, a.Text)
		case store.Edited:
			rep.Edited++
		}
	}
	if saveErr != nil {
		p.fail(ctx, rep, f, now, fmt.Errorf("%d of %d articles not saved: %w", failed, len(articles), saveErr))
		return
	}
	rep.Status = StatusOK
	p.saveFetch(ctx, rep, store.FetchResult{
		FeedID:       f.ID,
		NewURL:       doc.newURL,
		ETag:         doc.resp.ETag,
		LastModified: doc.resp.LastModified,
		CheckedAt:    now,
		NextCheckAt:  scheduleSuccess(p.opts, now, doc.feed.TTL, doc.resp.MaxAge),
	})
}

// fillFullText replaces a teaser's text by the article page's main text
// when that is longer. The content hash stays that of the feed's text, so
// the next poll sees the item unchanged. Failures keep the feed text; so
// does a memory budget spent by other workers, since this worker holds
// part of it for its feed and must not wait for more.
func (p *Poller) fillFullText(ctx context.Context, a *store.Article, private bool) {
	_, text, err := p.fetcher.extractArticle(ctx, fetchRequest{url: a.URL, private: private, noWait: true})
	if err != nil {
		p.opts.Logger.Debug("full text", slog.String("article_url", a.URL), slog.Any("error", err))
		return
	}
	if len(text) > len(a.Text) {
		a.Text = text
		a.SimHash = cluster.Fingerprint(text)
	}
}

// fail records a failed poll and fills the report. A poll cut short by
// the end of ctx (shutdown) is not the feed's failure and is not recorded:
// the feed's lease runs out and it is polled again.
func (p *Poller) fail(ctx context.Context, rep *Report, f store.Feed, now time.Time, err error) {
	err = fmt.Errorf("poll %s: %w", f.URL, err)
	rep.Status, rep.Err, rep.ErrKind = StatusError, err.Error(), ErrorKind(err)
	if ctx.Err() != nil {
		return
	}
	p.saveFetch(ctx, rep, failureResult(p.opts, f, now, err))
}

func (p *Poller) saveFetch(ctx context.Context, rep *Report, r store.FetchResult) {
	if err := p.st.SaveFetch(ctx, r); err != nil {
		rep.Status = StatusError
		rep.Err = errors.Join(errorString(rep.Err), fmt.Errorf("save fetch: %w", err)).Error()
		if rep.ErrKind == "" {
			rep.ErrKind = "store"
		}
	}
}

func errorString(s string) error {
	if s == "" {
		return nil
	}
	return errors.New(s)
}
