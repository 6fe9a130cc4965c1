package stance

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// targetMentions finds target's mentions in title and body. The body is
// split into paragraphs at line breaks before sentences, so that no sentence
// spans two paragraphs.
func targetMentions(title, body, target string) []targetMention {
	aliases := targetAliases(target)
	if len(aliases) == 0 {
		return nil
	}
	namesakes := newNamesakes(body, target, aliases)
	var out []targetMention
	if title != "" {
		for _, m := range namesakes.drop(title, findMentions(title, aliases)) {
			out = append(out, targetMention{sentence: title, start: m[0], end: m[1]})
		}
	}
	sentIndex := 0
	previous := false // the previous sentence named the target
	for _, para := range paragraphs(body) {
		p := body[para[0]:para[1]]
		for _, s := range text.Sentences(p) {
			sentence := p[s.Start:s.End]
			base := para[0] + s.Start
			mk := func(a, b int) targetMention {
				return targetMention{sentence: sentence, base: base, start: a, end: b, inBody: true, sentenceIndex: sentIndex}
			}
			found := namesakes.drop(sentence, findMentions(sentence, aliases))
			for _, m := range found {
				out = append(out, mk(m[0], m[1]))
			}
			if len(found) == 0 && previous {
				if a, b, ok := leadingPronoun(sentence); ok {
					out = append(out, mk(a, b))
				}
			}
			previous = len(found) > 0
			sentIndex++
		}
	}
	return out
}

// paragraphs returns the byte ranges of body's non-blank lines.
func paragraphs(body string) [][2]int {
	var out [][2]int
	for start := 0; start < len(body); {
		end := strings.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		if strings.TrimSpace(body[start:end]) != "" {
			out = append(out, [2]int{start, end})
		}
		start = end + 1
	}
	return out
}

// leadingPronoun returns the span of a subject pronoun that is the
// sentence's first word.
func leadingPronoun(sentence string) (int, int, bool) {
	toks := text.Tokens(sentence)
	if len(toks) == 0 {
		return 0, 0, false
	}
	switch toks[0].Lower() {
	case "he", "she", "they":
		return toks[0].Start, toks[0].End, true
	}
	return 0, 0, false
}

// targetAliases returns the strings that name target in running text: the
// target itself, each part of a conjunction ("Sasha and Malia Obama",
// "police/federal authorities"), and the surname of a personal name.
func targetAliases(target string) []string {
	target = strings.TrimSpace(target)
	if target == "" {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(a string) {
		a = strings.TrimSpace(a)
		if len(a) >= 2 && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	add(target)
	parts := strings.FieldsFunc(target, func(r rune) bool { return r == '/' || r == '&' })
	var split []string
	for _, p := range parts {
		split = append(split, strings.Split(p, " and ")...)
	}
	for _, p := range split {
		add(p)
		words := strings.Fields(p)
		if len(words) >= 2 && personalName(words) {
			add(words[len(words)-1])
		}
	}
	return out
}

// personalName reports whether every word is capitalised and the last
// is not a generic organisational noun.
func personalName(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	last := strings.ToLower(strings.Trim(words[len(words)-1], ".,"))
	return !orgNouns[last] && len(last) > 2
}

// orgNouns end names of organisations and groups, whose last word alone does
// not name them.
var orgNouns = map[string]bool{
	"department": true, "agency": true, "party": true, "committee": true, "act": true,
	"bill": true, "service": true, "administration": true, "court": true, "house": true,
	"senate": true, "congress": true, "council": true, "union": true, "association": true,
	"bureau": true, "office": true, "commission": true, "foundation": true, "institute": true,
	"university": true, "company": true, "corporation": true, "group": true, "now": true,
	"lawmakers": true, "leaders": true, "members": true, "democrats": true, "republicans": true,
	"programs": true, "authorities": true, "states": true, "nations": true, "times": true,
	"news": true, "post": true, "network": true, "campaign": true, "movement": true,
}

// findMentions returns the byte ranges in s where an alias occurs as whole
// words, longest alias first and without overlaps. Aliases in lower case
// match case-insensitively.
func findMentions(s string, aliases []string) [][2]int {
	var out [][2]int
	taken := func(a, b int) bool {
		for _, m := range out {
			if a < m[1] && m[0] < b {
				return true
			}
		}
		return false
	}
	lower := ""
	for _, a := range aliases {
		hay, needle := s, a
		if a == strings.ToLower(a) {
			if lower == "" {
				lower = strings.ToLower(s)
			}
			if len(lower) != len(s) {
				continue // case folding changed byte lengths: offsets would not map
			}
			hay = lower
		}
		for from := 0; from < len(hay); {
			i := strings.Index(hay[from:], needle)
			if i < 0 {
				break
			}
			a, b := from+i, from+i+len(needle)
			from = b
			if wordBoundary(s, a, b) && !taken(a, b) {
				out = append(out, [2]int{a, b})
			}
		}
	}
	return out
}

// wordBoundary reports whether s[a:b] is not part of a longer word.
func wordBoundary(s string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if b < len(s) {
		r, _ := utf8.DecodeRuneInString(s[b:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
