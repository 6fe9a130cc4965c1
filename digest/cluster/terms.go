package cluster

import (
	"slices"
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

// docVectors are the views of an article the similarity compares: all its
// content words (headline and body), its headline alone, and its names and
// numbers (the entities that tell two similar events apart).
type docVectors struct {
	all, title, names sparse
	years             []int
}

// docTerms returns the sublinear term-frequency vectors of d: 1+ln(count) per
// stemmed content word, headline words counted titleMentions times, names
// boosted.
func docTerms(d Doc) docVectors {
	counts := map[uint32]float64{}
	names := map[uint32]float64{}
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
			names[key] += c
		}
		if bigramWeight > 0 && havePrev {
			counts[prev*31+key] += c * bigramWeight
		}
		prev, havePrev = key, true
	}
	titles := map[uint32]float64{}
	for _, tok := range text.Tokens(d.Title) {
		if key, ok := tokenKey(tok); ok {
			counts[key] += titleMentions
			titles[key]++
			if hasDigit(tok.Text) {
				names[key]++
			}
		}
	}
	all := sublinear(counts)
	for i, k := range all.keys {
		if names[k] > 0 {
			all.vals[i] *= float32(entityBoost)
		}
	}
	return docVectors{all: all, title: sublinear(titles), names: sublinear(names), years: years(d.Title + "\n" + d.Text)}
}

// sublinear returns 1+ln(count) for every counted term, sorted by key.
func sublinear(counts map[uint32]float64) sparse {
	v := sparse{keys: make([]uint32, 0, len(counts)), vals: make([]float32, 0, len(counts))}
	for k := range counts {
		v.keys = append(v.keys, k)
	}
	sortKeys(v.keys)
	for _, k := range v.keys {
		v.vals = append(v.vals, float32(1+math.Log(counts[k])))
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

// years returns the distinct years (1900-2099) written in s, sorted.
func years(s string) []int {
	var out []int
	for _, tok := range text.Tokens(s) {
		w := tok.Text
		if len(w) != 4 || (w[:2] != "19" && w[:2] != "20") || !isDigits(w) {
			continue
		}
		y := int(w[0]-'0')*1000 + int(w[1]-'0')*100 + int(w[2]-'0')*10 + int(w[3]-'0')
		if !slices.Contains(out, y) {
			out = append(out, y)
		}
	}
	slices.Sort(out)
	return out
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
