package framing

import (
	"sort"
	"strings"
)

// entity is one person or organisation and where the article mentions it.
type entity struct {
	name     string         // display name (displayName)
	forms    map[string]int // surface forms and counts
	person   bool
	org      bool
	titled   bool // named with a title at least once ("Senator Moss"): surely a person
	mentions []mention
}

type mention struct {
	a, b    int  // token range in the doc
	pronoun bool // carried over from a previous sentence
	label   bool // a pejorative label standing for the actor ("this demagogue")
}

// candidate is a run of capitalised tokens, stripped of titles.
type candidate struct {
	a, b    int
	words   []string // surface words
	titled  bool     // a title preceded the name ("President Trump")
	acronym string   // the name's acronym, given in parentheses after it
}

var pronouns = map[string]bool{"he": true, "she": true, "his": true, "her": true, "him": true}

// locatives are prepositions that put the name after them on a map: a
// name only ever written after one ("in Del Rio", "at Abbey Gate") is a
// place.
var locatives = wordSet(`in at near outside inside across throughout around within into`)

// findActors detects people and organisations, merges aliases (surname-only
// and titled forms, a middle name, an acronym given in parentheses),
// carries simple pronouns over, and returns them by number of mentions.
func findActors(d *doc, cues []Cue) []*entity {
	d.surnames = map[string]bool{}
	for i, w := range d.words {
		if i > 0 && isCapitalised(d.toks[i].Text) && isCapitalised(d.toks[i-1].Text) && d.adjacent(i-1) && d.tokSent[i-1] == d.tokSent[i] &&
			(i+1 == len(d.toks) || !isCapitalised(d.toks[i+1].Text) || !d.adjacent(i)) {
			d.surnames[w] = true
		}
	}
	cands := dropLoneFirstWords(d, nameRuns(d))
	byName := map[string]*entity{}
	var order []*entity
	get := func(key string) *entity {
		e := byName[key]
		if e == nil {
			e = &entity{forms: map[string]int{}}
			byName[key] = e
			order = append(order, e)
		}
		return e
	}
	// Multi-word names first, so surnames and acronyms can attach to them.
	sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].words) > len(cands[j].words) })
	surname := map[string]*entity{}
	for _, c := range cands {
		full := strings.Join(c.words, " ")
		key := nameKey(c.words)
		if !c.titled && isPlace(c.words) {
			continue
		}
		isOrg := isOrgName(c.words)
		var e *entity
		switch {
		case len(c.words) == 1 && surname[key] != nil:
			e = surname[key]
		default:
			e = get(key)
		}
		e.forms[full]++
		e.mentions = append(e.mentions, mention{a: c.a, b: c.b})
		if isOrg {
			e.org = true
		} else if c.titled || len(c.words) >= 2 {
			e.person = true
		}
		e.titled = e.titled || c.titled
		if c.acronym != "" && surname[strings.ToLower(c.acronym)] == nil {
			surname[strings.ToLower(c.acronym)] = e
		}
		if len(c.words) >= 2 && !isOrg {
			for _, w := range []string{c.words[len(c.words)-1], c.words[0]} {
				if lw := strings.ToLower(w); surname[lw] == nil {
					surname[lw] = e
				}
			}
		}
	}
	// Single-word entities whose word is a known surname merge into the full name.
	var out []*entity
	for _, e := range order {
		if len(e.forms) == 1 {
			for f := range e.forms {
				if t := surname[strings.ToLower(f)]; t != nil && t != e && !strings.Contains(f, " ") {
					t.forms[f] += e.forms[f]
					t.mentions = append(t.mentions, e.mentions...)
					t.person = t.person || e.person
					e.mentions = nil
				}
			}
		}
		if len(e.mentions) > 0 && !(onlyAfterLocatives(d, e) && !e.titled && !e.org) {
			out = append(out, e)
		}
	}
	for _, e := range out {
		sort.Slice(e.mentions, func(i, j int) bool { return e.mentions[i].a < e.mentions[j].a })
		e.name = displayName(e.forms)
	}
	carryPronouns(d, out)
	attachLabels(d, out, cues)
	// Named people and organisations outrank names of unknown kind (often places).
	weight := func(e *entity) int {
		if e.person || e.org {
			return 2 * len(e.mentions)
		}
		return len(e.mentions)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if weight(out[i]) != weight(out[j]) {
			return weight(out[i]) > weight(out[j])
		}
		return out[i].mentions[0].a < out[j].mentions[0].a
	})
	return out
}

// dropLoneFirstWords removes one-word candidates that open their sentence
// and are capitalised nowhere else: a capitalised first word is not a name
// by itself.
func dropLoneFirstWords(d *doc, cands []candidate) []candidate {
	midCaps := map[string]bool{}
	for _, c := range cands {
		if c.a != d.sents[d.tokSent[c.a]].tokA || c.titled {
			for _, w := range c.words {
				midCaps[strings.ToLower(w)] = true
			}
		}
	}
	kept := cands[:0]
	for _, c := range cands {
		if len(c.words) == 1 && !c.titled && c.a == d.sents[d.tokSent[c.a]].tokA && !midCaps[strings.ToLower(c.words[0])] {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// nameKey is the key under which a name's mentions gather: its lower-case
// words, and for a person named with three words or more, the first and
// the last ("Hillary Rodham Clinton" is "Hillary Clinton").
func nameKey(words []string) string {
	if len(words) >= 3 && !isOrgName(words) {
		return strings.ToLower(words[0] + " " + words[len(words)-1])
	}
	return strings.ToLower(strings.Join(words, " "))
}

// onlyAfterLocatives reports whether every mention of e follows a
// preposition of place ("in Del Rosa"; not "in Moss's plan").
func onlyAfterLocatives(d *doc, e *entity) bool {
	for _, m := range e.mentions {
		if m.a == 0 || !locatives[d.words[m.a-1]] || d.tokSent[m.a-1] != d.tokSent[m.a] || possessive(d.toks[m.b-1].Text) {
			return false
		}
	}
	return true
}

// displayName is the name a reader sees: the form with the most words
// (first and last name rather than the surname), the most frequent of
// those, alphabetically first on a tie.
func displayName(forms map[string]int) string {
	best, bestN := "", 0
	for f, n := range forms {
		words := len(strings.Fields(f))
		bw := len(strings.Fields(best))
		if words > bw || (words == bw && (n > bestN || (n == bestN && f < best))) {
			best, bestN = f, n
		}
	}
	return best
}

// labelSentences is how far back a label looks for the person it stands
// for. By hand, on our own examples.
const labelSentences = 3

// attachLabels adds, for each name-calling cue introduced by a demonstrative
// or definite article ("this reckless demagogue"), a label mention to the
// person the headline names, or else to the person most recently named
// within labelSentences sentences before it.
func attachLabels(d *doc, es []*entity, cues []Cue) {
	for _, c := range cues {
		if c.Type != NameCalling {
			continue
		}
		k := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= c.Start })
		if k == 0 || k >= len(d.toks) || !determiners[d.words[k-1]] || d.words[k-1] == "a" || d.words[k-1] == "an" {
			continue
		}
		end := k
		for end < len(d.toks) && d.toks[end].End <= c.End {
			end++
		}
		var best *entity
		bestAt := -1
		for _, e := range es {
			if !e.person {
				continue
			}
			for _, m := range e.mentions {
				if m.a < k && m.a > bestAt && d.tokSent[k]-d.tokSent[m.a] <= labelSentences {
					best, bestAt = e, m.a
				}
			}
		}
		// "this demagogue" in a piece whose headline names one person is
		// that person, however long ago the text last named them.
		for _, e := range es {
			if _, _, ok := titleMention(d.title, e); ok && e.person && e.mentions[0].a < k {
				best = e
				break
			}
		}
		if best != nil {
			best.mentions = append(best.mentions, mention{a: k, b: max(end, k+1), label: true})
		}
	}
}

// carryPronouns adds a mention for he/she/his/her/him at the start of a
// sentence whose previous sentence mentioned exactly one person.
func carryPronouns(d *doc, es []*entity) {
	lastPerson := make([]*entity, len(d.sents))
	count := make([]int, len(d.sents))
	for _, e := range es {
		if !e.person {
			continue
		}
		for _, m := range e.mentions {
			si := d.tokSent[m.a]
			if lastPerson[si] != e {
				count[si]++
			}
			lastPerson[si] = e
		}
	}
	for si := 1; si < len(d.sents); si++ {
		s := d.sents[si]
		if count[si] > 0 || count[si-1] != 1 || s.tokA >= s.tokB {
			continue
		}
		for k := s.tokA; k < min(s.tokB, s.tokA+3); k++ {
			if pronouns[d.words[k]] && !d.quoted[k] {
				e := lastPerson[si-1]
				e.mentions = append(e.mentions, mention{a: k, b: k + 1, pronoun: true})
				break
			}
		}
	}
}
