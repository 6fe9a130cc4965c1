package cluster

import (
	"testing"
	"time"
)

// bridgeDocs are three takes on one event: the first two share little, the
// third (a wire report) shares a lot with both.
func bridgeDocs() []Doc {
	return []Doc{
		{ID: 1, Time: t0, Title: "Volcano on Kessa Island erupts before dawn",
			Text: "The volcano on Kessa Island erupted before dawn on Wednesday, sending a column of ash several kilometres high. Civil defence officials evacuated three villages on its slopes."},
		{ID: 2, Time: t0.Add(2 * time.Hour), Title: "Airlines ground flights as ash cloud drifts east",
			Text: "Airlines cancelled dozens of flights across the region on Wednesday as an ash cloud drifted east, and several airports shut their runways."},
		{ID: 3, Time: t0.Add(4 * time.Hour), Title: "Kessa eruption: villages evacuated, flights grounded by ash cloud",
			Text: "The eruption on Kessa Island forced the evacuation of three villages and an ash cloud drifting east grounded dozens of flights, airlines said on Wednesday."},
	}
}

func TestMergePassJoinsABridgedStory(t *testing.T) {
	ix := New(Config{})
	docs := bridgeDocs()
	a1 := ix.Add(docs[0])
	a2 := ix.Add(docs[1])
	if a2.Story == a1.Story {
		t.Skip("the first two takes already joined; the fixture no longer exercises the merge pass")
	}
	a3 := ix.Add(docs[2])
	merges := ix.MergePass(docs[2].Time)
	if len(merges) != 1 {
		t.Fatalf("merges = %+v, want one (stories %d, %d, %d)", merges, a1.Story, a2.Story, a3.Story)
	}
	// The later story joins the earlier one.
	if m := merges[0]; m.Into != 1 || m.From != 2 {
		t.Errorf("merge = %+v, want story 2 into story 1", m)
	}
	if a := ix.Restore(docs[1], 0); a.Story != 1 {
		t.Errorf("after the merge doc 2 is in story %d, want 1", a.Story)
	}
	if again := ix.MergePass(docs[2].Time); len(again) != 0 {
		t.Errorf("a second pass merged again: %+v", again)
	}
	next := Doc{ID: 4, Time: t0.Add(5 * time.Hour), Title: "Ash cloud from Kessa keeps airlines grounded",
		Text: "Airlines kept flights grounded as the ash cloud from the Kessa Island eruption drifted east."}
	if a := ix.Add(next); a.Story != 1 {
		t.Errorf("a later take joined story %d, want the merged story 1", a.Story)
	}
}

func TestMergePassLeavesOtherStoriesAlone(t *testing.T) {
	ix := New(Config{})
	for _, d := range fixtureDocs(t0, 1) {
		ix.Add(d)
	}
	if merges := ix.MergePass(t0.Add(12 * time.Hour)); len(merges) != 0 {
		t.Errorf("merged unrelated stories: %+v", merges)
	}
	// Stories long past their first hours are not merged.
	ix = New(Config{})
	docs := bridgeDocs()
	ix.Add(docs[0])
	ix.Add(docs[1])
	ix.Add(docs[2])
	if merges := ix.MergePass(t0.Add(3 * storySpan)); len(merges) != 0 {
		t.Errorf("merged stories older than a day: %+v", merges)
	}
	// Undated stories are left to content alone.
	ix = New(Config{})
	for _, d := range bridgeDocs() {
		d.Time = time.Time{}
		ix.Add(d)
	}
	if merges := ix.MergePass(time.Time{}); merges != nil {
		t.Errorf("merged undated stories: %+v", merges)
	}
}

// BenchmarkMergePass measures one pass over a window of 10,000 articles,
// the newest day of which (about 1,400 articles, many still alone in their
// story) is young enough to merge: the cost a pipeline pays after each
// processing round.
func BenchmarkMergePass(b *testing.B) {
	const size = 10_000
	g := newSynth(3)
	ix := New(Config{Window: size * time.Minute})
	for i := range size {
		ix.Add(g.doc(int64(i+1), benchStart.Add(time.Duration(i)*time.Minute)))
	}
	now := benchStart.Add(size * time.Minute)
	b.ReportAllocs()
	for b.Loop() {
		ix.MergePass(now)
	}
}
