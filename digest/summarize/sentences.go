package summarize

import (
	"strings"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// sentence is one candidate sentence with the features the scorers use.
type sentence struct {
	text     string
	doc      int // index of the document it comes from
	pos      int // index within its document
	words    int // word tokens
	terms    []string
	vec      sparse  // TF-IDF weighted, unit length
	quote    float64 // share of the sentence inside quotation marks
	ended    bool    // ends in sentence-final punctuation (not a caption or heading)
	question bool    // ends in a question mark
	// dependent: it opens by pointing back at the sentence before it
	// (leansOnPrevious).
	dependent bool
	// pronounQuote: a quotation attributed to "he", "she" or "they"; a
	// story summary may show it right after the sentence before it.
	pronounQuote bool
	// background: from an earlier development of a running story
	// (Doc.Background); a few may follow the newest development's.
	background bool
	// usable is false for a sentence a summary must not show (see
	// hygiene.go): it still counts for what the articles agree on.
	usable bool
}

// Range is a byte range [Start, End) of a text.
type Range struct{ Start, End int }

// split cuts body into candidate sentences of document doc, with their
// terms: the first limit sentences (all when limit ≤ 0). A sentence that
// overlaps one of the avoid ranges (byte offsets into body), is cut off,
// asks, is a fragment, or quotes a speaker it does not name (in quotation
// marks, or speaking as "I" without them) is not usable; a newsletter label
// opening a sentence is dropped from it.
func split(body string, doc, limit int, avoid []Range) []sentence {
	spans := text.Sentences(body)
	out := make([]sentence, 0, len(spans))
	var toks []text.Token // one buffer for every sentence's tokens: none outlives its sentence
	for _, sp := range spans {
		if limit > 0 && len(out) == limit {
			break
		}
		s := strings.TrimSpace(sp.Text)
		if len(out) == 0 {
			s = stripDateline(s)
		}
		s, usable := stripLeadIn(s)
		if s == "" {
			continue
		}
		toks = text.AppendTokens(toks[:0], s)
		if len(toks) == 0 {
			continue
		}
		var quoted []bool // nil: no quotation mark in s, the common case
		if hasQuoteMark(s) {
			quoted = quotedMask(s)
		}
		unnamed := unattributedQuote(s, quoted)
		clean := usable && len(toks) >= minSummaryWords && !cutOff(s) && !isQuestion(s) &&
			!overlaps(sp, avoid) && !firstPersonUnquoted(s, toks, quoted) && !writersVerdict(s, toks, quoted)
		out = append(out, sentence{
			text:      s,
			doc:       doc,
			pos:       len(out),
			words:     len(toks),
			terms:     text.TermsOf(toks),
			quote:     quotedShare(s),
			ended:     endsSentence(s),
			question:  strings.HasSuffix(strings.TrimRight(s, "\"'”’)» "), "?"),
			usable:    clean && !unnamed,
			dependent: leansOnPrevious(s, toks),
			// "“We will appeal,” she said.": the speaker is whoever the
			// sentence before names.
			pronounQuote: clean && unnamed && attributedToPronoun(s, quoted),
		})
	}
	return out
}

// overlaps reports whether the span shares a byte with any of the ranges.
func overlaps(sp text.Span, ranges []Range) bool {
	for _, r := range ranges {
		if r.Start < sp.End && sp.Start < r.End {
			return true
		}
	}
	return false
}

// quotedShare returns the fraction of s's bytes that lie inside quotation
// marks: double quotes (straight, typographic, guillemets or the “…”
// of tokenised text) and single quotes ('…' or ‘…’), where a single quote
// opens only at the start of a word and closes only at its end, so that
// apostrophes ("don't", "players'") are not taken for quotes.
func quotedShare(s string) float64 {
	if !hasQuoteMark(s) {
		return 0
	}
	inside, start := 0, 0
	var open rune // the family of the open quote: '"' or '\'', 0 if none
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(quoteRunes, r) {
			i += size
			continue
		}
		if strings.HasPrefix(s[i:], "``") || strings.HasPrefix(s[i:], "''") {
			r, size = '"', 2
		}
		family, opens, closes := quoteMark(s, i, r, size)
		switch {
		case family == 0:
		case open == 0 && opens:
			open, start = family, i
		case open == family && closes:
			inside += i + size - start
			open = 0
		}
		i += size
	}
	if open != 0 {
		inside += len(s) - start
	}
	return float64(inside) / float64(len(s))
}

// quoteRunes are the runes quoteMark knows.
const quoteRunes = "\"“”«»‘’'`"

// quoteMark classifies the rune r of size bytes at s[i:]: its quote family
// ('"' or '\”, 0 for no quote) and whether it may open or close a quote.
func quoteMark(s string, i int, r rune, size int) (family rune, opens, closes bool) {
	before := i == 0 || !isLetterBefore(s, i)
	after := i+size >= len(s) || !isLetterAt(s, i+size)
	switch r {
	case '"':
		return '"', true, true
	case '“', '«':
		return '"', true, false
	case '”', '»':
		return '"', false, true
	case '‘', '`':
		return '\'', true, false
	case '\'', '’':
		// Inside a word ("don't") or opening a split-off contraction of
		// tokenised text ("Kilmarnock 's", "I 'd") it is an apostrophe.
		if !before && !after || contraction(s[i+size:]) {
			return 0, false, false
		}
		return '\'', before && !after, !before || after
	}
	return 0, false, false
}

// contraction reports whether rest (the text after an apostrophe) starts
// with a contraction or possessive ending: s, d, m, re, ve, ll, then a
// non-letter.
func contraction(rest string) bool {
	for _, c := range []string{"s", "d", "m", "re", "ve", "ll", "S", "D", "M", "RE", "VE", "LL"} {
		if strings.HasPrefix(rest, c) && (len(rest) == len(c) || !isLetterAt(rest, len(c))) {
			return true
		}
	}
	return false
}

func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isLetter(r) || r >= '0' && r <= '9'
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isLetter(r) || r >= '0' && r <= '9'
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
