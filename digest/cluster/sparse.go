package cluster

import (
	"cmp"
	"math"
	"slices"
)

// sparse is a vector over term keys, sorted by key.
type sparse struct {
	keys []uint32
	vals []float32
}

func sortKeys(k []uint32) { slices.Sort(k) }

// weightedNorm returns the L2 norm of v with every term scaled by idf.
func (v sparse) weightedNorm(idf func(uint32) float64) float64 {
	var s float64
	for i, k := range v.keys {
		w := float64(v.vals[i]) * idf(k)
		s += w * w
	}
	return math.Sqrt(s)
}

// weightedDot returns Σ a_t·b_t·idf(t)².
func weightedDot(a, b sparse, idf func(uint32) float64) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.keys) && j < len(b.keys) {
		switch {
		case a.keys[i] < b.keys[j]:
			i++
		case a.keys[i] > b.keys[j]:
			j++
		default:
			w := idf(a.keys[i])
			s += float64(a.vals[i]) * float64(b.vals[j]) * w * w
			i++
			j++
		}
	}
	return s
}

// addScaled returns a + f·b as a new vector.
func addScaled(a, b sparse, f float64) sparse {
	out := sparse{
		keys: make([]uint32, 0, len(a.keys)+len(b.keys)),
		vals: make([]float32, 0, len(a.keys)+len(b.keys)),
	}
	i, j := 0, 0
	for i < len(a.keys) || j < len(b.keys) {
		switch {
		case j >= len(b.keys) || (i < len(a.keys) && a.keys[i] < b.keys[j]):
			out.keys = append(out.keys, a.keys[i])
			out.vals = append(out.vals, a.vals[i])
			i++
		case i >= len(a.keys) || a.keys[i] > b.keys[j]:
			out.keys = append(out.keys, b.keys[j])
			out.vals = append(out.vals, float32(f*float64(b.vals[j])))
			j++
		default:
			out.keys = append(out.keys, a.keys[i])
			out.vals = append(out.vals, a.vals[i]+float32(f*float64(b.vals[j])))
			i++
			j++
		}
	}
	return out
}

// top returns v cut to its n heaviest terms under idf (ties broken by key so
// the result is deterministic), sorted by key. v is returned as is when short.
func (v sparse) top(n int, idf func(uint32) float64) sparse {
	if len(v.keys) <= n {
		return v
	}
	idx := v.ranked(idf)[:n]
	slices.Sort(idx)
	out := sparse{keys: make([]uint32, n), vals: make([]float32, n)}
	for i, j := range idx {
		out.keys[i] = v.keys[j]
		out.vals[i] = v.vals[j]
	}
	return out
}

// ranked returns the positions of v's terms, heaviest under idf first.
func (v sparse) ranked(idf func(uint32) float64) []int {
	idx := make([]int, len(v.keys))
	w := make([]float64, len(v.keys))
	for i, k := range v.keys {
		idx[i] = i
		w[i] = float64(v.vals[i]) * idf(k)
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(w[b], w[a]); c != 0 {
			return c
		}
		return cmp.Compare(v.keys[a], v.keys[b])
	})
	return idx
}
