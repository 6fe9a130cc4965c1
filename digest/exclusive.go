package digest

import "github.com/newsdigest/newsdigest/digest/text"

// exclusiveOverlap is the largest share of a sentence's terms that may appear
// in other outlets' articles for the sentence to count as reported by one only.
const exclusiveOverlap = 0.25

// exclusives finds, per outlet, the first summary sentence whose content the
// other outlets in the story do not carry.
func exclusives(g []Item) []Exclusive {
	var out []Exclusive
	for i, it := range g {
		if it.DuplicateOf != 0 {
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
			if len(terms) < 4 {
				continue
			}
			shared := 0
			for _, t := range terms {
				if others[t] {
					shared++
				}
			}
			if float64(shared)/float64(len(terms)) <= exclusiveOverlap {
				out = append(out, Exclusive{Source: it.Source, Text: sent})
				break
			}
		}
	}
	return out
}
