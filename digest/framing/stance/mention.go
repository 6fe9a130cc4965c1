package stance

import (
	"math"

	"github.com/newsdigest/newsdigest/digest/text"
)

// Result is the stance a sentence takes toward one mention, with the
// words it rests on.
type Result struct {
	// Label is Negative, Neutral or Positive.
	Label string
	// Confidence is the probability of Label, in [0,1].
	Confidence float64
	// Probs holds the probabilities of Negative, Neutral and Positive, in that order.
	Probs [3]float64
	// Quoted reports whether the mention or the evaluative words next to it are
	// inside quotation marks: the evaluation is then a quoted speaker's
	// (VoiceQuoted), not the author's.
	Quoted bool
	// Evidence are the evaluative words (lexicon hits) that drive the label,
	// strongest first, as spans of the sentence. Empty for a neutral label
	// without evaluative words.
	Evidence []text.Span
}

// Mention returns the stance the sentence takes toward the target mention
// sentence[start:end] (byte offsets), with the class probabilities, the
// voice and the evidence words. Offsets outside the sentence are clamped,
// so any input is safe.
func Mention(sentence string, start, end int) Result {
	c := newMentionContext(sentence, start, end)
	var probs [3]float64
	if m := embeddedModel(); m != nil {
		probs = m.score(sentence, c)
	} else {
		probs = lexiconProbs(c)
	}
	best := 0
	for k := range probs {
		if probs[k] > probs[best] {
			best = k
		}
	}
	res := Result{Label: Labels[best], Confidence: probs[best], Probs: probs}
	res.Evidence, res.Quoted = evidence(sentence, c, Labels[best])
	return res
}

// Shown reports whether the result is confident enough to show a reader:
// a negative or positive label whose probability reaches
// MinShownConfidence.
func (r Result) Shown() bool {
	return r.Label != Neutral && r.Confidence >= MinShownConfidence
}

// Feature parameters, set by hand before training (the weights were
// trained with them; changing one means retraining): a word distanceScale
// tokens from the mention counts half, and a negated word counts
// negationFactor of its valence, reversed.
const (
	distanceScale  = 16.0
	negationFactor = 0.75
)

// distanceWeight discounts a word by its token distance from the mention.
func distanceWeight(d int) float64 { return 1 / (1 + float64(d)/distanceScale) }

// tokenDistance is the number of tokens between token i and the mention.
func (c mentionContext) tokenDistance(i int) int {
	switch {
	case i < c.from:
		return c.from - i
	case i >= c.to:
		return i - c.to + 1
	}
	return 0
}

// polarity returns the signed, negation-adjusted lexicon valence of token i.
func (c mentionContext) polarity(i int) float64 {
	v, ok := valence(c.lower[i])
	if !ok {
		return 0
	}
	if c.negated[i] {
		v = -negationFactor * v
	}
	return v
}

// lexiconProbs scores the mention from lexicon words alone, weighted by their
// distance from it: the fallback when no trained model is available.
func lexiconProbs(c mentionContext) [3]float64 {
	var score float64
	for i := range c.tokens {
		if i >= c.from && i < c.to {
			continue
		}
		score += c.polarity(i) * distanceWeight(c.tokenDistance(i))
	}
	// A soft three-way split around a neutral band of ±1.
	z := [3]float64{-score - 1, 0, score - 1}
	return Softmax(z)
}

// Softmax turns scores into probabilities. It uses exp, not
// math.Exp, so that training is reproducible across architectures.
func Softmax(z [3]float64) [3]float64 {
	m := math.Max(z[0], math.Max(z[1], z[2]))
	var sum float64
	var p [3]float64
	for k := range z {
		p[k] = exp(z[k] - m)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
	return p
}

// exp returns e**x for x <= 0 (larger x are clamped to 0), computed
// with plain, unfused float64 operations: math.Exp has assembly versions
// whose last bits differ between architectures. The error is below 1e-15
// relative, far under what the weights' rounding keeps.
func exp(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		log2e = 1.44269504088896338700e+00
	)
	switch {
	case x > 0:
		x = 0
	case x < -700 || math.IsNaN(x):
		return 0
	}
	k := math.Floor(float64(x*log2e) + 0.5)
	r := float64(x-float64(k*ln2Hi)) - float64(k*ln2Lo) // |r| <= ln2/2
	// Taylor series to degree 13: r^14/14! < 1e-17 for |r| <= 0.35.
	sum, term := 1.0, 1.0
	for i := 1; i <= 13; i++ {
		term = float64(term*r) / float64(i)
		sum += term
	}
	return math.Ldexp(sum, int(k))
}
