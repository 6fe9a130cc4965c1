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
}

// TestMergePassUndated: without times the pass merges on content alone,
// and only into a clear home.
func TestMergePassUndated(t *testing.T) {
	undated := func(docs []Doc) []Doc {
		for i := range docs {
			docs[i].Time = time.Time{}
		}
		return docs
	}
	t.Run("bridged story", func(t *testing.T) {
		ix := New(Config{})
		docs := undated(bridgeDocs())
		a1, a2 := ix.Add(docs[0]), ix.Add(docs[1])
		if a1.Story == a2.Story {
			t.Skip("the first two takes already joined; the fixture no longer exercises the merge pass")
		}
		ix.Add(docs[2])
		merges := ix.MergePass(time.Time{})
		if len(merges) != 1 || merges[0] != (Merge{Into: 1, From: 2}) {
			t.Fatalf("merges = %+v, want story 2 into story 1", merges)
		}
		if again := ix.MergePass(time.Time{}); len(again) != 0 {
			t.Errorf("a second pass merged again: %+v", again)
		}
	})
	t.Run("dated and undated stay apart", func(t *testing.T) {
		ix := New(Config{})
		docs := bridgeDocs()
		docs[1].Time, docs[2].Time = time.Time{}, time.Time{}
		for _, d := range docs {
			ix.Add(d)
		}
		for _, now := range []time.Time{{}, docs[0].Time} {
			if merges := ix.MergePass(now); len(merges) != 0 {
				t.Errorf("MergePass(%v) merged a dated and an undated story: %+v", now, merges)
			}
		}
	})
	t.Run("no clear home", func(t *testing.T) {
		ix := New(Config{})
		docs := undated(dockStrikes())
		for _, d := range docs {
			ix.Add(d)
		}
		stray := docs[len(docs)-1]
		var home []*story
		for _, s := range ix.stories {
			if s.id != stray.ID {
				home = append(home, s)
			}
		}
		if len(ix.stories) != 3 || len(home) != 2 {
			t.Fatalf("%d stories, want the two strikes and the stray roundup alone", len(ix.stories))
		}
		// Both strikes are close enough to take the roundup on their own;
		// neither is clearly closer.
		from := ix.stories[stray.ID]
		for _, s := range home {
			if sim := ix.storySimilarity(from, s); sim < undatedMergeFactor*ix.cfg.Threshold {
				t.Fatalf("roundup to story %d: %.3f, below the merge bar: the fixture no longer exercises the margin", s.id, sim)
			}
		}
		if merges := ix.MergePass(time.Time{}); len(merges) != 0 {
			t.Errorf("merged a roundup of two strikes into one of them: %+v", merges)
		}
	})
}

// dockStrikes are two disputes at two ports, two reports each, then a
// freight roundup that mentions both alike.
func dockStrikes() []Doc {
	return []Doc{
		{ID: 1, Title: "Dockworkers at Port Halvard walk out over pay",
			Text: "Dockworkers at Port Halvard walked out after talks on a pay rise collapsed, leaving container ships waiting at anchor. The Halvard branch of the harbour union said the stoppage would last until the authority improved its offer of three percent."},
		{ID: 2, Title: "Halvard stoppage strands container ships",
			Text: "Container ships queued outside Port Halvard as dockworkers stayed off the quays in a dispute over pay. The harbour union's Halvard branch rejected the authority's three percent offer."},
		{ID: 3, Title: "Eskel crane drivers refuse night shifts",
			Text: "Crane drivers at Eskel refused to work a new rota of night shifts, halting the loading of grain carriers. Their representatives said the Eskel terminal operator had imposed the rota without consultation."},
		{ID: 4, Title: "Grain carriers idle as Eskel crane drivers hold out",
			Text: "Grain carriers sat idle at Eskel after crane drivers held out against the terminal operator's new night-shift rota, imposed, they say, without consultation."},
		{ID: 5, Title: "Freight rates climb on the northern coast",
			Text: "Freight rates on the northern coast rose for a third week, brokers said. Shippers blamed delays at Halvard, where dockworkers want more pay, and at Eskel, where crane drivers object to night shifts. Insurers raised premiums for cargo held at anchor, and two lines diverted sailings to southern harbours."},
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

// BenchmarkMergePassUndated measures the pass over a batch of 2,000
// articles without times (as `eval cluster` settles its file), where every
// small story is compared with every undated story that shares a key term.
func BenchmarkMergePassUndated(b *testing.B) {
	const size = 2_000
	g := newSynth(5)
	ix := New(Config{})
	for i := range size {
		ix.Add(g.doc(int64(i+1), time.Time{}))
	}
	b.ReportAllocs()
	for b.Loop() {
		ix.MergePass(time.Time{})
	}
}
