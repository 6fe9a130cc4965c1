package framing

import (
	"math"
	"strings"

	"github.com/newsdigest/newsdigest/digest/text"
)

// stanceFeature is one named feature of a mention with its value.
type stanceFeature struct {
	Name  string
	Value float64
}

// Feature extraction parameters.
const (
	// stanceNearWindow is how many tokens on each side of the mention count as
	// its immediate context, with side-specific word features.
	stanceNearWindow = 4
	// stanceLexScale brings lexicon sums (valences up to ±4) to unit scale.
	stanceLexScale = 4.0
)

// stanceFeatures describes the mention c for the stance model:
//   - w:WORD, each word of the sentence outside the mention, weighted by its
//     distance from the mention (NOT_ prefix inside a negation scope);
//   - L:WORD and R:WORD, the words within stanceNearWindow tokens left and
//     right of the mention;
//   - lex.*, lexicon polarity sums near the mention, left and right of it,
//     over the whole sentence, and inside quotation marks;
//   - pos.*, cues to the mention's syntactic position: sentence-initial
//     (likely subject), after "by" (agent of a passive), before "said"
//     (speaker), possessive, pronoun, inside a quotation.
func stanceFeatures(sentence string, c stanceContext) []stanceFeature {
	st := newStanceStructure(sentence, c)
	targetClause := -1
	if c.from < len(c.tokens) {
		targetClause = st.clause[c.from]
	}
	feats := make([]stanceFeature, 0, 2*len(c.tokens)+24)
	add := func(name string, v float64) { feats = append(feats, stanceFeature{name, v}) }

	var lex struct {
		nearPos, nearNeg, leftPos, leftNeg, rightPos, rightNeg, allPos, allNeg float64
		quotePos, quoteNeg, maxPos, maxNeg, ownPos, ownNeg, otherPos, otherNeg float64
		clausePos, clauseNeg                                                   float64
	}
	for i := range c.tokens {
		if i >= c.from && i < c.to {
			continue
		}
		w := c.lower[i]
		if !stanceWordish(w) {
			continue
		}
		d := c.tokenDistance(i)
		weight := stanceDistanceWeight(d)
		key := text.Stem(w)
		if c.negated[i] {
			key = "NOT_" + key
		}
		add("w:"+key, weight)
		if st.clause[i] == targetClause {
			add("c:"+key, 1)
		}
		if d <= stanceNearWindow {
			if i < c.from {
				add("L:"+key, 1)
			} else {
				add("R:"+key, 1)
			}
		}
		if d == 1 {
			if i < c.from {
				add("L1:"+key, 1)
			} else {
				add("R1:"+key, 1)
			}
		}
		p := c.polarity(i)
		if p == 0 {
			continue
		}
		pos, neg := math.Max(p, 0), math.Max(-p, 0)
		lex.allPos += pos
		lex.allNeg += neg
		lex.maxPos = math.Max(lex.maxPos, pos)
		lex.maxNeg = math.Max(lex.maxNeg, neg)
		if st.owner[i] {
			lex.ownPos += pos * weight
			lex.ownNeg += neg * weight
		} else {
			lex.otherPos += pos * weight
			lex.otherNeg += neg * weight
		}
		if st.clause[i] == targetClause {
			lex.clausePos += pos
			lex.clauseNeg += neg
		}
		if c.quoted[i] {
			lex.quotePos += pos
			lex.quoteNeg += neg
		}
		if d <= stanceNearWindow {
			lex.nearPos += pos
			lex.nearNeg += neg
		}
		if i < c.from {
			lex.leftPos += pos * weight
			lex.leftNeg += neg * weight
		} else {
			lex.rightPos += pos * weight
			lex.rightNeg += neg * weight
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
			add(f.name, math.Min(f.v/stanceLexScale, 3))
		}
	}
	if st.others > 0 {
		add("pos.others", math.Min(float64(st.others), 3)/3)
	}
	for _, name := range stancePositionCues(c) {
		add(name, 1)
	}
	return feats
}

// stanceFeaturesOf extracts the features of the mention sentence[start:end].
func stanceFeaturesOf(sentence string, start, end int) []stanceFeature {
	return stanceFeatures(sentence, newStanceContext(sentence, start, end))
}

// stancePositionCues names the mention's position in the sentence.
func stancePositionCues(c stanceContext) []string {
	var cues []string
	n := len(c.tokens)
	if n == 0 {
		return []string{"pos.empty"}
	}
	switch rel := float64(c.from) / float64(n); {
	case c.from == 0:
		cues = append(cues, "pos.initial")
	case rel < 0.33:
		cues = append(cues, "pos.early")
	case rel < 0.66:
		cues = append(cues, "pos.middle")
	default:
		cues = append(cues, "pos.late")
	}
	if c.inQuote {
		cues = append(cues, "pos.quoted")
	}
	if c.from > 0 {
		switch prev := c.lower[c.from-1]; prev {
		case "by", "of", "to", "against", "with", "for", "from", "on", "and", "that", "president", "sen", "rep":
			cues = append(cues, "pos.after_"+prev)
		}
	}
	if c.to < n {
		switch next := c.lower[c.to]; next {
		case "is", "was", "has", "had", "will", "would", "and", "who":
			cues = append(cues, "pos.before_"+next)
		}
	}
	for i := c.to; i < min(n, c.to+3); i++ {
		if stanceSpeechVerbs[c.lower[i]] {
			cues = append(cues, "pos.speaker")
			break
		}
	}
	if c.from >= 2 && c.lower[c.from-2] == "according" && c.lower[c.from-1] == "to" {
		cues = append(cues, "pos.source")
	}
	if c.to > c.from {
		last := c.lower[c.to-1]
		switch {
		case strings.HasSuffix(last, "'s"):
			cues = append(cues, "pos.possessive")
		case stancePronouns[last] && c.to-c.from == 1:
			cues = append(cues, "pos.pronoun")
		}
	}
	quoted := 0
	for _, q := range c.quoted {
		if q {
			quoted++
		}
	}
	if quoted > 0 {
		cues = append(cues, "pos.has_quote")
	}
	return cues
}

// stanceSpeechVerbs report speech: a mention right before one is the speaker.
var stanceSpeechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "wrote": true, "writes": true,
	"added": true, "argued": true, "argues": true, "claimed": true, "claims": true,
	"insisted": true, "tweeted": true, "indicated": true, "conceded": true, "countered": true,
	"noted": true, "stated": true, "explained": true, "asked": true, "answered": true,
	"replied": true, "responded": true, "suggested": true, "warned": true, "announced": true,
	"declared": true, "acknowledged": true, "contended": true, "maintained": true,
	"testified": true, "recalled": true, "stressed": true, "emphasized": true, "posted": true,
}

// stancePronouns are personal pronouns that can stand for a target.
var stancePronouns = map[string]bool{
	"he": true, "she": true, "they": true, "him": true, "her": true, "them": true,
	"his": true, "their": true, "i": true, "we": true, "us": true, "you": true,
}

// stanceWordish reports whether w is worth a word feature: it has a letter
// and is not a one-letter fragment.
func stanceWordish(w string) bool {
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
