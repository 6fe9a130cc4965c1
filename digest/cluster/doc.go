// Package cluster groups articles into stories as they arrive: an incremental,
// single-pass TF-IDF clustering over a sliding time window, with near-duplicate
// (republished wire copy) detection and a merge pass.
//
// Each article becomes a vector of sublinear term frequencies (1+ln tf) over
// stemmed content words (digest/text), with headline and lead words counted
// more and names and numbers boosted: the named-entity agreement that tells
// two similar events apart. Document frequencies start from a background
// table built from NewsMTSC's sentences (background.go), grow with every
// article seen and can be stored and loaded between runs (DocFreqs), so a
// new bot weighs words sensibly from its first article. Story profiles keep
// raw term weights and take the current inverse document frequencies at
// comparison time. An inverted index over each article's most distinctive
// terms finds the few stories worth comparing, so an insert does not scan
// the window. The score against a story is the mean of the cosine to the
// story profile and to its closest recent article.
//
// Time decides how high the bar is (join.go): within a day of a story's
// first article a low bar, rising with the story's age and with the number
// of young stories competing for the article; a running story older than a
// day takes only plain continuations; undated articles are judged on content
// alone. MergePass (merge.go) then joins small stories of the same hours that
// agree, which undoes most of single-pass clustering's dependence on
// arrival order; a story without times joins, on content alone, an
// undated story that is clearly its best match. A SimHash of the body flags republished copies, which always
// join their original's story.
//
// Measured with `newsdigest eval replay` on the DEV stream and `newsdigest
// eval cluster` on the DEV cluster sets (see the README for the figures).
package cluster

import "time"

// Doc is one article to cluster.
type Doc struct {
	// ID identifies the doc; it must be unique and non-zero (a story is
	// named by the ID of its first doc).
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
	// story (default DefaultThreshold, chosen on the DEV sets: lower merges
	// more, higher splits more).
	Threshold float64
}

// Defaults for a zero Config.
const (
	DefaultWindow    = 72 * time.Hour
	DefaultThreshold = 0.30
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
