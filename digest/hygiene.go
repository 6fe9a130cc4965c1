package digest

import (
	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/digest/summarize"
)

// partisanCues are the cue types whose sentences never enter a summary: the
// words take a side (loaded wording, name-calling, an appeal to fear, praise
// words such as "visionary leadership"), and a summary states what the
// outlets agree happened.
var partisanCues = map[string]bool{
	framing.LoadedLanguage:       true,
	framing.NameCalling:          true,
	framing.AppealToFear:         true,
	framing.GlitteringGenerality: true,
}

// avoidRanges returns the byte ranges of body that carry partisan cues. A
// cue whose offsets do not point at its text in body (a headline's cue
// indexes the headline) is not the body's.
func avoidRanges(body string, cueLists ...[]framing.Cue) []summarize.Range {
	var out []summarize.Range
	for _, cues := range cueLists {
		for _, c := range cues {
			if partisanCues[c.Type] && 0 <= c.Start && c.Start < c.End && c.End <= len(body) && body[c.Start:c.End] == c.Text {
				out = append(out, summarize.Range{Start: c.Start, End: c.End})
			}
		}
	}
	return out
}
