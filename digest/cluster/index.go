package cluster

import (
	"cmp"
	"math"
	"slices"
	"sync"
	"time"
)

// Search limits. An article posts its keyTerms most distinctive terms to the
// inverted index and looks up the same number; the maxCandidates stories that
// share the most weight with it over those terms are compared in full. A
// story profile keeps its storyTerms heaviest terms.
var (
	keyTerms      = 16
	maxCandidates = 24
	storyTerms    = 100
	// timePenalty is how much of the similarity a story loses when the
	// article is a whole window away from the story's newest article.
	timePenalty = 0.3
)

// Index clusters docs into stories incrementally. It is safe for concurrent
// use; Add calls are serialised. Adding the same docs in the same order gives
// the same assignments, so an Index is rebuilt by re-adding stored docs in
// time order.
type Index struct {
	mu       sync.Mutex
	cfg      Config
	df       *docFreq
	postings map[uint32][]*docRec
	live     int // live postings
	dead     int // postings of evicted docs not yet removed
	dups     *dupIndex
	byID     map[int64]*docRec
	queue    docQueue
	newest   time.Time
	seq      uint64
	scores   map[*story]float64
}

// story is one open story: the sums of its articles' vectors.
type story struct {
	id     int64
	sum    docVectors
	recent []sparse // unit-weighted vectors of the newest articles
	years  map[int]int
	docs   int      // articles still in the window
	latest time.Time
}

// Channel weights: how much the whole-text, headline and name similarities
// count in the score an article needs to join a story.
var (
	weightAll   = 1.0
	weightTitle = 0.0
	weightNames = 0.0
	titleTerms  = 30
	nameTerms   = 50
	linkMode    = 0
	yearPenalty = 0.0
	memberTerms = 64
)

// docRec is an article in the window.
type docRec struct {
	id    int64
	time  time.Time
	seq   uint64
	story *story
	keys  []uint32
	fp    uint64
	asg   Assignment
	dead  bool
}

// New returns an empty Index.
func New(cfg Config) *Index {
	return &Index{
		cfg:      cfg.withDefaults(),
		df:       newDocFreq(),
		postings: map[uint32][]*docRec{},
		dups:     newDupIndex(),
		byID:     map[int64]*docRec{},
		scores:   map[*story]float64{},
	}
}

// Len returns how many docs are in the window.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.byID)
}

// Add assigns d to an existing story within the window or starts a new one
// (Story == d.ID). Docs older than the window relative to the newest seen are
// evicted first. Adding a doc whose ID is still in the window returns its
// earlier assignment.
func (ix *Index) Add(d Doc) Assignment {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if rec, ok := ix.byID[d.ID]; ok {
		return rec.asg
	}
	t := d.Time
	if t.IsZero() || t.After(ix.newest) {
		if t.After(ix.newest) {
			ix.newest = t
		}
		t = ix.newest
	}
	ix.evict(ix.newest.Add(-ix.cfg.Window))

	v := docTerms(d)
	ix.df.observe(v.all)
	idf := ix.df.idf
	norm := v.all.weightedNorm(idf)
	ranked := v.all.ranked(idf)
	keys := make([]uint32, 0, min(keyTerms, len(ranked)))
	for _, i := range ranked[:min(keyTerms, len(ranked))] {
		keys = append(keys, v.all.keys[i])
	}

	rec := &docRec{id: d.ID, time: t, seq: ix.seq, keys: keys}
	ix.seq++
	best, score := ix.bestStory(v, norm, keys, t)
	// Republishers rewrite headlines, so the body alone identifies a copy.
	fp, words := fingerprint(d.Text)
	if words >= minDuplicateWords {
		rec.fp = fp
		if dup := ix.dups.find(fp); dup != nil {
			// A copy of a copy points at the original.
			rec.asg.DuplicateOf = dup.id
			if dup.asg.DuplicateOf != 0 {
				rec.asg.DuplicateOf = dup.asg.DuplicateOf
			}
			if dup.story != best {
				best, score = dup.story, ix.similarity(v, norm, dup.story, t)
			}
		}
	}
	if best == nil || (score < ix.cfg.Threshold && rec.asg.DuplicateOf == 0) {
		best, score = &story{id: d.ID}, 0
	}
	rec.story = best
	rec.asg.Story, rec.asg.Score = best.id, score
	ix.join(best, v, norm, t)
	ix.insert(rec, words >= minDuplicateWords)
	return rec.asg
}

// bestStory returns the open story most similar to v, or nil when no story
// shares a key term with it.
func (ix *Index) bestStory(v docVectors, norm float64, keys []uint32, t time.Time) (*story, float64) {
	if norm == 0 {
		return nil, 0
	}
	clear(ix.scores)
	idf := ix.df.idf
	for _, k := range keys {
		w := idf(k)
		list := ix.postings[k]
		kept := list[:0]
		for _, r := range list {
			if r.dead {
				ix.dead--
				continue
			}
			kept = append(kept, r)
			ix.scores[r.story] += w
		}
		clear(list[len(kept):])
		ix.postings[k] = kept
	}
	cands := make([]*story, 0, len(ix.scores))
	for s := range ix.scores {
		cands = append(cands, s)
	}
	slices.SortFunc(cands, func(a, b *story) int {
		if c := cmp.Compare(ix.scores[b], ix.scores[a]); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	var best *story
	bestScore := math.Inf(-1)
	for _, s := range cands[:min(maxCandidates, len(cands))] {
		sim := ix.similarity(v, norm, s, t)
		if sim > bestScore || (sim == bestScore && s.id < best.id) {
			best, bestScore = s, sim
		}
	}
	return best, max(bestScore, 0)
}

// similarity is the TF-IDF cosine between v and the story under the current
// document frequencies, lowered when the article is far in time from the
// story's newest article.
func (ix *Index) similarity(v docVectors, norm float64, s *story, t time.Time) float64 {
	idf := ix.df.idf
	sn := s.sum.all.weightedNorm(idf)
	if norm == 0 || sn == 0 {
		return 0
	}
	sim := weightAll * weightedDot(v.all, s.sum.all, idf) / (norm * sn)
	total := weightAll
	for _, ch := range []struct {
		w    float64
		a, b sparse
	}{{weightTitle, v.title, s.sum.title}, {weightNames, v.names, s.sum.names}} {
		if ch.w == 0 {
			continue
		}
		na, nb := ch.a.weightedNorm(idf), ch.b.weightedNorm(idf)
		if na == 0 || nb == 0 {
			continue
		}
		sim += ch.w * weightedDot(ch.a, ch.b, idf) / (na * nb)
		total += ch.w
	}
	sim /= total
	if yearPenalty > 0 && len(v.years) > 0 && len(s.years) > 0 {
		shared := false
		for _, y := range v.years {
			if s.years[y] > 0 {
				shared = true
				break
			}
		}
		if !shared {
			sim *= 1 - yearPenalty
		}
	}
	if linkMode != 0 && len(s.recent) > 0 {
		var best, avg float64
		for _, m := range s.recent {
			c := weightedDot(v.all, m, idf) / (norm * m.weightedNorm(idf))
			best = max(best, c)
			avg += c / float64(len(s.recent))
		}
		switch linkMode {
		case 1:
			sim = best
		case 2:
			sim = avg
		case 3:
			sim = (sim + best) / 2
		case 4:
			sim = (sim + avg) / 2
		}
	}
	if !t.IsZero() && !s.latest.IsZero() {
		gap := t.Sub(s.latest).Abs()
		sim *= 1 - timePenalty*min(1, float64(gap)/float64(ix.cfg.Window))
	}
	return sim
}

// join adds v, scaled to unit weighted norm, to the story's profile.
func (ix *Index) join(s *story, v docVectors, norm float64, t time.Time) {
	idf := ix.df.idf
	for _, y := range v.years {
		if s.years == nil {
			s.years = map[int]int{}
		}
		s.years[y]++
	}
	if linkMode != 0 {
		s.recent = append(s.recent, v.all.top(memberTerms, idf))
		if len(s.recent) > 8 {
			s.recent = s.recent[1:]
		}
	}
	if norm > 0 {
		s.sum.all = addScaled(s.sum.all, v.all, 1/norm).top(storyTerms, idf)
	}
	if n := v.title.weightedNorm(idf); n > 0 {
		s.sum.title = addScaled(s.sum.title, v.title, 1/n).top(titleTerms, idf)
	}
	if n := v.names.weightedNorm(idf); n > 0 {
		s.sum.names = addScaled(s.sum.names, v.names, 1/n).top(nameTerms, idf)
	}
	s.docs++
	if t.After(s.latest) {
		s.latest = t
	}
}

// insert files rec in the window, the inverted index and, when it is long
// enough, the near-duplicate index.
func (ix *Index) insert(rec *docRec, dupable bool) {
	for _, k := range rec.keys {
		ix.postings[k] = append(ix.postings[k], rec)
	}
	ix.live += len(rec.keys)
	if dupable {
		ix.dups.add(rec)
	}
	ix.byID[rec.id] = rec
	ix.queue.push(rec)
}
