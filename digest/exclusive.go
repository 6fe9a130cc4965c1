package digest

import (
	"strings"

	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/digest/text"
)

// exclusiveOverlap is the largest share of a sentence's terms that may appear
// in other outlets' articles for the sentence to count as reported by one only.
const exclusiveOverlap = 0.25

// exclusiveRepeat is the share of a candidate's terms found in one summary
// sentence from which it repeats that sentence: "Only X" must add something.
const exclusiveRepeat = 0.5

// exclusives finds, per outlet, the first sentence of its article summary
// whose content the other outlets in the story do not carry and the story
// summary does not already say. Opinion pieces have no exclusives: what only
// a column says is its argument, shown in its framing line.
func exclusives(g []Item, summary []string) []Exclusive {
	var said []map[string]bool
	for _, s := range summary {
		said = append(said, termSet(s))
	}
	var out []Exclusive
	for i, it := range g {
		if it.DuplicateOf != 0 || it.Analysis.Genre.Label == framing.Opinion {
			continue
		}
		others := map[string]bool{}
		for j, o := range g {
			if j == i || o.Source == it.Source {
				continue
			}
			for _, t := range text.Terms(o.Title + " " + o.Text) {
				others[t] = true
			}
		}
		if len(others) == 0 {
			continue
		}
		for _, sent := range it.Analysis.Summary {
			terms := text.Terms(sent)
			if len(terms) < 4 || repeats(terms, said) || !standsAlone(sent) {
				continue
			}
			if share(terms, others) <= exclusiveOverlap {
				out = append(out, Exclusive{Source: it.Source, Text: sent})
				break
			}
		}
	}
	return out
}

// backReferences open a sentence that leans on the one before it ("It
// makes no exception", "But the board …"); alone after "Only X:" it would
// point at nothing.
var backReferences = map[string]bool{
	"it": true, "its": true, "he": true, "she": true, "they": true, "his": true, "her": true, "their": true,
	"this": true, "that": true, "these": true, "those": true, "but": true, "and": true, "also": true,
	"however": true, "still": true, "yet": true, "so": true, "then": true, "finally": true, "meanwhile": true,
	"otherwise": true, "instead": true, "there": true,
}

// standsAlone reports whether a sentence can be read without the one
// before it: it does not open with a pronoun or a connective, and does not
// point back at "that figure".
func standsAlone(sent string) bool {
	words := strings.Fields(strings.ToLower(sent))
	if len(words) == 0 {
		return false
	}
	// Inside a quotation the first word is the speaker's (who is named:
	// unnamed quotations never reach a summary).
	if backReferences[strings.Trim(words[0], ",.;:")] {
		return false
	}
	for i := 0; i+1 < len(words); i++ {
		if (words[i] == "that" || words[i] == "this" || words[i] == "those" || words[i] == "these") &&
			strings.HasPrefix(words[i+1], "figure") || strings.HasPrefix(words[i+1], "number") && words[i] == "that" {
			return false
		}
	}
	return true
}

// repeats reports whether terms mostly repeat one of the sentences.
func repeats(terms []string, sentences []map[string]bool) bool {
	for _, s := range sentences {
		if share(terms, s) >= exclusiveRepeat {
			return true
		}
	}
	return false
}

// share is the fraction of terms in set.
func share(terms []string, set map[string]bool) float64 {
	if len(terms) == 0 {
		return 0
	}
	n := 0
	for _, t := range terms {
		if set[t] {
			n++
		}
	}
	return float64(n) / float64(len(terms))
}

func termSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range text.Terms(s) {
		set[t] = true
	}
	return set
}
