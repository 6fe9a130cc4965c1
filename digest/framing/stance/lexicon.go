package stance

import (
	_ "embed"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// vaderTSV is the word part of the VADER sentiment lexicon (MIT; attribution
// in the file's header).
//
//go:embed vader.tsv
var vaderTSV string

// inflections are the suffix rules that relate an inflected form to a
// lexicon word: form = base without repl, plus suffix ("criticizes" →
// "criticize"). Earlier rules win when a form could come from two words.
var inflections = [...]struct{ suffix, repl string }{
	{"ies", "y"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", ""}, {"ed", "e"}, {"d", ""},
	{"ing", ""}, {"ing", "e"}, {"ly", ""}, {"'s", ""},
}

// minInflected is the shortest form looked up through an inflection.
const minInflected = 5

// vader maps a lower-case word, and the inflected forms of the words
// listed (see inflections), to its mean VADER valence in [-4,4].
var vader = sync.OnceValue(func() map[string]float64 {
	lex := make(map[string]float64, 7500)
	for line := range strings.SplitSeq(vaderTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		word, num, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if err != nil {
			continue
		}
		lex[word] = v
	}
	// Add inflected forms up front, so a lookup is one map access.
	words := make([]string, 0, len(lex))
	for w := range lex {
		words = append(words, w)
	}
	slices.Sort(words)
	all := maps.Clone(lex)
	for _, rule := range inflections {
		for _, base := range words {
			stem, ok := strings.CutSuffix(base, rule.repl)
			if !ok {
				continue
			}
			form := stem + rule.suffix
			if _, taken := all[form]; !taken && len(form) >= minInflected {
				all[form] = lex[base]
			}
		}
	}
	return all
})

// valence returns the lexicon valence of a lower-cased word or of the
// lexicon word it inflects.
func valence(word string) (float64, bool) {
	v, ok := vader()[word]
	return v, ok
}

// negators are words that reverse the polarity of the evaluation that follows
// them within a few words.
var negators = map[string]bool{
	"not": true, "no": true, "never": true, "nor": true, "neither": true, "without": true,
	"hardly": true, "barely": true, "nobody": true, "nothing": true, "none": true,
	"cannot": true, "lack": true, "lacks": true, "lacked": true, "failed": true, "fails": true,
}

// isNegator reports whether a lower-cased token negates what follows it.
func isNegator(w string) bool {
	return negators[w] || strings.HasSuffix(w, "n't")
}
