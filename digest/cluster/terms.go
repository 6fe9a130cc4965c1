package cluster

import (
	"hash/fnv"
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// Term weighting. A headline word counts as several body mentions because a
// headline names the event; a capitalised name (a person, place or
// organisation, seen capitalised away from the start of a sentence) is what
// tells two stories on the same theme apart ("a singer enters rehab" in 2008
// and in 2013), so it weighs more than a common word.
var (
	leadTokens    = 0
	leadMentions  = 1.0
	numberBoost   = false
	bigramWeight  = 0.0
	titleMentions = 2.0
	entityBoost   = 1.5
)

// termKey hashes a term to 32 bits. Two rare words may collide and merge,
// which moves a cosine by a hair and saves a vocabulary table.
func termKey(term string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(term))
	return h.Sum32()
}

// docTerms returns the sublinear term-frequency vector of d: 1+ln(count) per
// stemmed content word, headline words counted titleMentions times, names
// boosted. Keys are sorted.
func docTerms(d Doc) sparse {
	counts := map[uint32]float64{}
	names := map[uint32]bool{}
	var prev uint32
	havePrev := false
	for i, tok := range text.Tokens(d.Text) {
		key, ok := tokenKey(tok)
		if !ok {
			havePrev = false
			continue
		}
		c := 1.0
		if i < leadTokens {
			c = leadMentions
		}
		counts[key] += c
		if isName(d.Text, tok) || (numberBoost && hasDigit(tok.Text)) {
			names[key] = true
		}
		if bigramWeight > 0 && havePrev {
			counts[prev*31+key] += c * bigramWeight
		}
		prev, havePrev = key, true
	}
	for _, tok := range text.Tokens(d.Title) {
		if key, ok := tokenKey(tok); ok {
			counts[key] += titleMentions
		}
	}
	v := sparse{keys: make([]uint32, 0, len(counts)), vals: make([]float32, 0, len(counts))}
	for k := range counts {
		v.keys = append(v.keys, k)
	}
	sortKeys(v.keys)
	for _, k := range v.keys {
		w := 1 + math.Log(counts[k])
		if names[k] {
			w *= entityBoost
		}
		v.vals = append(v.vals, float32(w))
	}
	return v
}

// tokenKey maps a token to its term key, or false for stop words and
// one-letter tokens.
func tokenKey(tok text.Token) (uint32, bool) {
	w := tok.Lower()
	if len(w) < 2 || text.IsStopWord(w) {
		return 0, false
	}
	return termKey(text.Stem(w)), true
}

// isName reports whether tok is capitalised and not the first word of a
// sentence or line, where capitals say nothing.
func isName(src string, tok text.Token) bool {
	r, _ := utf8.DecodeRuneInString(tok.Text)
	if !unicode.IsUpper(r) {
		return false
	}
	i := tok.Start
	for i > 0 {
		p, size := utf8.DecodeLastRuneInString(src[:i])
		switch {
		case p == '\n' || p == '.' || p == '!' || p == '?' || p == ':':
			return false
		case unicode.IsSpace(p) || p == '"' || p == '\'' || p == '“' || p == '‘' || p == '(' || p == '[' || p == '—' || p == '-':
			i -= size
		default:
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}
