package metrics

import (
	"errors"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Bot is newsdigest's own metrics. Its methods are safe for concurrent use;
// a nil *Bot ignores every call, so callers need not check.
type Bot struct {
	feedsPolled      *prometheus.CounterVec
	fetchErrors      *prometheus.CounterVec
	articlesIngested *prometheus.CounterVec
	analysis         prometheus.Histogram
	delivered        *prometheus.CounterVec
	deliveryFailures *prometheus.CounterVec
	rateLimited      *prometheus.CounterVec
}

// analysisBuckets are the upper bounds of newsdigest_analysis_seconds:
// analysing one article takes milliseconds, a long one up to seconds.
var analysisBuckets = []float64{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}

// fetchErrorKinds are the kinds feed.ErrorKind names (and "store" for a
// poll whose result could not be saved); each series starts at zero so that
// the family shows, and rates work, before the first error.
var fetchErrorKinds = []string{"timeout", "dns", "connection", "http_429", "http_4xx", "http_5xx",
	"too_large", "refused_url", "redirects", "parse", "file", "store", "other"}

// counter registers a counter family with labels in r.
func counter(r *Registry, errs *[]error, name, help string, labels ...string) *prometheus.CounterVec {
	c, err := register(r, prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels))
	*errs = append(*errs, err)
	return c
}

// NewBot registers newsdigest's metrics in r. The usual series start at
// zero, so a scrape shows every metric from the first moment and rates
// work from the first increment.
func NewBot(r *Registry) (*Bot, error) {
	var errs []error
	b := &Bot{
		feedsPolled:      counter(r, &errs, "newsdigest_feeds_polled_total", "Feed polls, by outcome (ok, not_modified, error).", "outcome"),
		fetchErrors:      counter(r, &errs, "newsdigest_fetch_errors_total", "Failed feed fetches, by kind of error.", "kind"),
		articlesIngested: counter(r, &errs, "newsdigest_articles_ingested_total", "Articles stored, by outcome (new: posted live; backlog: stored as already seen; edited: changed text).", "outcome"),
		delivered:        counter(r, &errs, "newsdigest_deliveries_sent_total", "Messages delivered from the outbox, by kind (digest, live, notice).", "kind"),
		deliveryFailures: counter(r, &errs, "newsdigest_delivery_failures_total", "Failed delivery attempts, by kind and whether the failure was permanent.", "kind", "permanent"),
		rateLimited:      counter(r, &errs, "newsdigest_platform_rate_limited_total", "HTTP 429 answers from a chat platform, whether the adapter retried them or gave up, by platform.", "platform"),
	}
	var err error
	b.analysis, err = register(r, prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "newsdigest_analysis_seconds", Help: "Time to analyse one article.", Buckets: analysisBuckets}))
	if err := errors.Join(append(errs, err)...); err != nil {
		return nil, err
	}
	for _, o := range []string{"ok", "not_modified", "error"} {
		b.feedsPolled.WithLabelValues(o)
	}
	for _, k := range fetchErrorKinds {
		b.fetchErrors.WithLabelValues(k)
	}
	for _, o := range []string{"new", "edited", "backlog"} {
		b.articlesIngested.WithLabelValues(o)
	}
	for _, k := range []string{"digest", "live", "notice"} {
		b.delivered.WithLabelValues(k)
		b.deliveryFailures.WithLabelValues(k, "false")
		b.deliveryFailures.WithLabelValues(k, "true")
	}
	for _, p := range []string{"discord", "slack"} {
		b.rateLimited.WithLabelValues(p)
	}
	return b, nil
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
		b.feedsPolled.WithLabelValues(outcome).Inc()
	}
}

// FetchError counts a failed fetch by kind, such as "timeout", "http_5xx", "parse".
func (b *Bot) FetchError(kind string) {
	if b != nil {
		b.fetchErrors.WithLabelValues(kind).Inc()
	}
}

// ArticlesIngested counts n stored articles with an outcome ("new", "edited").
func (b *Bot) ArticlesIngested(outcome string, n int) {
	if b != nil && n > 0 {
		b.articlesIngested.WithLabelValues(outcome).Add(float64(n))
	}
}

// Analysed records how long analysing one article took.
func (b *Bot) Analysed(d time.Duration) {
	if b != nil {
		b.analysis.Observe(d.Seconds())
	}
}

// Delivered counts a delivered message of a kind; it makes *Bot a
// delivery.Observer.
func (b *Bot) Delivered(kind string) {
	if b != nil {
		b.delivered.WithLabelValues(kind).Inc()
	}
}

// DeliveryFailed counts a failed delivery attempt.
func (b *Bot) DeliveryFailed(kind string, permanent bool) {
	if b != nil {
		b.deliveryFailures.WithLabelValues(kind, strconv.FormatBool(permanent)).Inc()
	}
}

// RateLimited counts a post refused with a rate limit.
func (b *Bot) RateLimited(platform string) {
	if b != nil {
		b.rateLimited.WithLabelValues(platform).Inc()
	}
}
