package stance

import (
	"strings"

	"github.com/newsdigest/newsdigest/digest/text"
)

// mentionContext is a sentence tokenised around one target mention: the
// tokens, their lower-cased forms, whether each sits inside quotation marks,
// whether it is in a negation scope, and the token range of the target.
type mentionContext struct {
	tokens   []text.Token
	lower    []string
	quoted   []bool
	negated  []bool
	from, to int // target tokens are [from, to)
	inQuote  bool
}

// negationScope is how many tokens after a negator are negated: set by
// hand before training (changing it means retraining).
const negationScope = 3

// newMentionContext tokenises sentence and locates the target sentence[start:end].
// Offsets out of range are clamped, so any input is safe.
func newMentionContext(sentence string, start, end int) mentionContext {
	start = max(0, min(start, len(sentence)))
	end = max(start, min(end, len(sentence)))
	toks := text.Tokens(sentence)
	c := mentionContext{
		tokens:  toks,
		lower:   make([]string, len(toks)),
		quoted:  make([]bool, len(toks)),
		negated: make([]bool, len(toks)),
		from:    len(toks),
		to:      len(toks),
	}
	quotes := quotedRanges(sentence)
	q := 0
	scope := 0
	for i, t := range toks {
		c.lower[i] = t.Lower()
		for q < len(quotes) && quotes[q][1] <= t.Start {
			q++
		}
		c.quoted[i] = q < len(quotes) && quotes[q][0] <= t.Start
		if scope > 0 {
			c.negated[i] = true
			scope--
		}
		if isNegator(c.lower[i]) {
			scope = negationScope
		}
		if clauseBreak(sentence, toks, i) {
			scope = 0
		}
		if t.End > start && t.Start < end {
			if c.from == len(toks) {
				c.from = i
			}
			c.to = i + 1
		}
	}
	if c.from == len(toks) {
		// The target covers no word (an empty or punctuation-only span):
		// treat it as sitting between the surrounding tokens.
		for i, t := range toks {
			if t.Start >= start {
				c.from, c.to = i, i
				break
			}
		}
	}
	for _, r := range quotes {
		if r[0] <= start && end <= r[1] && start < end {
			c.inQuote = true
		}
	}
	return c
}

// clauseBreak reports whether punctuation that ends a clause follows token i,
// which closes a negation scope.
func clauseBreak(s string, toks []text.Token, i int) bool {
	next := len(s)
	if i+1 < len(toks) {
		next = toks[i+1].Start
	}
	return strings.ContainsAny(s[toks[i].End:next], ",;:.!?()")
}

// quotedRanges returns the byte ranges of s enclosed in quotation marks:
// curly “…” pairs and straight "…" pairs. An unclosed quote runs to the end.
func quotedRanges(s string) [][2]int {
	var out [][2]int
	open := -1
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "“"):
			if open < 0 {
				open = i
			}
			i += len("“")
		case strings.HasPrefix(s[i:], "”"):
			if open >= 0 {
				out = append(out, [2]int{open, i + len("”")})
				open = -1
			}
			i += len("”")
		case s[i] == '"':
			if open < 0 {
				open = i
			} else {
				out = append(out, [2]int{open, i + 1})
				open = -1
			}
			i++
		default:
			i++
		}
	}
	if open >= 0 {
		out = append(out, [2]int{open, len(s)})
	}
	return out
}
