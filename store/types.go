package store

import (
	"time"

	"github.com/newsdigest/newsdigest/digest"
)

// Feed is a subscribed feed and its polling state.
type Feed struct {
	ID           int64
	Scope        string // "" for feeds from the config file; "discord:<guild>" or "slack:<team>" for feeds added in chat
	URL          string
	Name         string
	Lean         string
	Genre        string // the operator's genre for every item of the feed ("opinion", …); "" lets each article decide
	Tags         []string
	FromConfig   bool // only config feeds may use file:// URLs
	ETag         string
	LastModified string
	NextCheckAt  time.Time
	LastCheckAt  time.Time
	ErrorCount   int    // consecutive failures
	LastError    string // reason of the last failure, kept while unhealthy
	Unhealthy    bool   // set after too many consecutive failures
	Fetched      bool   // has been fetched successfully at least once (first fetch = backlog)
	CreatedAt    time.Time
	SourceURL    string // the URL as configured or added; URL follows permanent redirects from it
	Retired      bool   // a config feed no longer in the config: its articles stay, it is not polled
}

// FetchResult is the outcome of one poll of a feed, saved in one step.
type FetchResult struct {
	FeedID       int64
	NewURL       string // set after a permanent redirect (301/308); "" keeps the URL
	ETag         string
	LastModified string
	CheckedAt    time.Time
	NextCheckAt  time.Time
	Err          string // "" on success (including 304)
	ErrorCount   int
	Unhealthy    bool
}

// Article is a stored article: what ingestion saw plus identity and analysis.
type Article struct {
	ID     int64
	FeedID int64
	// Scope is the scope of the feed that carried the article, set by
	// SaveArticle from the feed: the same URL in two scopes is two articles.
	Scope string
	digest.Article
	CanonicalURL string
	ContentHash  string // hash of the normalised text; a change means an edit
	SimHash      uint64 // near-duplicate fingerprint
	DuplicateOf  int64  // id of the article this one republishes, 0 if none
	StoryID      int64  // 0 until clustered
	Backlog      bool   // stored from a feed's first fetch: never posted live
	Updated      bool   // edited after it was first stored
	FirstSeenAt  time.Time
	UpdatedAt    time.Time
	Analysis     *digest.Analysis // nil until analysed
	// UnreadDate is the date as the feed wrote it when it could not be read
	// (or lay beyond tomorrow); Published is then the first-seen time. Such
	// an article is never posted live, and from a feed's first fetch it
	// stays out of time-windowed digests.
	UnreadDate string
}

// SaveOutcome says what SaveArticle did.
type SaveOutcome int

// SaveArticle outcomes.
const (
	Unchanged SaveOutcome = iota // already stored with the same content
	Inserted                     // a new article
	Edited                       // same identity, changed text: updated in place
)

// ArticleQuery selects stored articles. Zero fields do not filter.
type ArticleQuery struct {
	Since, Until time.Time // by published time (first-seen when unknown)
	// FeedIDs selects a reader's view: the articles of these feeds, one
	// per canonical URL (the operator's copy when a chat scope's feed
	// carries the same URL), so no story lists a page twice.
	FeedIDs  []int64
	Limit    int
	StoryIDs []int64 // only articles of these stories
}
