package summarize

import (
	"regexp"
	"strings"
)

// numberPattern finds the figures a sentence states: "1,941", "3.5",
// "2027", "40m" (the digits of it).
var numberPattern = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// numbers returns the figures in s, each once, written without thousands
// separators ("1,941" and "1941" are one figure; "3.5" stays "3.5").
func numbers(s string) []string {
	var out []string
	for _, m := range numberPattern.FindAllString(s, -1) {
		n := normalizeNumber(m)
		dup := false
		for _, o := range out {
			if o == n {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, n)
		}
	}
	return out
}

// normalizeNumber drops thousands separators: a comma, or a point followed by
// exactly three digits at the end of a group run ("1.941" in European style
// stays ambiguous and is kept as written).
func normalizeNumber(m string) string {
	parts := strings.Split(m, ",")
	if len(parts) > 1 {
		for _, p := range parts[1:] {
			if len(p) < 3 {
				return m // "3,5": a decimal comma, kept
			}
		}
		return strings.Join(parts, "")
	}
	return m
}

// numberSet is the figures a document states.
type numberSet map[string]bool

func newNumberSet(s string) numberSet {
	set := numberSet{}
	for _, n := range numbers(s) {
		set[n] = true
	}
	return set
}

// carries reports whether every figure of want is in the set: an outlet is
// credited with a sentence only when its own text states the same figures.
func (set numberSet) carries(want []string) bool {
	for _, n := range want {
		if !set[n] {
			return false
		}
	}
	return true
}
