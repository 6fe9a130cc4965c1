package stance

import (
	"cmp"
	"math"
	"slices"

	"github.com/newsdigest/newsdigest/digest/text"
)

// maxEvidence caps the evidence words returned per mention.
const maxEvidence = 3

// evidence returns the lexicon words whose (negation-adjusted) polarity
// agrees with label, strongest and nearest first, and whether the evaluation
// is quoted: the mention is inside quotation marks, or most of the evidence is.
func evidence(sentence string, c mentionContext, label string) ([]text.Span, bool) {
	type hit struct {
		i      int
		weight float64
	}
	var hits []hit
	for i := range c.tokens {
		if i >= c.from && i < c.to {
			continue
		}
		p := c.polarity(i)
		if (label == Negative && p < 0) || (label == Positive && p > 0) {
			hits = append(hits, hit{i, math.Abs(p) * distanceWeight(c.tokenDistance(i))})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(b.weight, a.weight) })
	hits = hits[:min(len(hits), maxEvidence)]
	quotedHits := 0
	spans := make([]text.Span, 0, len(hits))
	for _, h := range hits {
		t := c.tokens[h.i]
		spans = append(spans, text.NewSpan(sentence, t.Start, t.End))
		if c.quoted[h.i] {
			quotedHits++
		}
	}
	quoted := c.inQuote || (len(hits) > 0 && 2*quotedHits > len(hits))
	return spans, quoted
}
