// Package cluster groups articles into stories as they arrive: an incremental,
// single-pass TF-IDF clustering over a sliding time window, with near-duplicate
// (republished wire copy) detection.
//
// Each article becomes a vector of sublinear term frequencies over stemmed
// content words, with words from the headline and capitalised names weighted
// up. Document frequencies are learned from the articles the index has seen, so
// the weights sharpen as it runs; story profiles keep raw term weights and get
// the current inverse document frequencies at comparison time. An inverted
// index over each article's most distinctive terms finds the few stories worth
// comparing, so an insert does not scan the whole window.
package cluster

import "time"

// Doc is one article to cluster.
type Doc struct {
	ID    int64
	Title string
	Text  string
	// Time is when the article was published. The zero time means "now": the
	// newest time the index has seen.
	Time time.Time
}

// Config tunes an Index. Zero values mean the defaults.
type Config struct {
	// Window is how long a story stays open after its newest article
	// (default DefaultWindow). Articles older than the window, relative to the
	// newest article seen, are evicted.
	Window time.Duration
	// Threshold is the least similarity (0..1) at which an article joins a
	// story (default DefaultThreshold).
	Threshold float64
}

// Defaults for a zero Config.
const (
	DefaultWindow    = 72 * time.Hour
	DefaultThreshold = 0.25
)

// Assignment says where Add put a doc.
type Assignment struct {
	// Story is the ID of the story's first doc.
	Story int64
	// DuplicateOf is the ID of a near-identical earlier doc in the window (the
	// original when that doc was itself a copy), or 0. A duplicate always
	// joins its original's story.
	DuplicateOf int64
	// Score is the similarity of the doc to the story it joined (0 when it
	// started a new story).
	Score float64
}

func (c Config) withDefaults() Config {
	if c.Window <= 0 {
		c.Window = DefaultWindow
	}
	if c.Threshold <= 0 {
		c.Threshold = DefaultThreshold
	}
	return c
}
