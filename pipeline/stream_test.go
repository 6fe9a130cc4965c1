package pipeline_test

import (
	"context"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/pipeline"
)

// TestDocFreqsPersist checks that what the clustering learns about words is
// stored and picked up by the next pipeline on the same database.
func TestDocFreqsPersist(t *testing.T) {
	ctx := context.Background()
	st, feeds := openStore(t)
	if docs, _, err := st.LoadDocFreqs(ctx); err != nil || docs != 0 {
		t.Fatalf("new database holds %v documents (%v)", docs, err)
	}
	for i, a := range articles {
		save(t, st, feeds, i, a)
	}
	p := pipeline.New(st, 0, nil)
	if _, err := p.Process(ctx); err != nil {
		t.Fatal(err)
	}
	if err := p.Release(ctx); err != nil {
		t.Fatal(err)
	}
	first, terms, err := st.LoadDocFreqs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if first < float64(len(articles)) || len(terms) < 1000 {
		t.Fatalf("stored %v documents and %d terms; want the background table and the articles", first, len(terms))
	}
	// The restarted pipeline restores the window's articles without
	// counting them again, and counts the new one once.
	save(t, st, feeds, len(articles), followUp)
	p = pipeline.New(st, 0, nil)
	if _, err := p.Process(ctx); err != nil {
		t.Fatal(err)
	}
	second, _, err := st.LoadDocFreqs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if second != first+1 {
		t.Errorf("after a restart and one article: %v documents, want %v", second, first+1)
	}
	// Within the hour another article is counted but not yet stored; handing
	// the lease over stores it.
	extra := followUp
	extra.title = "Saltmarsh ferry talks resume"
	save(t, st, feeds, len(articles)+1, extra)
	if _, err := p.Process(ctx); err != nil {
		t.Fatal(err)
	}
	if docs, _, _ := st.LoadDocFreqs(ctx); docs != second {
		t.Errorf("stored again within the hour: %v documents, want still %v", docs, second)
	}
	if err := p.Release(ctx); err != nil {
		t.Fatal(err)
	}
	if docs, _, _ := st.LoadDocFreqs(ctx); docs != second+1 {
		t.Errorf("after handing over: %v documents stored, want %v", docs, second+1)
	}
}

// TestSetClock runs the pipeline on an injected clock: the stories of a
// stream replayed long after it happened are restored from its own time.
func TestSetClock(t *testing.T) {
	ctx := context.Background()
	st, feeds := openStore(t)
	for i, a := range articles {
		save(t, st, feeds, i, a)
	}
	clock := base.Add(time.Hour)
	p := pipeline.New(st, 0, nil)
	p.SetClock(func() time.Time { return clock })
	if _, err := p.Process(ctx); err != nil {
		t.Fatal(err)
	}
	if err := p.Release(ctx); err != nil {
		t.Fatal(err)
	}
	// A pipeline whose clock is a year on finds no open story to continue.
	id := save(t, st, feeds, len(articles), followUp)
	later := pipeline.New(st, 0, nil)
	later.SetClock(func() time.Time { return base.AddDate(1, 0, 0) })
	if _, err := later.Process(ctx); err != nil {
		t.Fatal(err)
	}
	// Nothing was restored, so the follow-up founds a story of its own
	// (with the wall clock it joins the ferry story: see
	// TestProcessAnalysesAndClustersAcrossRestarts).
	if got := storyIDs(t, st)[id]; got != id {
		t.Errorf("follow-up is in story %d, want its own story %d", got, id)
	}
}
