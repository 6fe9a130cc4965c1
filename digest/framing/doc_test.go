package framing

import (
	"reflect"
	"testing"
)

func TestQuoteRanges(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`He said "no way" today.`, []string{"no way"}},
		{`“Curly” and “pairs”`, []string{"Curly", "pairs"}},
		{`She said 'we will win' and left.`, []string{"we will win"}},
		{`Don't stop; the dogs' bowls are full.`, nil},
		{`‘It’s over,’ he said.`, []string{"It’s over,"}},
		{"\"open to the end of the line\nnext line", []string{"open to the end of the line"}},
		{`“never closed`, []string{"never closed"}},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range quoteRanges(tt.in) {
			got = append(got, tt.in[q[0]:q[1]])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("quoteRanges(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentencesAndHeadings(t *testing.T) {
	body := "The Cost of Waiting\nThe council met on Monday. Was it enough?\n\nNo."
	d := newDoc("", body)
	var got []string
	var heads, questions []bool
	for _, s := range d.sents {
		got = append(got, s.span.Text)
		heads = append(heads, s.heading)
		questions = append(questions, s.question)
	}
	want := []string{"The Cost of Waiting", "The council met on Monday.", "Was it enough?", "No."}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("sentences = %q, want %q", got, want)
	}
	if !reflect.DeepEqual(heads, []bool{true, false, false, false}) {
		t.Errorf("headings = %v", heads)
	}
	if !reflect.DeepEqual(questions, []bool{false, false, true, false}) {
		t.Errorf("questions = %v", questions)
	}
}

func TestLexiconLoads(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.frames) != len(Frames) {
		t.Errorf("frames lexicon has %d frames, want all %d", len(l.frames), len(Frames))
	}
	m := newMatcher([]string{"appeas*", "strong leadership", "war"})
	words := []string{"the", "appeasement", "of", "strong", "leadership", "in", "war", "warm"}
	for i, want := range []int{0, 1, 0, 2, 0, 0, 1, 0} {
		if got := m.match(words, i); got != want {
			t.Errorf("match(%q) = %d, want %d", words[i], got, want)
		}
	}
}
