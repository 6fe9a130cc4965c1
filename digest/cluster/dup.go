package cluster

import "math/bits"

// dupBands splits a fingerprint into duplicateBits+1 bands. Two fingerprints
// within duplicateBits of each other agree exactly on at least one band
// (pigeonhole), so each band is a hash table and a lookup needs no scan.
const dupBands = duplicateBits + 1

// dupIndex finds near-duplicate fingerprints among the docs in the window.
type dupIndex struct {
	bands [dupBands]map[uint64][]*docRec
}

func newDupIndex() *dupIndex {
	var d dupIndex
	for i := range d.bands {
		d.bands[i] = map[uint64][]*docRec{}
	}
	return &d
}

// band returns the i-th of dupBands runs of bits of fp; the runs cover all
// 64 bits.
func band(fp uint64, i int) uint64 {
	lo := 64 * i / dupBands
	hi := 64 * (i + 1) / dupBands
	return (fp >> lo) & (1<<(hi-lo) - 1)
}

func (d *dupIndex) add(r *docRec) {
	for i := range d.bands {
		b := band(r.fp, i)
		d.bands[i][b] = append(d.bands[i][b], r)
	}
}

func (d *dupIndex) remove(r *docRec) {
	for i := range d.bands {
		b := band(r.fp, i)
		list := d.bands[i][b]
		for j, x := range list {
			if x == r {
				list = append(list[:j], list[j+1:]...)
				break
			}
		}
		if len(list) == 0 {
			delete(d.bands[i], b)
		} else {
			d.bands[i][b] = list
		}
	}
}

// find returns the closest earlier doc whose fingerprint is a near-duplicate
// of fp (the earliest among equals), or nil.
func (d *dupIndex) find(fp uint64) *docRec {
	var best *docRec
	bestDist := duplicateBits + 1
	for i := range d.bands {
		for _, r := range d.bands[i][band(fp, i)] {
			dist := bits.OnesCount64(r.fp ^ fp)
			if dist < bestDist || (best != nil && dist == bestDist && r.seq < best.seq) {
				best, bestDist = r, dist
			}
		}
	}
	return best
}
