package framing

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

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
//   - w:WORD, each word of the sentence outside the mention (stemmed; NOT_
//     prefix inside a negation scope; capitalised non-evaluative words, that
//     is names, folded to <Name>), weighted by its distance from the mention;
//   - c:WORD for words in the mention's clause; L:WORD and R:WORD within
//     stanceNearWindow tokens left and right; L1:/R1: the adjacent words;
//     P:WORD for the words after a possessive mention ("Blake's failed plan");
//     T:WORD for lower-case words inside the mention ("the disgraced aide");
//   - lex.*, lexicon polarity sums: near the mention, left and right of it,
//     in its clause, nearest to it rather than to another actor, over the
//     whole sentence, inside quotation marks, and the strongest word;
//   - pos.*, cues to the mention's role: sentence-initial (likely subject),
//     after "by" (agent of a passive), before a speech verb (speaker),
//     possessive, pronoun, inside a quotation, other actors in the sentence.
func stanceFeatures(sentence string, c stanceContext) []stanceFeature {
	st := newStanceStructure(sentence, c)
	feats := make([]stanceFeature, 0, 4*len(c.tokens)+24)
	feats = stanceWordFeatures(feats, c, st)
	feats = stanceLexFeatures(feats, c, st)
	if st.others > 0 {
		feats = append(feats, stanceFeature{"pos.others", math.Min(float64(st.others), 3) / 3})
	}
	for _, name := range stancePositionCues(c) {
		feats = append(feats, stanceFeature{name, 1})
	}
	return feats
}

// stanceWordFeatures appends the word features (w:, c:, L:, R:, L1:, R1:,
// P:, T:) of the mention.
func stanceWordFeatures(feats []stanceFeature, c stanceContext, st stanceStructure) []stanceFeature {
	add := func(name string, v float64) { feats = append(feats, stanceFeature{name, v}) }
	targetClause := st.targetClause(c)
	possessive := c.to > c.from && strings.HasSuffix(c.lower[c.to-1], "'s")
	for i := range c.tokens {
		w := c.lower[i]
		if !stanceWordish(w) {
			continue
		}
		if i >= c.from && i < c.to {
			// Descriptive words inside the target carry evaluation; the
			// capitalised name itself never becomes a feature, so the model
			// learns no prior about particular people.
			if !stanceCapitalised(c.tokens[i].Text) && !stancePronouns[w] {
				add("T:"+text.Stem(w), 1)
			}
			continue
		}
		key := text.Stem(w)
		if _, evaluative := stanceValence(w); i > 0 && !evaluative && stanceCapitalised(c.tokens[i].Text) {
			key = "<Name>"
		}
		if c.negated[i] {
			key = "NOT_" + key
		}
		d := c.tokenDistance(i)
		add("w:"+key, stanceDistanceWeight(d))
		if st.clause[i] == targetClause {
			add("c:"+key, 1)
		}
		side := "R"
		if i < c.from {
			side = "L"
		}
		if d <= stanceNearWindow {
			add(side+":"+key, 1)
		}
		if d == 1 {
			add(side+"1:"+key, 1)
		}
		if possessive && i >= c.to && d <= 3 {
			add("P:"+key, 1)
		}
	}
	return feats
}

// stanceLexFeatures appends the lexicon polarity sums (lex.*) of the mention.
func stanceLexFeatures(feats []stanceFeature, c stanceContext, st stanceStructure) []stanceFeature {
	var lex struct {
		nearPos, nearNeg, leftPos, leftNeg, rightPos, rightNeg, allPos, allNeg float64
		quotePos, quoteNeg, maxPos, maxNeg, ownPos, ownNeg, otherPos, otherNeg float64
		clausePos, clauseNeg                                                   float64
	}
	targetClause := st.targetClause(c)
	for i := range c.tokens {
		if i >= c.from && i < c.to {
			continue
		}
		p := c.polarity(i)
		if p == 0 {
			continue
		}
		d := c.tokenDistance(i)
		weight := stanceDistanceWeight(d)
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
			feats = append(feats, stanceFeature{f.name, math.Min(f.v/stanceLexScale, 3)})
		}
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

// stanceCapitalised reports whether a token starts with an upper-case letter.
func stanceCapitalised(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r)
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
