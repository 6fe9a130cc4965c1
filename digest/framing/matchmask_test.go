package framing

import (
	"strings"
	"testing"
)

// TestDocMatchSkipsOnlyNonStarts checks that the per-token matcher bits make
// doc.match and doc.has skip exactly the tokens where the matcher finds
// nothing.
func TestDocMatchSkipsOnlyNonStarts(t *testing.T) {
	matchers := map[string]*matcher{
		"loaded": lex.loaded, "pejoratives": lex.pejoratives, "labels": lex.labels,
		"praise": lex.praise, "fear": lex.fear, "fearTriggers": lex.fearTriggers,
		"hedges": lex.hedges, "doubt": lex.doubt, "exaggeration": lex.exaggeration,
		"history": lex.history, "positive": lex.positive, "negative": lex.negative,
		"evaluative": lex.evaluative, "weak": lex.weak, "literal": lex.literal,
		"descriptive": lex.descriptive, "titles": lex.titles, "doomTails": doomTails,
		"anonPhrases": anonPhrases, "analysisMarkers": analysisMarkers,
		"opinionMarkers": opinionMarkers, "legalMarkers": legalMarkers, "offenceWords": offenceWords,
	}
	// A text made of every matcher's first entries (prefix entries with a
	// made-up ending), so that each has something to find.
	var b strings.Builder
	b.WriteString("The Senator’s plan was called reckless by critics. ")
	for _, m := range matchers {
		n := 0
		for _, ps := range m.exact {
			for _, p := range ps {
				b.WriteString(strings.Join(p.words, " ") + " and ")
			}
			if n++; n == 5 {
				break
			}
		}
		n = 0
		for _, ps := range m.pre {
			b.WriteString(ps[0].words[0] + "ingly, ")
			if n++; n == 5 {
				break
			}
		}
		b.WriteString("she said. ")
	}
	d := newDoc("A headline", b.String())
	late := newMatcher([]string{"critic*", "plan was"})
	matchers["late"] = late
	for name, m := range matchers {
		found := 0
		for i := range d.words {
			want := m.match(d.words, i)
			if got := d.match(m, i); got != want {
				t.Errorf("%s: d.match at %q = %d, matcher finds %d", name, d.words[i], got, want)
			}
			if got, want := d.has(m, i), m.has(d.words[i]); got != want {
				t.Errorf("%s: d.has(%q) = %v, matcher says %v", name, d.words[i], got, want)
			}
			if want > 0 {
				found++
			}
		}
		if found == 0 {
			t.Errorf("%s: found nothing in the test text", name)
		}
	}
}

// TestWordClassesAgreeWithSets checks each token's cached classes against
// the sets they stand for.
func TestWordClassesAgreeWithSets(t *testing.T) {
	d := newDoc("", "An aide said we should act, you know: officials told reporters it will "+
		"fail, and the spokesman’s team argued it could. According to us, US troops must stay. "+
		"Said the senator: “I warned them.” Sources might add more, insisted Mr Lee.")
	for k, set := range classSets {
		c := wordClass(1) << k
		hits := 0
		for i, w := range d.words {
			if got := d.is(i, c); got != set[w] {
				t.Errorf("class %d: d.is(%q) = %v, set has it: %v", k, w, got, set[w])
			}
			if set[w] {
				hits++
			}
		}
		if hits == 0 {
			t.Errorf("class %d: no word of the test text is in its set", k)
		}
	}
}
