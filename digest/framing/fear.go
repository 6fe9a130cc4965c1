package framing

import (
	"strings"
)

// Appeals to fear.

// catastropheVerbs end a conditional fear appeal: "if the dam breaks".
var catastropheVerbs = map[string]bool{"falls": true, "fall": true, "collapses": true, "collapse": true,
	"crumbles": true, "fails": true, "breaks": true, "wins": true, "invades": true, "attacks": true}

// doomVerbs are what a future modal turns into a predicted catastrophe:
// "will be wiped out", "would collapse".
var doomVerbs = map[string]bool{"collapse": true, "die": true, "perish": true, "vanish": true,
	"disappear": true, "rot": true, "crumble": true, "starve": true, "burn": true, "drown": true,
	"gone": true, "destroyed": true, "wiped": true, "lost": true, "ruined": true, "devastated": true,
	"decimated": true, "annihilated": true, "obliterated": true, "erased": true, "doomed": true,
	"bankrupt": true, "overrun": true, "crushed": true, "bleed": true, "suffer": true}

// shortQuestionWords is the longest question marked whole as a fear appeal.
const shortQuestionWords = 8

var futureModals = map[string]bool{"will": true, "would": true, "could": true, "might": true, "may": true, "shall": true}

// doomTails follow a catastrophe word that is presented as coming:
// "the disaster that follows", "the chaos ahead".
var doomTails = newMatcher([]string{"that follows", "that will follow", "that awaits", "that lies ahead",
	"ahead", "to come", "waiting to happen", "looms", "looming", "is coming", "is inevitable", "will follow"})

// Reach of the fear patterns in words, by hand, on our own examples: a
// future modal before its verb of ruin ("will soon be wiped out"), "if"
// before its catastrophe verb, and the words allowed between an outcome
// marker and the catastrophe it introduces.
const (
	modalReach       = 4
	conditionalReach = 5
	outcomeGap       = 8
)

// fearAppeals finds a threat or catastrophe framed as the outcome: an outcome
// marker ("will lead to", "could trigger", "threatens") followed in the same
// clause by a catastrophe word, a future modal before a verb of ruin
// ("will be wiped out"), a catastrophe said to be coming ("the disaster that
// follows"), or a conditional "if X falls".
func fearAppeals(d *doc) []Cue {
	var out []Cue
	for _, s := range d.sents {
		for i := s.tokA; i < s.tokB; i++ {
			if d.is(i, futureModalWords) && !isCapitalised(d.toks[i].Text) {
				k := i + 1
				for k < s.tokB && k <= i+modalReach && (d.words[k] == "be" || d.words[k] == "been" || d.words[k] == "left" || d.words[k] == "to" || d.words[k] == "simply" || d.words[k] == "soon" || d.words[k] == "all" || d.words[k] == "just") {
					k++
				}
				if k < s.tokB && doomVerbs[d.words[k]] && !negated(d.words, k) {
					end := k + 1
					if d.words[k] == "wiped" && end < s.tokB && d.words[end] == "out" {
						end++
					}
					out = append(out, d.cue(AppealToFear, i, end))
					i = end - 1
					continue
				}
			}
			if n := d.matchIn(lex.fear, i, s.tokB); n > 0 && i+n < s.tokB {
				if m := d.matchIn(doomTails, i+n, s.tokB); m > 0 {
					a := i
					if a > s.tokA && determiners[d.words[a-1]] {
						a--
					}
					out = append(out, d.cue(AppealToFear, a, i+n+m))
					i = i + n + m - 1
					continue
				}
			}
			if d.words[i] == "if" {
				for k := i + 1; k < s.tokB && k <= i+conditionalReach; k++ {
					if catastropheVerbs[d.words[k]] {
						// A short question built on the threat ("And if the
						// dam breaks?") is the appeal as a whole.
						if s.question && s.tokB-s.tokA <= shortQuestionWords {
							out = append(out, Cue{Type: AppealToFear, Start: s.span.Start, End: s.span.End, Text: s.span.Text})
							i = s.tokB
							break
						}
						out = append(out, d.cue(AppealToFear, i, k+1))
						i = k
						break
					}
				}
				continue
			}
			n := d.matchIn(lex.fearTriggers, i, s.tokB)
			if n == 0 || measuredRisk(d, i) {
				continue
			}
			end := -1
			gap := 0
			for k := i + n; k < s.tokB && gap <= outcomeGap; k++ {
				if strings.ContainsAny(d.body[d.toks[k-1].End:d.toks[k].Start], ";:") {
					break
				}
				if m := d.matchIn(lex.fear, k, s.tokB); m > 0 {
					end = k + m
					k += m - 1
					gap = 0
					continue
				}
				gap++
			}
			if end > 0 {
				// The span is the outcome presented as the threat, without
				// the verb that introduces it ("will lead to").
				out = append(out, d.cue(AppealToFear, i+n, end))
				i = end - 1
			}
		}
	}
	return out
}
