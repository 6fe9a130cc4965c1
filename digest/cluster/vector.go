package cluster

import "math"

// vector is a term-frequency vector with its TF-IDF norm. The norm follows
// the document frequencies lazily: it is recomputed once the count of
// documents seen has grown by 1/normRefresh since, because recomputing it for
// every candidate story on every insert would dominate the cost of an insert
// in a large window, and in a large window one document barely moves it.
type vector struct {
	v    sparse
	norm cachedNorm
	// For a query only: weights holds each term's TF-IDF weight and scaled
	// that times the idf again, so that comparing the query with many
	// stories looks each idf up once.
	weights, scaled []float64
	// names are the keys of the names and numbers among the terms of an
	// article (a query or a story member), sorted.
	names []uint32
	// headline holds the keys of the article's headline terms, sorted.
	headline []uint32
}

const normRefresh = 256

type cachedNorm struct {
	value float64
	at    float64 // document count when value was computed; 0: never
}

// newQuery returns v ready to be compared with many stories.
func newQuery(v sparse, df *docFreq) vector {
	x := vector{v: v, weights: make([]float64, len(v.keys)), scaled: make([]float64, len(v.keys))}
	var sum float64
	for i, k := range v.keys {
		idf := df.idf(k)
		w := float64(v.vals[i]) * idf
		sum += w * w
		x.weights[i] = w
		x.scaled[i] = w * idf
	}
	x.norm = cachedNorm{value: math.Sqrt(sum), at: df.n}
	return x
}

// set replaces the terms and forgets the norm.
func (x *vector) set(v sparse) {
	x.v = v
	x.norm = cachedNorm{}
}

// weightedNorm returns the TF-IDF norm, refreshed when it is stale.
func (x *vector) weightedNorm(df *docFreq) float64 {
	n := x.norm
	if n.at == 0 || df.n < n.at || df.n-n.at >= max(1, n.at/normRefresh) {
		x.norm = cachedNorm{value: x.v.weightedNorm(df.idf), at: df.n}
	}
	return x.norm.value
}

// cosine is the TF-IDF cosine of the query x and y under the current
// document frequencies.
func (x *vector) cosine(y *vector, df *docFreq) float64 {
	nx, ny := x.norm.value, y.weightedNorm(df)
	if nx == 0 || ny == 0 {
		return 0
	}
	var dot float64
	a, b := x.v.keys, y.v.keys
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			dot += x.scaled[i] * float64(y.v.vals[j])
			i++
			j++
		}
	}
	// A norm a few documents old can put the cosine of near-identical
	// texts a hair above 1.
	return min(dot/(nx*ny), 1)
}

// keyTerms returns the keyTerms terms of the query x with the highest TF-IDF
// weight, heaviest first.
func (x *vector) keyTerms() []uint32 {
	idx := heaviest(x.v.keys, x.weights, keyTerms)
	keys := make([]uint32, len(idx))
	for i, j := range idx {
		keys[i] = x.v.keys[j]
	}
	return keys
}

// heaviestTerms returns the query x cut to its n heaviest terms.
func (x *vector) heaviestTerms(n int) sparse {
	if len(x.v.keys) <= n {
		return x.v
	}
	return x.v.pick(heaviest(x.v.keys, x.weights, n))
}
