package digest

import (
	"testing"

	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/digest/summarize"
)

func TestAvoidRangesOnlyBodyCues(t *testing.T) {
	body := "The council's reckless plan passed."
	cues := []framing.Cue{
		{Type: framing.LoadedLanguage, Start: 14, End: 22, Text: "reckless"},
		{Type: framing.LoadedLanguage, Start: 0, End: 8, Text: "Shameful"}, // a headline's cue: its offsets index the headline
		{Type: framing.Hedge, Start: 4, End: 11, Text: "council"},
		{Type: framing.NameCalling, Start: 30, End: 99, Text: "x"},
	}
	got := avoidRanges(body, cues)
	if len(got) != 1 || got[0] != (summarize.Range{Start: 14, End: 22}) {
		t.Errorf("avoidRanges = %v, want only the body's loaded word", got)
	}
}

// TestQuotedWordsInSummaries: a speaker's loaded word, in a sentence that
// names the speaker, may be reported; a quoted insult may not. The
// articles are invented.
func TestQuotedWordsInSummaries(t *testing.T) {
	for _, tc := range []struct {
		name, sentence string
		shown          bool
	}{
		{"a speaker's loaded word", "Mayor Ines Rook called the ruling “outrageous” and said repairs to the north pier would stop.", true},
		{"a quoted insult", "Mayor Ines Rook called the judge “a corrupt crook” and said repairs to the north pier would stop.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := Article{Title: "Dunmore to appeal harbour ruling", Source: "Bay Wire",
				Text: "A judge struck down Dunmore's harbour fee on Friday. " + tc.sentence}
			b := Article{Title: "Judge strikes down Dunmore harbour fee", Source: "Quay Post",
				Text: "A judge struck down Dunmore's harbour fee on Friday, and Mayor Ines Rook said the council would appeal on Monday."}
			s := Build([]Item{{Article: a, Analysis: Analyze(a), StoryID: 3}, {Article: b, Analysis: Analyze(b), StoryID: 3}}, BuildOptions{})[0]
			shown := false
			for _, sent := range s.Summary {
				shown = shown || sent == tc.sentence
			}
			if shown != tc.shown {
				t.Errorf("sentence shown %v, want %v; summary %q; quoted cues %+v", shown, tc.shown, s.Summary, Analyze(a).QuotedCues)
			}
		})
	}
}
