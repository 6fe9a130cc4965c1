package framing

import (
	"strings"

	"github.com/newsdigest/newsdigest/digest/text"
)

// Loaded language and name-calling.

// intensifiers before a loaded word belong to the loaded phrase.
var intensifiers = map[string]bool{"utterly": true, "deeply": true, "truly": true, "so": true, "most": true,
	"completely": true, "totally": true, "absolutely": true, "downright": true, "thoroughly": true, "very": true}

// loadedPhrases marks loaded words with the phrase they colour: an
// intensifier before ("utterly vile") and the noun right after an adjective
// ("brutal crackdown").
func loadedPhrases(d *doc) []Cue {
	var out []Cue
	for i := 0; i < len(d.words); i++ {
		n := d.matchIn(lex.loaded, i, d.sents[d.tokSent[i]].tokB)
		if n == 0 || literalLoaded(d, i, n) {
			continue
		}
		a, b := i, i+n
		if a > 0 && intensifiers[d.words[a-1]] && d.adjacent(a-1) && d.tokSent[a-1] == d.tokSent[i] {
			a--
		}
		// A topic noun such as "scandal" colours no noun after it.
		if b < len(d.toks) && d.adjacent(b-1) && d.tokSent[b] == d.tokSent[i] && looksAdjective(d.words[b-1]) && !lex.weak.has(d.words[b-1]) &&
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

// labelModifiers is how many words before a pejorative can belong to the
// label ("Russian dictator", "rogue regime"). By hand, on our own examples.
const labelModifiers = 3

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
		n := d.matchIn(lex.pejoratives, i, d.sents[d.tokSent[i]].tokB)
		if n == 0 || properNamePart(d, i) || abstractNoun(d.words[i+n-1]) {
			continue
		}
		a, b := i, i+n
		attached := strings.HasSuffix(d.words[b-1], "s") && !strings.HasSuffix(d.words[b-1], "ss")
		// Capitalised words or labels just before: "Russian dictator", "rogue regime".
		for k := 0; k < labelModifiers && a > 0 && d.adjacent(a-1) && d.tokSent[a-1] == d.tokSent[i]; k++ {
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
		if d.matchIn(lex.literal, i, i+n) > 0 && !calledOrMarked(d, a, i) {
			i = b - 1
			continue // "their collaborator, the nonprofit", "the pipeline hack"
		}
		out = append(out, d.cue(typ, a, b))
		i = b - 1
	}
	return out
}

// calledOrMarked reports whether the pejorative at token i (its phrase
// starting at a) is applied as a label: after a calling verb ("called him
// a thief", "branded them collaborators") or with a loaded or labelling
// word before it ("corrupt oligarchs").
func calledOrMarked(d *doc, a, i int) bool {
	for k := a; k < i; k++ {
		if lex.loaded.has(d.words[k]) || lex.labels.has(d.words[k]) {
			return true
		}
	}
	s := d.sents[d.tokSent[i]]
	for k := max(s.tokA, a-4); k < a; k++ {
		if callVerbs[d.words[k]] {
			return true
		}
	}
	return false
}

// labelPhrase matches a labelling modifier followed, within two words, by a
// person or group noun ("radical left", "fake news media").
func labelPhrase(d *doc, i int) int {
	if !d.has(lex.labels, i) {
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

// properNamePart reports whether the capitalised word at i, inside a
// sentence that is not a heading, belongs to a proper name with a
// capitalised neighbour: "Communist Party", "Nazi Germany" name an
// organisation or a period, not a person being labelled.
func properNamePart(d *doc, i int) bool {
	s := d.sents[d.tokSent[i]]
	if s.heading || i == s.tokA || !isCapitalised(d.toks[i].Text) {
		return false
	}
	return (i+1 < s.tokB && isCapitalised(d.toks[i+1].Text)) || (i-1 > s.tokA && isCapitalised(d.toks[i-1].Text))
}

// abstractNoun reports whether w names an idea or a state rather than a
// person ("radicalization", "bigotry", "dictatorships"), which a pejorative
// prefix entry would otherwise take for a label.
func abstractNoun(w string) bool {
	return hasAnySuffix(w, []string{"ism", "isms", "ization", "isation", "ry", "ship", "ships", "esque"})
}
