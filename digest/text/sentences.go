package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end in a period without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "st": true, "jr": true,
	"sr": true, "inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "etc": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true,
	"dec": true, "no": true, "mt": true, "ft": true, "pres": true, "gens": true,
}

// Sentences splits s into sentence spans. A sentence ends at '.', '!' or '?'
// (with any closing quotes or brackets) followed by space and an upper-case
// letter, digit or opening quote, or at a blank line. Abbreviations and
// initials do not end a sentence. Spans are trimmed of surrounding space.
func Sentences(s string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		a, b := trimSpace(s, start, end)
		if a < b {
			out = append(out, NewSpan(s, a, b))
		}
		start = end
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\n' && i+1 < len(s) && strings.HasPrefix(strings.TrimLeft(s[i+1:], " \t\r"), "\n") {
			emit(i)
			i += size
			continue
		}
		if r != '.' && r != '!' && r != '?' {
			i += size
			continue
		}
		end := i + size
		for end < len(s) && (s[end] == '.' || s[end] == '!' || s[end] == '?') {
			end++
		}
		end = skipClosers(s, end)
		if end >= len(s) {
			i = end
			break
		}
		next, _ := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsSpace(next) {
			i = end
			continue
		}
		if r == '.' && isAbbreviation(s[start:i]) {
			i = end
			continue
		}
		j := end
		for j < len(s) {
			c, sz := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(c) {
				break
			}
			j += sz
		}
		if j < len(s) {
			c, _ := utf8.DecodeRuneInString(s[j:])
			if !(unicode.IsUpper(c) || unicode.IsDigit(c) || strings.ContainsRune("\"'“‘([", c)) {
				i = end
				continue
			}
		}
		emit(end)
		i = end
	}
	emit(len(s))
	return out
}

func skipClosers(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("\"'”’)]", r) {
			break
		}
		i += size
	}
	return i
}

// isAbbreviation reports whether the text before a period ends in a known
// abbreviation or a single-letter initial.
func isAbbreviation(before string) bool {
	k := len(before)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:k])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		k -= size
	}
	word := strings.ToLower(before[k:])
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(before[k:])
		return unicode.IsUpper(r)
	}
	return abbreviations[word]
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
