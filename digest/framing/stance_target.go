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

// Aggregation parameters of TargetStance, four round values chosen on the
// BASIL DEV half. An article's stance shows in how often it comes back to
// the target in a clearly critical or clearly approving sentence: one
// critical sentence about a name is reporting, two or more that outnumber the
// approving ones are a slant. Quoted evaluations count in full: which
// sources an article quotes is the author's choice, and on BASIL that
// selection carries most of the slant (Fan et al., EMNLP 2019).
const (
	// stanceClearNeg is the margin P(negative) - P(positive) beyond which a
	// sentence clearly criticises the target, and stanceClearPos the margin
	// P(positive) - P(negative) beyond which it clearly approves.
	stanceClearNeg = 0.7
	stanceClearPos = 0.5
	// stanceMinCritical is how many clearly critical sentences a negative
	// label needs.
	stanceMinCritical = 2
	// stancePraiseMargin is by how many sentences the clearly approving
	// ones must outnumber the critical ones for a positive label.
	stancePraiseMargin = 2
)

// stanceTargetMention is one mention of a target: sentence[start:end], where the
// sentence starts at byte base of the body (inBody false: the title).
type stanceTargetMention struct {
	sentence   string
	base       int
	start, end int
	inBody     bool
	// sentenceIndex numbers the body's sentences from 0.
	sentenceIndex int
}

// TargetStance returns the stance an article takes toward target (a person,
// group or organisation name): it finds the target's mentions in title and
// body (the full name, the surname of a personal name unless a namesake's,
// and a sentence-initial he/she/they right after a sentence that named it),
// scores each with AnalyzeMention, and counts the sentences that clearly
// criticise or approve of the target, one vote per sentence (see the
// stanceClear* constants).
func TargetStance(title, body, target string) TargetStanceResult {
	res := TargetStanceResult{Label: Neutral}
	mentions := stanceTargetMentions(title, body, target)
	results := make([]MentionStanceResult, len(mentions))
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
		r := AnalyzeMention(m.sentence, m.start, m.end)
		results[i] = r
		for k := range res.Probs {
			res.Probs[k] += r.Probs[k]
		}
		switch margin := r.Probs[2] - r.Probs[0]; {
		case margin < -stanceClearNeg:
			critical++
		case margin > stanceClearPos:
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
	k := stanceTargetClass(critical, approving)
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

// stanceTargetClass picks the article-level class index from the numbers of
// clearly critical and clearly approving sentences.
func stanceTargetClass(critical, approving int) int {
	switch {
	case critical >= stanceMinCritical && critical > approving:
		return 0
	case approving-critical >= stancePraiseMargin:
		return 2
	}
	return 1
}
