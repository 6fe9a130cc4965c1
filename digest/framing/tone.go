package framing

import (
	"math"

	"github.com/newsdigest/newsdigest/digest/text"
)

// tone is the article's tone toward its central event: the writer-voice
// balance of praise against attack (cues), plus the stance toward the main
// actors weighted by their share of mentions.
func tone(d *doc, l Labels) string {
	total := 0
	for _, a := range l.Actors {
		total += a.Mentions
	}
	actor := 0.0
	for _, a := range l.Actors {
		w := float64(a.Mentions) / float64(max(total, 1))
		if a.Voice == VoiceQuoted {
			w /= 2
		}
		switch a.Stance {
		case Positive:
			actor += w * a.Confidence
		case Negative:
			actor -= w * a.Confidence
		}
	}
	score := writerPolarity(d, l.Cues, l.Genre.Label == Reporting) + actor
	th := toneThreshold
	if l.Genre.Label == Reporting {
		th = reportingToneThreshold
	}
	switch {
	case score > th:
		return TonePro
	case score < -th:
		return ToneAnti
	}
	return ToneNeutral
}

// writerPolarity is the balance of praise against attack in the article,
// per 100 words, squashed to [-1,1]: cues in the writer's own voice count
// fully; quoted ones count half when the speaker is unnamed (the writer
// chose to amplify an anonymous voice) and not at all otherwise; each
// evaluative word of the headline counts as one cue. In a report, loaded
// words count half: news describes bad events in strong words without
// taking a side, while praise in a report is rarer and more telling.
func writerPolarity(d *doc, cues []Cue, report bool) float64 {
	loaded := 1.0
	if report {
		loaded = 0.5
	}
	anon := map[int]bool{} // sentences with an anonymous source
	for _, c := range cues {
		if c.Type == AnonymousSource {
			anon[sentenceAt(d, c.Start)] = true
		}
	}
	pos, neg := 0.0, 0.0
	for _, c := range cues {
		w := 1.0
		if d.inQuote(c.Start) {
			w = 0
			if anon[sentenceAt(d, c.Start)] {
				w = 0.5
			}
		}
		switch c.Type {
		case GlitteringGenerality:
			pos += w
		case NameCalling, AppealToFear:
			neg += 1.5 * w
		case LoadedLanguage:
			neg += loaded * w
		case Doubt:
			neg += w
		}
	}
	hp, hn := headlinePolarity(d.title)
	pos += hp
	neg += hn
	words := float64(max(len(d.words), 100))
	return math.Tanh((pos - neg) * 100 / words / 2)
}

// headlinePolarity counts the praise words and the pejorative labels of a
// headline.
func headlinePolarity(title string) (pos, neg float64) {
	if title == "" {
		return 0, 0
	}
	toks := text.Tokens(title)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = normWord(t.Text)
	}
	for i := 0; i < len(words); i++ {
		switch {
		case lex.praise.match(words, i) > 0:
			pos++
		case lex.pejoratives.match(words, i) > 0:
			// Loaded verbs in a headline ("X slams Y", "trade insults")
			// usually describe a quarrel; only a label attacks.
			neg++
		}
	}
	return pos, neg
}

// toneThreshold separates a leaning tone from a neutral one; a report
// needs a clearer lean.
const (
	toneThreshold          = 0.4
	reportingToneThreshold = 0.7
)
