package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsdigest/newsdigest/digest/cluster"
)

// loadDocFreqs gives the index the document frequencies an earlier run
// stored, so that a restarted bot weighs words as it had learned to; on a
// new database the index keeps its background table.
func (p *Pipeline) loadDocFreqs(ctx context.Context) error {
	docs, terms, err := p.st.LoadDocFreqs(ctx)
	if err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	p.index.LoadDocFreqs(cluster.DocFreqs{Docs: docs, Terms: terms})
	return nil
}

// settle ends a processing step: the merge pass over the small stories of
// the last hours, then the document frequencies are stored.
func (p *Pipeline) settle(ctx context.Context) error {
	if err := p.mergeStories(ctx); err != nil {
		return err
	}
	return p.saveDocFreqs(ctx)
}

// mergeStories runs the index's merge pass and moves the stored articles of
// each merged story into the story it joined, under the lease.
func (p *Pipeline) mergeStories(ctx context.Context) error {
	for _, m := range p.index.MergePass(p.now()) {
		seq, err := p.st.MergeStory(ctx, p.lease, m.Into, m.From)
		if err != nil {
			// The index holds merges the store does not: rebuild it.
			p.restored = false
			return fmt.Errorf("pipeline: %w", err)
		}
		p.seq = seq
		p.log.Debug("stories merged", slog.Int64("story_id", m.Into), slog.Int64("merged_story_id", m.From))
	}
	return nil
}

// flushDocFreqs stores the document frequencies now, whatever the time
// since the last save: before the lease goes to another instance, which
// loads them when it rebuilds its index.
func (p *Pipeline) flushDocFreqs(ctx context.Context) error {
	if !p.restored {
		return nil // the index does not reflect the store: nothing to add
	}
	p.dfSavedAt = time.Time{}
	return p.saveDocFreqs(ctx)
}

// docFreqSaveEvery spaces the saves of the document frequencies: they
// drift slowly, and a bot that stops loses at most this much of what it
// learned about words, while saving after every poll round would cost a
// write of a few hundred rows each time.
const docFreqSaveEvery = time.Hour

// saveDocFreqs stores the document frequencies that changed since the last
// save, at most every docFreqSaveEvery.
func (p *Pipeline) saveDocFreqs(ctx context.Context) error {
	now := p.now()
	if !p.dfSavedAt.IsZero() && now.Sub(p.dfSavedAt) < docFreqSaveEvery && now.After(p.dfSavedAt) {
		return nil
	}
	p.dfSavedAt = now
	d := p.index.DocFreqChanges()
	if len(d.Terms) == 0 && !d.Full {
		return nil
	}
	if err := p.st.SaveDocFreqs(ctx, d.Docs, d.Terms, d.Full); err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	return nil
}
