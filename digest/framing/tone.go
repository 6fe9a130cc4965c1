package framing

import "math"

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
	score := writerPolarity(d, l.Cues) + actor
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

// writerPolarity is the balance of praise against attack in the writer's own
// voice (cues outside quotation marks), per 100 words, squashed to [-1,1].
func writerPolarity(d *doc, cues []Cue) float64 {
	pos, neg := 0.0, 0.0
	for _, c := range cues {
		if d.inQuote(c.Start) {
			continue
		}
		switch c.Type {
		case GlitteringGenerality:
			pos++
		case NameCalling, AppealToFear:
			neg += 1.5
		case LoadedLanguage, Doubt:
			neg++
		}
	}
	words := float64(max(len(d.words), 100))
	return math.Tanh((pos - neg) * 100 / words / 2)
}

// toneThreshold separates a leaning tone from a neutral one; a report
// needs a clearer lean.
const (
	toneThreshold          = 0.4
	reportingToneThreshold = 0.55
)
