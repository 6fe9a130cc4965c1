package cluster

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestHeaviest(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		m := rng.IntN(40)
		n := rng.IntN(50)
		keys := make([]uint32, m)
		w := make([]float64, m)
		for i := range keys {
			keys[i] = uint32(i*7 + 1)
			w[i] = float64(rng.IntN(5)) // many ties
		}
		want := make([]int, m)
		for i := range want {
			want[i] = i
		}
		slices.SortFunc(want, func(a, b int) int {
			if c := cmp.Compare(w[b], w[a]); c != 0 {
				return c
			}
			return cmp.Compare(keys[a], keys[b])
		})
		want = want[:min(n, m)]
		if got := heaviest(keys, w, n); !slices.Equal(got, want) {
			t.Fatalf("trial %d: heaviest(%v, %d) = %v, want %v", trial, w, n, got, want)
		}
	}
}

func TestAddScaledAndTop(t *testing.T) {
	a := sparse{keys: []uint32{1, 3, 5}, vals: []float32{1, 1, 1}}
	b := sparse{keys: []uint32{2, 3, 6}, vals: []float32{2, 2, 2}}
	sum := addScaled(a, b, 0.5)
	wantKeys := []uint32{1, 2, 3, 5, 6}
	wantVals := []float32{1, 1, 2, 1, 1}
	if !slices.Equal(sum.keys, wantKeys) || !slices.Equal(sum.vals, wantVals) {
		t.Fatalf("addScaled = %v %v, want %v %v", sum.keys, sum.vals, wantKeys, wantVals)
	}
	flat := func(uint32) float64 { return 1 }
	top := sum.top(2, flat)
	// Key 3 is heaviest; the rest tie at 1 and the smallest key wins.
	if !slices.Equal(top.keys, []uint32{1, 3}) || !slices.Equal(top.vals, []float32{1, 2}) {
		t.Errorf("top(2) = %v %v, want [1 3] [1 2]", top.keys, top.vals)
	}
}
