package stance

import (
	"github.com/newsdigest/newsdigest/digest/text"
)

// TargetResult is an article's stance toward one named target.
type TargetResult struct {
	// Label is Negative, Neutral or Positive.
	Label string
	// Confidence is in [0,1]; 0 when the target is never mentioned.
	Confidence float64
	// Mentions is how many mentions of the target were scored, one per
	// sentence (title and pronoun carry-over included).
	Mentions int
	// Probs are the mean class probabilities (Negative, Neutral, Positive)
	// over the scored mentions.
	Probs [3]float64
	// Evidence are the evaluative words behind a non-neutral label, as spans
	// of body.
	Evidence []text.Span
}

// Aggregation parameters of Target, four round values chosen on the
// BASIL DEV half. An article's stance shows in how often it comes back to
// the target in a clearly critical or clearly approving sentence: one
// critical sentence about a name is reporting, two or more that outnumber the
// approving ones are a slant. Quoted evaluations count in full: which
// sources an article quotes is the author's choice, and on BASIL that
// selection carries most of the slant (Fan et al., EMNLP 2019).
const (
	// clearNeg is the margin P(negative) - P(positive) beyond which a
	// sentence clearly criticises the target, and clearPos the margin
	// P(positive) - P(negative) beyond which it clearly approves.
	clearNeg = 0.7
	clearPos = 0.5
	// minCritical is how many clearly critical sentences a negative
	// label needs.
	minCritical = 2
	// praiseMargin is by how many sentences the clearly approving
	// ones must outnumber the critical ones for a positive label.
	praiseMargin = 2
)

// targetMention is one mention of a target: sentence[start:end], where the
// sentence starts at byte base of the body (inBody false: the title).
type targetMention struct {
	sentence   string
	base       int
	start, end int
	inBody     bool
	// sentenceIndex numbers the body's sentences from 0.
	sentenceIndex int
}

// Target returns the stance an article takes toward target (a person,
// group or organisation name): it finds the target's mentions in title and
// body (the full name, the surname of a personal name unless a namesake's,
// and a sentence-initial he/she/they right after a sentence that named it),
// scores each with Mention, and counts the sentences that clearly
// criticise or approve of the target, one vote per sentence (see the
// stanceClear* constants).
func Target(title, body, target string) TargetResult {
	res := TargetResult{Label: Neutral}
	mentions := targetMentions(title, body, target)
	results := make([]Result, len(mentions))
	critical, approving := 0, 0
	voted := map[int]bool{}
	for i, m := range mentions {
		sentence := -1 // the title
		if m.inBody {
			sentence = m.sentenceIndex
		}
		if voted[sentence] {
			continue // one vote per sentence
		}
		voted[sentence] = true
		r := Mention(m.sentence, m.start, m.end)
		results[i] = r
		for k := range res.Probs {
			res.Probs[k] += r.Probs[k]
		}
		switch margin := r.Probs[2] - r.Probs[0]; {
		case margin < -clearNeg:
			critical++
		case margin > clearPos:
			approving++
		}
		res.Mentions++
	}
	if res.Mentions == 0 {
		return res
	}
	for k := range res.Probs {
		res.Probs[k] /= float64(res.Mentions)
	}
	k := targetClass(critical, approving)
	res.Label = Labels[k]
	res.Confidence = res.Probs[k]
	if res.Label == Neutral {
		return res
	}
	for i, r := range results {
		if !mentions[i].inBody || r.Label != res.Label {
			continue
		}
		for _, e := range r.Evidence {
			if len(res.Evidence) < maxEvidence {
				res.Evidence = append(res.Evidence, text.NewSpan(body, mentions[i].base+e.Start, mentions[i].base+e.End))
			}
		}
	}
	return res
}

// targetClass picks the article-level class index from the numbers of
// clearly critical and clearly approving sentences.
func targetClass(critical, approving int) int {
	switch {
	case critical >= minCritical && critical > approving:
		return 0
	case approving-critical >= praiseMargin:
		return 2
	}
	return 1
}
