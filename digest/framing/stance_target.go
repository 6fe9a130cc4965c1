package framing

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// targetMention is one mention of a target: sentence[start:end], where the
// sentence starts at byte base of the body (inBody false: the title).
type targetMention struct {
	sentence   string
	base       int
	start, end int
	inBody     bool
}

// TargetStance returns the stance an article takes toward target (a person,
// group or organisation name): it finds the target's mentions in title and
// body (the full name, the surname of a personal name, and a sentence-initial
// he/she/they right after a sentence that named it), scores each with
// AnalyzeMention, and averages the class probabilities, discounting quoted
// evaluations.
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

// stanceTargetMentions finds target's mentions in title and body.
func stanceTargetMentions(title, body, target string) []targetMention {
	aliases := stanceTargetAliases(target)
	if len(aliases) == 0 {
		return nil
	}
	var out []targetMention
	if title != "" {
		for _, m := range stanceFindMentions(title, aliases) {
			out = append(out, targetMention{sentence: title, start: m[0], end: m[1]})
		}
	}
	previous := false // the previous body sentence named the target
	for _, s := range text.Sentences(body) {
		sentence := body[s.Start:s.End]
		found := stanceFindMentions(sentence, aliases)
		for _, m := range found {
			out = append(out, targetMention{sentence: sentence, base: s.Start, start: m[0], end: m[1], inBody: true})
		}
		if len(found) == 0 && previous {
			if a, b, ok := stanceLeadingPronoun(sentence); ok {
				out = append(out, targetMention{sentence: sentence, base: s.Start, start: a, end: b, inBody: true})
			}
		}
		previous = len(found) > 0
	}
	return out
}

// stanceLeadingPronoun returns the span of a subject pronoun that is the
// sentence's first word.
func stanceLeadingPronoun(sentence string) (int, int, bool) {
	toks := text.Tokens(sentence)
	if len(toks) == 0 {
		return 0, 0, false
	}
	switch toks[0].Lower() {
	case "he", "she", "they":
		return toks[0].Start, toks[0].End, true
	}
	return 0, 0, false
}

// stanceTargetAliases returns the strings that name target in running text: the
// target itself, each part of a conjunction ("Sasha and Malia Obama",
// "police/federal authorities"), and the surname of a personal name.
func stanceTargetAliases(target string) []string {
	target = strings.TrimSpace(target)
	if target == "" {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(a string) {
		a = strings.TrimSpace(a)
		if len(a) >= 2 && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	add(target)
	parts := strings.FieldsFunc(target, func(r rune) bool { return r == '/' || r == '&' })
	var split []string
	for _, p := range parts {
		split = append(split, strings.Split(p, " and ")...)
	}
	for _, p := range split {
		add(p)
		words := strings.Fields(p)
		if len(words) >= 2 && stancePersonalName(words) {
			add(words[len(words)-1])
		}
	}
	return out
}

// stancePersonalName reports whether every word is capitalised and the last
// is not a generic organisational noun.
func stancePersonalName(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	last := strings.ToLower(strings.Trim(words[len(words)-1], ".,"))
	return !stanceOrgNouns[last] && len(last) > 2
}

// stanceOrgNouns end names of organisations and groups, whose last word alone does
// not name them.
var stanceOrgNouns = map[string]bool{
	"department": true, "agency": true, "party": true, "committee": true, "act": true,
	"bill": true, "service": true, "administration": true, "court": true, "house": true,
	"senate": true, "congress": true, "council": true, "union": true, "association": true,
	"bureau": true, "office": true, "commission": true, "foundation": true, "institute": true,
	"university": true, "company": true, "corporation": true, "group": true, "now": true,
	"lawmakers": true, "leaders": true, "members": true, "democrats": true, "republicans": true,
	"programs": true, "authorities": true, "states": true, "nations": true, "times": true,
	"news": true, "post": true, "network": true, "campaign": true, "movement": true,
}

// stanceFindMentions returns the byte ranges in s where an alias occurs as whole
// words, longest alias first and without overlaps. Aliases in lower case
// match case-insensitively.
func stanceFindMentions(s string, aliases []string) [][2]int {
	var out [][2]int
	taken := func(a, b int) bool {
		for _, m := range out {
			if a < m[1] && m[0] < b {
				return true
			}
		}
		return false
	}
	lower := ""
	for _, a := range aliases {
		hay, needle := s, a
		if a == strings.ToLower(a) {
			if lower == "" {
				lower = strings.ToLower(s)
			}
			if len(lower) != len(s) {
				continue // case folding changed byte lengths: offsets would not map
			}
			hay = lower
		}
		for from := 0; from < len(hay); {
			i := strings.Index(hay[from:], needle)
			if i < 0 {
				break
			}
			a, b := from+i, from+i+len(needle)
			from = b
			if stanceWordBoundary(s, a, b) && !taken(a, b) {
				out = append(out, [2]int{a, b})
			}
		}
	}
	return out
}

// stanceWordBoundary reports whether s[a:b] is not part of a longer word.
func stanceWordBoundary(s string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if b < len(s) {
		r, _ := utf8.DecodeRuneInString(s[b:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
