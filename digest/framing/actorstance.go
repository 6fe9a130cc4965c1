package framing

import (
	"math"
	"sort"
	"strings"

	"github.com/newsdigest/newsdigest/digest/text"
)

// signedScorer returns the stance toward the mention at tokens a..b-1 of
// sentence s of d (or, when s is nil, toward d.title[a:b], byte offsets) as a number
// in [-1,1] (negative below zero, positive above) and whether the
// evaluation is inside quotation marks.
type signedScorer func(d *doc, s *sentence, a, b int) (float64, bool)

// actorStance aggregates per-mention stance into the article's stance toward
// e. Evaluations inside quotation marks are the quoted speaker's and weigh
// less; Voice says whose evaluation dominates. Mentions in the headline count
// too (the headline states the article's angle) but give no evidence spans.
// prior is the writer's overall polarity in [-1,1] (writerPolarity), which
// the writer directs mostly at the main actors: it is added in proportion to
// the actor's share of mentions among the top actors. threshold is the mean
// beyond which the stance is not neutral.
func actorStance(d *doc, e *entity, score signedScorer, prior, share, threshold float64) Actor {
	act := Actor{Name: e.name, Mentions: len(e.mentions)}
	type scored struct {
		sent   int
		signed float64
	}
	var all []scored
	var sum, wsum, authorW, quotedW float64
	add := func(v, w float64, quoted bool) {
		if quoted {
			w *= quotedWeight
			quotedW += w * math.Abs(v)
		} else {
			authorW += w * math.Abs(v)
		}
		sum += w * v
		wsum += w
	}
	seen := map[int]bool{}
	for _, m := range e.mentions {
		si := d.tokSent[m.a]
		if seen[si] || (len(seen) == maxScoredSentences && !m.label) {
			continue // one vote per sentence
		}
		seen[si] = true
		s := d.sents[si]
		v, quotedEval := score(d, &s, m.a, m.b)
		if m.label {
			v = -1 // a pejorative label is a negative evaluation by definition
		}
		w := 1.0
		if m.pronoun {
			w = 0.7
		}
		add(v, w, d.quoted[m.a] || s.quoted || quotedEval)
		all = append(all, scored{si, v})
	}
	if a, b, ok := titleMention(d.title, e); ok {
		v, _ := score(d, nil, a, b)
		add(v, titleWeight, false)
	}
	act.Stance, act.Confidence, act.Voice = Neutral, 0.5, VoiceAuthor
	if wsum == 0 {
		return act
	}
	mean := sum / wsum
	if e.person || e.org {
		mean += priorWeight * prior * share
	}
	if len(e.mentions) == 1 {
		threshold += singleMentionMargin // one sentence is thin evidence
	}
	switch {
	case mean > threshold:
		act.Stance = Positive
	case mean < -threshold:
		act.Stance = Negative
	}
	act.Confidence = math.Round(min(0.95, 0.5+math.Abs(mean))*100) / 100
	if act.Stance == Neutral {
		act.Confidence = math.Round(min(0.95, 0.5+(threshold-math.Abs(mean)))*100) / 100
	}
	if quotedW > authorW {
		act.Voice = VoiceQuoted
	}
	// Evidence: the sentences that pull hardest toward the stance.
	sign := 0.0
	switch act.Stance {
	case Positive:
		sign = 1
	case Negative:
		sign = -1
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].signed*sign > all[j].signed*sign })
	for _, x := range all {
		if len(act.Evidence) == 2 || (sign != 0 && x.signed*sign <= 0) {
			break
		}
		act.Evidence = append(act.Evidence, d.sents[x.sent].span)
	}
	sort.Slice(act.Evidence, func(i, j int) bool { return act.Evidence[i].Start < act.Evidence[j].Start })
	return act
}

// titleMention finds the first mention of e in the headline.
func titleMention(title string, e *entity) (int, int, bool) {
	if title == "" {
		return 0, 0, false
	}
	names := map[string]bool{}
	for f := range e.forms {
		ws := strings.Fields(strings.ToLower(f))
		names[ws[len(ws)-1]] = true
	}
	for _, t := range text.Tokens(title) {
		if names[normWord(t.Text)] && isCapitalised(t.Text) {
			return t.Start, t.End, true
		}
	}
	return 0, 0, false
}

// Stance aggregation weights.
const (
	// stanceThreshold is the mean signed stance beyond which an actor's
	// stance is not neutral; a report needs more (reportingStanceThreshold),
	// since its evaluations are mostly its sources'.
	stanceThreshold          = 0.15
	reportingStanceThreshold = 0.25
	quotedWeight             = 0.6
	titleWeight              = 1.5
	priorWeight              = 1.0
	// maxScoredSentences bounds the cost of a much-mentioned actor: its
	// first sentences (and every pejorative label) decide.
	maxScoredSentences = 8
	// singleMentionMargin raises the threshold for an actor named once.
	singleMentionMargin = 0.2
)
