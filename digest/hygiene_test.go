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
