// Package framing labels how one article frames its story: genre, the main
// actors and the stance toward them, the generic news frames, the tone toward
// the central event, and rhetorical cues. Every label carries the spans of text
// it rests on.
package framing

import "github.com/newsdigest/newsdigest/digest/text"

// Genre values.
const (
	Reporting = "reporting"
	Opinion   = "opinion"
	Analysis  = "analysis"
)

// Stance and tone values.
const (
	Negative = "negative"
	Neutral  = "neutral"
	Positive = "positive"

	ToneAnti    = "anti"
	ToneNeutral = "neutral"
	TonePro     = "pro"
)

// Voice values: whose evaluation an actor stance is.
const (
	VoiceAuthor = "author"
	VoiceQuoted = "quoted"
)

// Cue types.
const (
	LoadedLanguage       = "loaded_language"
	NameCalling          = "name_calling"
	AppealToFear         = "appeal_to_fear"
	HistoricalAnalogy    = "historical_analogy"
	Exaggeration         = "exaggeration"
	GlitteringGenerality = "glittering_generality"
	RhetoricalQuestion   = "rhetorical_question"
	AnonymousSource      = "anonymous_source"
	Hedge                = "hedge"
	Doubt                = "doubt"
)

// Frames lists the 14 generic news frames (Boydstun et al.'s Policy Frames Codebook).
var Frames = []string{
	"Economic", "Capacity_and_resources", "Morality", "Fairness_and_equality",
	"Legality_Constitutionality_and_jurisprudence", "Policy_prescription_and_evaluation",
	"Crime_and_punishment", "Security_and_defense", "Health_and_safety", "Quality_of_life",
	"Cultural_identity", "Public_opinion", "Political", "External_regulation_and_reputation",
}

// Genre is the article's genre with the spans that show it, or, when a feed
// signal decided it (see Signals), that signal.
type Genre struct {
	Label      string      `json:"label"`
	Confidence float64     `json:"confidence"`
	Evidence   []text.Span `json:"evidence"`
	Signal     string      `json:"signal,omitempty"` // e.g. `URL path /opinion/`; "" when the text decided
}

// Actor is a person or organisation the article is about, with the article's
// stance toward it.
type Actor struct {
	Name       string      `json:"name"`
	Mentions   int         `json:"mentions"`
	Stance     string      `json:"stance"`
	Confidence float64     `json:"confidence"`
	Voice      string      `json:"voice"`
	Evidence   []text.Span `json:"evidence"`
}

// Frame is one of Frames with its score in [0,1] and evidence.
type Frame struct {
	Name     string      `json:"name"`
	Score    float64     `json:"score"`
	Evidence []text.Span `json:"evidence"`
}

// Cue is a rhetorical device found at text[Start:End].
type Cue struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Labels is everything framing says about one article. Offsets are byte
// offsets into the body passed to Analyze (not the title).
type Labels struct {
	Genre  Genre   `json:"genre"`
	Actors []Actor `json:"actors"`
	Frames []Frame `json:"frames"`
	Tone   string  `json:"tone"`
	Cues   []Cue   `json:"cues"`
}
