package framing

import (
	"math"
	"strings"

	"github.com/newsdigest/newsdigest/digest/text"
)

// lexiconSigned scores the stance toward the target at sentence[start:end]
// from the project's evaluative words around it, as a number in [-1,1]:
// praise and positive words count up; pejoratives, loaded and negative words
// count down; a negator just before a word flips it; nearer words weigh more.
func lexiconSigned(sentence string, start, end int) float64 {
	return math.Tanh(lexiconRaw(sentence, start, end) / 2)
}

// lexiconDoc is lexiconRaw for the mention at tokens ta..tb-1 of sentence s
// of d, reusing the document's tokens.
func lexiconDoc(d *doc, s sentence, ta, tb int) float64 {
	return math.Tanh(polarityAround(d.words[s.tokA:s.tokB], d.cand[s.tokA:s.tokB], ta-s.tokA, tb-s.tokA) / 2)
}

// lexiconRaw is the unsquashed score of lexiconSigned.
func lexiconRaw(sentence string, start, end int) float64 {
	toks := text.Tokens(sentence)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = normWord(t.Text)
	}
	// token index range of the target
	ta, tb := len(toks), len(toks)
	for i, t := range toks {
		if t.End > start && ta == len(toks) {
			ta = i
		}
		if t.Start >= end {
			tb = i
			break
		}
	}
	return polarityAround(words, nil, ta, tb)
}

// polarityAround sums the evaluative words of a sentence outside the target
// words[ta:tb], flipped by negation and discounted by distance. cand, when
// not nil, marks the words that can start a lexicon entry.
func polarityAround(words []string, cand []bool, ta, tb int) float64 {
	score := 0.0
	for i := 0; i < len(words); i++ {
		if (i >= ta && i < tb) || (cand != nil && !cand[i]) {
			continue
		}
		v, n := wordPolarity(words, i)
		if v == 0 {
			continue
		}
		if negated(words, i) {
			v = -v * 0.7
		}
		dist := ta - i - 1
		if i >= tb {
			dist = i - tb
		}
		score += v / (1 + float64(dist)/6)
		i += n - 1
	}
	return score
}

// wordPolarity returns the evaluative weight of the phrase starting at
// words[i] and its length in words.
func wordPolarity(words []string, i int) (float64, int) {
	if n := lex.pejoratives.match(words, i); n > 0 {
		return -1.5, n
	}
	if n := lex.praise.match(words, i); n > 0 {
		return 1.2, n
	}
	if n := lex.loaded.match(words, i); n > 0 {
		return -1, n
	}
	if n := lex.negative.match(words, i); n > 0 {
		return -0.8, n
	}
	if n := lex.positive.match(words, i); n > 0 {
		return 0.8, n
	}
	return 0, 1
}

var negators = map[string]bool{"not": true, "no": true, "never": true, "n't": true, "without": true,
	"nor": true, "hardly": true, "lack": true, "lacks": true, "cannot": true}

func negated(words []string, i int) bool {
	for k := max(0, i-3); k < i; k++ {
		if negators[words[k]] || strings.HasSuffix(words[k], "n't") {
			return true
		}
	}
	return false
}
