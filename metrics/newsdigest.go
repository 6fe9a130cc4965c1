package metrics

import (
	"strconv"
	"time"
)

// Bot is newsdigest's own metrics. Its methods are safe for concurrent use;
// a nil *Bot ignores every call, so callers need not check.
type Bot struct {
	feedsPolled      *CounterVec
	fetchErrors      *CounterVec
	articlesIngested *CounterVec
	analysis         *HistogramVec
	delivered        *CounterVec
	deliveryFailures *CounterVec
	rateLimited      *CounterVec
}

// NewBot registers newsdigest's metrics in r. The usual series start at
// zero, so a scrape shows every metric from the first moment and rates
// work from the first increment.
func NewBot(r *Registry) *Bot {
	b := &Bot{
		feedsPolled:      r.Counter("newsdigest_feeds_polled_total", "Feed polls, by outcome (ok, not_modified, error).", "outcome"),
		fetchErrors:      r.Counter("newsdigest_fetch_errors_total", "Failed feed fetches, by kind of error.", "kind"),
		articlesIngested: r.Counter("newsdigest_articles_ingested_total", "Articles stored, by outcome (new: posted live; backlog: stored as already seen; edited: changed text).", "outcome"),
		analysis:         r.Histogram("newsdigest_analysis_seconds", "Time to analyse one article.", []float64{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}),
		delivered:        r.Counter("newsdigest_deliveries_sent_total", "Messages delivered from the outbox, by kind (digest, live, notice).", "kind"),
		deliveryFailures: r.Counter("newsdigest_delivery_failures_total", "Failed delivery attempts, by kind and whether the failure was permanent.", "kind", "permanent"),
		rateLimited:      r.Counter("newsdigest_platform_rate_limited_total", "HTTP 429 answers from a chat platform, whether the adapter retried them or gave up, by platform.", "platform"),
	}
	for _, o := range []string{"ok", "not_modified", "error"} {
		b.feedsPolled.With(o)
	}
	for _, o := range []string{"new", "edited", "backlog"} {
		b.articlesIngested.With(o)
	}
	b.analysis.With()
	for _, k := range []string{"digest", "live", "notice"} {
		b.delivered.With(k)
		b.deliveryFailures.With(k, "false")
		b.deliveryFailures.With(k, "true")
	}
	for _, p := range []string{"discord", "slack"} {
		b.rateLimited.With(p)
	}
	return b
}

// Polled records one feed poll: its outcome, the kind of its error, and
// the articles it stored. status is ok, not_modified or error.
func (b *Bot) Polled(status, errKind string, added, edited, backlog int) {
	b.FeedPolled(status)
	if status == "error" {
		if errKind == "" {
			errKind = "other"
		}
		b.FetchError(errKind)
	}
	b.ArticlesIngested("new", added)
	b.ArticlesIngested("edited", edited)
	b.ArticlesIngested("backlog", backlog)
}

// FeedPolled counts one poll of a feed with its outcome.
func (b *Bot) FeedPolled(outcome string) {
	if b != nil {
		b.feedsPolled.With(outcome).Inc()
	}
}

// FetchError counts a failed fetch by kind, such as "timeout", "http_5xx", "parse".
func (b *Bot) FetchError(kind string) {
	if b != nil {
		b.fetchErrors.With(kind).Inc()
	}
}

// ArticlesIngested counts n stored articles with an outcome ("new", "edited").
func (b *Bot) ArticlesIngested(outcome string, n int) {
	if b != nil && n > 0 {
		b.articlesIngested.With(outcome).Add(float64(n))
	}
}

// Analysed records how long analysing one article took.
func (b *Bot) Analysed(d time.Duration) {
	if b != nil {
		b.analysis.With().ObserveDuration(d)
	}
}

// Delivered counts a delivered message of a kind; it makes *Bot a
// bot.Observer.
func (b *Bot) Delivered(kind string) {
	if b != nil {
		b.delivered.With(kind).Inc()
	}
}

// DeliveryFailed counts a failed delivery attempt.
func (b *Bot) DeliveryFailed(kind string, permanent bool) {
	if b != nil {
		b.deliveryFailures.With(kind, strconv.FormatBool(permanent)).Inc()
	}
}

// RateLimited counts a post refused with a rate limit.
func (b *Bot) RateLimited(platform string) {
	if b != nil {
		b.rateLimited.With(platform).Inc()
	}
}
