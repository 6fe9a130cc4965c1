// Package pipeline turns stored articles into analysed, clustered ones: it
// takes what ingestion saved, runs digest.Analyze on each, assigns it to a
// story with the cluster index, and saves both. It also turns stored articles
// back into digest items for digests.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/digest/cluster"
	"github.com/newsdigest/newsdigest/store"
)

// Store is what the pipeline needs of storage.
type Store interface {
	Unanalyzed(ctx context.Context, limit int) ([]store.Article, error)
	Articles(ctx context.Context, q store.ArticleQuery) ([]store.Article, error)
	SaveAnalysis(ctx context.Context, articleID int64, an digest.Analysis) error
	SetStory(ctx context.Context, articleID, storyID int64) error
	// MergeStory moves the articles of story from into story into.
	MergeStory(ctx context.Context, into, from int64) error
	// LoadDocFreqs and SaveDocFreqs keep the clustering's document
	// frequencies between runs (see stream.go).
	LoadDocFreqs(ctx context.Context) (docs float64, terms map[uint32]float64, err error)
	SaveDocFreqs(ctx context.Context, docs float64, terms map[uint32]float64, replace bool) error
}

// batch is how many unanalysed articles one step loads.
const batch = 500

// Pipeline analyses and clusters articles. It is safe for concurrent use;
// steps run one at a time.
type Pipeline struct {
	st     Store
	window time.Duration
	log    *slog.Logger
	now    func() time.Time

	// Analysed, when set, is told how long each article's analysis
	// took (for metrics). Set it before the first Process.
	Analysed func(time.Duration)

	mu        sync.Mutex
	index     *cluster.Index
	restored  bool
	dfSavedAt time.Time // when the document frequencies were last stored (stream.go)
}

// New returns a pipeline clustering within window (0: the cluster default).
func New(st Store, window time.Duration, log *slog.Logger) *Pipeline {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Pipeline{st: st, window: window, log: log, now: time.Now,
		index: cluster.New(cluster.Config{Window: window})}
}

// Process analyses and clusters every article that has no analysis yet and
// returns how many it processed.
func (p *Pipeline) Process(ctx context.Context) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.restore(ctx); err != nil {
		return 0, err
	}
	total := 0
	for {
		arts, err := p.st.Unanalyzed(ctx, batch)
		if err != nil {
			return total, fmt.Errorf("pipeline: load unanalysed articles: %w", err)
		}
		if len(arts) == 0 {
			return total, p.settle(ctx)
		}
		slices.SortStableFunc(arts, func(a, b store.Article) int { return docTime(a).Compare(docTime(b)) })
		for i := range arts {
			if err := p.processOne(ctx, &arts[i]); err != nil {
				return total, err
			}
			total++
		}
	}
}

func (p *Pipeline) processOne(ctx context.Context, a *store.Article) error {
	started := time.Now()
	an := digest.Analyze(a.Article)
	if p.Analysed != nil {
		p.Analysed(time.Since(started))
	}
	if err := p.st.SaveAnalysis(ctx, a.ID, an); err != nil {
		return fmt.Errorf("pipeline: save analysis of article %d: %w", a.ID, err)
	}
	as := p.index.Add(clusterDoc(*a))
	if err := p.st.SetStory(ctx, a.ID, as.Story); err != nil {
		return fmt.Errorf("pipeline: set story of article %d: %w", a.ID, err)
	}
	p.log.Debug("article analysed", slog.Int64("article_id", a.ID), slog.Int64("story_id", as.Story),
		slog.Duration("took", time.Since(started)))
	return nil
}

// restore feeds the index the already clustered articles of the window once,
// so that stories continue across restarts.
func (p *Pipeline) restore(ctx context.Context) error {
	if p.restored {
		return nil
	}
	if err := p.loadDocFreqs(ctx); err != nil {
		return err
	}
	window := p.window
	if window <= 0 {
		window = 72 * time.Hour
	}
	arts, err := p.st.Articles(ctx, store.ArticleQuery{Since: p.now().Add(-window)})
	if err != nil {
		return fmt.Errorf("pipeline: restore stories: %w", err)
	}
	slices.SortStableFunc(arts, func(a, b store.Article) int { return docTime(a).Compare(docTime(b)) })
	for _, a := range arts {
		if a.Analysis != nil && a.StoryID != 0 {
			p.index.Restore(clusterDoc(a), a.StoryID)
		}
	}
	p.restored = true
	return nil
}

func clusterDoc(a store.Article) cluster.Doc {
	return cluster.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Time: docTime(a)}
}

// docTime is when an article appeared: its publication time, else when we first saw it.
func docTime(a store.Article) time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	return a.FirstSeenAt
}
