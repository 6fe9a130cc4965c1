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

// avoidRanges returns the byte ranges of the body that carry partisan cues.
func avoidRanges(cues []framing.Cue) []summarize.Range {
	var out []summarize.Range
	for _, c := range cues {
		if partisanCues[c.Type] {
			out = append(out, summarize.Range{Start: c.Start, End: c.End})
		}
	}
	return out
}
