package stance

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// Feature is one named feature of a mention with its value.
type Feature struct {
	Name  string
	Value float64
}

// Feature extraction parameters, set by hand before training (the weights
// were trained with them; changing one means retraining).
const (
	// nearWindow is how many tokens on each side of the mention count as
	// its immediate context, with side-specific word features.
	nearWindow = 4
	// lexScale brings lexicon sums (valences up to ±4) to unit scale.
	lexScale = 4.0
	// maxLexFeature caps a lexicon sum feature, and maxOthers the count of
	// other names in the sentence, so one long list does not dominate.
	maxLexFeature = 3.0
	maxOthers     = 3.0
)

// features describes the mention c for the stance model:
//   - w:WORD, each word of the sentence outside the mention (stemmed; NOT_
//     prefix inside a negation scope; capitalised non-evaluative words, that
//     is names, folded to <Name>), weighted by its distance from the mention;
//   - c:WORD for words in the mention's clause; L:WORD and R:WORD within
//     nearWindow tokens left and right; L1:/R1: the adjacent words;
//     P:WORD for the words after a possessive mention ("Blake's failed plan");
//     T:WORD for lower-case words inside the mention ("the disgraced aide");
//   - lex.*, lexicon polarity sums: near the mention, left and right of it,
//     in its clause, nearest to it rather than to another actor, over the
//     whole sentence, inside quotation marks, and the strongest word;
//   - pos.*, cues to the mention's role: sentence-initial (likely subject),
//     after "by" (agent of a passive), before a speech verb (speaker),
//     possessive, pronoun, inside a quotation, other actors in the sentence.
func features(sentence string, c mentionContext) []Feature {
	list := &featureList{feats: make([]Feature, 0, 4*len(c.tokens)+24)}
	emitFeatures(list, sentence, c)
	return list.feats
}

// sink receives features, each named by the concatenation of its parts,
// so that scoring can look weights up without building the names.
type sink interface {
	add(prefix, negation, key string, value float64)
}

// featureList collects named features (for training).
type featureList struct{ feats []Feature }

func (l *featureList) add(prefix, negation, key string, v float64) {
	l.feats = append(l.feats, Feature{prefix + negation + key, v})
}

// emitFeatures sends every feature of the mention to sink.
func emitFeatures(sink sink, sentence string, c mentionContext) {
	st := newStructure(sentence, c)
	wordFeatures(sink, c, st)
	lexFeatures(sink, c, st)
	if st.others > 0 {
		sink.add("pos.others", "", "", math.Min(float64(st.others), maxOthers)/maxOthers)
	}
	for _, name := range positionCues(c) {
		sink.add(name, "", "", 1)
	}
}

// wordFeatures emits the word features (w:, c:, L:, R:, L1:, R1:, P:,
// T:) of the mention.
func wordFeatures(sink sink, c mentionContext, st structure) {
	targetClause := st.targetClause(c)
	possessive := c.to > c.from && strings.HasSuffix(c.lower[c.to-1], "'s")
	for i := range c.tokens {
		w := c.lower[i]
		if !wordish(w) {
			continue
		}
		if i >= c.from && i < c.to {
			// Descriptive words inside the target carry evaluation; the
			// capitalised name itself never becomes a feature, so the model
			// learns no prior about particular people.
			if !capitalised(c.tokens[i].Text) && !pronouns[w] {
				sink.add("T:", "", text.CachedStem(w), 1)
			}
			continue
		}
		key := text.CachedStem(w)
		if _, evaluative := valence(w); i > 0 && !evaluative && capitalised(c.tokens[i].Text) {
			key = "<Name>"
		}
		negation := ""
		if c.negated[i] {
			negation = "NOT_"
		}
		d := c.tokenDistance(i)
		sink.add("w:", negation, key, distanceWeight(d))
		if st.clause[i] == targetClause {
			sink.add("c:", negation, key, 1)
		}
		near, adjacent := "R:", "R1:"
		if i < c.from {
			near, adjacent = "L:", "L1:"
		}
		if d <= nearWindow {
			sink.add(near, negation, key, 1)
		}
		if d == 1 {
			sink.add(adjacent, negation, key, 1)
		}
		if possessive && i >= c.to && d <= 3 {
			sink.add("P:", negation, key, 1)
		}
	}
}

// lexFeatures emits the lexicon polarity sums (lex.*) of the mention.
func lexFeatures(sink sink, c mentionContext, st structure) {
	var lex struct {
		nearPos, nearNeg, leftPos, leftNeg, rightPos, rightNeg, allPos, allNeg float64
		quotePos, quoteNeg, maxPos, maxNeg, ownPos, ownNeg, otherPos, otherNeg float64
		clausePos, clauseNeg                                                   float64
	}
	targetClause := st.targetClause(c)
	// Products are converted to float64 before they are summed so that no
	// architecture fuses them into multiply-adds: training stays bit-exact.
	for i := range c.tokens {
		if i >= c.from && i < c.to {
			continue
		}
		p := c.polarity(i)
		if p == 0 {
			continue
		}
		d := c.tokenDistance(i)
		weight := distanceWeight(d)
		pos, neg := math.Max(p, 0), math.Max(-p, 0)
		lex.allPos += pos
		lex.allNeg += neg
		lex.maxPos = math.Max(lex.maxPos, pos)
		lex.maxNeg = math.Max(lex.maxNeg, neg)
		if st.owner[i] {
			lex.ownPos += float64(pos * weight)
			lex.ownNeg += float64(neg * weight)
		} else {
			lex.otherPos += float64(pos * weight)
			lex.otherNeg += float64(neg * weight)
		}
		if st.clause[i] == targetClause {
			lex.clausePos += pos
			lex.clauseNeg += neg
		}
		if c.quoted[i] {
			lex.quotePos += pos
			lex.quoteNeg += neg
		}
		if d <= nearWindow {
			lex.nearPos += pos
			lex.nearNeg += neg
		}
		if i < c.from {
			lex.leftPos += float64(pos * weight)
			lex.leftNeg += float64(neg * weight)
		} else {
			lex.rightPos += float64(pos * weight)
			lex.rightNeg += float64(neg * weight)
		}
	}
	for _, f := range [...]struct {
		name string
		v    float64
	}{
		{"lex.near+", lex.nearPos}, {"lex.near-", lex.nearNeg},
		{"lex.left+", lex.leftPos}, {"lex.left-", lex.leftNeg},
		{"lex.right+", lex.rightPos}, {"lex.right-", lex.rightNeg},
		{"lex.all+", lex.allPos}, {"lex.all-", lex.allNeg},
		{"lex.quote+", lex.quotePos}, {"lex.quote-", lex.quoteNeg},
		{"lex.max+", lex.maxPos}, {"lex.max-", lex.maxNeg},
		{"lex.own+", lex.ownPos}, {"lex.own-", lex.ownNeg},
		{"lex.other+", lex.otherPos}, {"lex.other-", lex.otherNeg},
		{"lex.clause+", lex.clausePos}, {"lex.clause-", lex.clauseNeg},
	} {
		if f.v != 0 {
			sink.add(f.name, "", "", math.Min(f.v/lexScale, maxLexFeature))
		}
	}
}

// Features extracts the features of the mention sentence[start:end].
func Features(sentence string, start, end int) []Feature {
	return features(sentence, newMentionContext(sentence, start, end))
}

// capitalised reports whether a token starts with an upper-case letter.
func capitalised(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r)
}

// wordish reports whether w is worth a word feature: it has a letter
// and is not a one-letter fragment.
func wordish(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return true
		}
	}
	return strings.IndexFunc(w, func(r rune) bool { return r > 127 }) >= 0
}
