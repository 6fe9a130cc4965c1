package digest

import (
	"time"

	"github.com/newsdigest/newsdigest/digest/framing"
)

// Item is an analysed article with its story assignment: the input of Build.
type Item struct {
	Article
	Analysis    Analysis
	StoryID     int64
	DuplicateOf int64 // another item's republished copy (wire copy); not independent coverage
	Seen        time.Time
}

// Story is a group of articles about one event, as a digest shows it.
type Story struct {
	ID             int64      `json:"id"`
	Title          string     `json:"title"`
	Summary        []string   `json:"summary"`
	SummarySources [][]string `json:"summary_sources"` // the outlets behind each summary sentence
	// OpinionOnly: every article is an opinion piece, so the summary is
	// what the pieces argue, not reporting (renderers say so).
	OpinionOnly    bool           `json:"opinion_only,omitempty"`
	Outlets        []string       `json:"outlets"`
	Articles       []StoryArticle `json:"articles"`
	OnlyIn         []Exclusive    `json:"only_in,omitempty"`
	Coverage       map[string]int `json:"coverage"` // operator-supplied lean → distinct outlets; "unrated" when a feed has none
	Blindspot      bool           `json:"blindspot"`
	BlindspotNote  string         `json:"blindspot_note,omitempty"`
	BlindspotSides []string       `json:"blindspot_sides,omitempty"` // the sides ("left", "right") with no coverage yet
	Latest         time.Time      `json:"latest"`
	Running        bool           `json:"running,omitempty"` // one event over days: title, summary and articles from the newest development first
	Update         bool           `json:"update,omitempty"`  // sent before, now with new coverage
}

// StoryArticle is one outlet's article in a story, with its framing.
type StoryArticle struct {
	Title       string          `json:"title"`
	URL         string          `json:"url"`
	Source      string          `json:"source"`
	Lean        string          `json:"lean,omitempty"`
	Published   time.Time       `json:"published"`
	Genre       string          `json:"genre"`
	Tone        string          `json:"tone"`
	Actors      []framing.Actor `json:"actors"`
	Frames      []framing.Frame `json:"frames"`
	Cues        []framing.Cue   `json:"cues"`               // the outlet's own, headline ("field": "title") and body
	QuotedCues  []framing.Cue   `json:"quoted_cues"`        // inside quotations: the speakers' words
	Line        string          `json:"line"`               // one-line framing description
	Language    string          `json:"language,omitempty"` // ISO 639-1; labels are English-only
	DuplicateOf string          `json:"duplicate_of,omitempty"`
}

// Exclusive is something only one outlet in a story reports.
type Exclusive struct {
	Source string `json:"source"`
	Text   string `json:"text"`
}

// FeedReport is how one feed fared in the poll that preceded a digest.
type FeedReport struct {
	URL         string `json:"url"`
	Name        string `json:"name,omitempty"`
	Status      string `json:"status"` // ok | not_modified | error | skipped
	Error       string `json:"error"`
	NewArticles int    `json:"new_articles"`
	// NextFetch is when a skipped feed will be fetched: the feed asked us to
	// wait (Retry-After, Cache-Control, <ttl>) or was fetched recently.
	NextFetch time.Time `json:"next_fetch,omitzero"`
}

// Digest is a ranked set of stories for one period.
type Digest struct {
	GeneratedAt time.Time    `json:"generated_at"`
	Since       time.Time    `json:"since"`
	Until       time.Time    `json:"until"`
	Feeds       []FeedReport `json:"feeds"`
	Stories     []Story      `json:"stories"`
}
