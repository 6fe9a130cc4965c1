package framing

import (
	"strings"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// Rhetorical questions, praise words, scare quotes and historical analogies.

// rhetoricalQuestions marks questions in the writer's own voice.
func rhetoricalQuestions(d *doc) []Cue {
	var out []Cue
	for _, s := range d.sents {
		if !s.question || s.quoted || d.quoted[s.tokA] {
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

// Reach in words, by hand, on our own examples: how many words after a
// praise word belong to what it praises ("bold, results-driven agenda"),
// and how far before a place or period a comparison word makes it an
// analogy ("another Munich").
const (
	praisedWords    = 3
	comparisonReach = 4
)

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
			for k := 0; k < praisedWords && b < len(d.toks) && d.tokSent[b] == d.tokSent[i]; k++ {
				gap := d.body[d.toks[b-1].End:d.toks[b].Start]
				w := d.words[b]
				if isFiller(w) || len(w) < 3 {
					break
				}
				if gap == ", " && hasAnySuffix(w, compoundAdj) {
					b++
					continue
				}
				if gap != " " || (isCapitalised(d.toks[b].Text) && !d.sents[d.tokSent[b]].heading) {
					break // a capitalised word is a name the praise word stands before
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
// reported statement: the “independent” review, a “deal”. A quoted name or
// title (“Critical Race Theory”, "NBC Nightly News"), a phrase with
// punctuation in it (a quotation cut short: “far from perfect,”) and any
// quotation in a headline, where quotation marks report speech, are not.
func scareQuotes(d *doc) []Cue {
	if d.headline {
		return nil
	}
	var out []Cue
	for _, q := range d.quotes {
		inner := d.body[q[0]:q[1]]
		nw := len(strings.Fields(inner))
		if nw == 0 || nw > 3 || strings.ContainsAny(inner, ".!?,;:") || isCapitalised(inner) {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(d.body[:q[0]]); r == '\'' || r == '‘' {
			continue // single quotes mark partial quotations in much of the press
		}
		if reportedBefore(d.body[:q[0]]) || attributedSentence(d, q[0]) {
			continue // "called him “a clown”" reports words, it does not doubt them
		}
		a, b := q[0], q[1]
		// include the quotation marks
		if r, size := utf8.DecodeLastRuneInString(d.body[:a]); strings.ContainsRune("\"“‘'", r) {
			a -= size
		}
		if r, size := utf8.DecodeRuneInString(d.body[b:]); strings.ContainsRune("\"”’'", r) {
			b += size
		}
		out = append(out, Cue{Type: Doubt, Start: a, End: b, Text: d.body[a:b]})
	}
	return out
}

// reportedReach is how many words before a quotation reportedBefore reads.
const reportedReach = 6

var reportingVerbs = map[string]bool{"known": true, "so-called": true, "dubs": true, "terms": true, "called": true, "calls": true, "call": true, "calling": true,
	"said": true, "says": true, "described": true, "describes": true, "as": true, "termed": true,
	"dubbed": true, "labelled": true, "labeled": true, "branded": true, "wrote": true, "told": true,
	"promised": true, "warned": true, "added": true, "word": true, "phrase": true, "term": true}

// reportedBefore reports whether one of the words just before the end of s
// (reportedReach of them) is a verb or noun that introduces someone's words
// ("what the ministry calls a “temporary pause”").
func reportedBefore(s string) bool {
	toks := text.Tokens(s[max(0, len(s)-100):])
	for k := len(toks) - 1; k >= 0 && k >= len(toks)-reportedReach; k-- {
		if reportingVerbs[normWord(toks[k].Text)] {
			return true
		}
	}
	return false
}

// attributedSentence reports whether the sentence holding byte offset p
// attributes words to someone ("said", "told", "according to").
func attributedSentence(d *doc, p int) bool {
	si := sentenceAt(d, p)
	if si >= len(d.sents) {
		return false
	}
	s := d.sents[si]
	for k := s.tokA; k < s.tokB; k++ {
		if attribution[d.words[k]] || reportingVerbs[d.words[k]] && d.words[k] != "as" && d.words[k] != "word" {
			return true
		}
	}
	return false
}

// placeOrTimeAnalogies are history entries that are also plain names of
// places or periods ("Munich", "Vietnam"): they are an analogy only after a
// comparison word.
var placeOrTimeAnalogies = map[string]bool{"munich": true, "vietnam": true, "1938": true, "1930s": true,
	"the 1930s": true, "the gulf war": true, "dark ages": true, "cold war": true, "a new cold war": true}

var comparisonWords = map[string]bool{"like": true, "as": true, "another": true, "new": true, "second": true,
	"repeat": true, "repeating": true, "compared": true, "comparison": true, "reminiscent": true,
	"echo": true, "echoes": true, "modern-day": true, "recalls": true, "evokes": true}

// historicalAnalogies marks comparisons of the present with a charged moment
// of the past.
func historicalAnalogies(d *doc) []Cue {
	var out []Cue
	for i := 0; i < len(d.words); i++ {
		n := d.match(lex.history, i)
		if n == 0 {
			continue
		}
		if placeOrTimeAnalogies[strings.Join(d.words[i:i+n], " ")] {
			ok := false
			for k := max(d.sents[d.tokSent[i]].tokA, i-comparisonReach); k < i && !ok; k++ {
				ok = comparisonWords[d.words[k]]
			}
			if !ok {
				i += n - 1
				continue
			}
		}
		out = append(out, d.cue(HistoricalAnalogy, i, i+n))
		i += n - 1
	}
	return out
}
