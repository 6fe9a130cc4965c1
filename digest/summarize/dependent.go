package summarize

import (
	"strings"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// A sentence that opens by pointing back ("It passed the Senate 92-6",
// "That's according to a report", "But views are divided") says nothing
// on its own: the reader needs the sentence before it. In a story summary,
// where sentences of several outlets meet, such a sentence may be picked
// only once the sentence before it in its own article is, and is shown
// right after it.

// backPointers are opening words that refer to what came before: personal
// and demonstrative pronouns, and connectives that continue an argument.
var backPointers = map[string]bool{
	"it": true, "its": true, "it's": true, "they": true, "them": true, "their": true, "theirs": true,
	"he": true, "him": true, "his": true, "she": true, "her": true, "we": true, "our": true,
	"this": true, "that": true, "that's": true, "these": true, "those": true, "such": true,
	"and": true, "but": true, "yet": true, "so": true, "or": true, "nor": true, "still": true,
	"however": true, "also": true, "instead": true, "then": true, "thus": true, "therefore": true,
	"hence": true, "besides": true, "otherwise": true, "likewise": true, "similarly": true,
	"moreover": true, "furthermore": true, "indeed": true, "again": true,
}

// timeNouns after "this" or "that" name a time, not something said
// before: "This week, rockets were fired" stands alone.
var timeNouns = map[string]bool{
	"week": true, "year": true, "month": true, "morning": true, "afternoon": true, "evening": true,
	"weekend": true, "spring": true, "summer": true, "fall": true, "autumn": true, "winter": true,
	"season": true, "time": true, "day": true, "night": true, "decade": true, "century": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// pointingNouns after "this", "that", "these" or "those" near a sentence's
// start point back at a figure or an act the sentence before named ("By
// Monday, that figure had risen to 2.96").
var pointingNouns = map[string]bool{
	"figure": true, "figures": true, "number": true, "numbers": true, "amount": true, "total": true,
	"decision": true, "move": true, "deal": true, "plan": true, "proposal": true, "measure": true,
	"announcement": true, "statement": true, "remark": true, "remarks": true, "comment": true,
	"comments": true, "claim": true, "claims": true, "report": true, "case": true, "incident": true,
	"attack": true, "vote": true, "ruling": true, "law": true, "bill": true, "policy": true, "change": true,
	"changes": true, "step": true, "effort": true, "idea": true, "view": true, "views": true,
}

// pointingReach is how far into a sentence "that figure" still points back
// rather than at something the sentence itself named.
const pointingReach = 8

// leansOnPrevious reports whether sentence s (tokens toks) opens by
// pointing back at the sentence before it. A sentence that opens with a
// quotation ("“We will appeal,” she said") is the speaker's: whether it
// names them is unattributedQuote's question.
func leansOnPrevious(s string, toks []text.Token) bool {
	if len(toks) == 0 || toks[0].Start > 0 && strings.ContainsAny(s[:toks[0].Start], quoteRunes) {
		return false
	}
	if hasQuoteMark(s) && quoteTail(s) {
		return true // the rest of a quotation opened in the sentence before
	}
	for i := 1; i < len(toks)-1 && i < pointingReach; i++ {
		switch w := toks[i].Text; {
		case strings.EqualFold(w, "this"), strings.EqualFold(w, "that"), strings.EqualFold(w, "these"), strings.EqualFold(w, "those"):
			if pointingNouns[toks[i+1].Lower()] {
				return true
			}
		}
	}
	w := toks[0].Lower()
	if !backPointers[w] {
		return false
	}
	if (w == "this" || w == "that") && len(toks) > 1 && timeNouns[toks[1].Lower()] {
		return false
	}
	return true
}

// quoteTail reports whether s goes on with a quotation opened in an earlier
// sentence: its first double quotation mark closes one (“…military is not
// the best idea,” Cruz writes).
func quoteTail(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '“', '«':
			return false
		case '”', '»':
			return true
		case '"':
			return closerContext(s, i, size)
		}
		i += size
	}
	return false
}
