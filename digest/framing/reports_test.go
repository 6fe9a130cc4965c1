package framing

import (
	"testing"
)

// TestNewsReadsAsReporting runs the analyzer over the CNN/Daily Mail
// articles of ../shared/eval/summarize/dev.jsonl, which are news reports,
// and checks that most are labelled reporting with a neutral tone: the
// opinion and tone signals must not fire on ordinary news.
func TestNewsReadsAsReporting(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 245 articles")
	}
	path := sharedDir(t, "eval", "summarize", "dev.jsonl")
	recs := readTextRecords(t, path)
	genre, tone := map[string]int{}, map[string]int{}
	for _, text := range recs {
		l := Analyze("", text)
		checkSpans(t, "", text, l)
		genre[l.Genre.Label]++
		tone[l.Tone]++
	}
	n := float64(len(recs))
	t.Logf("%d articles: genre %v, tone %v", len(recs), genre, tone)
	if r := float64(genre[Reporting]) / n; r < 0.85 {
		t.Errorf("reporting share %.2f, want >= 0.85", r)
	}
	if r := float64(tone[ToneNeutral]) / n; r < 0.75 {
		t.Errorf("neutral tone share %.2f, want >= 0.75", r)
	}
}
