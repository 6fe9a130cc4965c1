package feed

import (
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// SimHash returns a 64-bit SimHash of text over word 3-shingles: texts that
// share most of their wording get fingerprints a few bits apart, so wire
// copy republished with small edits is found by Hamming distance.
func SimHash(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	if len(words) == 0 {
		return 0
	}
	var weights [64]int
	add := func(shingle string) {
		h := fnv.New64a()
		h.Write([]byte(shingle))
		sum := h.Sum64()
		for bit := range 64 {
			if sum&(1<<bit) != 0 {
				weights[bit]++
			} else {
				weights[bit]--
			}
		}
	}
	const size = 3
	if len(words) < size {
		add(strings.Join(words, " "))
	} else {
		for i := 0; i+size <= len(words); i++ {
			add(words[i] + " " + words[i+1] + " " + words[i+2])
		}
	}
	var out uint64
	for bit, w := range weights {
		if w > 0 {
			out |= 1 << bit
		}
	}
	return out
}

// HammingDistance is the number of differing bits of two SimHashes.
func HammingDistance(a, b uint64) int { return bits.OnesCount64(a ^ b) }
