package cluster

import (
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
	w := make([]float64, len(v.keys))
	for i, k := range v.keys {
		w[i] = float64(v.vals[i]) * idf(k)
	}
	return v.pick(heaviest(v.keys, w, n))
}

// pick returns the terms at the given positions, sorted by key.
func (v sparse) pick(idx []int) sparse {
	slices.Sort(idx)
	out := sparse{keys: make([]uint32, len(idx)), vals: make([]float32, len(idx))}
	for i, j := range idx {
		out.keys[i] = v.keys[j]
		out.vals[i] = v.vals[j]
	}
	return out
}

// heaviest returns the positions of the n largest weights, largest first;
// equal weights go by smaller key, so the choice is deterministic. It keeps
// a min-heap of the n best, so picking a few terms of a long article costs
// little more than reading its weights.
func heaviest(keys []uint32, w []float64, n int) []int {
	lighter := func(a, b int) bool {
		if w[a] != w[b] {
			return w[a] < w[b]
		}
		return keys[a] > keys[b]
	}
	h := make([]int, 0, min(n, len(w)))
	down := func(i int) {
		for {
			l, small := 2*i+1, i
			if l < len(h) && lighter(h[l], h[small]) {
				small = l
			}
			if r := l + 1; r < len(h) && lighter(h[r], h[small]) {
				small = r
			}
			if small == i {
				return
			}
			h[i], h[small] = h[small], h[i]
			i = small
		}
	}
	for i := range w {
		if len(h) < n {
			h = append(h, i)
			for j := len(h) - 1; j > 0 && lighter(h[j], h[(j-1)/2]); j = (j - 1) / 2 {
				h[j], h[(j-1)/2] = h[(j-1)/2], h[j]
			}
			continue
		}
		if n > 0 && lighter(h[0], i) {
			h[0] = i
			down(0)
		}
	}
	slices.SortFunc(h, func(a, b int) int {
		if lighter(b, a) {
			return -1
		}
		if lighter(a, b) {
			return 1
		}
		return 0
	})
	return h
}
