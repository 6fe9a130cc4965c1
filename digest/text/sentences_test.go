package text

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The mayor resigned. Her deputy took over! Why now?",
			[]string{"The mayor resigned.", "Her deputy took over!", "Why now?"}},
		{"titles never end a sentence", "Dr. Alvarez met Gov. Smith on Monday. They talked.",
			[]string{"Dr. Alvarez met Gov. Smith on Monday.", "They talked."}},
		{"a case name is one sentence", "The ruling cites Harbour Board v. Tarrant and Rook v. Ellis. It was unanimous.",
			[]string{"The ruling cites Harbour Board v. Tarrant and Rook v. Ellis.", "It was unanimous."}},
		{"initials inside a name", "Blues singer B.B. King played. George W. Bush listened.",
			[]string{"Blues singer B.B. King played.", "George W. Bush listened."}},
		{"initialism ends a sentence before a function word", "Prices rose in the U.S. The index fell in Japan.",
			[]string{"Prices rose in the U.S.", "The index fell in Japan."}},
		{"abbreviation mid-sentence", "Acme Inc. Widgets rose 3.5 percent on Jan. 5 this year.",
			[]string{"Acme Inc. Widgets rose 3.5 percent on Jan. 5 this year."}},
		{"abbreviation at the end", "He works for Acme Inc. The firm is small.",
			[]string{"He works for Acme Inc.", "The firm is small."}},
		{"quotes close the sentence", `"We will win," she said. "It's over." He left.`,
			[]string{`"We will win," she said.`, `"It's over."`, "He left."}},
		{"question inside a quote continues", `"Why?" he asked. Nobody knew.`,
			[]string{`"Why?" he asked.`, "Nobody knew."}},
		{"typographic quotes", "“It is done.” The crowd cheered. ‘Fine.’ Then silence.",
			[]string{"“It is done.”", "The crowd cheered.", "‘Fine.’", "Then silence."}},
		{"ellipsis", "He paused... Then he spoke. The plan was vague… Officials left.",
			[]string{"He paused...", "Then he spoke.", "The plan was vague…", "Officials left."}},
		{"decimal and URL-ish", "Growth hit 2.5% at example.com today. Fine.",
			[]string{"Growth hit 2.5% at example.com today.", "Fine."}},
		{"blank line", "Breaking news\n\nThe bridge closed.",
			[]string{"Breaking news", "The bridge closed."}},
		{"heading line", "Storm warning\nThe coast braces for wind.",
			[]string{"Storm warning", "The coast braces for wind."}},
		{"hard-wrapped prose stays whole", "The minister said on Tuesday that\nPresident Ortiz would visit the port city.",
			[]string{"The minister said on Tuesday that\nPresident Ortiz would visit the port city."}},
		{"paragraph ending in ellipsis", "Talks stalled over the budget and…\nNegotiators return Friday.",
			[]string{"Talks stalled over the budget and…", "Negotiators return Friday."}},
		{"list items", "The plan has three parts:\n- cut fares\n- add buses\n1. hire drivers",
			[]string{"The plan has three parts:", "- cut fares", "- add buses", "1. hire drivers"}},
		{"glued caption", "The mayor waves to supporters in the square The mayor won a second term on Sunday.",
			[]string{"The mayor waves to supporters in the square", "The mayor won a second term on Sunday."}},
		{"proper name after a verb is not glued", "Sources told The Post that talks failed.",
			[]string{"Sources told The Post that talks failed."}},
		{"lower-cased tokenised text", "the council met on monday . it voted to close the library . `` we had no choice , '' the chair said .",
			[]string{"the council met on monday .", "it voted to close the library .", "`` we had no choice , '' the chair said ."}},
		{"tokenised closing quote after the period", "He said `` it is over . '' Then he left .",
			[]string{"He said `` it is over . ''", "Then he left ."}},
		{"empty", "", nil},
		{"only space", " \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Sentences(tt.in)
			var got []string
			for _, sp := range spans {
				got = append(got, sp.Text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sentences(%q) (-want +got):\n%s", tt.in, diff)
			}
			checkSpans(t, tt.in, spans)
		})
	}
}

// checkSpans fails t unless spans are valid, ordered, non-overlapping
// slices of src.
func checkSpans(t *testing.T, src string, spans []Span) {
	t.Helper()
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.End < sp.Start || sp.End > len(src) {
			t.Fatalf("span %d [%d,%d) out of order or range (prev end %d, len %d)", i, sp.Start, sp.End, prev, len(src))
		}
		if sp.Text != src[sp.Start:sp.End] {
			t.Fatalf("span %d text %q != src[%d:%d] %q", i, sp.Text, sp.Start, sp.End, src[sp.Start:sp.End])
		}
		prev = sp.End
	}
}

func BenchmarkSentences(b *testing.B) {
	doc := benchArticle(700)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		Sentences(doc)
	}
}

// TestSentencesLinear guards against quadratic behaviour on long inputs
// without sentence ends (hard-wrapped text, runs of punctuation).
func TestSentencesLinear(t *testing.T) {
	for _, unit := range []string{"word word word\n", "a. ", "x.y.z.", "\"", "The end The cat ", "...\n"} {
		s := strings.Repeat(unit, 200000/len(unit))
		start := time.Now()
		Sentences(s)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Sentences on %d bytes of %q took %v", len(s), unit, d)
		}
	}
}
