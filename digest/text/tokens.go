package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text with its byte offsets.
type Token struct {
	Text  string // exactly src[Start:End]
	Start int
	End   int
}

// Lower returns the token lower-cased, with typographic apostrophes folded to '.
func (t Token) Lower() string {
	return strings.ToLower(strings.ReplaceAll(t.Text, "’", "'"))
}

// Tokens splits s into words: runs of letters and digits, with inner
// apostrophes and hyphens kept ("don't", "pro-Kremlin").
func Tokens(s string) []Token {
	return AppendTokens(make([]Token, 0, len(s)/5+1), s)
}

// AppendTokens appends the tokens of s (as Tokens splits them) to out and
// returns the extended slice, so that a caller tokenising many sentences can
// reuse one buffer.
func AppendTokens(out []Token, s string) []Token {
	start := -1
	for i := 0; i < len(s); {
		var r rune
		var size int
		var word bool
		if c := s[i]; c < utf8.RuneSelf {
			r, size = rune(c), 1
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		joiner := (r == '\'' || r == '’' || r == '-') && start >= 0 && i+size < len(s) && isWordRune(s[i+size:])
		switch {
		case word || joiner:
			if start < 0 {
				start = i
			}
		case start >= 0:
			out = append(out, Token{Text: s[start:i], Start: start, End: i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, Token{Text: s[start:], Start: start, End: len(s)})
	}
	return out
}

func isWordRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Terms returns the lower-cased, stemmed content words of s, without stop words:
// the vocabulary that TF-IDF and overlap measures work on.
func Terms(s string) []string {
	return TermsOf(Tokens(s))
}

// TermsOf is Terms for text already split into tokens.
func TermsOf(toks []Token) []string {
	var buf [64]term
	terms := buf[:0]
	if len(toks) > len(buf) {
		terms = make([]term, len(toks))
	}
	terms = terms[:len(toks)]
	termCache.Fill(toks, terms)
	out := make([]string, 0, len(toks))
	for _, t := range terms {
		if t.keep {
			out = append(out, t.stem)
		}
	}
	return out
}

// term is what TermsOf makes of one token: its stem, unless it is a stop
// word or a single byte.
type term struct {
	stem string
	keep bool
}

// termCacheWords bounds termCache: some tens of thousands of word forms
// cover nearly every token of English news, at a few megabytes.
const termCacheWords = 1 << 16

// termCache memoizes termOf by the token's text: stemming is the costliest
// step of splitting a summary's sentences into terms, and most tokens are
// words met before.
var termCache = NewWordCache(termCacheWords, termOf)

func termOf(tok string) term {
	w := Token{Text: tok}.Lower()
	if IsStopWord(w) || len(w) < 2 {
		return term{}
	}
	return term{stem: Stem(w), keep: true}
}
