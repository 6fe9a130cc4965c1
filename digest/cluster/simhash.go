package cluster

import (
	"hash/fnv"
	"math/bits"
	"strings"

	"github.com/newsdigest/newsdigest/digest/text"
)

// Near-duplicate detection: two texts are near-duplicates when their SimHash
// fingerprints differ in at most duplicateBits of 64 bits. SimHash over a
// news article's few hundred word pairs moves several bits for a one-word
// edit, so the classic 3 bits (for long web pages) misses most republished
// copies; on the DEV sets, pairs within 6 bits all share at least ~80 % of
// their word pairs. Texts shorter than minDuplicateWords are never called
// duplicates: a fingerprint of a few words says little.
const (
	duplicateBits     = 6
	minDuplicateWords = 25
	shingleWords      = 2
)

// Fingerprint returns a 64-bit SimHash of text over its lower-cased word
// pairs: near-identical texts (a republished wire story with a changed
// byline or a trimmed paragraph) get fingerprints a few bits apart.
func Fingerprint(text string) uint64 {
	fp, _ := fingerprint(text)
	return fp
}

// NearDuplicate reports whether two fingerprints are within the near-duplicate
// Hamming distance.
func NearDuplicate(a, b uint64) bool {
	return bits.OnesCount64(a^b) <= duplicateBits
}

// fingerprint returns the SimHash of s and how many words it has.
func fingerprint(s string) (uint64, int) {
	toks := text.Tokens(s)
	if len(toks) == 0 {
		return 0, 0
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Lower()
	}
	var tally [64]int
	n := len(words) - shingleWords + 1
	if n < 1 {
		n = 1
	}
	h := fnv.New64a()
	for i := 0; i < n; i++ {
		h.Reset()
		h.Write([]byte(strings.Join(words[i:min(i+shingleWords, len(words))], " ")))
		x := mix(h.Sum64())
		for b := range 64 {
			if x&(1<<b) != 0 {
				tally[b]++
			} else {
				tally[b]--
			}
		}
	}
	var fp uint64
	for b := range 64 {
		if tally[b] > 0 {
			fp |= 1 << b
		}
	}
	return fp, len(words)
}

// mix spreads FNV's bits (its high bits vary little for similar inputs).
func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}
