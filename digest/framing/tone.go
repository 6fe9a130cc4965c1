package framing

import (
	"math"

	"github.com/newsdigest/newsdigest/digest/text"
)

// tone is the article's tone toward its central event, from the outlet's
// own voice only: writer, its praise against its attacks (writerPolarity
// over the cues of the body and the headline, never quoted ones), plus the
// stances it takes itself toward the main actors. A news report tells of bad events in strong words
// ("a deadly flood", "a brutal attack") without taking a side, so in a
// report loaded words and fear words count for little; its tone turns only
// on what judges: labels for people, doubt, praise, a stance of its own.
//
// A lean also needs support: at least minToneSupport signs of it in the
// outlet's voice (a cue, or twice over a stance the outlet takes itself).
// In a short text one loaded word moves the balance as far as a tirade, and
// most of those words describe bad news rather than judge it.
func tone(l Labels, writer float64, cues []Cue) string {
	report := l.Genre.Label == Reporting
	score := writer + actorPolarity(l.Actors)
	th := toneThreshold
	if report {
		th = reportingToneThreshold
	}
	pos, neg := toneSupport(l.Actors, cues)
	switch {
	case score > th && pos >= minToneSupport:
		return TonePro
	case score < -th && neg >= minToneSupport:
		return ToneAnti
	}
	return ToneNeutral
}

// minToneSupport is how many signs of a lean the outlet's voice must show
// (toneSupport). By hand, on our own examples and on the replay stream's
// texts read as a reader.
const minToneSupport = 2

// toneSupport counts the signs of praise and of attack in the outlet's
// voice: its cues (headline and body) and, twice each (one alone makes a
// lean), the stances it takes itself.
func toneSupport(actors []Actor, cues []Cue) (pos, neg int) {
	for _, c := range cues {
		switch c.Type {
		case GlitteringGenerality:
			pos++
		case LoadedLanguage:
			if !describes(c) {
				neg++
			}
		case NameCalling, AppealToFear, Doubt:
			neg++
		}
	}
	for _, a := range actors {
		switch {
		case a.Voice != VoiceAuthor:
		case a.Stance == Positive:
			pos += 2
		case a.Stance == Negative:
			neg += 2
		}
	}
	return pos, neg
}

// Cue weights of the tone, by hand, on our own examples: a label for a
// person or a fear appeal attacks more than one loaded word; a headline
// cue weighs like several body cues, since the headline states the angle.
const (
	nameCallingWeight = 1.5
	fearWeight        = 1.5
	loadedWeight      = 1.0
	doubtWeight       = 1.0
	tonePraiseWeight  = 1.0
	// reportLoadedWeight and reportFearWeight replace loadedWeight and
	// fearWeight in a news report, whose strong words mostly describe
	// events.
	reportLoadedWeight = 0.25
	reportFearWeight   = 0.5
	// titleCueWeight multiplies a cue of the headline.
	titleCueWeight = 2.0
	// tonePer100Words scales the balance: cues per 100 words of the article.
	tonePer100Words = 100.0
	// toneSquash halves the balance before tanh brings it into [-1,1].
	toneSquash = 2.0
)

// Thresholds on the tone score in [-1,1] beyond which the tone leans: a
// report needs a clearer lean. By hand, on our own examples (testdata/).
const (
	toneThreshold          = 0.4
	reportingToneThreshold = 0.7
)

// writerPolarity is the balance of the outlet's praise against its attacks
// per 100 words, squashed to [-1,1].
func writerPolarity(d *doc, cues, titleCues []Cue, report bool) float64 {
	pos, neg := cueBalance(cues, report, 1)
	tp, tn := cueBalance(titleCues, report, titleCueWeight)
	// A headline's loaded verb mostly names a quarrel ("Ames slams
	// Blake"); it weighs like a body cue, not like the headline's praise
	// or labels.
	for _, c := range titleCues {
		if c.Type == LoadedLanguage || c.Type == AppealToFear {
			lp, ln := cueBalance([]Cue{c}, report, titleCueWeight-1)
			tp, tn = tp-lp, tn-ln
		}
	}
	pos += tp
	neg += tn
	words := float64(max(len(d.words), 100))
	return math.Tanh((pos - neg) * tonePer100Words / words / toneSquash)
}

// cueBalance sums the praise and the attack of cues, each weighted by w.
func cueBalance(cues []Cue, report bool, w float64) (pos, neg float64) {
	loaded, fear := loadedWeight, fearWeight
	if report {
		loaded, fear = reportLoadedWeight, reportFearWeight
	}
	for _, c := range cues {
		switch c.Type {
		case GlitteringGenerality:
			pos += tonePraiseWeight * w
		case NameCalling:
			neg += nameCallingWeight * w
		case AppealToFear:
			neg += fear * w
		case LoadedLanguage:
			if !describes(c) {
				neg += loaded * w
			}
		case Doubt:
			neg += doubtWeight * w
		}
	}
	return pos, neg
}

// actorPolarity is the outlet's own stance toward the main actors,
// weighted by their share of mentions and the stance's confidence.
func actorPolarity(actors []Actor) float64 {
	total := 0
	for _, a := range actors {
		total += a.Mentions
	}
	score := 0.0
	for _, a := range actors {
		if a.Voice != VoiceAuthor {
			continue
		}
		w := float64(a.Mentions) / float64(max(total, 1))
		switch a.Stance {
		case Positive:
			score += w * a.Confidence
		case Negative:
			score -= w * a.Confidence
		}
	}
	return score
}

// describes reports whether a loaded-language cue is made only of words
// that describe an event's force or people's feelings (lexicon
// descriptive.txt), verbs that report someone else's criticism ("Democrats
// blast the FBI") and the words they colour: such a cue judges no side.
func describes(c Cue) bool {
	for _, t := range text.Tokens(c.Text) {
		if w := normWord(t.Text); lex.loaded.has(w) && !lex.descriptive.has(w) && !attributionVerbs[w] {
			return false
		}
	}
	return true
}
