package framing

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// stanceVaderTSV is the word part of the VADER sentiment lexicon (MIT; attribution
// in the file's header).
//
//go:embed stance_vader.tsv
var stanceVaderTSV string

// stanceVader maps a lower-case word to its mean VADER valence in [-4,4].
var stanceVader = sync.OnceValue(func() map[string]float64 {
	lex := make(map[string]float64, 7500)
	for line := range strings.SplitSeq(stanceVaderTSV, "\n") {
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
	return lex
})

// valence returns the lexicon valence of a lower-cased word, trying a few
// inflectional variants ("criticizes" → "criticize") when the form itself is
// not listed.
func stanceValence(word string) (float64, bool) {
	lex := stanceVader()
	if v, ok := lex[word]; ok {
		return v, true
	}
	if len(word) < 5 {
		return 0, false
	}
	for _, c := range [...]struct{ suffix, repl string }{
		{"ies", "y"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", ""}, {"ed", "e"}, {"d", ""},
		{"ing", ""}, {"ing", "e"}, {"ly", ""}, {"'s", ""},
	} {
		if base, ok := strings.CutSuffix(word, c.suffix); ok {
			if v, ok := lex[base+c.repl]; ok {
				return v, true
			}
		}
	}
	return 0, false
}

// stanceNegators are words that reverse the polarity of the evaluation that follows
// them within a few words.
var stanceNegators = map[string]bool{
	"not": true, "no": true, "never": true, "nor": true, "neither": true, "without": true,
	"hardly": true, "barely": true, "nobody": true, "nothing": true, "none": true,
	"cannot": true, "lack": true, "lacks": true, "lacked": true, "failed": true, "fails": true,
}

// stanceIsNegator reports whether a lower-cased token negates what follows it.
func stanceIsNegator(w string) bool {
	return stanceNegators[w] || strings.HasSuffix(w, "n't")
}
