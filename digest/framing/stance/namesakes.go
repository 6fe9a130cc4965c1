package stance

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// namesakes tells a namesake's mention from the target's: the
// target's surname alone right after a capitalised word that is neither
// part of the target's name, a title ("Gov.", "Senator"), nor a common word
// (a function word, or one the article also writes in lower case: "Later
// Blake …") is another person's. "Sandra Blake" is then not "Tom Blake",
// while "Tom Henry Blake" still is.
type namesakes struct {
	body     string
	surnames map[string]bool // the target's surnames, as written
	own      map[string]bool // the target's words, lower-case
	lower    map[string]bool // the body's lower-case words, built on first use
}

// newNamesakes prepares the check for target, whose aliases are given.
func newNamesakes(body, target string, aliases []string) *namesakes {
	n := &namesakes{body: body, surnames: map[string]bool{}, own: map[string]bool{}}
	for _, w := range strings.Fields(strings.ToLower(target)) {
		n.own[strings.Trim(w, ".,")] = true
	}
	whole := map[string]bool{}
	for _, p := range strings.FieldsFunc(target, func(r rune) bool { return r == '/' || r == '&' }) {
		for _, q := range strings.Split(p, " and ") {
			whole[strings.TrimSpace(q)] = true
		}
	}
	for _, a := range aliases {
		if !strings.Contains(a, " ") && !whole[a] {
			n.surnames[a] = true
		}
	}
	return n
}

// drop removes the namesakes' mentions from found, mentions in s.
func (n *namesakes) drop(s string, found [][2]int) [][2]int {
	out := found[:0]
	for _, m := range found {
		if !n.surnames[s[m[0]:m[1]]] || !n.namesake(s, m[0]) {
			out = append(out, m)
		}
	}
	return out
}

// namesake reports whether the surname at s[at:] follows another given name.
func (n *namesakes) namesake(s string, at int) bool {
	prev, rest, ok := previousWord(s, at)
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(prev)
	if !unicode.IsUpper(r) {
		return false
	}
	lower := strings.ToLower(prev)
	if n.own[lower] || titles[lower] || text.IsStopWord(lower) || n.common(lower) {
		return false
	}
	// A middle name: the word before it is the target's own.
	if before, _, ok := previousWord(s, rest); ok && n.own[strings.ToLower(before)] {
		return false
	}
	return true
}

// common reports whether the body writes w in lower case.
func (n *namesakes) common(w string) bool {
	if n.lower == nil {
		n.lower = map[string]bool{}
		for _, t := range text.Tokens(n.body) {
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
				n.lower[t.Text] = true
			}
		}
	}
	return n.lower[w]
}

// previousWord returns the word that ends one space before s[at:] and
// where it starts. It fails when punctuation ("Thursday, Blake") or no space
// separates the two, or the word has anything but letters, hyphens and
// apostrophes in it.
func previousWord(s string, at int) (string, int, bool) {
	if at < 2 || s[at-1] != ' ' {
		return "", 0, false
	}
	start := at - 1
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			break
		}
		start -= size
	}
	if start == at-1 || (start > 0 && s[start-1] != ' ' && s[start-1] != '(') {
		return "", 0, false
	}
	return s[start : at-1], start, true
}

// titles are words that stand before a surname without being a given
// name.
var titles = map[string]bool{
	"president": true, "senator": true, "sen": true, "rep": true, "representative": true,
	"governor": true, "gov": true, "mayor": true, "secretary": true, "general": true,
	"gen": true, "judge": true, "justice": true, "chairman": true, "chairwoman": true,
	"speaker": true, "leader": true, "minister": true, "director": true, "attorney": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "congressman": true, "congresswoman": true,
	"candidate": true, "nominee": true, "commissioner": true, "ambassador": true,
	"chief": true, "sheriff": true, "officer": true, "former": true, "sergeant": true,
	"pope": true, "king": true, "queen": true, "prince": true, "professor": true,
}
