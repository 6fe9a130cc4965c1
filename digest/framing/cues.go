package framing

import (
	"sort"
	"strings"

	"github.com/newsdigest/newsdigest/digest/text"
)

// findCues runs every cue detector over d and returns the cues sorted by
// position, without duplicates.
func findCues(d *doc) []Cue {
	var cs []Cue
	cs = append(cs, nameCalling(d)...)
	cs = append(cs, loadedPhrases(d)...)
	cs = append(cs, fearAppeals(d)...)
	cs = append(cs, rhetoricalQuestions(d)...)
	cs = append(cs, glittering(d)...)
	cs = append(cs, anonymousSources(d)...)
	cs = append(cs, listCues(d, lex.hedges, Hedge, true)...)
	cs = append(cs, listCues(d, lex.doubt, Doubt, false)...)
	cs = append(cs, scareQuotes(d)...)
	cs = append(cs, listCues(d, lex.exaggeration, Exaggeration, false)...)
	cs = append(cs, listCues(d, lex.history, HistoricalAnalogy, false)...)
	return dropUnsupported(d, tidyCues(cs))
}

// dropUnsupported removes loaded-language and name-calling cues on words
// that are only loaded in context (lexicon/weak.txt) when nothing else in
// their sentence is loaded.
func dropUnsupported(d *doc, cs []Cue) []Cue {
	isLoaded := func(c Cue) bool { return c.Type == LoadedLanguage || c.Type == NameCalling }
	weak := make([]bool, len(cs))
	strong := map[int]int{} // sentence -> strong loaded cues
	for i, c := range cs {
		if !isLoaded(c) {
			continue
		}
		weak[i] = weakCue(c)
		if !weak[i] {
			strong[sentenceAt(d, c.Start)]++
		}
	}
	out := cs[:0]
	for i, c := range cs {
		if weak[i] && strong[sentenceAt(d, c.Start)] == 0 {
			continue
		}
		out = append(out, c)
	}
	return out
}

// weakCue reports whether every word of a cue is context-dependent.
func weakCue(c Cue) bool {
	for _, t := range text.Tokens(c.Text) {
		w := normWord(t.Text)
		if !lex.weak.has(w) && !determiners[w] && !isCapitalised(t.Text) {
			return false
		}
	}
	return true
}

// sentenceAt returns the index of the sentence holding byte offset p.
func sentenceAt(d *doc, p int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].span.End > p })
	return i
}

func (d *doc) cue(typ string, a, b int) Cue {
	s := d.span(a, b)
	return Cue{Type: typ, Start: s.Start, End: s.End, Text: s.Text}
}

// listCues marks every occurrence of a list entry. lowerOnly skips
// capitalised words inside a sentence ("May" the month, "Will" the name).
func listCues(d *doc, m *matcher, typ string, lowerOnly bool) []Cue {
	var out []Cue
	for i := 0; i < len(d.words); i++ {
		n := d.match(m, i)
		if n == 0 {
			continue
		}
		if lowerOnly && isCapitalised(d.toks[i].Text) && d.sents[d.tokSent[i]].tokA != i {
			continue
		}
		out = append(out, d.cue(typ, i, i+n))
		i += n - 1
	}
	return out
}

// intensifiers before a loaded word belong to the loaded phrase.
var intensifiers = map[string]bool{"utterly": true, "deeply": true, "truly": true, "so": true, "most": true,
	"completely": true, "totally": true, "absolutely": true, "downright": true, "thoroughly": true, "very": true}

// loadedPhrases marks loaded words with the phrase they colour: an
// intensifier before ("utterly vile") and the noun right after an adjective
// ("brutal crackdown").
func loadedPhrases(d *doc) []Cue {
	var out []Cue
	for i := 0; i < len(d.words); i++ {
		n := d.match(lex.loaded, i)
		if n == 0 {
			continue
		}
		a, b := i, i+n
		if a > 0 && intensifiers[d.words[a-1]] && d.adjacent(a-1) && d.tokSent[a-1] == d.tokSent[i] {
			a--
		}
		if b < len(d.toks) && d.adjacent(b-1) && d.tokSent[b] == d.tokSent[i] && looksAdjective(d.words[b-1]) &&
			!text.IsStopWord(d.words[b]) && !isCapitalised(d.toks[b].Text) && !looksAdverb(d.words[b]) {
			b++
		}
		out = append(out, d.cue(LoadedLanguage, a, b))
		i = b - 1
	}
	return out
}

// looksAdjective guesses from the suffix whether w is an adjective.
func looksAdjective(w string) bool {
	return hasAnySuffix(w, []string{"ous", "ful", "ive", "able", "ible", "al", "ic", "ish", "less", "ant", "ent", "ed", "ing", "y"}) || lex.evaluative.has(w)
}

func looksAdverb(w string) bool { return strings.HasSuffix(w, "ly") }

var determiners = map[string]bool{"the": true, "this": true, "that": true, "a": true, "an": true,
	"these": true, "those": true, "his": true, "her": true, "their": true, "such": true}

var callVerbs = map[string]bool{"called": true, "calls": true, "calling": true, "call": true,
	"branded": true, "brands": true, "labelled": true, "labeled": true, "dubbed": true}

// nameCalling finds pejorative labels attached to a person or group:
// "Kremlin puppet", "dictator Putin", "corrupt elites", "called him a liar".
// A pejorative with no person or group beside it is loaded language.
func nameCalling(d *doc) []Cue {
	var out []Cue
	for i := 0; i < len(d.words); i++ {
		if n := labelPhrase(d, i); n > 0 {
			out = append(out, d.cue(NameCalling, i, i+n))
			i += n - 1
			continue
		}
		n := d.match(lex.pejoratives, i)
		if n == 0 {
			continue
		}
		a, b := i, i+n
		attached := strings.HasSuffix(d.words[b-1], "s") && !strings.HasSuffix(d.words[b-1], "ss")
		// Capitalised words or labels just before: "Russian dictator", "rogue regime".
		for k := 0; k < 3 && a > 0 && d.adjacent(a-1) && d.tokSent[a-1] == d.tokSent[i]; k++ {
			w := d.toks[a-1]
			first := d.sents[d.tokSent[i]].tokA == a-1
			if (isCapitalised(w.Text) && !first && !isFiller(d.words[a-1])) || lex.labels.has(d.words[a-1]) || lex.loaded.has(d.words[a-1]) {
				a--
				attached = true
				continue
			}
			break
		}
		// A name just after: "dictator Putin".
		if b < len(d.toks) && d.adjacent(b-1) && isCapitalised(d.toks[b].Text) && d.tokSent[b] == d.tokSent[i] {
			b++
			attached = true
		}
		if a > 0 && (determiners[d.words[a-1]] || callVerbs[d.words[a-1]]) {
			attached = true
		}
		if a > 1 && determiners[d.words[a-1]] && callVerbs[d.words[a-2]] {
			attached = true
		}
		typ := LoadedLanguage
		if attached {
			typ = NameCalling
		}
		out = append(out, d.cue(typ, a, b))
		i = b - 1
	}
	return out
}

// labelPhrase matches a labelling modifier followed, within two words, by a
// person or group noun ("radical left", "fake news media").
func labelPhrase(d *doc, i int) int {
	if !lex.labels.has(d.words[i]) {
		return 0
	}
	for k := 1; k <= 2 && i+k < len(d.words); k++ {
		if !d.adjacent(i + k - 1) {
			return 0
		}
		if lex.groups[d.words[i+k]] {
			return k + 1
		}
	}
	return 0
}

func isFiller(w string) bool { return determiners[w] || w == "and" || w == "or" || w == "of" }

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

var futureModals = map[string]bool{"will": true, "would": true, "could": true, "might": true, "may": true, "shall": true}

// doomTails follow a catastrophe word that is presented as coming:
// "the disaster that follows", "the chaos ahead".
var doomTails = newMatcher([]string{"that follows", "that will follow", "that awaits", "that lies ahead",
	"ahead", "to come", "waiting to happen", "looms", "looming", "is coming", "is inevitable", "will follow"})

// fearAppeals finds a threat or catastrophe framed as the outcome: an outcome
// marker ("will lead to", "could trigger", "threatens") followed in the same
// clause by a catastrophe word, a future modal before a verb of ruin
// ("will be wiped out"), a catastrophe said to be coming ("the disaster that
// follows"), or a conditional "if X falls".
func fearAppeals(d *doc) []Cue {
	var out []Cue
	for _, s := range d.sents {
		for i := s.tokA; i < s.tokB; i++ {
			if futureModals[d.words[i]] && !isCapitalised(d.toks[i].Text) {
				k := i + 1
				for k < s.tokB && k <= i+4 && (d.words[k] == "be" || d.words[k] == "been" || d.words[k] == "left" || d.words[k] == "to" || d.words[k] == "simply" || d.words[k] == "soon" || d.words[k] == "all" || d.words[k] == "just") {
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
				for k := i + 1; k < s.tokB && k <= i+5; k++ {
					if catastropheVerbs[d.words[k]] {
						out = append(out, d.cue(AppealToFear, i, k+1))
						i = k
						break
					}
				}
				continue
			}
			n := d.matchIn(lex.fearTriggers, i, s.tokB)
			if n == 0 {
				continue
			}
			end := -1
			gap := 0
			for k := i + n; k < s.tokB && gap <= 8; k++ {
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
				out = append(out, d.cue(AppealToFear, i, end))
				i = end - 1
			}
		}
	}
	return out
}

// rhetoricalQuestions marks questions in the writer's own voice.
func rhetoricalQuestions(d *doc) []Cue {
	var out []Cue
	for _, s := range d.sents {
		if !s.question || s.quoted || d.inQuote(s.span.Start) {
			continue
		}
		start := s.span.Start
		// "…raises a simple question: who pays?" — the question is after the colon.
		if k := strings.LastIndex(s.span.Text, ": "); k > 0 && k+2 < len(s.span.Text) {
			start += k + 2
		}
		out = append(out, Cue{Type: RhetoricalQuestion, Start: start, End: s.span.End, Text: d.body[start:s.span.End]})
	}
	return out
}

var compoundAdj = []string{"-oriented", "-driven", "-minded", "-focused", "-based", "-sighted"}

// glittering finds praise words that invite approval without content, with
// the noun they praise ("bold vision", "strong leadership").
func glittering(d *doc) []Cue {
	var out []Cue
	for i := 0; i < len(d.words); i++ {
		n := d.match(lex.praise, i)
		if n == 0 {
			continue
		}
		b := i + n
		if n == 1 {
			for k := 0; k < 3 && b < len(d.toks) && d.tokSent[b] == d.tokSent[i]; k++ {
				gap := d.body[d.toks[b-1].End:d.toks[b].Start]
				w := d.words[b]
				if isFiller(w) || len(w) < 3 {
					break
				}
				if gap == ", " && hasAnySuffix(w, compoundAdj) {
					b++
					continue
				}
				if gap != " " {
					break
				}
				b++
				if !hasAnySuffix(w, compoundAdj) && !lex.praise.has(w) {
					break
				}
			}
		}
		out = append(out, d.cue(GlitteringGenerality, i, b))
		i = b - 1
	}
	return out
}

func hasAnySuffix(w string, sufs []string) bool {
	for _, s := range sufs {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// scareQuotes marks a short quoted phrase in the writer's voice that is not a
// reported statement: “deal”, “strength”.
func scareQuotes(d *doc) []Cue {
	var out []Cue
	for _, q := range d.quotes {
		inner := d.body[q[0]:q[1]]
		nw := len(strings.Fields(inner))
		if nw == 0 || nw > 3 || strings.ContainsAny(inner, ".!?") {
			continue
		}
		if reportedBefore(d.body[:q[0]]) {
			continue // "called him “a clown”" reports words, it does not doubt them
		}
		a, b := q[0], q[1]
		// include the quotation marks
		for a > 0 && strings.ContainsRune("\"“", rune(d.body[a-1])) {
			a--
		}
		if a >= 3 && strings.HasPrefix(d.body[a-3:], "“") {
			a -= 3
		}
		if b < len(d.body) && d.body[b] == '"' {
			b++
		} else if strings.HasPrefix(d.body[b:], "”") {
			b += len("”")
		}
		out = append(out, Cue{Type: Doubt, Start: a, End: b, Text: d.body[a:b]})
	}
	return out
}

var reportingVerbs = map[string]bool{"called": true, "calls": true, "call": true, "calling": true,
	"said": true, "says": true, "described": true, "describes": true, "as": true, "termed": true,
	"dubbed": true, "labelled": true, "labeled": true, "branded": true, "wrote": true, "told": true,
	"promised": true, "warned": true, "added": true, "word": true, "phrase": true, "term": true}

// reportedBefore reports whether one of the three words before the end of
// s is a verb or noun that introduces someone's words.
func reportedBefore(s string) bool {
	toks := text.Tokens(s[max(0, len(s)-60):])
	for k := len(toks) - 1; k >= 0 && k >= len(toks)-3; k-- {
		if reportingVerbs[normWord(toks[k].Text)] {
			return true
		}
	}
	return false
}

// tidyCues sorts cues and drops a cue that overlaps an earlier cue of the
// same type, and loaded-language cues that overlap a name-calling cue.
func tidyCues(cs []Cue) []Cue {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Start != cs[j].Start {
			return cs[i].Start < cs[j].Start
		}
		return cs[i].End > cs[j].End
	})
	var names []Cue
	for _, c := range cs {
		if c.Type == NameCalling {
			names = append(names, c)
		}
	}
	lastEnd := map[string]int{}
	out := cs[:0]
	for _, c := range cs {
		if end, ok := lastEnd[c.Type]; ok && c.Start < end {
			continue
		}
		if c.Type == LoadedLanguage && overlapsAny(c, names) {
			continue
		}
		lastEnd[c.Type] = c.End
		out = append(out, c)
	}
	return out
}

func overlapsAny(c Cue, others []Cue) bool {
	for _, o := range others {
		if o.Start < c.End && c.Start < o.End {
			return true
		}
	}
	return false
}
