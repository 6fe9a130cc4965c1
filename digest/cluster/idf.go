package cluster

import "math"

// dfHorizon bounds the memory of document frequencies: when the count of
// documents seen reaches it, every count is halved and terms that fall below
// one are forgotten, so old vocabulary fades instead of piling up.
const dfHorizon = 1 << 20

// docFreq learns document frequencies from the documents seen so far.
type docFreq struct {
	n    float64
	logN float64 // ln(n+1)
	df   map[uint32]float64
}

func newDocFreq() *docFreq { return &docFreq{df: map[uint32]float64{}} }

// observe counts one document with the given terms.
func (f *docFreq) observe(v sparse) {
	f.n++
	for _, k := range v.keys {
		f.df[k]++
	}
	if f.n >= dfHorizon {
		f.halve()
	}
	f.logN = math.Log(f.n + 1)
}

func (f *docFreq) halve() {
	f.n /= 2
	for k, c := range f.df {
		if c/2 < 1 {
			delete(f.df, k)
			continue
		}
		f.df[k] = c / 2
	}
}

// idf is the smoothed inverse document frequency of term k,
// ln((n+1)/(df+1)) + 1: high for terms few documents have, near 1 for terms
// most documents have, and flat while the index has seen little.
func (f *docFreq) idf(k uint32) float64 {
	return f.logN - log1p(f.df[k]) + 1
}

// logTable holds ln(1+c) for small whole c: most document frequencies.
var logTable = func() [4096]float64 {
	var t [4096]float64
	for i := range t {
		t[i] = math.Log1p(float64(i))
	}
	return t
}()

func log1p(c float64) float64 {
	if i := int(c); float64(i) == c && i < len(logTable) {
		return logTable[i]
	}
	return math.Log1p(c)
}
