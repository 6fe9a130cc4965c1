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

// headlineCue is what makes an item's headline more than a report of its
// event: framing's plain test (HeadlineCue), or a partisan cue the
// labeller found in the outlet's own voice in the headline.
func headlineCue(it Item) string {
	if c := framing.HeadlineCue(it.Title); c != "" {
		return c
	}
	for _, c := range it.Analysis.Cues {
		if c.Field == framing.FieldTitle && (partisanCues[c.Type] || c.Type == framing.RhetoricalQuestion || c.Type == framing.Exaggeration) {
			return c.Text
		}
	}
	return ""
}

// avoidRanges returns the byte ranges of body that carry partisan cues, the
// outlet's own and quoted speakers' alike (a summary states what happened,
// not who called whom what). A headline's cue (field "title") and any cue
// whose offsets do not point at its text in body are not the body's.
func avoidRanges(body string, cueLists ...[]framing.Cue) []summarize.Range {
	var out []summarize.Range
	for _, cues := range cueLists {
		for _, c := range cues {
			if partisanCues[c.Type] && c.Field != framing.FieldTitle && 0 <= c.Start && c.Start < c.End && c.End <= len(body) && body[c.Start:c.End] == c.Text {
				out = append(out, summarize.Range{Start: c.Start, End: c.End})
			}
		}
	}
	return out
}
