package cluster

import "math"

// Profile is what a group of articles is about, for comparing stories
// outside an index (a digest checks whether a story's missing side covered
// the event in another story). It weighs terms by the background table's
// document frequencies, so it needs no state and is safe for concurrent use.
type Profile struct {
	v    sparse
	norm float64
}

// NewProfile returns the profile of docs: the sum of their unit TF-IDF
// vectors.
func NewProfile(docs []Doc) Profile {
	bg := loadBackground()
	idf := func(k uint32) float64 { return logN(bg.docs) - log1p(bg.df[k]) + 1 }
	tz := newTermizer()
	var sum sparse
	for _, d := range docs {
		v, _ := tz.terms(d)
		if n := v.weightedNorm(idf); n > 0 {
			sum = addScaled(sum, v, 1/n)
		}
	}
	for i, k := range sum.keys {
		sum.vals[i] *= float32(idf(k))
	}
	var norm float64
	for _, w := range sum.vals {
		norm += float64(w) * float64(w)
	}
	return Profile{v: sum, norm: math.Sqrt(norm)}
}

// Similarity is the cosine of two profiles, 0 when either is empty.
func (p Profile) Similarity(q Profile) float64 {
	if p.norm == 0 || q.norm == 0 {
		return 0
	}
	var dot float64
	a, b := p.v.keys, q.v.keys
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			dot += float64(p.v.vals[i]) * float64(q.v.vals[j])
			i++
			j++
		}
	}
	return min(dot/(p.norm*q.norm), 1)
}
