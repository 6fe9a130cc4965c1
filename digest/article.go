// Package digest is newsdigest's analysis core, free of I/O: it turns articles
// into analyses (summary and framing labels), groups them into stories and
// builds ranked digests. Its sub-packages hold the individual methods.
package digest

import (
	"time"

	"github.com/newsdigest/newsdigest/digest/framing"
)

// Article is one news item as ingestion hands it to analysis.
type Article struct {
	GUID      string    `json:"guid,omitempty"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Source    string    `json:"source"`         // the outlet's name
	Lean      string    `json:"lean,omitempty"` // operator-supplied outlet lean, never inferred
	Author    string    `json:"author,omitempty"`
	Published time.Time `json:"published"`
	Text      string    `json:"text"` // plain text body, HTML stripped

	// Genre signals a feed gives besides the text (see framing.Signals).
	Categories []string `json:"categories,omitempty"` // the item's and the feed's categories
	Genre      string   `json:"genre,omitempty"`      // the operator's genre for the feed ("" lets the article decide)
	FeedTitle  string   `json:"feed_title,omitempty"` // the feed document's own title ("Example Times - Opinion")
}

// Analysis is what digest knows about one article. Offsets in the framing
// labels are byte offsets into Article.Text.
type Analysis struct {
	Title   string   `json:"title"`
	Summary []string `json:"summary"`
	// Language is the ISO 639-1 code of the article's language ("en"), or
	// "" when the text is too short to tell. Framing labels are English-only:
	// an article in another language has none.
	Language string `json:"language,omitempty"`
	framing.Labels
}
