package text

import (
	"slices"
	"sort"
	"strings"
)

// Stem reduces a lower-cased English word to its Porter2 (Snowball English)
// stem, so that "talks", "talked" and "talking" all become "talk" and
// "generously" and "generous" meet. Words of one or two bytes are returned
// unchanged; so are words the algorithm lists as exceptions. Non-ASCII bytes
// are treated as consonants and never split, so the result is valid UTF-8
// whenever w is.
func Stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	if s, ok := stemExceptions[w]; ok {
		return s
	}
	b := []byte(w)
	if b[0] == '\'' {
		b = b[1:]
	}
	if len(b) <= 2 {
		return string(b)
	}
	// Mark consonant y: initial, or after a vowel.
	for i := range b {
		if b[i] == 'y' && (i == 0 || isVowel(b[i-1])) {
			b[i] = 'Y'
		}
	}
	r1, r2 := regions(b)
	b = step0(b)
	b = step1a(b)
	if len(b) >= 6 && stemInvariantAfter1a[string(b)] {
		return strings.ReplaceAll(string(b), "Y", "y")
	}
	b = step1b(b, r1)
	b = step1c(b)
	b = step2(b, r1)
	b = step3(b, r1, r2)
	b = step4(b, r2)
	b = step5(b, r1, r2)
	for i := range b {
		if b[i] == 'Y' {
			b[i] = 'y'
		}
	}
	return string(b)
}

// stemCacheWords bounds stemCache, like termCacheWords.
const stemCacheWords = 1 << 16

var stemCache = NewWordCache(stemCacheWords, Stem)

// CachedStem is Stem, remembered for the words met before: for callers that
// stem every word of every sentence they look at.
func CachedStem(w string) string { return stemCache.Get(w) }

// stemExceptions are the irregular forms Porter2 maps directly.
var stemExceptions = map[string]string{
	"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
	"idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
	"singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
	"cosmos": "cosmos", "bias": "bias", "andes": "andes",
}

// stemInvariantAfter1a are left alone once step 1a has run.
var stemInvariantAfter1a = map[string]bool{
	"inning": true, "outing": true, "canning": true, "herring": true, "earring": true,
	"proceed": true, "exceed": true, "succeed": true,
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// regions returns the starts of R1 and R2: the part after the first
// non-vowel that follows a vowel, and the same again inside R1.
func regions(b []byte) (r1, r2 int) {
	switch {
	case hasPrefix(b, "gener"), hasPrefix(b, "arsen"):
		r1 = 5
	case hasPrefix(b, "commun"):
		r1 = 6
	default:
		r1 = regionAfter(b, 0)
	}
	r2 = regionAfter(b, r1)
	return r1, r2
}

func regionAfter(b []byte, from int) int {
	for i := from + 1; i < len(b); i++ {
		if !isVowel(b[i]) && isVowel(b[i-1]) {
			return i + 1
		}
	}
	return len(b)
}

func hasPrefix(b []byte, p string) bool { return len(b) >= len(p) && string(b[:len(p)]) == p }
func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

// longest returns the longest of suffixes that b ends with, or "".
// suffixes must be sorted longest first.
func longest(b []byte, suffixes []string) string {
	for _, s := range suffixes {
		if hasSuffix(b, s) {
			return s
		}
	}
	return ""
}

// suffixSet indexes suffixes by their last byte, each list longest first, so
// a lookup compares only the few suffixes that can match.
type suffixSet [256][]string

func newSuffixSet(suffixes []string) *suffixSet {
	sorted := slices.Clone(suffixes)
	sort.Slice(sorted, func(i, j int) bool {
		if len(sorted[i]) != len(sorted[j]) {
			return len(sorted[i]) > len(sorted[j])
		}
		return sorted[i] < sorted[j]
	})
	var set suffixSet
	for _, s := range sorted {
		last := s[len(s)-1]
		set[last] = append(set[last], s)
	}
	return &set
}

// longest returns the longest suffix in the set that b ends with, or "".
func (set *suffixSet) longest(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return longest(b, set[b[len(b)-1]])
}

func keysOf(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// shortSyllableAt reports whether b ends in a short syllable.
func endsShortSyllable(b []byte) bool {
	n := len(b)
	if n == 2 {
		return isVowel(b[0]) && !isVowel(b[1])
	}
	if n >= 3 {
		c := b[n-1]
		return !isVowel(b[n-3]) && isVowel(b[n-2]) && !isVowel(c) && c != 'w' && c != 'x' && c != 'Y'
	}
	return false
}

func isShortWord(b []byte, r1 int) bool { return r1 >= len(b) && endsShortSyllable(b) }

func hasVowel(b []byte) bool {
	for _, c := range b {
		if isVowel(c) {
			return true
		}
	}
	return false
}

func step0(b []byte) []byte {
	if s := longest(b, []string{"'s'", "'s", "'"}); s != "" {
		return b[:len(b)-len(s)]
	}
	return b
}

func step1a(b []byte) []byte {
	switch longest(b, []string{"sses", "ied", "ies", "us", "ss", "s"}) {
	case "sses":
		return b[:len(b)-2]
	case "ied", "ies":
		if len(b) > 4 {
			return append(b[:len(b)-3], 'i')
		}
		return append(b[:len(b)-3], 'i', 'e')
	case "s":
		// Delete if a vowel occurs before the letter preceding the s.
		if len(b) >= 3 && hasVowel(b[:len(b)-2]) {
			return b[:len(b)-1]
		}
	}
	return b
}

func step1b(b []byte, r1 int) []byte {
	s := longest(b, []string{"eedly", "ingly", "edly", "eed", "ing", "ed"})
	switch s {
	case "":
		return b
	case "eed", "eedly":
		if len(b)-len(s) >= r1 {
			return append(b[:len(b)-len(s)], 'e', 'e')
		}
		return b
	}
	stem := b[:len(b)-len(s)]
	if !hasVowel(stem) {
		return b
	}
	switch {
	case hasSuffix(stem, "at"), hasSuffix(stem, "bl"), hasSuffix(stem, "iz"):
		return append(stem, 'e')
	case isDouble(stem):
		return stem[:len(stem)-1]
	case isShortWord(stem, r1):
		return append(stem, 'e')
	}
	return stem
}

func isDouble(b []byte) bool {
	n := len(b)
	if n < 2 || b[n-1] != b[n-2] {
		return false
	}
	switch b[n-1] {
	case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't':
		return true
	}
	return false
}

func step1c(b []byte) []byte {
	n := len(b)
	if n > 2 && (b[n-1] == 'y' || b[n-1] == 'Y') && !isVowel(b[n-2]) {
		b[n-1] = 'i'
	}
	return b
}

var step2Rules = map[string]string{
	"tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
	"izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
	"alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous",
	"ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble",
	"ogi": "og", "fulli": "ful", "lessli": "less", "li": "",
}

var step2Suffixes = newSuffixSet(keysOf(step2Rules))

func step2(b []byte, r1 int) []byte {
	s := step2Suffixes.longest(b)
	if s == "" || len(b)-len(s) < r1 {
		return b
	}
	stem := b[:len(b)-len(s)]
	switch s {
	case "ogi":
		if !hasSuffix(stem, "l") {
			return b
		}
	case "li":
		if len(stem) == 0 || !validLiEnding(stem[len(stem)-1]) {
			return b
		}
	}
	return append(stem, step2Rules[s]...)
}

func validLiEnding(c byte) bool {
	switch c {
	case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
		return true
	}
	return false
}

var step3Rules = map[string]string{
	"tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic",
	"ical": "ic", "ful": "", "ness": "", "ative": "",
}

var step3Suffixes = newSuffixSet(keysOf(step3Rules))

func step3(b []byte, r1, r2 int) []byte {
	s := step3Suffixes.longest(b)
	if s == "" || len(b)-len(s) < r1 {
		return b
	}
	if s == "ative" && len(b)-len(s) < r2 {
		return b
	}
	return append(b[:len(b)-len(s)], step3Rules[s]...)
}

var step4Suffixes = newSuffixSet([]string{
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
	"ism", "ate", "iti", "ous", "ive", "ize", "ion",
})

func step4(b []byte, r2 int) []byte {
	s := step4Suffixes.longest(b)
	if s == "" || len(b)-len(s) < r2 {
		return b
	}
	stem := b[:len(b)-len(s)]
	if s == "ion" && !hasSuffix(stem, "s") && !hasSuffix(stem, "t") {
		return b
	}
	return stem
}

func step5(b []byte, r1, r2 int) []byte {
	n := len(b)
	switch {
	case n > 0 && b[n-1] == 'e':
		stem := b[:n-1]
		if n-1 >= r2 || (n-1 >= r1 && !endsShortSyllable(stem)) {
			return stem
		}
	case n > 0 && b[n-1] == 'l':
		if n-1 >= r2 && n >= 2 && b[n-2] == 'l' {
			return b[:n-1]
		}
	}
	return b
}
