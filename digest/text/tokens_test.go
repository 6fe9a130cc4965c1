package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Don't stop the pro-Kremlin outlet's feed.", []string{"Don't", "stop", "the", "pro-Kremlin", "outlet's", "feed"}},
		{"It’s 3.5% — up 'sharply'", []string{"It’s", "3", "5", "up", "sharply"}},
		{"-dash- ends-", []string{"dash", "ends"}},
		{"naïve café", []string{"naïve", "café"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		toks := Tokens(tt.in)
		for _, tok := range toks {
			got = append(got, tok.Text)
			if tok.Text != tt.in[tok.Start:tok.End] {
				t.Errorf("Tokens(%q): %q != src[%d:%d]", tt.in, tok.Text, tok.Start, tok.End)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Tokens(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestTerms(t *testing.T) {
	got := Terms("The senators were talking about the talks.")
	want := []string{"senat", "talk", "talk"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Terms (-want +got):\n%s", diff)
	}
}

func validUTF8(s string) bool { return utf8.ValidString(s) }

// benchArticle builds a news-like text of about words words from our own
// sentences.
func benchArticle(words int) string {
	lines := []string{
		"The city council voted on Tuesday to close the old library on Elm Street.",
		"Mayor Dana Ortiz said the building had become too costly to heat and repair.",
		"“We did not take this decision lightly,” she told reporters after the vote.",
		"Residents who opposed the plan gathered outside City Hall with hand-made signs.",
		"A new branch is expected to open in the former post office by next spring.",
		"Critics argued that the move would leave older readers without a nearby library.",
		"The council said a free shuttle bus would run twice a day during the transition.",
		"Dr. Lee, who chairs the library board, called the shuttle a reasonable compromise.",
		"Funding for the new branch comes from a state grant and a local bond approved in May.",
		"Officials expect the sale of the old building to raise about $2.4 million.",
	}
	var b strings.Builder
	n := 0
	for i := 0; n < words; i++ {
		l := lines[i%len(lines)]
		b.WriteString(l)
		b.WriteString(" ")
		if i%4 == 3 {
			b.WriteString("\n")
		}
		n += len(strings.Fields(l))
	}
	return b.String()
}

func BenchmarkTerms(b *testing.B) {
	doc := benchArticle(700)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		Terms(doc)
	}
}
