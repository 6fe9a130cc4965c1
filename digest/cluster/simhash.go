package cluster

import (
	"math/bits"
	"unicode"

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
	hashes := make([]uint64, len(toks))
	for i, t := range toks {
		hashes[i] = wordHash(t.Text)
	}
	var ones [64]int32
	n := max(len(hashes)-shingleWords+1, 1)
	for i := range n {
		x := hashes[i]
		for j := 1; j < shingleWords && i+j < len(hashes); j++ {
			x = x*0x9e3779b97f4a7c15 + hashes[i+j]
		}
		x = mix(x)
		for b := range 64 {
			ones[b] += int32(x >> b & 1)
		}
	}
	var fp uint64
	for b := range 64 {
		if 2*int(ones[b]) > n {
			fp |= 1 << b
		}
	}
	return fp, len(hashes)
}

// wordHash is FNV-1a over the word lower-cased, with typographic
// apostrophes folded, so case and quote style do not make two copies differ.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range w {
		if r == '’' {
			r = '\''
		}
		r = unicode.ToLower(r)
		for r > 0 {
			h ^= uint64(r & 0xff)
			h *= 1099511628211
			r >>= 8
		}
	}
	return h
}

// mix spreads the bits of a hash (FNV's high bits vary little between
// similar inputs).
func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}
