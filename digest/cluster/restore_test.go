package cluster

import (
	"testing"
	"time"
)

// TestRestore rebuilds an index from stored assignments, as the app does at
// start, and checks that new docs continue the stored stories.
func TestRestore(t *testing.T) {
	docs := fixtureDocs(t0, 1)
	ix := New(Config{})
	stored := map[int64]int64{}
	for _, d := range docs {
		stored[d.ID] = ix.Add(d).Story
	}
	// Stored story IDs the index would not choose itself: the second strike
	// article was filed under story 77 (say, by an older version).
	stored[3], stored[1] = 77, 77

	rebuilt := New(Config{})
	for _, d := range docs {
		if a := rebuilt.Restore(d, stored[d.ID]); a.Story != stored[d.ID] {
			t.Errorf("restoring doc %d into story %d: got story %d", d.ID, stored[d.ID], a.Story)
		}
	}
	next := Doc{ID: 50, Title: "Lindenport strike ends as drivers accept pay deal",
		Text: `Lindenport's bus drivers voted to end their strike after the transit authority raised its wage offer.
Buses will run again from Thursday. The drivers' union said the new raise made up for three years without an increase.`,
		Time: docs[len(docs)-1].Time.Add(time.Hour)}
	if a := rebuilt.Add(next); a.Story != 77 {
		t.Errorf("new strike article: story %d (score %.3f), want the restored story 77", a.Story, a.Score)
	}
	if a := rebuilt.Restore(docs[4], 999); a.Story != stored[5] {
		t.Errorf("restoring a doc already in the window: story %d, want its first assignment %d", a.Story, stored[5])
	}
}

func TestRestoreWithoutStoryIsAdd(t *testing.T) {
	docs := fixtureDocs(t0, 1)
	a, b := New(Config{}), New(Config{})
	for _, d := range docs {
		if x, y := a.Add(d), b.Restore(d, 0); x != y {
			t.Errorf("doc %d: Add %+v, Restore(0) %+v", d.ID, x, y)
		}
	}
}

func TestRestoredStoryCloses(t *testing.T) {
	ix := New(Config{Window: time.Hour})
	docs := fixtureDocs(t0, 1)
	ix.Restore(docs[0], 42)
	late := docs[2]
	late.Time = docs[0].Time.Add(3 * time.Hour)
	if a := ix.Add(late); a.Story == 42 {
		t.Error("an article after the window joined a story whose articles were all evicted")
	}
	if _, open := ix.stories[42]; open {
		t.Error("story 42 is still open after its only article left the window")
	}
}
