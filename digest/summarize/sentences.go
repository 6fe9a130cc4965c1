package summarize

import (
	"strings"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// sentence is one candidate sentence with the features the scorers use.
type sentence struct {
	text  string
	doc   int // index of the document it comes from
	pos   int // index within its document
	words int // word tokens
	terms []string
	vec   text.Vector // TF-IDF weighted, unit length
	quote float64     // share of the sentence inside quotation marks
	ended bool        // ends in sentence-final punctuation (not a caption or heading)
}

// split cuts body into candidate sentences of document doc, with their terms.
func split(body string, doc int) []sentence {
	spans := text.Sentences(body)
	out := make([]sentence, 0, len(spans))
	for _, sp := range spans {
		s := strings.TrimSpace(sp.Text)
		if s == "" {
			continue
		}
		toks := text.Tokens(s)
		if len(toks) == 0 {
			continue
		}
		out = append(out, sentence{
			text:  s,
			doc:   doc,
			pos:   len(out),
			words: len(toks),
			terms: text.Terms(s),
			quote: quotedShare(s),
			ended: endsSentence(s),
		})
	}
	return out
}

// weigh gives every sentence its unit-length TF-IDF vector, with document
// frequencies counted over the sentences themselves.
func weigh(sents []sentence) {
	var df text.DocFreq
	for i := range sents {
		df.Add(sents[i].terms)
	}
	for i := range sents {
		sents[i].vec = df.TFIDF(text.Counts(sents[i].terms), true).Normalize()
	}
}

// quotedShare returns the fraction of s's bytes that lie between opening and
// closing quotation marks (straight double quotes or typographic ones).
func quotedShare(s string) float64 {
	if s == "" {
		return 0
	}
	inside, open, start := 0, false, 0
	for i, r := range s {
		switch r {
		case '"':
			if open {
				inside += i - start
			} else {
				start = i
			}
			open = !open
		case '“', '‘':
			if !open && (r == '“' || i == 0 || !isLetterBefore(s, i)) {
				open, start = true, i
			}
		case '”':
			if open {
				inside += i - start
				open = false
			}
		case '’':
			if open && (i+len("’") >= len(s) || !isLetterAt(s, i+len("’"))) {
				inside += i - start
				open = false
			}
		}
	}
	if open {
		inside += len(s) - start
	}
	return float64(inside) / float64(len(s))
}

func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isLetter(r)
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isLetter(r)
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > utf8.RuneSelf && r != utf8.RuneError
}

// endsSentence reports whether s ends like a sentence: final punctuation,
// possibly inside closing quotes or brackets. Captions and headings run into
// the text by markup stripping do not.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]» ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}
