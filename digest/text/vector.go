package text

import (
	"math"
	"sort"
)

// Vector is a sparse bag-of-terms vector: term → weight. The zero value (nil)
// is an empty vector and is safe to read.
type Vector map[string]float64

// Counts returns the raw term frequencies of terms.
func Counts(terms []string) Vector {
	v := make(Vector, len(terms))
	for _, t := range terms {
		v[t]++
	}
	return v
}

// Norm returns the Euclidean length of v.
func (v Vector) Norm() float64 {
	var s float64
	for _, w := range v {
		s += w * w
	}
	return math.Sqrt(s)
}

// Normalize scales v in place to unit length and returns it. An empty or
// all-zero vector is returned unchanged.
func (v Vector) Normalize() Vector {
	n := v.Norm()
	if n == 0 {
		return v
	}
	for t, w := range v {
		v[t] = w / n
	}
	return v
}

// Dot returns the inner product of a and b.
func Dot(a, b Vector) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var s float64
	for t, w := range a {
		if x, ok := b[t]; ok {
			s += w * x
		}
	}
	return s
}

// Cosine returns the cosine similarity of a and b, 0 when either is empty.
func Cosine(a, b Vector) float64 {
	na, nb := a.Norm(), b.Norm()
	if na == 0 || nb == 0 {
		return 0
	}
	return Dot(a, b) / (na * nb)
}

// Add adds w·b to v in place and returns v (v must not be nil).
func (v Vector) Add(b Vector, w float64) Vector {
	for t, x := range b {
		v[t] += w * x
	}
	return v
}

// Top returns the k terms of v with the largest weights, heaviest first
// (ties broken alphabetically, so the result is deterministic).
func (v Vector) Top(k int) []string {
	terms := make([]string, 0, len(v))
	for t := range v {
		terms = append(terms, t)
	}
	sort.Slice(terms, func(i, j int) bool {
		if v[terms[i]] != v[terms[j]] {
			return v[terms[i]] > v[terms[j]]
		}
		return terms[i] < terms[j]
	})
	if k >= 0 && k < len(terms) {
		terms = terms[:k]
	}
	return terms
}

// DocFreq counts in how many documents each term occurs, so that rare terms
// can weigh more than common ones (inverse document frequency). It can be
// fed incrementally; the zero value is ready to use. It is not safe for
// concurrent use.
type DocFreq struct {
	N  int            // documents added
	DF map[string]int // term → documents containing it
}

// Add counts one document given as its terms (repeats count once).
func (d *DocFreq) Add(terms []string) {
	if d.DF == nil {
		d.DF = make(map[string]int)
	}
	d.N++
	seen := make(map[string]bool, len(terms))
	for _, t := range terms {
		if !seen[t] {
			seen[t] = true
			d.DF[t]++
		}
	}
}

// IDF returns the smoothed inverse document frequency of term,
// log((1+N)/(1+df)) + 1, which is positive even for a term in every
// document and largest for unseen terms.
func (d *DocFreq) IDF(term string) float64 {
	return math.Log(float64(1+d.N)/float64(1+d.DF[term])) + 1
}

// TFIDF weighs the term counts tf by IDF. With sublinear set, a count c
// contributes 1+log(c) instead of c, so a term repeated ten times does not
// dominate. The result is a new vector; tf is not changed.
func (d *DocFreq) TFIDF(tf Vector, sublinear bool) Vector {
	out := make(Vector, len(tf))
	for t, c := range tf {
		if c <= 0 {
			continue
		}
		if sublinear {
			c = 1 + math.Log(c)
		}
		out[t] = c * d.IDF(t)
	}
	return out
}
