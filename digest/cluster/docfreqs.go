package cluster

// DocFreqs are document frequencies as they are stored between runs, so
// that an index restarted on a database goes on from what it learned
// instead of from the background table.
type DocFreqs struct {
	Docs  float64            // documents counted
	Terms map[uint32]float64 // document frequency by term key
	// Full means Terms holds every term, and stored terms missing from it
	// are to be forgotten; else Terms holds the changed terms only.
	Full bool
}

// LoadDocFreqs replaces the index's document frequencies by stored ones
// (d.Docs > 0; else it does nothing). Call it before the first Add or
// Restore: articles restored afterwards are taken as already counted, since
// the stored frequencies include them.
func (ix *Index) LoadDocFreqs(d DocFreqs) {
	if d.Docs <= 0 {
		return
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	f := &docFreq{n: d.Docs, df: make(map[uint32]float64, len(d.Terms)), dirty: map[uint32]struct{}{}}
	for k, c := range d.Terms {
		if c > 0 {
			f.df[k] = c
		}
	}
	f.logN = logN(f.n)
	ix.df = f
	ix.dfLoaded = true
}

// DocFreqChanges returns the document frequencies changed since the last
// call: all of them the first time (the background table and what the
// index has counted) and after the counts were halved.
func (ix *Index) DocFreqChanges() DocFreqs {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	f := ix.df
	out := DocFreqs{Docs: f.n, Full: f.full}
	if f.full {
		out.Terms = make(map[uint32]float64, len(f.df))
		for k, c := range f.df {
			out.Terms[k] = c
		}
	} else {
		out.Terms = make(map[uint32]float64, len(f.dirty))
		for k := range f.dirty {
			out.Terms[k] = f.df[k]
		}
	}
	f.full = false
	clear(f.dirty)
	return out
}
