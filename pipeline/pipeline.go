// Package pipeline turns stored articles into analysed, clustered ones: it
// takes what ingestion saved, runs digest.Analyze on each, assigns it to a
// story with the cluster index, and saves both. It also turns stored articles
// back into digest items for digests.
//
// Stories depend on the order in which articles are clustered, so however
// many instances share the database, one clusters at a time: Process runs
// under the store's pipeline lease (see lease.go), and an instance that
// takes the lease after another one worked rebuilds its index from the
// stored assignments, in the order they were made, before going on.
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

// Store is what the pipeline needs of storage: the articles to process,
// those already in stories (to rebuild the index), and the lease under
// which it saves story assignments.
type Store interface {
	Unanalyzed(ctx context.Context, limit int) ([]store.Article, error)
	ClusteredSince(ctx context.Context, since time.Time) ([]store.Article, error)
	SaveAnalysis(ctx context.Context, articleID int64, an digest.Analysis) error
	AssignStory(ctx context.Context, l store.Lease, articleID, storyID int64) (int64, error)
	AcquireLease(ctx context.Context, name, owner string, held int64, now time.Time, ttl time.Duration) (store.Lease, error)
	ReleaseLease(ctx context.Context, l store.Lease) error
	// MergeStory moves the articles of story from into story into, under
	// the lease like AssignStory (see stream.go).
	MergeStory(ctx context.Context, l store.Lease, into, from int64) (int64, error)
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
	// Owner names this instance in the pipeline lease; serve sets its
	// stable instance name. Default: a name unique to this Pipeline.
	Owner string
	// LeaseTTL is how long the lease outlives its holder's last sign of
	// life; an instance that dies holding it hands over after this long.
	// Process must be called more often than this. Default DefaultLeaseTTL.
	LeaseTTL time.Duration

	mu        sync.Mutex
	index     *cluster.Index
	restored  bool
	lease     store.Lease // the lease held; Token 0 when none
	seq       int64       // the lease's Seq that index reflects
	renewed   time.Time   // when lease was last taken or renewed
	dfSavedAt time.Time   // when the document frequencies were last stored (stream.go)
}

// New returns a pipeline clustering within window (0: the cluster default).
func New(st Store, window time.Duration, log *slog.Logger) *Pipeline {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Pipeline{st: st, window: window, log: log, now: time.Now, Owner: uniqueOwner(),
		index: cluster.New(cluster.Config{Window: window})}
}

// Process analyses and clusters every article that has no analysis or
// story yet and returns how many it processed. When another instance holds
// the pipeline lease it does nothing and returns an error matching
// store.ErrLeaseHeld; if it loses the lease midway, one matching
// store.ErrLeaseLost.
func (p *Pipeline) Process(ctx context.Context) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.acquire(ctx); err != nil {
		return 0, err
	}
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
			if err := p.renew(ctx); err != nil {
				return total, err
			}
			if err := p.processOne(ctx, &arts[i]); err != nil {
				// The index may hold a decision the store does not:
				// rebuild it before clustering again.
				p.restored = false
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
	seq, err := p.st.AssignStory(ctx, p.lease, a.ID, as.Story)
	if err != nil {
		return fmt.Errorf("pipeline: set story of article %d: %w", a.ID, err)
	}
	p.seq = seq
	p.log.Debug("article analysed", slog.Int64("article_id", a.ID), slog.Int64("story_id", as.Story),
		slog.Duration("took", time.Since(started)))
	return nil
}

// restore rebuilds the index from the clustered articles of the window,
// replayed in the order they were clustered, when it does not reflect the
// stored stories: at the first Process, after another instance clustered
// under the lease, and after a failed step. Stories thus continue across
// restarts and handovers exactly as one instance would have continued them
// (document frequencies come from the store, see stream.go).
func (p *Pipeline) restore(ctx context.Context) error {
	if p.restored {
		return nil
	}
	window := p.window
	if window <= 0 {
		window = cluster.DefaultWindow
	}
	arts, err := p.st.ClusteredSince(ctx, p.now().Add(-window))
	if err != nil {
		return fmt.Errorf("pipeline: restore stories: %w", err)
	}
	p.index = cluster.New(cluster.Config{Window: p.window})
	if err := p.loadDocFreqs(ctx); err != nil {
		return err
	}
	for _, a := range arts {
		p.index.Restore(clusterDoc(a), a.StoryID)
	}
	p.restored, p.seq = true, p.lease.Seq
	p.log.Debug("cluster index rebuilt", slog.Int("articles", len(arts)), slog.Int64("seq", p.seq))
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
