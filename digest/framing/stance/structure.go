package stance

import (
	"unicode"
	"unicode/utf8"
)

// structure is what the features know about the sentence's shape
// beyond words: its clauses and the other people or groups it names.
type structure struct {
	// clause numbers each token's clause; clauses break at , ; : ( ) — and
	// before contrastive or subordinating conjunctions.
	clause []int
	// owner[i] is true when the mention is the nearest named or pronoun
	// mention to token i, so an evaluation there is most likely about it.
	owner []bool
	// others counts the other name mentions in the sentence.
	others int
}

// clauseWords open a new clause.
var clauseWords = map[string]bool{
	"but": true, "while": true, "although": true, "though": true, "whereas": true,
	"because": true, "after": true, "before": true, "since": true, "when": true, "which": true,
	"who": true, "however": true, "despite": true, "unless": true, "if": true,
}

// newStructure derives clauses and evaluation ownership for c.
func newStructure(sentence string, c mentionContext) structure {
	n := len(c.tokens)
	st := structure{clause: make([]int, n), owner: make([]bool, n)}
	clause := 0
	for i := range c.tokens {
		if i > 0 && (clauseWords[c.lower[i]] || breakBetween(sentence, c.tokens[i-1].End, c.tokens[i].Start)) {
			clause++
		}
		st.clause[i] = clause
	}
	// Other mentions: capitalised words outside the target (not the
	// sentence's first word) and personal pronouns.
	var others []int
	for i, t := range c.tokens {
		if i >= c.from && i < c.to {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		if (unicode.IsUpper(r) && i > 0 && !clauseWords[c.lower[i]]) || pronouns[c.lower[i]] {
			if len(others) == 0 || others[len(others)-1] != i-1 {
				st.others++
			}
			others = append(others, i)
		}
	}
	o := 0
	for i := range c.tokens {
		d := c.tokenDistance(i)
		for o < len(others) && others[o] < i {
			o++
		}
		nearest := n + 1
		if o < len(others) {
			nearest = others[o] - i
		}
		if o > 0 {
			nearest = min(nearest, i-others[o-1])
		}
		st.owner[i] = d <= nearest
	}
	return st
}

// targetClause is the clause number of the mention, or -1 for a mention
// that covers no token.
func (st structure) targetClause(c mentionContext) int {
	if c.from < len(c.tokens) && c.from < c.to {
		return st.clause[c.from]
	}
	return -1
}

// breakBetween reports whether the gap s[a:b] between two tokens holds
// clause punctuation.
func breakBetween(s string, a, b int) bool {
	for _, r := range s[a:b] {
		switch r {
		case ',', ';', ':', '(', ')', '—', '–', '[', ']':
			return true
		}
	}
	return false
}
