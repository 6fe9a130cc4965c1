package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// An outlet is credited with a summary sentence only when its own text
// carries what the sentence rests on: its figures (numbers.go), the names
// it gives and the words it quotes. A sentence of another outlet that tells
// the same event in other words is enough for the facts, not for "the
// terrorist organization Hamas" or a speaker's "determined to continue":
// those are one outlet's words, and crediting them to another misstates it.

// anchors are what a sentence's credit rests on besides its figures.
type anchors struct {
	names  []string // the last word of each name inside the sentence, lower-cased
	quotes []string // quoted phrases of two words or more, as lower-cased words joined by spaces
}

// minNameLetters: shorter capitalised words ("US", "EU", "Mr") are
// abbreviations an outlet may spell out; they anchor nothing.
const minNameLetters = 3

// sentenceAnchors returns the names and quoted phrases of s.
func sentenceAnchors(s string) anchors {
	var a anchors
	toks := text.Tokens(s)
	var quoted []bool
	if hasQuoteMark(s) {
		quoted = quotedMask(s)
	}
	inQuote := func(t text.Token) bool { return t.Start < len(quoted) && quoted[t.Start] }
	var run []string
	flush := func() {
		if len(run) >= 2 {
			a.quotes = append(a.quotes, strings.Join(run, " "))
		}
		run = run[:0]
	}
	for i, t := range toks {
		if inQuote(t) {
			run = append(run, normWord(t))
			continue
		}
		flush()
		// A name is anchored by its last word: "President Joe Biden" and
		// "President Biden" name the same man; a title ("Gov.") is no name.
		if i > 0 && anchorName(t.Text) && !(i+1 < len(toks) && anchorName(toks[i+1].Text) && !inQuote(toks[i+1]) && blankBetween(s, t, toks[i+1])) {
			a.names = append(a.names, normWord(t))
		}
	}
	flush()
	return a
}

// anchorName reports whether w is a word of a name that anchors credit:
// a capitalised word (nameWord) that is no title or abbreviation.
func anchorName(w string) bool {
	return nameWord(w) && !text.EndsInAbbreviation(w+".")
}

// blankBetween reports whether only spaces separate two tokens of s.
func blankBetween(s string, a, b text.Token) bool {
	return strings.TrimSpace(s[a.End:b.Start]) == ""
}

// nameWord reports whether w is a capitalised word that names someone or
// something: not a pronoun or a day or month (notNames), not an
// abbreviation of two letters.
func nameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && utf8.RuneCountInString(w) >= minNameLetters && !notNames[strings.ToLower(w)]
}

// normWord is a token lower-cased without a possessive ending.
func normWord(t text.Token) string {
	w := t.Lower()
	w = strings.TrimSuffix(w, "'s")
	return strings.TrimSuffix(w, "'")
}

// docWords is a document's words, for anchor checks.
type docWords struct {
	set    map[string]bool
	joined string // every word, lower-cased, joined by single spaces and padded with one
}

func newDocWords(s string) docWords {
	toks := text.Tokens(s)
	dw := docWords{set: make(map[string]bool, len(toks))}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	for _, t := range toks {
		w := normWord(t)
		dw.set[w] = true
		b.WriteString(w)
		b.WriteByte(' ')
	}
	dw.joined = b.String()
	return dw
}

// empty reports whether the sentence has nothing to anchor beyond figures.
func (a anchors) empty() bool { return len(a.names) == 0 && len(a.quotes) == 0 }

// carries reports whether the document states every name and quoted phrase.
func (dw *docWords) carries(a anchors) bool {
	for _, n := range a.names {
		if !dw.set[n] {
			return false
		}
	}
	for _, q := range a.quotes {
		if !strings.Contains(dw.joined, " "+q+" ") {
			return false
		}
	}
	return true
}
