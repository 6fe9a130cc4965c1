// Package framing labels how one article frames its story: genre, the main
// actors and the stance toward them, the generic news frames, the tone toward
// the central event, and rhetorical cues. Every label carries the spans of text
// it rests on.
package framing

import (
	"github.com/newsdigest/newsdigest/digest/framing/stance"
	"github.com/newsdigest/newsdigest/digest/text"
)

// Genre values.
const (
	Reporting = "reporting"
	Opinion   = "opinion"
	Analysis  = "analysis"
)

// Stance and tone values.
const (
	Negative = stance.Negative
	Neutral  = stance.Neutral
	Positive = stance.Positive

	ToneAnti    = "anti"
	ToneNeutral = "neutral"
	TonePro     = "pro"
)

// Voice values: whose evaluation an actor stance is. A stance is shown only
// in the outlet's own voice; VoiceQuoted stays for readers of stored
// analyses from earlier versions, which showed quoted stances.
const (
	VoiceAuthor = "author"
	VoiceQuoted = "quoted"
)

// Field values: where a cue's offsets point.
const (
	FieldBody  = "body"
	FieldTitle = "title"
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

// Actor is a person or organisation the article is about, with the stance
// the outlet takes toward it in its own words. Stance is negative or
// positive only when it is confident enough to show a reader (see
// actorStance); what quoted speakers say about the actor is left out, so
// Voice is always "author". Confidence is the mean class probability of
// the evidence sentences (for a neutral stance, of neutral over the
// sentences read).
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

// Cue is a rhetorical device found at Field[Start:End]: Field is "body"
// (offsets into the article text) or "title" (offsets into the headline).
// A cue in Labels.QuotedCues is a speaker's words, with the Speaker when
// the article names one.
type Cue struct {
	Type    string `json:"type"`
	Field   string `json:"field"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Speaker string `json:"speaker,omitempty"`
}

// Labels is everything framing says about one article. Offsets are byte
// offsets into the body passed to Analyze, except those of a cue whose
// Field is "title". Cues are the outlet's own (headline first, then body);
// QuotedCues are found inside quotations or reported speech, and are the
// speakers' words, not the outlet's.
type Labels struct {
	Genre      Genre   `json:"genre"`
	Actors     []Actor `json:"actors"`
	Frames     []Frame `json:"frames"`
	Tone       string  `json:"tone"`
	Cues       []Cue   `json:"cues"`
	QuotedCues []Cue   `json:"quoted_cues"`
}
