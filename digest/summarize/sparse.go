package summarize

import (
	"math"
	"slices"

	"github.com/newsdigest/newsdigest/digest/text"
)

// entry is one weighted term of a sparse vector; terms are numbered per
// summary call, so vectors compare by merging sorted ids instead of hashing
// strings.
type entry struct {
	id int32
	w  float64
}

// sparse is a unit-length TF-IDF vector sorted by term id.
type sparse []entry

// dot returns the inner product of two sparse vectors.
func dot(a, b sparse) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id == b[j].id:
			s += a[i].w * b[j].w
			i++
			j++
		case a[i].id < b[j].id:
			i++
		default:
			j++
		}
	}
	return s
}

// dotDense returns the inner product of a with the dense vector d.
func dotDense(a sparse, d []float64) float64 {
	var s float64
	for _, e := range a {
		s += e.w * d[e.id]
	}
	return s
}

// vocabulary numbers terms in order of first appearance.
type vocabulary struct {
	ids map[string]int32
	df  []int // sentences containing each term
}

func newVocabulary() *vocabulary { return &vocabulary{ids: make(map[string]int32)} }

// ids maps terms to ids, adding new ones.
func (v *vocabulary) lookup(terms []string) []int32 {
	out := make([]int32, len(terms))
	for i, t := range terms {
		id, ok := v.ids[t]
		if !ok {
			id = int32(len(v.df))
			v.ids[t] = id
			v.df = append(v.df, 0)
		}
		out[i] = id
	}
	return out
}

// weigh gives every sentence its unit-length TF-IDF vector (sublinear term
// frequency, smoothed IDF over the sentences themselves), and returns the
// vocabulary for mapping other texts (titles) onto the same ids.
func weigh(sents []sentence) *vocabulary {
	voc := newVocabulary()
	// Each sentence's term ids, sorted, so that repeats are adjacent.
	ids := make([][]int32, len(sents))
	for i := range sents {
		ids[i] = voc.lookup(sents[i].terms)
		slices.Sort(ids[i])
		for k, id := range ids[i] {
			if k == 0 || ids[i][k-1] != id {
				voc.df[id]++
			}
		}
	}
	n := float64(len(sents))
	for i := range sents {
		vec := make(sparse, 0, len(ids[i]))
		for k := 0; k < len(ids[i]); {
			id := ids[i][k]
			run := k
			for k < len(ids[i]) && ids[i][k] == id {
				k++
			}
			tf := 1 + math.Log(float64(k-run))
			idf := math.Log((1+n)/float64(1+voc.df[id])) + 1
			vec = append(vec, entry{id, tf * idf})
		}
		sents[i].vec = normalize(vec)
	}
	return voc
}

// project maps the terms of s onto known ids (unknown terms are dropped: they
// cannot match any sentence) as a unit-length term-count vector.
func (v *vocabulary) project(s string) sparse {
	counts := map[int32]float64{}
	for _, t := range text.Terms(s) {
		if id, ok := v.ids[t]; ok {
			counts[id]++
		}
	}
	vec := make(sparse, 0, len(counts))
	for id, c := range counts {
		vec = append(vec, entry{id, c})
	}
	slices.SortFunc(vec, func(a, b entry) int { return int(a.id - b.id) })
	return normalize(vec)
}

func normalize(v sparse) sparse {
	var n float64
	for _, e := range v {
		n += e.w * e.w
	}
	if n == 0 {
		return v
	}
	n = math.Sqrt(n)
	for i := range v {
		v[i].w /= n
	}
	return v
}

// centroid returns the dense sum of the sentence vectors and its length.
func centroid(sents []sentence, vocabSize int) ([]float64, float64) {
	sum := make([]float64, vocabSize)
	for _, s := range sents {
		for _, e := range s.vec {
			sum[e.id] += e.w
		}
	}
	var n float64
	for _, w := range sum {
		n += w * w
	}
	return sum, math.Sqrt(n)
}
