package framing

import (
	"github.com/newsdigest/newsdigest/digest/text"
)

// TargetStanceResult is an article's stance toward one named target.
type TargetStanceResult struct {
	// Label is Negative, Neutral or Positive.
	Label string
	// Confidence is in [0,1]; 0 when the target is never mentioned.
	Confidence float64
	// Mentions is how many mentions of the target were scored (title and
	// pronoun carry-over included).
	Mentions int
	// Probs are the mean class probabilities (Negative, Neutral, Positive)
	// over the mentions, quoted evaluations discounted.
	Probs [3]float64
	// Evidence are the evaluative words behind a non-neutral label, as spans
	// of body.
	Evidence []text.Span
}

// Aggregation parameters of TargetStance, chosen on the BASIL DEV half.
// Evidence accumulates over mentions, so an actor the article keeps coming
// back to in a critical light is labelled negative, while one critical
// sentence about a name mentioned in passing is not.
const (
	// stanceTargetNegBase is the probability of negative a mention must
	// exceed to count as negative evidence.
	stanceTargetNegBase = 0.28
	// stanceTargetNeg is the negative evidence, the sum over mentions of
	// P(negative) - stanceTargetNegBase, above which the label is negative.
	stanceTargetNeg = 2.0
	// stanceTargetPos is the positive evidence, the sum over mentions of
	// P(positive) - P(negative), above which the label is positive.
	stanceTargetPos = 0.75
	// stanceQuotedWeight discounts mentions whose evaluation is a quoted
	// speaker's: the article-level label is the author's stance.
	stanceQuotedWeight = 0.5
)

// stanceTargetMention is one mention of a target: sentence[start:end], where the
// sentence starts at byte base of the body (inBody false: the title).
type stanceTargetMention struct {
	sentence   string
	base       int
	start, end int
	inBody     bool
}

// TargetStance returns the stance an article takes toward target (a person,
// group or organisation name): it finds the target's mentions in title and
// body (the full name, the surname of a personal name, and a sentence-initial
// he/she/they right after a sentence that named it), scores each with
// AnalyzeMention, and weighs the evidence summed over the mentions, quoted
// evaluations discounted (see the stanceTarget* constants).
func TargetStance(title, body, target string) TargetStanceResult {
	res := TargetStanceResult{Label: Neutral}
	mentions := stanceTargetMentions(title, body, target)
	results := make([]MentionStanceResult, len(mentions))
	var weightSum float64
	for i, m := range mentions {
		r := AnalyzeMention(m.sentence, m.start, m.end)
		results[i] = r
		w := 1.0
		if r.Quoted {
			w = stanceQuotedWeight
		}
		for k := range res.Probs {
			res.Probs[k] += w * r.Probs[k]
		}
		weightSum += w
	}
	res.Mentions = len(mentions)
	if weightSum == 0 {
		return res
	}
	for k := range res.Probs {
		res.Probs[k] /= weightSum
	}
	k := stanceTargetClass(res.Probs, weightSum)
	res.Label = stanceLabels[k]
	res.Confidence = res.Probs[k]
	if res.Label == Neutral {
		return res
	}
	for i, r := range results {
		if !mentions[i].inBody || r.Label != res.Label {
			continue
		}
		for _, e := range r.Evidence {
			if len(res.Evidence) < stanceMaxEvidence {
				res.Evidence = append(res.Evidence, text.NewSpan(body, mentions[i].base+e.Start, mentions[i].base+e.End))
			}
		}
	}
	return res
}

// stanceTargetClass picks the article-level class index from the mean
// mention probabilities and the total mention weight.
func stanceTargetClass(mean [3]float64, weight float64) int {
	switch {
	case weight*(mean[0]-stanceTargetNegBase) > stanceTargetNeg:
		return 0
	case weight*(mean[2]-mean[0]) > stanceTargetPos:
		return 2
	}
	return 1
}
