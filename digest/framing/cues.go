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
	cs = append(cs, hedgeCues(d)...)
	cs = append(cs, doubtCues(d)...)
	cs = append(cs, scareQuotes(d)...)
	cs = append(cs, listCues(d, lex.exaggeration, Exaggeration, false)...)
	cs = append(cs, historicalAnalogies(d)...)
	return dropWeak(tidyCues(cs))
}

// dropWeak removes loaded-language and name-calling cues made only of words
// that are loaded in an argument but plain in a report (lexicon/weak.txt).
// Such a word next to a stronger one has no cue of its own: the sentence is
// already flagged by the stronger word, and a second span on the topic noun
// ("the regime", "the abuse") would point at the wrong words.
func dropWeak(cs []Cue) []Cue {
	out := cs[:0]
	for _, c := range cs {
		if (c.Type == LoadedLanguage || c.Type == NameCalling) && weakCue(c) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// weakCue reports whether every word of a cue is context-dependent: a weak
// word, a determiner or a name. A capitalised loaded word is no name (a
// headline in title case capitalises "Reckless").
func weakCue(c Cue) bool {
	for _, t := range text.Tokens(c.Text) {
		w := normWord(t.Text)
		name := isCapitalised(t.Text) && !lex.loaded.has(w) && !lex.pejoratives.has(w)
		if !lex.weak.has(w) && !determiners[w] && !name {
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

// Span returns the span a cue covers.
func (c Cue) Span() text.Span { return text.Span{Start: c.Start, End: c.End, Text: c.Text} }

func (d *doc) cue(typ string, a, b int) Cue {
	s := d.span(a, b)
	return Cue{Type: typ, Start: s.Start, End: s.End, Text: s.Text}
}

// listCues marks every occurrence of a list entry. lowerOnly skips
// capitalised words inside a sentence ("May" the month, "Will" the name).
func listCues(d *doc, m *matcher, typ string, lowerOnly bool) []Cue {
	var out []Cue
	for i := 0; i < len(d.words); i++ {
		n := d.matchIn(m, i, d.sents[d.tokSent[i]].tokB)
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

// hedgeCues marks the hedges, but not a report made to someone ("the theft
// was reported to the police"): "was reported to" hedges only before a verb.
func hedgeCues(d *doc) []Cue {
	out := listCues(d, lex.hedges, Hedge, true)
	kept := out[:0]
	for _, c := range out {
		if strings.HasSuffix(c.Text, "reported to") {
			k := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= c.End })
			if k < len(d.toks) && (determiners[d.words[k]] || isCapitalised(d.toks[k].Text) || d.words[k] == "police") {
				continue
			}
		}
		kept = append(kept, c)
	}
	return kept
}

// doubtCues marks the doubt words, but not the modal "supposed to" ("the
// bridge is supposed to open in May").
func doubtCues(d *doc) []Cue {
	out := listCues(d, lex.doubt, Doubt, false)
	kept := out[:0]
	for _, c := range out {
		if normWord(c.Text) == "supposed" && strings.HasPrefix(strings.ToLower(d.body[c.End:]), " to ") {
			continue
		}
		kept = append(kept, c)
	}
	return kept
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
