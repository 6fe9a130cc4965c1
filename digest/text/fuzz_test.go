package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"",
	"Dr. Smith met B.B. King in the U.S. The end.",
	"“Quoted.” ‘Single.’ He said \"no!\" and left... Then… silence?",
	"Line one\nLine two\n\n- item\n1. item\n",
	"the lower-cased text . `` quoted , '' he said .",
	"caption text The actual story begins here.",
	"\xff\xfe invalid . UTF-8 \xc3",
	"Ünïcödé Wörds’ and naïve café's pro-Kremlin don't",
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSentences(t, s)
	})
}

func FuzzTokens(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s)
		for _, tok := range Tokens(s) {
			w := tok.Lower()
			if st := Stem(w); utf8.ValidString(w) && !utf8.ValidString(st) {
				t.Fatalf("Stem(%q) = %q is not valid UTF-8", w, st)
			}
		}
	})
}

// checkSentences asserts the splitter's contract: spans in range, ordered,
// non-overlapping, equal to their slice of s, trimmed, non-empty, and
// together covering every non-space character of s.
func checkSentences(t *testing.T, s string) {
	t.Helper()
	spans := Sentences(s)
	checkSpans(t, s, spans)
	covered := 0
	for _, sp := range spans {
		if sp.Start == sp.End {
			t.Fatalf("empty span at %d", sp.Start)
		}
		first, _ := utf8.DecodeRuneInString(sp.Text)
		last, _ := utf8.DecodeLastRuneInString(sp.Text)
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			t.Fatalf("span %q is not trimmed", sp.Text)
		}
		if gap := s[covered:sp.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
			t.Fatalf("text %q between sentences is lost", gap)
		}
		covered = sp.End
	}
	if rest := s[covered:]; strings.TrimFunc(rest, unicode.IsSpace) != "" {
		t.Fatalf("trailing text %q is lost", rest)
	}
}

// checkTokens asserts that tokens are non-empty, ordered, non-overlapping
// slices of s.
func checkTokens(t *testing.T, s string) {
	t.Helper()
	prev := 0
	for i, tok := range Tokens(s) {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
			t.Fatalf("token %d [%d,%d) out of order or range (prev end %d, len %d)", i, tok.Start, tok.End, prev, len(s))
		}
		if tok.Text != s[tok.Start:tok.End] {
			t.Fatalf("token %d text %q != s[%d:%d]", i, tok.Text, tok.Start, tok.End)
		}
		prev = tok.End
	}
}

// TestSplitProperties checks the splitter and tokenizer contracts on random
// texts built from the characters that drive their decisions.
func TestSplitProperties(t *testing.T) {
	pieces := []string{
		"a", "B", "word", "The", "He", "Dr", "U", "S", "Inc", "the", "3", "2.5", " ", " ", " ",
		"\n", "\n\n", ".", ".", "!", "?", "…", "...", "\"", "'", "“", "”", "‘", "’", "``", "''",
		"(", ")", "- ", "1. ", "é", "Ü", "\xff", "\t", ",", ":", "pro-", "don't",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for range r.IntN(60) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		checkSentences(t, s)
		checkTokens(t, s)
	}
}
