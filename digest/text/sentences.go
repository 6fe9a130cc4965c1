package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// gluedStarters are capitalised words that, right after a lower-case word
// with no punctuation between them and before a lower-case word, mark two
// blocks of text glued together when markup was stripped (an image caption
// run into the next paragraph: "... a colleague The cost of divorce ...").
var gluedStarters = map[string]bool{
	"The": true, "He": true, "She": true, "They": true, "His": true, "Her": true,
	"Their": true, "It": true, "Its": true, "This": true, "These": true, "Those": true,
	"We": true, "But": true,
}

// Sentences splits s into sentence spans, trimmed of surrounding space, with
// Text == s[Start:End], in order and not overlapping.
//
// A sentence ends at '.', '!', '?' or '…' (with any closing quotes or
// brackets) followed by space and something that can start a sentence: an
// upper-case letter, a digit, an opening quote or bracket, or a list marker.
// Text with no capital letters at all (lower-cased corpora) may start
// sentences in lower case. Titles ("Dr.") never end a sentence; initials
// ("B.B. King", "George W. Bush") and other abbreviations ("Inc.") do only
// when a function word follows ("in the U.S. The ..."). Blank lines, list
// items and heading-like lines end a sentence too, and so does a caption
// glued to the following paragraph.
func Sentences(s string) []Span {
	sp := splitter{s: s, lowerOnly: mostlyLowerCase(s)}
	return sp.split()
}

type splitter struct {
	s         string
	lowerOnly bool
	start     int // where the current sentence began
	lineStart int // where the current line began
	out       []Span
}

func (p *splitter) emit(end int) {
	a, b := trimSpace(p.s, p.start, end)
	if a < b {
		p.out = append(p.out, NewSpan(p.s, a, b))
	}
	p.start = end
}

func (p *splitter) split() []Span {
	s := p.s
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == '\n':
			if p.newlineEnds(i) {
				p.emit(i)
			}
			i += size
			p.lineStart = i
		case isTerminal(r):
			i = p.terminal(i)
		case r == ' ' && p.glued(i):
			p.emit(i)
			i += size
		default:
			i += size
		}
	}
	p.emit(len(s))
	return p.out
}

func isTerminal(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// terminal handles a run of sentence-ending punctuation starting at i and
// returns where scanning resumes.
func (p *splitter) terminal(i int) int {
	s := p.s
	first, _ := utf8.DecodeRuneInString(s[i:])
	end := i
	single := true
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isTerminal(r) {
			break
		}
		if end > i {
			single = false
		}
		end += size
	}
	end = skipClosers(s, end)
	if end >= len(s) {
		return end
	}
	if next, _ := utf8.DecodeRuneInString(s[end:]); !unicode.IsSpace(next) {
		return end // "3.5", "U.S.-led", "Yahoo!News"
	}
	j := skipSpace(s, end)
	// A closing quote after the space (tokenised text: "fine . '' he said").
	if strings.HasPrefix(s[j:], "''") || strings.HasPrefix(s[j:], "”") {
		end = skipClosers(s, j)
		if end >= len(s) {
			return end
		}
		j = skipSpace(s, end)
	}
	if j >= len(s) {
		return end
	}
	next := nextWord(s[j:])
	if first == '.' && single {
		switch abbreviationKind(s[p.start:i]) {
		case abbrevTitle:
			return end
		case abbrevInitial, abbrevOther:
			if !IsStopWord(strings.ToLower(next)) {
				return end
			}
		}
	}
	if !p.startsSentence(s[j:]) {
		return end
	}
	p.emit(end)
	return end
}

// startsSentence reports whether rest can begin a sentence.
func (p *splitter) startsSentence(rest string) bool {
	c, _ := utf8.DecodeRuneInString(rest)
	switch {
	case unicode.IsUpper(c), unicode.IsDigit(c), strings.ContainsRune("\"'“‘([`¿¡", c):
		return true
	case p.lowerOnly && unicode.IsLetter(c):
		return true
	}
	return listMarker(rest) > 0
}

// newlineEnds reports whether the line break at i ends a sentence: a blank
// line follows, the next line is a list item, or the line before it reads
// like a heading or an introduction and the next line starts a sentence.
// A plain line break inside running text (hard-wrapped prose) does not.
func (p *splitter) newlineEnds(i int) bool {
	s := p.s
	rest := strings.TrimLeft(s[i+1:], " \t\r")
	if rest == "" || rest[0] == '\n' {
		return true
	}
	if listMarker(rest) > 0 {
		return true
	}
	if !p.startsSentence(rest) {
		return false
	}
	line := strings.TrimRight(s[max(p.start, p.lineStart):i], " \t\r")
	if line == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(":;…", last) || listMarker(strings.TrimLeft(line, " \t")) > 0 {
		return true
	}
	// A short line without final punctuation, not ending in a function word,
	// is a heading or a label; a hard-wrapped line of prose is longer or ends
	// mid-phrase.
	if unicode.IsPunct(last) || len(line) >= 60 {
		return false
	}
	toks := Tokens(line)
	return len(toks) > 0 && len(toks) <= 10 && !IsStopWord(toks[len(toks)-1].Lower())
}

// listMarker returns the length of a bullet or numbered-list marker at the
// start of s ("- ", "• ", "* ", "1. ", "2) "), or 0.
func listMarker(s string) int {
	for _, b := range []string{"- ", "• ", "* ", "· ", "– "} {
		if strings.HasPrefix(s, b) {
			return len(b)
		}
	}
	k := 0
	for k < len(s) && k < 3 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k > 0 && k+1 < len(s) && (s[k] == '.' || s[k] == ')') && s[k+1] == ' ' {
		return k + 2
	}
	return 0
}

// glued reports whether the space at i separates two blocks run together
// without punctuation: a lower-case word, then a capitalised sentence
// starter such as "The" or "He", then a lower-case word.
func (p *splitter) glued(i int) bool {
	s := p.s
	if i == 0 || i+1 >= len(s) || s[i+1] < 'A' || s[i+1] > 'Z' || p.lowerOnly {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if !unicode.IsLower(prev) && !unicode.IsDigit(prev) {
		return false
	}
	w := nextWord(s[i+1:])
	if !gluedStarters[w] {
		return false
	}
	k := i + 1 + len(w)
	if k >= len(s) || s[k] != ' ' {
		return false
	}
	after, _ := utf8.DecodeRuneInString(s[k+1:])
	return unicode.IsLower(after)
}

// nextWord returns the letters and digits at the start of s.
func nextWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return s[:i]
		}
	}
	return s
}

func skipSpace(s string, j int) int {
	for j < len(s) {
		c, sz := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsSpace(c) {
			break
		}
		j += sz
	}
	return j
}

func skipClosers(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("\"'”’)]»", r) {
			break
		}
		i += size
	}
	return i
}

// mostlyLowerCase reports whether s has letters but (almost) no capitals, as
// lower-cased corpora do; then sentences may start in lower case.
func mostlyLowerCase(s string) bool {
	if len(s) > 8000 {
		s = s[:8000] // a sample decides; the case style does not change mid-text
	}
	letters, upper := 0, 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z':
				letters++
			case 'A' <= c && c <= 'Z':
				letters++
				upper++
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		// Each byte left is at most one more letter: once the capitals
		// seen are too many for any ending, the answer is no. Ordinary
		// text gets there within its first few hundred bytes.
		if upper > 0 && upper*200 >= letters+len(s)-i {
			return false
		}
	}
	return letters >= 20 && upper*200 < letters
}

func trimSpace(s string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}
