package text

import "strings"

// Stem reduces a lower-cased English word to a crude stem by stripping common
// inflectional suffixes, so that "talks", "talked" and "talking" meet.
func Stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	w = strings.TrimSuffix(w, "'s")
	for _, rule := range []struct{ suffix, repl string }{
		{"ational", "ate"}, {"ization", "ize"}, {"fulness", "ful"}, {"iveness", "ive"},
		{"ies", "y"}, {"sses", "ss"}, {"ness", ""}, {"ments", "ment"}, {"ing", ""}, {"edly", ""},
		{"ed", ""}, {"ly", ""}, {"es", ""}, {"s", ""},
	} {
		if strings.HasSuffix(w, rule.suffix) && len(w)-len(rule.suffix) >= 3 {
			if rule.suffix == "s" && strings.HasSuffix(w, "ss") {
				return w
			}
			return w[:len(w)-len(rule.suffix)] + rule.repl
		}
	}
	return w
}
