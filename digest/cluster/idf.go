package cluster

import "math"

// dfHorizon bounds the memory of document frequencies: when the count of
// documents seen reaches it, every count is halved and terms that fall below
// one are forgotten, so old vocabulary fades instead of piling up.
const dfHorizon = 1 << 20

// docFreq holds document frequencies: the background table's at first, then
// also those of every document seen (or those stored by an earlier run).
type docFreq struct {
	n    float64
	logN float64 // ln(n+1)
	df   map[uint32]float64
	// What changed since the last DocFreqChanges: all terms while full
	// (nothing was saved yet, or counts were halved), else those in dirty.
	full  bool
	dirty map[uint32]struct{}
}

// backgroundWeight is how much a document of the background table counts
// against one the index sees: at a quarter, the table weighs as much as a
// few hundred feed items, so it sets the weights of a new bot's first hours
// and the bot's own feeds soon outweigh it. Chosen on the DEV sets (more
// background helps the DEV stream's first day and hurts the AllSides
// roundups, whose political vocabulary the table knows well).
const backgroundWeight = 0.25

// newDocFreq returns the document frequencies of the background table.
func newDocFreq() *docFreq {
	bg := loadBackground()
	f := &docFreq{n: bg.docs * backgroundWeight, df: make(map[uint32]float64, len(bg.df)), full: true, dirty: map[uint32]struct{}{}}
	for k, c := range bg.df {
		f.df[k] = c * backgroundWeight
	}
	f.logN = logN(f.n)
	return f
}

// observe counts one document with the given terms.
func (f *docFreq) observe(v sparse) {
	f.n++
	for _, k := range v.keys {
		f.df[k]++
		if !f.full {
			f.dirty[k] = struct{}{}
		}
	}
	if f.n >= dfHorizon {
		f.halve()
	}
	f.logN = logN(f.n)
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
	f.full = true
	clear(f.dirty)
}

// idf is the smoothed inverse document frequency of term k,
// ln((n+1)/(df+1)) + 1: high for terms few documents have, near 1 for terms
// most documents have.
func (f *docFreq) idf(k uint32) float64 {
	return f.logN - log1p(f.df[k]) + 1
}

func logN(n float64) float64 { return math.Log(n + 1) }

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
